import { IncompleteInput, ShellSyntaxError, UNEXPECTED_EOF, unexpectedToken, unmatched } from "./errors";

/** Characters that end an unquoted word (bash's metacharacters). */
export const META = new Set([" ", "\t", "\n", "|", "&", ";", "(", ")", "<", ">"]);

/** Control and redirection operators, longest first so that matching is greedy. */
const OPERATORS = [
  ";;&",
  "&>>",
  "<<<",
  "<<-",
  "&&",
  "||",
  ";;",
  ";&",
  "|&",
  "<<",
  ">>",
  "<&",
  ">&",
  "<>",
  ">|",
  "&>",
  "&",
  "|",
  ";",
  "(",
  ")",
  "<",
  ">",
];

/**
 * The position in the source and what every layer of the parser needs from it: peeking,
 * line numbers for messages and $LINENO, and errors worded as bash's.
 */
export class Scanner {
  pos = 0;
  /** Offsets of every newline, to turn a position into a line number. */
  private newlines: number[] = [];

  constructor(
    public src: string,
    /** The line number of the first character (sub-parsers of `...` start mid-file). */
    protected readonly firstLine = 1,
  ) {
    this.indexLines();
  }

  protected indexLines(): void {
    this.newlines = [];
    for (let i = this.src.indexOf("\n"); i >= 0; i = this.src.indexOf("\n", i + 1)) this.newlines.push(i);
  }

  get eof(): boolean {
    return this.pos >= this.src.length;
  }

  peek(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }

  startsWith(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  lineAt(pos: number): number {
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.newlines[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return this.firstLine + lo;
  }

  get line(): number {
    return this.lineAt(this.pos);
  }

  /** The line bash blames for an error at end of input: one past the last line. */
  get eofLine(): number {
    const lines = this.newlines.length + (this.src.endsWith("\n") || this.src === "" ? 0 : 1);
    return this.firstLine + lines;
  }

  /** Spaces, tabs and backslash-newline continuations. */
  skipBlanks(): void {
    for (;;) {
      const ch = this.src[this.pos];
      if (ch === " " || ch === "\t") this.pos++;
      else if (ch === "\\" && this.src[this.pos + 1] === "\n") this.pos += 2;
      else return;
    }
  }

  /** A comment runs from # at the start of a word to the end of the line. */
  skipComment(): void {
    if (this.src[this.pos] !== "#") return;
    const nl = this.src.indexOf("\n", this.pos);
    this.pos = nl < 0 ? this.src.length : nl;
  }

  /** The operator at the current position, if any. */
  peekOperator(): string | null {
    const ch = this.src[this.pos];
    if (ch === undefined || !"&|;()<>".includes(ch)) return null;
    for (const op of OPERATORS) if (this.src.startsWith(op, this.pos)) return op;
    return null;
  }

  /** What bash names the token at the current position in `near unexpected token` errors. */
  tokenHere(): string {
    if (this.eof) return "newline";
    if (this.peek() === "\n") return "newline";
    const op = this.peekOperator();
    if (op) return op;
    let end = this.pos;
    while (end < this.src.length && !META.has(this.src[end])) end++;
    return this.src.slice(this.pos, end);
  }

  /** A `near unexpected token` error for the token at the current position (or `token`). */
  unexpected(token = this.tokenHere()): ShellSyntaxError {
    if (this.eof) return this.incomplete();
    return new ShellSyntaxError(unexpectedToken(token), this.line, this.lineText(this.pos));
  }

  /** `near unexpected token` even at the end of input (`newline`), where a word must follow. */
  unexpectedHere(): ShellSyntaxError {
    return new ShellSyntaxError(unexpectedToken(this.tokenHere()), this.line, this.lineText(this.pos));
  }

  incomplete(expecting?: string): IncompleteInput {
    return new IncompleteInput(UNEXPECTED_EOF, this.eofLine, false, this.endLine, expecting);
  }

  /** The line the input ends on: the first line plus the newlines read. */
  get endLine(): number {
    return this.firstLine + this.newlines.length;
  }

  /** Input ended inside a quote or an expansion opened at `start`. */
  unterminated(closer: string, start: number, atEnd = false): IncompleteInput {
    // bash blames the opening line, except for $( ... ), which it blames at the end.
    return new IncompleteInput(unmatched(closer), atEnd ? this.eofLine : this.lineAt(start), true, this.endLine);
  }

  lineText(pos: number): string {
    const start = this.src.lastIndexOf("\n", pos - 1) + 1;
    const nl = this.src.indexOf("\n", pos);
    return this.src.slice(start, nl < 0 ? undefined : nl);
  }
}
