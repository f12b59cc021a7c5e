import { decodeEscapes } from "../escapes";
import type { ParamExp, ParamOp, Script, Word, WordPart } from "./ast";
import { recordWordSource } from "./printer";
import { META, Scanner } from "./scanner";

/** Where a run of word parts is being read, which decides what ends it and what quotes mean. */
interface PartsContext {
  /** Called for each unquoted character before it is taken literally: true ends the run. */
  stop: (ch: string) => boolean;
  /** Whether ' and " quote (false inside "..." and here-documents). */
  quotes: boolean;
  /** Inside "...": a backslash escapes only $ ` " \ and newline. */
  dq?: boolean;
  /** In a here-document: a backslash escapes only $ ` \ and newline. */
  heredoc?: boolean;
  /** An unquoted command word, where <(...) and >(...) substitute processes. */
  processes?: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = "@*#?-$!0";

/**
 * Words and everything inside them: quotes, escapes, parameter expansion, command
 * substitution and arithmetic. The command grammar is built on top (parser.ts), and
 * supplies the nested parse of $(...) and `...`.
 */
export abstract class WordParser extends Scanner {
  /** Parses commands up to a `)` that closes a $( ... ), leaving the position on it. */
  protected abstract parseNestedScript(): Script;
  /** Parses the text of a `...` command substitution, found at `line`. */
  protected abstract parseBackquoted(text: string, line: number): Script;

  /** An unquoted shell word: stops at a metacharacter. `regex` keeps ( ) | inside, as after =~ in [[ ]]. */
  readWord(regex = false): Word {
    let depth = 0;
    const stop = regex
      ? (ch: string) => {
          if (ch === "(") {
            depth++;
            return false;
          }
          if (ch === ")") {
            if (depth === 0) return true;
            depth--;
            return false;
          }
          if (ch === "|" && this.peek(1) !== "|") return false;
          if (depth > 0 && (ch === " " || ch === "<" || ch === ">")) return false;
          return META.has(ch);
        }
      : (ch: string) => META.has(ch);
    const start = this.pos;
    const word = { parts: this.parseParts({ stop, quotes: true, processes: true }) };
    recordWordSource(word, this.src.slice(start, this.pos));
    return word;
  }

  /** The body of a here-document whose delimiter was not quoted: $, ` and \ are active. */
  parseHeredocBody(): Word {
    return { parts: this.parseParts({ stop: () => false, quotes: false, heredoc: true }) };
  }

  /**
   * Arithmetic text up to the first of `stops` outside parentheses and brackets: `)` for
   * $((...)) and ((...)), `;)` in for ((;;)), `]` for a subscript, `:}` for ${x:off:len}.
   */
  readArith(stops: string): Word {
    let depth = 0;
    const stop = (ch: string) => {
      if (depth === 0 && stops.includes(ch)) return true;
      if (ch === "(" || ch === "[") depth++;
      else if (ch === ")" || ch === "]") depth--;
      return false;
    };
    const start = this.pos;
    const parts = this.parseParts({ stop, quotes: true });
    // An open subscript is reported as the open ${ around it, as bash does.
    if (this.eof) throw this.unterminated(stops.includes("]") || stops.includes("}") ? "}" : ")", start);
    const word = { parts };
    recordWordSource(word, this.src.slice(start, this.pos));
    return word;
  }

  protected parseParts(ctx: PartsContext): WordPart[] {
    const parts: WordPart[] = [];
    let text = "";
    const flush = () => {
      if (text !== "") parts.push({ type: "lit", value: text });
      text = "";
    };
    const push = (part: WordPart) => {
      flush();
      parts.push(part);
    };
    while (!this.eof) {
      const ch = this.src[this.pos];
      if (ch === "\\") {
        const next = this.src[this.pos + 1];
        if (next === "\n") {
          this.pos += 2;
          continue;
        }
        if (next === undefined) {
          text += "\\";
          this.pos++;
          continue;
        }
        const escapable = ctx.dq ? '$`"\\' : ctx.heredoc ? "$`\\" : null;
        if (escapable && !escapable.includes(next)) {
          text += "\\";
          this.pos++;
          continue;
        }
        push({ type: "sq", value: next });
        this.pos += 2;
        continue;
      }
      if (ch === "$") {
        const part = this.parseDollar(ctx.quotes);
        if (part) push(part);
        else {
          text += "$";
          this.pos++;
        }
        continue;
      }
      if (ch === "`") {
        push(this.parseBackquote(ctx.dq === true));
        continue;
      }
      if (ctx.quotes && ch === "'") {
        push(this.parseSingleQuoted());
        continue;
      }
      if (ctx.quotes && ch === '"') {
        push(this.parseDoubleQuoted());
        continue;
      }
      if (ctx.processes && (ch === "<" || ch === ">") && this.src[this.pos + 1] === "(") {
        push(this.parseProcessSubstitution());
        continue;
      }
      if (ctx.stop(ch)) break;
      text += ch;
      this.pos++;
    }
    flush();
    return parts;
  }

  private parseSingleQuoted(): WordPart {
    const start = this.pos;
    const end = this.src.indexOf("'", this.pos + 1);
    if (end < 0) throw this.unterminated("'", start);
    this.pos = end + 1;
    return { type: "sq", value: this.src.slice(start + 1, end) };
  }

  private parseDoubleQuoted(): WordPart {
    const start = this.pos;
    this.pos++;
    const parts = this.parseParts({ stop: (ch) => ch === '"', quotes: false, dq: true });
    if (this.eof) throw this.unterminated('"', start);
    this.pos++;
    return { type: "dq", parts };
  }

  /** $'...': ANSI-C quoting; only \\ and \' can hide the closing quote. */
  private parseAnsiC(): WordPart {
    const start = this.pos;
    let i = this.pos + 2;
    while (i < this.src.length && this.src[i] !== "'") i += this.src[i] === "\\" ? 2 : 1;
    if (i >= this.src.length) throw this.unterminated("'", start);
    this.pos = i + 1;
    return { type: "sq", value: decodeEscapes(this.src.slice(start + 2, i), "ansic").text };
  }

  /** A $ expansion at the current position, or null when the $ is literal. */
  private parseDollar(quotesActive: boolean): WordPart | null {
    const next = this.src[this.pos + 1];
    if (next === "'" && quotesActive && !this.posix()) return this.parseAnsiC();
    if (next === '"' && quotesActive && !this.posix()) {
      // $"..." is locale translation; without message catalogs it is "...".
      this.pos++;
      return this.parseDoubleQuoted();
    }
    if (next === "(") {
      if (this.src[this.pos + 2] === "(" && this.isArithmetic(this.pos + 3)) return this.parseArithExpansion();
      return this.parseCommandSubstitution();
    }
    if (next === "{") return this.parseBraceParam();
    if (next === "[") {
      // $[expr]: bash's old spelling of $((expr)).
      this.pos += 2;
      const expr = this.readArith("]");
      this.pos++;
      return { type: "arith", expr };
    }
    if (next !== undefined && NAME_START.test(next)) {
      let end = this.pos + 2;
      while (end < this.src.length && NAME_CHAR.test(this.src[end])) end++;
      const name = this.src.slice(this.pos + 1, end);
      this.pos = end;
      return { type: "param", name, short: true };
    }
    if (next !== undefined && (/[0-9]/.test(next) || SPECIAL_PARAMS.includes(next))) {
      this.pos += 2;
      return { type: "param", name: next, short: true };
    }
    return null;
  }

  /**
   * Whether `((` opens arithmetic rather than nested subshells: bash decides by whether
   * the parentheses close with `))` at depth zero.
   */
  protected isArithmetic(from: number): boolean {
    let depth = 0;
    for (let i = from; i < this.src.length; i++) {
      const ch = this.src[i];
      if (ch === "\\") i++;
      else if (ch === "'" || ch === '"') {
        const end = this.src.indexOf(ch, i + 1);
        if (end < 0) return true;
        i = end;
      } else if (ch === "(") depth++;
      else if (ch === ")") {
        if (depth === 0) return this.src[i + 1] === ")";
        depth--;
      }
    }
    // Unterminated either way: arithmetic reports it as well as a subshell would.
    return true;
  }

  private parseArithExpansion(): WordPart {
    const start = this.pos;
    this.pos += 3;
    const expr = this.readArith(")");
    if (this.src[this.pos + 1] !== ")") throw this.unterminated(")", start);
    this.pos += 2;
    return { type: "arith", expr };
  }

  private parseCommandSubstitution(): WordPart {
    const start = this.pos;
    this.pos += 2;
    const body = this.parseNestedScript();
    if (this.peek() !== ")") throw this.eof ? this.unterminated(")", start, true) : this.unexpected();
    this.pos++;
    return { type: "cmdsubst", body, backquote: false };
  }

  private parseProcessSubstitution(): WordPart {
    const start = this.pos;
    const output = this.src[this.pos] === ">";
    this.pos += 2;
    const body = this.parseNestedScript();
    if (this.peek() !== ")") throw this.eof ? this.unterminated(")", start, true) : this.unexpected();
    this.pos++;
    return { type: "procsubst", output, body };
  }

  private parseBackquote(inDq: boolean): WordPart {
    const start = this.pos;
    let inner = "";
    let i = this.pos + 1;
    for (;;) {
      if (i >= this.src.length) throw this.unterminated("`", start);
      const ch = this.src[i];
      if (ch === "`") break;
      if (ch === "\\" && i + 1 < this.src.length) {
        const next = this.src[i + 1];
        if (next === "$" || next === "`" || next === "\\" || (inDq && next === '"')) {
          inner += next;
          i += 2;
          continue;
        }
      }
      inner += ch;
      i++;
    }
    this.pos = i + 1;
    return { type: "cmdsubst", body: this.parseBackquoted(inner, this.lineAt(start)), backquote: true };
  }

  private parseBraceParam(): WordPart {
    const start = this.pos;
    this.pos += 2;
    const param: ParamExp = { type: "param", name: "" };
    if (this.peek() === "#" && this.peek(1) !== "}" && !this.startsBraceOp(1)) {
      param.length = true;
      this.pos++;
    } else if (this.peek() === "!" && this.peek(1) !== "}") {
      param.indirect = true;
      this.pos++;
    }
    param.name = this.readParamName();
    if (param.name === "") return this.badSubstitution(start);
    if (this.peek() === "[") {
      this.pos++;
      param.index = this.readArith("]");
      this.pos++;
    }
    if (param.indirect && !param.index && (this.peek() === "*" || this.peek() === "@") && this.peek(1) === "}") {
      param.op = { kind: "names", joined: this.peek() === "*" };
      this.pos += 2;
      return param;
    }
    if (this.peek() === "}") {
      this.pos++;
      return param;
    }
    if (param.length) return this.badSubstitution(start);
    const op = this.parseParamOp();
    if (!op || this.peek() !== "}") return this.badSubstitution(start);
    this.pos++;
    param.op = op;
    // dash (parser.c parsesub) knows only POSIX's forms; the rest fail when expanded.
    if (this.posix() && (param.indirect || param.index || !["default", "assign", "error", "alternate", "trim"].includes(op.kind)))
      return { type: "param", name: "", op: { kind: "bad", text: this.src.slice(start, this.pos) } };
    return param;
  }

  /** dash's grammar rather than bash's (no $'...', no ${x/a/b} and the like). */
  protected posix(): boolean {
    return false;
  }

  /** After ${#: a following `:-` and the like mean $# with an operator, not a length. */
  private startsBraceOp(offset: number): boolean {
    const ch = this.peek(offset);
    return ch === ":" || ch === "-" || ch === "=" || ch === "?" || ch === "+";
  }

  private readParamName(): string {
    const ch = this.peek();
    if (NAME_START.test(ch)) {
      let end = this.pos + 1;
      while (end < this.src.length && NAME_CHAR.test(this.src[end])) end++;
      const name = this.src.slice(this.pos, end);
      this.pos = end;
      return name;
    }
    if (/[0-9]/.test(ch)) {
      let end = this.pos + 1;
      while (end < this.src.length && /[0-9]/.test(this.src[end])) end++;
      const name = this.src.slice(this.pos, end);
      this.pos = end;
      return name;
    }
    if (ch !== "" && SPECIAL_PARAMS.includes(ch)) {
      this.pos++;
      return ch;
    }
    return "";
  }

  private parseParamOp(): ParamOp | null {
    const two = this.src.slice(this.pos, this.pos + 2);
    const ch = this.peek();
    if (/^:[-=?+]$/.test(two) || "-=?+".includes(ch)) {
      const colon = ch === ":";
      const opChar = colon ? two[1] : ch;
      this.pos += colon ? 2 : 1;
      const kind = ({ "-": "default", "=": "assign", "?": "error", "+": "alternate" } as const)[opChar as "-" | "=" | "?" | "+"];
      return { kind, colon, word: this.readBraceWord() };
    }
    if (ch === ":") {
      this.pos++;
      const offset = this.readArith(":}");
      return this.finishSubstring(offset);
    }
    if (ch === "#" || ch === "%") {
      const longest = this.peek(1) === ch;
      this.pos += longest ? 2 : 1;
      return { kind: "trim", from: ch === "#" ? "prefix" : "suffix", longest, pattern: this.readBraceWord() };
    }
    if (ch === "/") {
      this.pos++;
      let all = false;
      let anchor: "" | "#" | "%" = "";
      if (this.peek() === "/") {
        all = true;
        this.pos++;
      } else if (this.peek() === "#" || this.peek() === "%") {
        anchor = this.peek() as "#" | "%";
        this.pos++;
      }
      const pattern = this.readBraceWord("/");
      let replacement: Word = { parts: [] };
      if (this.peek() === "/") {
        this.pos++;
        replacement = this.readBraceWord();
      }
      return { kind: "replace", all, anchor, pattern, replacement };
    }
    if (ch === "^" || ch === ",") {
      const all = this.peek(1) === ch;
      this.pos += all ? 2 : 1;
      const pattern = this.readBraceWord();
      return { kind: "case", upper: ch === "^", all, pattern: pattern.parts.length > 0 ? pattern : undefined };
    }
    return null;
  }

  private finishSubstring(offset: Word): ParamOp {
    if (this.peek() === ":") {
      this.pos++;
      const length = this.readArith("}");
      return { kind: "substring", offset, length };
    }
    return { kind: "substring", offset };
  }

  /** The word operand of ${x op word}: up to the closing brace (or `/` for a pattern to replace). */
  private readBraceWord(alsoStop?: string): Word {
    const start = this.pos;
    let depth = 0;
    const stop = (ch: string) => {
      if (ch === "{") depth++;
      else if (ch === "}") {
        if (depth === 0) return true;
        depth--;
      } else if (alsoStop && ch === alsoStop && depth === 0) return true;
      return false;
    };
    const parts = this.parseParts({ stop, quotes: true });
    if (this.eof) throw this.unterminated("}", start);
    return { parts };
  }

  /** ${...} that bash cannot parse: an error when expanded, not when read. */
  private badSubstitution(start: number): WordPart {
    let depth = 0;
    let i = start + 2;
    for (; i < this.src.length; i++) {
      const ch = this.src[i];
      if (ch === "{") depth++;
      else if (ch === "}") {
        if (depth === 0) break;
        depth--;
      }
    }
    if (i >= this.src.length) throw this.unterminated("}", start);
    this.pos = i + 1;
    return { type: "param", name: "", op: { kind: "bad", text: this.src.slice(start, i + 1) } };
  }
}
