/**
 * awk's tokens. Newlines are tokens (they end statements); a backslash before a
 * newline joins lines; `#` starts a comment. Whether `/` starts a regex or divides
 * depends on where the parser is, so the parser asks for a regex explicitly (rescan).
 */
export type TokenKind =
  | "number"
  | "string"
  | "regex"
  | "name"
  /** A name immediately followed by `(`: a user function call. */
  | "funcname"
  | "builtin"
  | "keyword"
  | "punct"
  | "newline"
  | "eof";

export interface Token {
  kind: TokenKind;
  /** The keyword, punctuation or name itself; the decoded text of a string or regex. */
  text: string;
  value?: number;
  /** Offset of the token in the source, for the caret of syntax errors. */
  pos: number;
}

export const KEYWORDS = new Set([
  "BEGIN",
  "END",
  "BEGINFILE",
  "ENDFILE",
  "function",
  "func",
  "if",
  "else",
  "while",
  "for",
  "do",
  "break",
  "continue",
  "next",
  "nextfile",
  "exit",
  "return",
  "delete",
  "in",
  "getline",
  "print",
  "printf",
]);

export const BUILTINS = new Set([
  "length",
  "substr",
  "index",
  "split",
  "sub",
  "gsub",
  "gensub",
  "match",
  "sprintf",
  "sin",
  "cos",
  "atan2",
  "exp",
  "log",
  "sqrt",
  "int",
  "rand",
  "srand",
  "tolower",
  "toupper",
  "system",
  "close",
  "fflush",
  "systime",
  "strftime",
]);

const PUNCTUATION = [
  "**=",
  "&&",
  "||",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "^=",
  "==",
  "<=",
  ">=",
  "!=",
  "!~",
  ">>",
  "**",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ";",
  ",",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "!",
  ">",
  "<",
  "|",
  "?",
  ":",
  "~",
  "$",
  "=",
];

/** A lexical error, worded as gawk words it. */
export class LexError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

/** String escapes as awk reads them in "..." (and gawk in regex literals). */
export const STRING_ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  '"': '"',
  "/": "/",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
};

export class Lexer {
  private pos = 0;

  constructor(readonly source: string) {}

  get offset(): number {
    return this.pos;
  }

  /** Moves back to `pos` (after the parser peeked too far). */
  reset(pos: number): void {
    this.pos = pos;
  }

  next(): Token {
    this.skipBlanks();
    const start = this.pos;
    if (this.pos >= this.source.length) return { kind: "eof", text: "", pos: start };
    const ch = this.source[this.pos];
    if (ch === "\n") {
      this.pos++;
      return { kind: "newline", text: "\n", pos: start };
    }
    if (ch === '"') return this.string();
    if (/[0-9.]/.test(ch) && /^\.?[0-9]/.test(this.source.slice(this.pos, this.pos + 2))) return this.number();
    if (/[A-Za-z_]/.test(ch)) return this.word();
    for (const p of PUNCTUATION) {
      if (this.source.startsWith(p, this.pos)) {
        this.pos += p.length;
        return { kind: "punct", text: p, pos: start };
      }
    }
    throw new LexError(`invalid char '${ch}' in expression`, start);
  }

  /** Re-reads a `/` or `/=` token at `pos` as the start of a regex literal. */
  regex(pos: number): Token {
    this.pos = pos + 1;
    let text = "";
    let inBracket = false;
    for (;;) {
      if (this.pos >= this.source.length || this.source[this.pos] === "\n") {
        throw new LexError("unterminated regexp", this.pos);
      }
      const ch = this.source[this.pos++];
      if (ch === "\\" && this.pos < this.source.length) {
        const next = this.source[this.pos++];
        if (next === "/") text += "/";
        else if (next === "\n") continue;
        else text += `\\${next}`;
        continue;
      }
      if (ch === "[" && !inBracket) {
        inBracket = true;
        text += ch;
        // A ] right after [ or [^ is a member, not the end.
        if (this.source[this.pos] === "^") text += this.source[this.pos++];
        if (this.source[this.pos] === "]") text += this.source[this.pos++];
        continue;
      }
      if (ch === "[" && inBracket && /[:.=]/.test(this.source[this.pos] ?? "")) {
        const kind = this.source[this.pos];
        const close = this.source.indexOf(`${kind}]`, this.pos + 1);
        if (close > 0) {
          text += this.source.slice(this.pos - 1, close + 2);
          this.pos = close + 2;
          continue;
        }
      }
      if (ch === "]" && inBracket) inBracket = false;
      if (ch === "/" && !inBracket) break;
      text += ch;
    }
    return { kind: "regex", text, pos };
  }

  private skipBlanks(): void {
    for (;;) {
      const ch = this.source[this.pos];
      if (ch === " " || ch === "\t" || ch === "\r") this.pos++;
      else if (ch === "\\" && this.source[this.pos + 1] === "\n") this.pos += 2;
      else if (ch === "\\" && this.source.startsWith("\r\n", this.pos + 1)) this.pos += 3;
      else if (ch === "#") {
        while (this.pos < this.source.length && this.source[this.pos] !== "\n") this.pos++;
      } else return;
    }
  }

  private string(): Token {
    const start = this.pos++;
    let text = "";
    for (;;) {
      if (this.pos >= this.source.length || this.source[this.pos] === "\n") {
        throw new LexError("unterminated string", start);
      }
      const ch = this.source[this.pos++];
      if (ch === '"') break;
      if (ch !== "\\") {
        text += ch;
        continue;
      }
      const next = this.source[this.pos++];
      if (next === undefined) throw new LexError("unterminated string", start);
      if (next === "\n") continue;
      if (next in STRING_ESCAPES) text += STRING_ESCAPES[next];
      else if (/[0-7]/.test(next)) {
        const digits = /^[0-7]{1,3}/.exec(this.source.slice(this.pos - 1))?.[0] ?? next;
        text += String.fromCharCode(Number.parseInt(digits, 8));
        this.pos += digits.length - 1;
      } else if (next === "x" && /[0-9a-fA-F]/.test(this.source[this.pos] ?? "")) {
        const digits = /^[0-9a-fA-F]{1,2}/.exec(this.source.slice(this.pos))?.[0] ?? "";
        text += String.fromCharCode(Number.parseInt(digits, 16));
        this.pos += digits.length;
      } else {
        // gawk keeps the backslash of an unknown escape (with a warning), so "\." is `\.` for a regex.
        text += `\\${next}`;
      }
    }
    return { kind: "string", text, pos: start };
  }

  private number(): Token {
    const start = this.pos;
    const rest = this.source.slice(this.pos);
    const hex = /^0[xX][0-9a-fA-F]+/.exec(rest);
    if (hex) {
      this.pos += hex[0].length;
      return { kind: "number", text: hex[0], value: Number.parseInt(hex[0].slice(2), 16), pos: start };
    }
    const octal = /^0[0-7]+(?![0-9.eE])/.exec(rest);
    if (octal) {
      // gawk reads 017 in a program as octal (not in input data).
      this.pos += octal[0].length;
      return { kind: "number", text: octal[0], value: Number.parseInt(octal[0], 8), pos: start };
    }
    const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(rest) as RegExpExecArray;
    this.pos += m[0].length;
    return { kind: "number", text: m[0], value: Number(m[0]), pos: start };
  }

  private word(): Token {
    const start = this.pos;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.source.slice(this.pos)) as RegExpExecArray;
    this.pos += m[0].length;
    const word = m[0];
    if (KEYWORDS.has(word)) return { kind: "keyword", text: word === "func" ? "function" : word, pos: start };
    if (BUILTINS.has(word)) return { kind: "builtin", text: word, pos: start };
    if (this.source[this.pos] === "(") return { kind: "funcname", text: word, pos: start };
    return { kind: "name", text: word, pos: start };
  }
}
