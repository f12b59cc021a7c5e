/**
 * The SET operands of tr(1), as GNU tr reads them: backslash escapes, ranges (a-z),
 * classes ([:digit:]), equivalence classes ([=e=]) and, in SET2, repeats ([x*] and
 * [x*N]). Classes are those of the C locale, so they only hold ASCII characters.
 */
export class TrSetError extends Error {}

/** One parsed piece of a set: a run of characters, or a [:class:] that SET2 can align with. */
interface Piece {
  chars: string[];
  className?: string;
  /** [c*] with no count: fills SET2 up to the length of SET1. */
  fill?: boolean;
}

const CLASSES: Record<string, (code: number) => boolean> = {
  alnum: (c) => isAlpha(c) || isDigit(c),
  alpha: (c) => isAlpha(c),
  blank: (c) => c === 0x20 || c === 0x09,
  cntrl: (c) => c < 0x20 || c === 0x7f,
  digit: (c) => isDigit(c),
  graph: (c) => c > 0x20 && c < 0x7f,
  lower: (c) => c >= 0x61 && c <= 0x7a,
  print: (c) => c >= 0x20 && c < 0x7f,
  punct: (c) => c > 0x20 && c < 0x7f && !isAlpha(c) && !isDigit(c),
  space: (c) => c === 0x20 || (c >= 0x09 && c <= 0x0d),
  upper: (c) => c >= 0x41 && c <= 0x5a,
  xdigit: (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66),
};

function isAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function classChars(name: string): string[] {
  const test = CLASSES[name];
  const out: string[] = [];
  for (let c = 0; c < 256; c++) if (test(c)) out.push(String.fromCharCode(c));
  return out;
}

export interface ParsedSet {
  pieces: Piece[];
  /** Set when a trailing lone backslash was taken literally (GNU warns about it). */
  trailingBackslash: boolean;
}

/** Unescapes one character at `at`: returns it and the index after it. */
function readChar(text: string[], at: number): [string, number, boolean] {
  if (text[at] !== "\\") return [text[at], at + 1, false];
  if (at + 1 >= text.length) return ["\\", at + 1, true];
  const next = text[at + 1];
  const simple: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
  if (next in simple) return [simple[next], at + 2, false];
  if (/[0-7]/.test(next)) {
    let end = at + 1;
    let value = 0;
    while (end < text.length && end < at + 4 && /[0-7]/.test(text[end]) && value * 8 + Number(text[end]) < 256) {
      value = value * 8 + Number(text[end]);
      end++;
    }
    return [String.fromCharCode(value), end, false];
  }
  return [next, at + 2, false];
}

/** Parses SET1 or SET2 (repeats are only valid in SET2). */
export function parseSet(spec: string, isSet2: boolean): ParsedSet {
  const text = [...spec];
  const pieces: Piece[] = [];
  let trailingBackslash = false;
  let i = 0;
  while (i < text.length) {
    const bracket = text[i] === "[" ? parseBracket(text, i, isSet2) : null;
    if (bracket) {
      pieces.push(bracket.piece);
      i = bracket.end;
      continue;
    }
    const [first, afterFirst, lone] = readChar(text, i);
    trailingBackslash ||= lone;
    if (text[afterFirst] === "-" && afterFirst + 1 < text.length) {
      const [last, afterLast, loneLast] = readChar(text, afterFirst + 1);
      trailingBackslash ||= loneLast;
      const lo = first.codePointAt(0) as number;
      const hi = last.codePointAt(0) as number;
      if (hi < lo) {
        throw new TrSetError(`range-endpoints of '${text.slice(i, afterLast).join("")}' are in reverse collating sequence order`);
      }
      const chars: string[] = [];
      for (let c = lo; c <= hi; c++) chars.push(String.fromCodePoint(c));
      pieces.push({ chars });
      i = afterLast;
      continue;
    }
    pieces.push({ chars: [first] });
    i = afterFirst;
  }
  return { pieces, trailingBackslash };
}

function parseBracket(text: string[], at: number, isSet2: boolean): { piece: Piece; end: number } | null {
  const rest = text.slice(at).join("");
  const cls = /^\[:([a-z]*):\]/.exec(rest);
  if (cls) {
    if (!(cls[1] in CLASSES)) throw new TrSetError(`invalid character class '${cls[1]}'`);
    return { piece: { chars: classChars(cls[1]), className: cls[1] }, end: at + [...cls[0]].length };
  }
  const equiv = /^\[=(.)=\]/u.exec(rest);
  if (equiv) return { piece: { chars: [equiv[1]] }, end: at + [...equiv[0]].length };
  if (!isSet2) return null;
  const repeat = /^\[(\\[0-7]{1,3}|\\.|[^\\])\*([0-9]*)\]/u.exec(rest);
  if (!repeat) return null;
  const [char] = readChar([...repeat[1]], 0);
  const count = repeat[2] === "" ? 0 : Number.parseInt(repeat[2], repeat[2].startsWith("0") ? 8 : 10);
  if (Number.isNaN(count)) throw new TrSetError(`invalid repeat count '${repeat[2]}' in [c*n] construct`);
  const piece: Piece = count === 0 ? { chars: [char], fill: true } : { chars: Array(count).fill(char) };
  return { piece, end: at + [...repeat[0]].length };
}

/** The characters of a set in order, [c*] pieces expanded to reach `targetLength`. */
export function expandSet(set: ParsedSet, targetLength = 0): string[] {
  const fixed = set.pieces.reduce((n, p) => n + (p.fill ? 0 : p.chars.length), 0);
  const out: string[] = [];
  for (const piece of set.pieces) {
    if (piece.fill) out.push(...Array(Math.max(0, targetLength - fixed)).fill(piece.chars[0]));
    else out.push(...piece.chars);
  }
  return out;
}

/** The complement of a set (-c): every byte value not in it, in ascending order. */
export function complementOf(chars: string[]): string[] {
  const present = new Set(chars);
  const out: string[] = [];
  for (let c = 0; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (!present.has(ch)) out.push(ch);
  }
  return out;
}

/**
 * GNU only lets SET2 hold [:upper:] or [:lower:], each facing a case class at the same
 * position of SET1, when translating.
 */
export function checkSet2Classes(set1: ParsedSet, set2: ParsedSet): void {
  const starts = new Map<number, string | undefined>();
  let at = 0;
  for (const piece of set1.pieces) {
    starts.set(at, piece.className);
    at += piece.chars.length;
  }
  at = 0;
  for (const piece of set2.pieces) {
    if (piece.className) {
      if (piece.className !== "upper" && piece.className !== "lower") {
        throw new TrSetError("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
      }
      const facing = starts.get(at);
      if (facing !== "upper" && facing !== "lower") throw new TrSetError("misaligned [:upper:] and/or [:lower:] construct");
    }
    at += piece.fill ? 0 : piece.chars.length;
  }
}
