import { PosixRegExp, RegexError } from "../grep/regex";
import type { Address, Command, ReplacementPart, SedProgram, SedRegex, Substitution } from "./script";

/** One -e expression or -f file, in command-line order. */
export interface ScriptPiece {
  text: string;
  origin: { kind: "expression"; index: number } | { kind: "file"; name: string };
}

/** A script error, already worded as GNU sed prints it after `sed: `. */
export class SedSyntaxError extends Error {
  constructor(
    message: string,
    /** 1 for bad scripts, 4 (GNU's EXIT_PANIC) for an unknown label. */
    readonly status = 1,
  ) {
    super(message);
    this.name = "SedSyntaxError";
  }
}

// GNU sed 4.9's messages (compile.c).
const MSG = {
  badBang: "multiple `!'s",
  badComma: "unexpected `,'",
  badStep: "invalid usage of +N or ~N as first address",
  excessOpenBrace: "unmatched `{'",
  excessCloseBrace: "unexpected `}'",
  excessJunk: "extra characters after command",
  expectedSlash: "expected \\ after `a', `c' or `i'",
  closeBraceAddr: "} doesn't want any addresses",
  colonAddr: ": doesn't want any addresses",
  commentAddr: "comments don't accept any addresses",
  noCommand: "missing command",
  oneAddr: "command only uses one address",
  unterminatedRegex: "unterminated address regex",
  unterminatedS: "unterminated `s' command",
  unterminatedY: "unterminated `y' command",
  unknownS: "unknown option to `s'",
  excessP: "multiple `p' options to `s' command",
  excessG: "multiple `g' options to `s' command",
  excessN: "multiple number options to `s' command",
  zeroN: "number option to `s' command may not be zero",
  yLengths: "strings for `y' command are different lengths",
  lacksLabel: '":" lacks a label',
  missingFile: "missing filename in r/R/w/W commands",
  zeroLine: "invalid usage of line address 0",
  unknownCommand: (ch: string) => `unknown command: \`${ch}'`,
  badReference: (n: number) => `invalid reference \\${n} on \`s' command's RHS`,
};

const NO_ARGUMENT = new Set(["=", "d", "D", "g", "G", "h", "H", "n", "N", "p", "P", "x", "z", "F"]);

/** Compiles the -e/-f pieces into one program, as GNU sed does, with its error messages. */
export function compileScript(pieces: ScriptPiece[], extended: boolean): SedProgram {
  const compiler = new Compiler(extended);
  for (const piece of pieces) compiler.piece(piece);
  return compiler.finish();
}

class Compiler {
  private readonly commands: Command[] = [];
  private readonly blocks: number[] = [];
  private readonly writeFiles: string[] = [];
  private quiet = false;
  private text = "";
  private pos = 0;
  private origin: ScriptPiece["origin"] = { kind: "expression", index: 1 };
  private first = true;
  /** An a, i or c whose text ended with a backslash at the end of its -e: the next -e continues it. */
  private pendingText: { command: Command & { text: string }; raw: string } | null = null;

  constructor(private readonly extended: boolean) {}

  piece(piece: ScriptPiece): void {
    this.text = piece.text;
    this.pos = 0;
    this.origin = piece.origin;
    if (this.first && /^#n(\n|$)/.test(this.text)) this.quiet = true;
    this.first = false;
    if (this.pendingText) {
      const { command, raw } = this.pendingText;
      this.pendingText = null;
      this.readTextBody(command, raw);
    }
    for (;;) {
      this.skip(/[\s;]/);
      if (this.peek() === null) break;
      this.command();
    }
  }

  finish(): SedProgram {
    if (this.blocks.length > 0) {
      this.pos = 0;
      throw this.error(MSG.excessOpenBrace, 0);
    }
    if (this.pendingText) this.pendingText.command.text = unescapeText(this.pendingText.raw);
    const labels = new Map<string, number>();
    this.commands.forEach((cmd, index) => {
      if (cmd.name === ":") labels.set(cmd.label, index);
    });
    for (const cmd of this.commands) {
      if (cmd.name !== "b" && cmd.name !== "t" && cmd.name !== "T") continue;
      if (cmd.label === "") cmd.target = this.commands.length;
      else {
        const target = labels.get(cmd.label);
        if (target === undefined) throw new SedSyntaxError(`can't find label for jump to \`${cmd.label}'`, 4);
        cmd.target = target;
      }
    }
    return { commands: this.commands, quiet: this.quiet, writeFiles: this.writeFiles };
  }

  // --- reading --------------------------------------------------------------

  private peek(): string | null {
    return this.pos < this.text.length ? this.text[this.pos] : null;
  }

  private next(): string | null {
    return this.pos < this.text.length ? this.text[this.pos++] : null;
  }

  private skip(re: RegExp): void {
    while (this.pos < this.text.length && re.test(this.text[this.pos])) this.pos++;
  }

  /** GNU's in_nonblank: skips blanks (not newlines) and reads the next character. */
  private nonblank(): string | null {
    this.skip(/[ \t]/);
    return this.next();
  }

  private integer(): number {
    const m = /^\d+/.exec(this.text.slice(this.pos)) as RegExpExecArray;
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private error(message: string, at = this.pos): SedSyntaxError {
    if (this.origin.kind === "file") {
      const line = this.text.slice(0, Math.max(0, at - 1)).split("\n").length;
      return new SedSyntaxError(`file ${this.origin.name} line ${line}: ${message}`);
    }
    return new SedSyntaxError(`-e expression #${this.origin.index}, char ${at}: ${message}`);
  }

  // --- commands -------------------------------------------------------------

  private command(): void {
    const a1 = this.address(false);
    let a2: Address | null = null;
    if (a1) {
      this.skip(/[ \t]/);
      if (this.peek() === ",") {
        this.pos++;
        this.skip(/[ \t]/);
        a2 = this.address(true);
        if (!a2) throw this.error(MSG.badComma);
      }
    }
    if (a1 && (a1.kind === "plus" || a1.kind === "multiple")) throw this.error(MSG.badStep);
    let ch = this.nonblank();
    // GNU notices a bad line 0 once it has read the command character.
    if (a1?.kind === "line" && a1.line === 0 && a2?.kind !== "regex") throw this.error(MSG.zeroLine);
    let negate = false;
    if (ch === "!") {
      negate = true;
      ch = this.nonblank();
      while (ch === " " || ch === "\t") ch = this.nonblank();
      if (ch === "!") throw this.error(MSG.badBang);
    }
    if (ch === null || ch === "\n" || ch === ";") {
      if (ch !== null) this.pos--;
      if (a1 || negate) throw this.error(MSG.noCommand);
      return;
    }
    const base = { a1, a2, negate, range: { active: false, end: 0 } };
    this.dispatch(ch, base);
  }

  private dispatch(ch: string, base: Pick<Command, "a1" | "a2" | "negate" | "range">): void {
    const push = (cmd: Command) => this.commands.push(cmd);
    const oneAddress = () => {
      if (base.a2) throw this.error(MSG.oneAddr);
    };
    if (NO_ARGUMENT.has(ch)) {
      push({ ...base, name: ch } as Command);
      this.endOfCommand();
      return;
    }
    switch (ch) {
      case "{":
        this.blocks.push(this.commands.length);
        push({ ...base, name: "{", end: -1 });
        return;
      case "}": {
        const open = this.blocks.pop();
        if (open === undefined) throw this.error(MSG.excessCloseBrace);
        if (base.a1) throw this.error(MSG.closeBraceAddr);
        (this.commands[open] as { end: number }).end = this.commands.length;
        push({ ...base, name: "}" });
        this.endOfCommand();
        return;
      }
      case "#":
        if (base.a1) throw this.error(MSG.commentAddr);
        while (this.peek() !== null && this.peek() !== "\n") this.pos++;
        return;
      case ":": {
        if (base.a1) throw this.error(MSG.colonAddr);
        const label = this.label();
        if (label === "") throw this.error(MSG.lacksLabel);
        push({ ...base, name: ":", label });
        this.endOfCommand();
        return;
      }
      case "b":
      case "t":
      case "T":
        push({ ...base, name: ch, label: this.label(), target: -1 });
        {
          this.endOfCommand();
          return;
        }
      case "a":
      case "i":
      case "c": {
        this.textCommand(ch, base);
        return;
      }
      case "q":
      case "Q": {
        oneAddress();
        this.skip(/[ \t]/);
        const status = /\d/.test(this.peek() ?? "") ? this.integer() : 0;
        push({ ...base, name: ch, status });
        this.endOfCommand();
        return;
      }
      case "l":
      case "L": {
        this.skip(/[ \t]/);
        const width = /\d/.test(this.peek() ?? "") ? this.integer() : null;
        push({ ...base, name: ch, width });
        this.endOfCommand();
        return;
      }
      case "r":
      case "R":
      case "w":
      case "W": {
        const file = this.filename();
        if (ch === "w" || ch === "W") this.writeFiles.push(file);
        push({ ...base, name: ch, file });
        return;
      }
      case "s":
        push({ ...base, name: "s", subst: this.substitution() });
        return;
      case "y":
        push({ ...base, name: "y", ...this.transliteration() });
        {
          this.endOfCommand();
          return;
        }
      case "v":
        // v [version]: GNU-only check that sed is new enough; this one is.
        this.label();
        {
          this.endOfCommand();
          return;
        }
    }
    throw this.error(MSG.unknownCommand(ch));
  }

  /** GNU's read_end_of_cmd: only blanks, then `;`, a newline, `}` or `#` may follow a command. */
  private endOfCommand(): void {
    const ch = this.nonblank();
    if (ch === "}" || ch === "#") this.pos--;
    else if (ch !== null && ch !== "\n" && ch !== ";") throw this.error(MSG.excessJunk);
  }

  /** A label for : b t T, up to a blank, `;`, `}`, `#` or the end of the line (GNU 4.9). */
  private label(): string {
    this.skip(/[ \t]/);
    let label = "";
    for (let ch = this.peek(); ch !== null && !/[\s;}#]/.test(ch); ch = this.peek()) {
      label += ch;
      this.pos++;
    }
    return label;
  }

  /** The file name of r R w W and s///w: everything to the end of the line. */
  private filename(): string {
    this.skip(/[ \t]/);
    let name = "";
    for (let ch = this.next(); ch !== null && ch !== "\n"; ch = this.next()) name += ch;
    if (name === "") throw this.error(MSG.missingFile);
    return name;
  }

  // --- addresses ------------------------------------------------------------

  private address(second: boolean): Address | null {
    const ch = this.peek();
    if (ch === null) return null;
    if (ch === "/" || ch === "\\") {
      this.pos++;
      const delim = ch === "/" ? "/" : this.next();
      if (delim === null || delim === "\n" || delim === "\\") throw this.error(MSG.unterminatedRegex);
      const source = this.delimited(delim, true);
      if (source === null) throw this.error(MSG.unterminatedRegex);
      let ignoreCase = false;
      let multiline = false;
      for (;;) {
        this.skip(/[ \t]/);
        const flag = this.peek();
        if (flag === "I") ignoreCase = true;
        else if (flag === "M") multiline = true;
        else break;
        this.pos++;
      }
      return { kind: "regex", regex: this.regex(source, ignoreCase, multiline) };
    }
    if (/\d/.test(ch)) {
      const line = this.integer();
      if (this.peek() === "~" && !second) {
        this.pos++;
        const step = /\d/.test(this.peek() ?? "") ? this.integer() : 0;
        return { kind: "step", first: line, step };
      }
      return { kind: "line", line };
    }
    if ((ch === "+" || ch === "~") && /\d/.test(this.text[this.pos + 1] ?? "")) {
      this.pos++;
      const n = this.integer();
      return ch === "+" ? { kind: "plus", count: n } : { kind: "multiple", of: n };
    }
    if (ch === "$") {
      this.pos++;
      return { kind: "last" };
    }
    return null;
  }

  /**
   * GNU's match_slash: text up to an unescaped `delim`. `\delim` stands for delim, and in
   * a regex a bracket expression may hold the delimiter. Null when the line or script ends first.
   */
  private delimited(delim: string, regex: boolean): string | null {
    let out = "";
    for (;;) {
      const ch = this.next();
      if (ch === null || (ch === "\n" && regex)) return null;
      if (ch === delim) return out;
      if (ch === "\\") {
        const escaped = this.next();
        if (escaped === null) return null;
        if (escaped === delim) out += delim;
        else if (escaped === "\n" && !regex) out += "\\\n";
        else out += `\\${escaped}`;
        continue;
      }
      if (ch === "\n") return null;
      if (ch === "[" && regex) {
        out += this.bracket();
        continue;
      }
      out += ch;
    }
  }

  /** A bracket expression copied verbatim (the `[` already read). */
  private bracket(): string {
    const start = this.pos - 1;
    let j = this.pos;
    if (this.text[j] === "^") j++;
    if (this.text[j] === "]") j++;
    while (j < this.text.length && this.text[j] !== "]" && this.text[j] !== "\n") {
      if (this.text[j] === "[" && /[:.=]/.test(this.text[j + 1] ?? "")) {
        const close = this.text.indexOf(`${this.text[j + 1]}]`, j + 2);
        j = close < 0 ? j + 1 : close + 2;
      } else j++;
    }
    if (this.text[j] !== "]") return "[";
    this.pos = j + 1;
    return this.text.slice(start, j + 1);
  }

  private regex(source: string, ignoreCase: boolean, multiline: boolean): SedRegex {
    if (source === "") return { re: null };
    try {
      return { re: new PosixRegExp(source, { syntax: this.extended ? "extended" : "basic", ignoreCase, multiline, charEscapes: true }) };
    } catch (err) {
      if (err instanceof RegexError) throw this.error(err.message);
      throw err;
    }
  }

  // --- s and y --------------------------------------------------------------

  private substitution(): Substitution {
    const delim = this.next();
    if (delim === null || delim === "\n" || delim === "\\") throw this.error(MSG.unterminatedS);
    const pattern = this.delimited(delim, true);
    if (pattern === null) throw this.error(MSG.unterminatedS);
    const replacement = this.delimited(delim, false);
    if (replacement === null) throw this.error(MSG.unterminatedS);
    const subst: Substitution = { regex: { re: null }, replacement: [], global: false, occurrence: 1, print: 0, write: null };
    let ignoreCase = false;
    let multiline = false;
    let numbered = false;
    for (;;) {
      const ch = this.next();
      if (ch === "i" || ch === "I") ignoreCase = true;
      else if (ch === "m" || ch === "M") multiline = true;
      else if (ch === "p") {
        if (subst.print) throw this.error(MSG.excessP);
        subst.print = 1;
      } else if (ch === "g") {
        if (subst.global) throw this.error(MSG.excessG);
        subst.global = true;
      } else if (ch !== null && /\d/.test(ch)) {
        if (numbered) throw this.error(MSG.excessN);
        this.pos--;
        subst.occurrence = this.integer();
        numbered = true;
        if (subst.occurrence === 0) throw this.error(MSG.zeroN);
      } else if (ch === "w") {
        subst.write = this.filename();
        this.writeFiles.push(subst.write);
        break;
      } else if (ch === " " || ch === "\t") {
      } else if (ch === "}" || ch === "#") {
        this.pos--;
        break;
      } else if (ch === null || ch === "\n" || ch === ";") break;
      else throw this.error(MSG.unknownS);
    }
    subst.regex = this.regex(pattern, ignoreCase, multiline);
    subst.replacement = this.replacement(replacement, subst.regex);
    return subst;
  }

  private replacement(raw: string, regex: SedRegex): ReplacementPart[] {
    const parts: ReplacementPart[] = [];
    let text = "";
    const flush = () => {
      if (text !== "") parts.push({ kind: "text", text });
      text = "";
    };
    for (let i = 0; i < raw.length; i++) {
      const ch = raw[i];
      if (ch === "&") {
        flush();
        parts.push({ kind: "group", group: 0 });
        continue;
      }
      if (ch !== "\\" || i + 1 >= raw.length) {
        text += ch;
        continue;
      }
      const next = raw[++i];
      if (/\d/.test(next)) {
        const group = Number(next);
        if (regex.re && group > regex.re.groups) throw this.error(MSG.badReference(group));
        flush();
        parts.push({ kind: "group", group });
      } else if (/[LUElu]/.test(next)) {
        flush();
        parts.push({ kind: "case", mode: next as "L" | "U" | "E" | "l" | "u" });
      } else {
        const [chr, used] = escapeChar(raw, i);
        text += chr;
        i += used - 1;
      }
    }
    flush();
    return parts;
  }

  private transliteration(): { from: string[]; to: string[] } {
    const delim = this.next();
    if (delim === null || delim === "\n" || delim === "\\") throw this.error(MSG.unterminatedY);
    const from = this.delimited(delim, false);
    if (from === null) throw this.error(MSG.unterminatedY);
    const to = this.delimited(delim, false);
    if (to === null) throw this.error(MSG.unterminatedY);
    const a = [...unescapeText(from)];
    const b = [...unescapeText(to)];
    if (a.length !== b.length) throw this.error(MSG.yLengths);
    return { from: a, to: b };
  }

  // --- a, i, c ------------------------------------------------------------

  private textCommand(name: "a" | "i" | "c", base: Pick<Command, "a1" | "a2" | "negate" | "range">): void {
    this.skip(/[ \t]/);
    const ch = this.peek();
    if (ch === null) throw this.error(MSG.expectedSlash, this.pos);
    const command = { ...base, name, text: "" } as Command & { text: string };
    this.commands.push(command);
    let raw = "";
    if (ch === "\\") {
      this.pos++;
      if (this.peek() === "\n") this.pos++;
      else if (this.peek() === null) {
        // `a\` ends this -e: the text is the next -e (GNU's pending_text).
        this.pendingText = { command, raw: "" };
        return;
      }
    } else if (ch === "\n" || ch === ";") {
      // GNU one-liners need some text: `a` alone is an error.
      if (ch === "\n") throw this.error(MSG.expectedSlash, this.pos);
    }
    this.readTextBody(command, raw);
    raw = "";
  }

  /** Text up to an unescaped newline; a backslash at the very end continues into the next -e. */
  private readTextBody(command: Command & { text: string }, raw: string): void {
    for (;;) {
      const ch = this.next();
      if (ch === null || ch === "\n") break;
      if (ch === "\\") {
        const escaped = this.next();
        if (escaped === null) {
          this.pendingText = { command, raw: `${raw}\n` };
          return;
        }
        raw += `\\${escaped}`;
        continue;
      }
      raw += ch;
    }
    command.text = `${unescapeText(raw)}\n`;
  }
}

/**
 * GNU's normalize_text for a/i/c text and y strings: `\` + newline is a newline,
 * \t \n and friends are characters, and a backslash before anything else vanishes.
 */
function unescapeText(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== "\\" || i + 1 >= raw.length) {
      if (raw[i] !== "\\") out += raw[i];
      continue;
    }
    const [chr, used] = escapeChar(raw, i + 1);
    out += chr;
    i += used;
  }
  return out;
}

/** The character `\` + raw[i]... stands for, and how many characters after the backslash it used. */
function escapeChar(raw: string, i: number): [string, number] {
  const ch = raw[i];
  const simple: Record<string, string> = { a: "\x07", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
  if (ch in simple) return [simple[ch], 1];
  const numeric = (re: RegExp, radix: number): [string, number] | null => {
    const m = re.exec(raw.slice(i + 1));
    return m ? [String.fromCharCode(Number.parseInt(m[0], radix)), 1 + m[0].length] : null;
  };
  if (ch === "d") return numeric(/^\d{1,3}/, 10) ?? [ch, 1];
  if (ch === "o") return numeric(/^[0-7]{1,3}/, 8) ?? [ch, 1];
  if (ch === "x") return numeric(/^[0-9a-fA-F]{1,2}/, 16) ?? [ch, 1];
  if (ch === "c" && i + 1 < raw.length) return [String.fromCharCode(raw[i + 1].toUpperCase().charCodeAt(0) ^ 0x40), 2];
  return [ch, 1];
}
