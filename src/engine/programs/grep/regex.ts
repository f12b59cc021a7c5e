/**
 * POSIX regular expressions (regcomp(3)) on top of JavaScript's RegExp, with the GNU
 * extensions that grep, sed and gawk all get from gnulib's regex: `\w \W \s \S \b \B
 * \< \> \` \'`, `\+ \? \|` in basic syntax, back-references in extended syntax.
 * sed and awk compile their expressions here too, as the GNU tools share one regex
 * engine. Errors carry glibc's regerror(3) wording ("Unmatched ( or \\(").
 */

/** BRE (grep -G, sed), ERE (grep -E, sed -E) or awk's ERE (escapes inside brackets, string escapes). */
export type RegexSyntax = "basic" | "extended" | "awk";

export interface RegexOptions {
  syntax: RegexSyntax;
  ignoreCase?: boolean;
  /** sed's M flag: ^ and $ also match around embedded newlines. */
  multiline?: boolean;
  /** sed and awk read \n, \t and friends in a regex as the characters they name. */
  charEscapes?: boolean;
}

export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegexError";
  }
}

/** One match: where it starts and ends, and the text of each group (undefined if it took no part). */
export interface RegexMatch {
  index: number;
  end: number;
  groups: Array<string | undefined>;
}

export interface Translation {
  source: string;
  /** Number of capturing groups, for checking \N in replacements. */
  groups: number;
  /** JS's leftmost-first choice may differ from POSIX's leftmost-longest. */
  ambiguous: boolean;
  warnings: string[];
}

/** Characters glibc counts as word constituents: letters, digits and underscore. */
const WORD = "[\\p{L}\\p{N}_]";
const NOT_WORD = "[^\\p{L}\\p{N}_]";
const WORD_START = `(?<!${WORD})(?=${WORD})`;
const WORD_END = `(?<=${WORD})(?!${WORD})`;
const WORD_BOUNDARY = `(?:${WORD_START}|${WORD_END})`;
const NOT_WORD_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;

/** [:class:] contents as JS class ranges, ASCII plus Unicode letters as in a UTF-8 locale. */
const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z\\p{L}",
  digit: "0-9",
  alnum: "0-9a-zA-Z\\p{L}",
  upper: "A-Z\\p{Lu}",
  lower: "a-z\\p{Ll}",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~\\u00a0-\\u{10ffff}",
  graph: "!-~\\u00a1-\\u{10ffff}",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f",
};

const CHAR_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", f: "\f", v: "\v", a: "\x07" };

/** Escapes one literal character for use outside a JS character class (u flag). */
function literal(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Escapes one literal character for use inside a JS character class (u flag). */
function classLiteral(ch: string): string {
  return /[\\\]^[-]/.test(ch) ? `\\${ch}` : ch;
}

interface Atom {
  /** Where the atom's translation starts in the output. */
  start: number;
  quantified: boolean;
  /** Zero-width assertions need a group around them to take a quantifier. */
  assertion: boolean;
}

interface OpenGroup {
  number: number;
  /** Where `(` was written, for the group as an atom once it closes. */
  start: number;
}

/** Translates a POSIX pattern to a JS source; throws RegexError with glibc's message. */
export function translate(pattern: string, options: RegexOptions): Translation {
  return new Translator(pattern, options).run();
}

class Translator {
  private out = "";
  private i = 0;
  private atom: Atom | null = null;
  private groupCount = 0;
  private readonly closedGroups = new Set<number>();
  private readonly open: OpenGroup[] = [];
  private ambiguous = false;
  private readonly warnings: string[] = [];
  private readonly basic: boolean;
  /** True right after the start, an open group or an alternation bar. */
  private atStart = true;

  constructor(
    private readonly re: string,
    private readonly options: RegexOptions,
  ) {
    this.basic = options.syntax === "basic";
  }

  run(): Translation {
    while (this.i < this.re.length) this.step();
    if (this.open.length > 0) throw new RegexError("Unmatched ( or \\(");
    return { source: this.out, groups: this.groupCount, ambiguous: this.ambiguous, warnings: this.warnings };
  }

  private step(): void {
    const ch = this.re[this.i];
    if (ch === "\\") {
      this.escape();
      return;
    }
    if (ch === "[") {
      this.bracket();
      return;
    }
    if (ch === "*") {
      this.star();
      return;
    }
    if (ch === ".") {
      this.emit("[^]", 1);
      return;
    }
    if (ch === "^") {
      this.caret();
      return;
    }
    if (ch === "$") {
      this.dollar();
      return;
    }
    if (!this.basic) {
      if (ch === "+" || ch === "?") {
        this.quantify(ch, 1);
        return;
      }
      if (ch === "{" && this.interval(1)) return;
      if (ch === "(") {
        this.openGroup(1);
        return;
      }
      if (ch === ")" && this.open.length > 0) {
        this.closeGroup(1);
        return;
      }
      if (ch === "|") {
        this.alternate(1);
        return;
      }
    }
    this.emit(literal(ch));
    this.i++;
  }

  /** Appends an atom's translation and advances past `consumed` pattern characters. */
  private emit(js: string, consumed = 0, assertion = false): void {
    this.atom = { start: this.out.length, quantified: false, assertion };
    this.out += js;
    this.i += consumed;
    this.atStart = false;
  }

  private assertion(js: string, consumed: number): void {
    this.emit(js, consumed, true);
  }

  private escape(): void {
    const next = this.re[this.i + 1];
    if (next === undefined) throw new RegexError("Trailing backslash");
    if (this.basic) {
      if (next === "(") {
        this.openGroup(2);
        return;
      }
      if (next === ")") {
        if (this.open.length === 0) throw new RegexError("Unmatched ) or \\)");
        this.closeGroup(2);
        return;
      }
      if (next === "|") {
        this.alternate(2);
        return;
      }
      if (next === "{") {
        if (!this.interval(2)) throw new RegexError("Unmatched \\{");
        return;
      }
      if (next === "+" || next === "?") {
        if (this.atStart) {
          this.emit(literal(next), 2);
          return;
        }
        this.quantify(next, 2);
        return;
      }
    }
    if (/[1-9]/.test(next)) {
      const n = Number(next);
      if (!this.closedGroups.has(n)) throw new RegexError("Invalid back reference");
      this.ambiguous = true;
      this.emit(`\\${n}`, 2);
      return;
    }
    switch (next) {
      case "w": {
        this.emit(WORD, 2);
        return;
      }
      case "W": {
        this.emit(NOT_WORD, 2);
        return;
      }
      case "s": {
        this.emit("[ \\t\\n\\r\\f\\v]", 2);
        return;
      }
      case "S": {
        this.emit("[^ \\t\\n\\r\\f\\v]", 2);
        return;
      }
      case "b": {
        this.assertion(WORD_BOUNDARY, 2);
        return;
      }
      case "B": {
        this.assertion(NOT_WORD_BOUNDARY, 2);
        return;
      }
      case "<": {
        this.assertion(WORD_START, 2);
        return;
      }
      case ">": {
        this.assertion(WORD_END, 2);
        return;
      }
      case "`": {
        this.assertion("(?<![^])", 2);
        return;
      }
      case "'": {
        this.assertion("(?![^])", 2);
        return;
      }
    }
    if (this.options.syntax === "awk" && next === "y") {
      this.assertion(WORD_BOUNDARY, 2);
      return;
    }
    if (this.options.charEscapes) {
      const special = this.charEscape();
      if (special !== null) {
        this.emit(literal(special.ch), special.length);
        return;
      }
    }
    this.emit(literal(next), 2);
  }

  /** \n, \t, \ooo and friends as sed and awk read them; null if `\x` is not one. */
  private charEscape(): { ch: string; length: number } | null {
    const next = this.re[this.i + 1];
    if (next in CHAR_ESCAPES) return { ch: CHAR_ESCAPES[next], length: 2 };
    if (this.options.syntax === "awk" && /[0-7]/.test(next)) {
      const digits = /^[0-7]{1,3}/.exec(this.re.slice(this.i + 1))?.[0] ?? next;
      return { ch: String.fromCharCode(Number.parseInt(digits, 8)), length: 1 + digits.length };
    }
    return null;
  }

  private caret(): void {
    // BRE: ^ anchors only at the start of the pattern or of a group or alternative (GNU).
    if (this.basic && !this.atStart) {
      this.emit("\\^", 1);
      return;
    }
    this.out += this.options.multiline ? "(?<![^\\n])" : "^";
    this.atom = null;
    this.i++;
  }

  private dollar(): void {
    const rest = this.re.slice(this.i + 1);
    const atEnd = rest === "" || rest.startsWith("\\)") || rest.startsWith("\\|");
    if (this.basic && !atEnd) {
      this.emit("\\$", 1);
      return;
    }
    this.assertion(this.options.multiline ? "(?![^\\n])" : "$", 1);
  }

  private star(): void {
    if (this.atom === null) {
      // A leading * is literal in a BRE and matches the empty string in an ERE (GNU warns).
      if (this.basic) {
        this.emit("\\*", 1);
        return;
      }
      if (this.atStart) this.warnings.push("* at start of expression");
      this.i++;
      return;
    }
    this.quantify("*", 1);
  }

  /** Applies `q` to the last atom; POSIX allows a**, JS needs (?:a*)*. */
  private quantify(q: string, consumed: number): void {
    const atom = this.atom;
    if (atom === null) {
      if (this.atStart) this.warnings.push(`${q} at start of expression`);
      this.i += consumed;
      return;
    }
    if (atom.quantified || atom.assertion) this.out = `${this.out.slice(0, atom.start)}(?:${this.out.slice(atom.start)})`;
    this.out += q;
    atom.quantified = true;
    atom.assertion = false;
    this.i += consumed;
  }

  /**
   * `{m,n}` (ERE) or `\{m,n\}` (BRE) at this.i; `prefix` is the length of the opener.
   * Returns false when an ERE brace does not start a valid interval (then it is literal).
   */
  private interval(prefix: number): boolean {
    const close = this.basic ? "\\}" : "}";
    const end = this.re.indexOf(close, this.i + prefix);
    const body = end < 0 ? null : this.re.slice(this.i + prefix, end);
    const m = body === null ? null : /^(\d*)(,(\d*))?$/.exec(body);
    if (!m || (m[1] === "" && m[2] === undefined)) {
      if (!this.basic) return false;
      if (end < 0) return false;
      throw new RegexError("Invalid content of \\{\\}");
    }
    const min = m[1] === "" ? 0 : Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
    if (max < min) throw new RegexError("Invalid content of \\{\\}");
    if (max !== Number.POSITIVE_INFINITY && max > 32767) throw new RegexError("Regular expression too big");
    if (min > 32767) throw new RegexError("Regular expression too big");
    if (this.atom === null) {
      if (this.basic) throw new RegexError("Invalid preceding regular expression");
      this.warnings.push("{...} at start of expression");
      this.i = end + close.length;
      return true;
    }
    const q = max === min ? `{${min}}` : max === Number.POSITIVE_INFINITY ? `{${min},}` : `{${min},${max}}`;
    this.quantify(q, end + close.length - this.i);
    return true;
  }

  private openGroup(consumed: number): void {
    this.groupCount++;
    this.open.push({ number: this.groupCount, start: this.out.length });
    this.out += "(";
    this.i += consumed;
    this.atom = null;
    this.atStart = true;
  }

  private closeGroup(consumed: number): void {
    const group = this.open.pop() as OpenGroup;
    this.out += ")";
    this.closedGroups.add(group.number);
    this.atom = { start: group.start, quantified: false, assertion: false };
    this.i += consumed;
    this.atStart = false;
    // A quantified group can match differently under leftmost-longest rules.
    const next = this.re.slice(this.i, this.i + 2);
    if (/^[*]|^\\[{+?]/.test(next) || (!this.basic && /^[+?{]/.test(next))) this.ambiguous = true;
  }

  private alternate(consumed: number): void {
    this.out += "|";
    this.i += consumed;
    this.atom = null;
    this.atStart = true;
    this.ambiguous = true;
  }

  /** A bracket expression, from `[` to its closing `]`. */
  private bracket(): void {
    const unmatched = () => new RegexError("Unmatched [, [^, [:, [., or [=");
    let j = this.i + 1;
    let negate = false;
    if (this.re[j] === "^") {
      negate = true;
      j++;
    }
    const items: string[] = [];
    let first = true;
    for (;;) {
      if (j >= this.re.length) throw unmatched();
      const ch = this.re[j];
      if (ch === "]" && !first) break;
      first = false;
      if (ch === "[" && /[:=.]/.test(this.re[j + 1] ?? "")) {
        const kind = this.re[j + 1];
        const close = this.re.indexOf(`${kind}]`, j + 2);
        if (close < 0) throw unmatched();
        const name = this.re.slice(j + 2, close);
        j = close + 2;
        if (kind === ":") {
          if (!(name in CLASSES)) throw new RegexError("Invalid character class name");
          items.push(CLASSES[name]);
          continue;
        }
        if ([...name].length !== 1) throw new RegexError("Invalid collation character");
        items.push(classLiteral(name));
        continue;
      }
      let chr = ch;
      let width = 1;
      if (ch === "\\" && this.options.syntax === "awk" && j + 1 < this.re.length) {
        const next = this.re[j + 1];
        chr = next in CHAR_ESCAPES ? CHAR_ESCAPES[next] : next;
        width = 2;
      } else if (ch === "\\" && this.options.charEscapes && (this.re[j + 1] ?? "") in CHAR_ESCAPES) {
        chr = CHAR_ESCAPES[this.re[j + 1]];
        width = 2;
      } else {
        chr = String.fromCodePoint(this.re.codePointAt(j) as number);
        width = chr.length;
      }
      const afterDash = j + width;
      if (this.re[afterDash] === "-" && this.re[afterDash + 1] !== undefined && this.re[afterDash + 1] !== "]") {
        const [hi, hiWidth] = this.rangeEnd(afterDash + 1);
        if ((hi.codePointAt(0) as number) < (chr.codePointAt(0) as number)) throw new RegexError("Invalid range end");
        items.push(`${classLiteral(chr)}-${classLiteral(hi)}`);
        j = afterDash + 1 + hiWidth;
        continue;
      }
      items.push(classLiteral(chr));
      j += width;
    }
    const body = items.join("");
    // [^...] never matches a newline in grep's lines; sed's pattern space may hold one, and GNU sed matches it.
    this.emit(negate ? (body === "" ? "[^]" : `[^${body}]`) : body === "" ? "(?!)" : `[${body}]`, j + 1 - this.i);
  }

  private rangeEnd(j: number): [string, number] {
    if (this.re[j] === "[" && this.re[j + 1] === ".") {
      const close = this.re.indexOf(".]", j + 2);
      if (close < 0) throw new RegexError("Unmatched [, [^, [:, [., or [=");
      return [this.re.slice(j + 2, close), close + 2 - j];
    }
    if (this.re[j] === "\\" && this.options.syntax === "awk" && j + 1 < this.re.length) {
      const next = this.re[j + 1];
      return [next in CHAR_ESCAPES ? CHAR_ESCAPES[next] : next, 2];
    }
    const chr = String.fromCodePoint(this.re.codePointAt(j) as number);
    return [chr, chr.length];
  }
}

/**
 * A compiled POSIX regex. `exec` finds the leftmost match and, where JS's leftmost-first
 * alternation could stop short, extends it to the longest one at that position, as POSIX
 * regexec(3) must.
 */
export class PosixRegExp {
  readonly groups: number;
  readonly source: string;
  private readonly scan: RegExp;
  private readonly flags: string;
  private readonly ambiguous: boolean;
  private readonly endAt = new Map<number, RegExp>();

  constructor(pattern: string, options: RegexOptions) {
    const t = translate(pattern, options);
    this.groups = t.groups;
    this.source = t.source;
    this.ambiguous = t.ambiguous;
    this.flags = `su${options.ignoreCase ? "i" : ""}`;
    this.scan = PosixRegExp.build(t.source, `g${this.flags}`);
  }

  /** A regex from a ready JS source (grep -F, grep -P, grep -w/-x wrappers). */
  static fromSource(source: string, ignoreCase: boolean, groups = 0, ambiguous = false): PosixRegExp {
    const re = Object.create(PosixRegExp.prototype) as PosixRegExp;
    const flags = `su${ignoreCase ? "i" : ""}`;
    Object.assign(re, {
      groups,
      source,
      ambiguous,
      flags,
      scan: PosixRegExp.build(source, `g${flags}`),
      endAt: new Map<number, RegExp>(),
    });
    return re;
  }

  private static build(source: string, flags: string): RegExp {
    try {
      return new RegExp(source, flags);
    } catch {
      throw new RegexError("Invalid regular expression");
    }
  }

  test(text: string): boolean {
    this.scan.lastIndex = 0;
    return this.scan.test(text);
  }

  /** The leftmost-longest match starting at or after `from`, or null. */
  exec(text: string, from = 0): RegexMatch | null {
    this.scan.lastIndex = from;
    const m = this.scan.exec(text);
    if (!m) return null;
    const first: RegexMatch = { index: m.index, end: m.index + m[0].length, groups: m.slice(1) };
    if (!this.ambiguous) return first;
    return this.longestAt(text, first);
  }

  /** Tries every longer end at the same start, longest first (POSIX leftmost-longest). */
  private longestAt(text: string, first: RegexMatch): RegexMatch {
    for (let end = text.length; end > first.end; end--) {
      const re = this.endingBefore(text.length - end);
      re.lastIndex = first.index;
      const m = re.exec(text);
      if (m) return { index: first.index, end, groups: m.slice(1) };
    }
    return first;
  }

  private endingBefore(rest: number): RegExp {
    let re = this.endAt.get(rest);
    if (!re) {
      re = new RegExp(`(?:${this.source})(?=[^]{${rest}}$)`, `y${this.flags}`);
      this.endAt.set(rest, re);
    }
    return re;
  }
}
