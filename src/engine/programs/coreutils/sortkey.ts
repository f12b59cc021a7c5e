import { compareBytes } from "./collate";
import { filevercmp } from "./filevercmp";

/**
 * sort(1)'s keys and comparison, after GNU sort.c: a key is a span of the line
 * (-k POS1[,POS2]) with its own ordering options; the whole-line byte comparison is the
 * last resort when every key ties, unless -s or -u.
 */
export interface SortKey {
  /** Start field and character, 0-based (POS1 = F.C). */
  sword: number;
  schar: number;
  /** End field, 0-based, or Infinity for the end of the line; echar 0 means the field's end. */
  eword: number;
  echar: number;
  skipStartBlanks: boolean;
  skipEndBlanks: boolean;
  /** -d keeps only blanks and alphanumerics, -i only printable characters. */
  ignore: "dictionary" | "nonprinting" | null;
  foldCase: boolean;
  numeric: boolean;
  generalNumeric: boolean;
  humanNumeric: boolean;
  month: boolean;
  version: boolean;
  random: boolean;
  reverse: boolean;
}

export interface SortOrder {
  keys: SortKey[];
  /** -t: the field separator; null splits fields at blank-to-nonblank transitions. */
  tab: string | null;
  /** Global -r, which also reverses the last-resort comparison. */
  reverse: boolean;
  stable: boolean;
  unique: boolean;
  /** Salt for -R, from the seeded random source. */
  salt: number;
}

export class KeySpecError extends Error {}

export function newKey(): SortKey {
  return {
    sword: 0,
    schar: 0,
    eword: Number.POSITIVE_INFINITY,
    echar: 0,
    skipStartBlanks: false,
    skipEndBlanks: false,
    ignore: null,
    foldCase: false,
    numeric: false,
    generalNumeric: false,
    humanNumeric: false,
    month: false,
    version: false,
    random: false,
    reverse: false,
  };
}

/** Applies the ordering letters of -k specs and of the global options (b, d, f, ...). */
export function setOrdering(key: SortKey, letter: string, blanksAt: "start" | "end" | "both"): boolean {
  switch (letter) {
    case "b":
      if (blanksAt !== "end") key.skipStartBlanks = true;
      if (blanksAt !== "start") key.skipEndBlanks = true;
      return true;
    case "d":
      key.ignore = "dictionary";
      return true;
    case "i":
      // GNU: -d wins over -i whichever comes first.
      if (key.ignore === null) key.ignore = "nonprinting";
      return true;
    case "f":
      key.foldCase = true;
      return true;
    case "g":
      key.generalNumeric = true;
      return true;
    case "h":
      key.humanNumeric = true;
      return true;
    case "M":
      key.month = true;
      return true;
    case "n":
      key.numeric = true;
      return true;
    case "R":
      key.random = true;
      return true;
    case "r":
      key.reverse = true;
      return true;
    case "V":
      key.version = true;
      return true;
  }
  return false;
}

/** Whether a key has no ordering option of its own, so it takes the global ones. */
export function hasDefaultOrdering(key: SortKey): boolean {
  return !(
    key.ignore ||
    key.foldCase ||
    key.skipStartBlanks ||
    key.skipEndBlanks ||
    key.numeric ||
    key.generalNumeric ||
    key.humanNumeric ||
    key.month ||
    key.version ||
    key.random
  );
}

/** The `-hn` of "options '-hn' are incompatible", or null when the key is consistent. */
export function incompatibleOptions(key: SortKey): string | null {
  const kinds =
    Number(key.numeric) +
    Number(key.generalNumeric) +
    Number(key.humanNumeric) +
    Number(key.month) +
    Number(key.version || key.random || key.ignore !== null);
  if (kinds <= 1) return null;
  let opts = "";
  if (key.ignore === "dictionary") opts += "d";
  if (key.foldCase) opts += "f";
  if (key.generalNumeric) opts += "g";
  if (key.humanNumeric) opts += "h";
  if (key.ignore === "nonprinting") opts += "i";
  if (key.month) opts += "M";
  if (key.numeric) opts += "n";
  if (key.random) opts += "R";
  if (key.version) opts += "V";
  return opts;
}

/** Parses a -k argument, POS1[,POS2] with POS = F[.C][OPTS], into a key. */
export function parseKeySpec(spec: string): SortKey {
  const key = newKey();
  const bad = (why: string) => new KeySpecError(`${why}: invalid field specification '${spec}'`);
  let at = 0;
  const count = (why: string): number => {
    const digits = /^\d+/.exec(spec.slice(at));
    if (!digits) throw new KeySpecError(`${why}: invalid count at start of '${spec.slice(at)}'`);
    at += digits[0].length;
    return Number(digits[0]);
  };
  const sword = count("invalid number at field start");
  if (sword === 0) throw bad("field number is zero");
  key.sword = sword - 1;
  if (spec[at] === ".") {
    at++;
    const schar = count("invalid number after '.'");
    if (schar === 0) throw bad("character offset is zero");
    key.schar = schar - 1;
  }
  while (at < spec.length && spec[at] !== "," && setOrdering(key, spec[at], "start")) at++;
  if (spec[at] === ",") {
    at++;
    const eword = count("invalid number after ','");
    if (eword === 0) throw bad("field number is zero");
    key.eword = eword - 1;
    if (spec[at] === ".") {
      at++;
      key.echar = count("invalid number after '.'");
    }
    while (at < spec.length && setOrdering(key, spec[at], "end")) at++;
  }
  if (at < spec.length) throw bad("stray character in field spec");
  return key;
}

const isBlank = (c: string) => c === " " || c === "\t" || c === "\n";

/** Where the key starts in `line` (GNU's begfield). */
function keyStart(line: string, key: SortKey, tab: string | null): number {
  const lim = line.length;
  let ptr = 0;
  let sword = key.sword;
  if (tab !== null) {
    while (ptr < lim && sword-- > 0) {
      while (ptr < lim && line[ptr] !== tab) ptr++;
      if (ptr < lim) ptr++;
    }
  } else {
    while (ptr < lim && sword-- > 0) {
      while (ptr < lim && isBlank(line[ptr])) ptr++;
      while (ptr < lim && !isBlank(line[ptr])) ptr++;
    }
  }
  if (key.skipStartBlanks) while (ptr < lim && isBlank(line[ptr])) ptr++;
  return Math.min(lim, ptr + key.schar);
}

/** Where the key ends in `line` (GNU's limfield). */
function keyEnd(line: string, key: SortKey, tab: string | null): number {
  const lim = line.length;
  if (key.eword === Number.POSITIVE_INFINITY) return lim;
  let ptr = 0;
  let eword = key.echar === 0 ? key.eword + 1 : key.eword;
  if (tab !== null) {
    while (ptr < lim && eword-- > 0) {
      while (ptr < lim && line[ptr] !== tab) ptr++;
      if (ptr < lim && (eword > 0 || key.echar !== 0)) ptr++;
    }
  } else {
    while (ptr < lim && eword-- > 0) {
      while (ptr < lim && isBlank(line[ptr])) ptr++;
      while (ptr < lim && !isBlank(line[ptr])) ptr++;
    }
  }
  if (key.echar !== 0) {
    if (key.skipEndBlanks) while (ptr < lim && isBlank(line[ptr])) ptr++;
    ptr = Math.min(lim, ptr + key.echar);
  }
  return ptr;
}

/** The text of `key` in `line`. */
export function keyText(line: string, key: SortKey, tab: string | null): string {
  const start = keyStart(line, key, tab);
  const end = keyEnd(line, key, tab);
  return end > start ? line.slice(start, end) : "";
}

/** The comparator for Array.prototype.sort (stable, as GNU's merge sort). */
export function lineComparator(order: SortOrder): (a: string, b: string) => number {
  return (a, b) => {
    if (order.keys.length > 0) {
      const diff = compareKeys(a, b, order);
      if (diff !== 0 || order.unique || order.stable) return diff;
    }
    const diff = compareBytes(a, b);
    return order.reverse ? -diff : diff;
  };
}

/** Compares by the keys only: what -u uses to decide that two lines are duplicates. */
export function compareKeys(a: string, b: string, order: SortOrder): number {
  for (const key of order.keys) {
    const diff = compareKey(keyText(a, key, order.tab), keyText(b, key, order.tab), key, order.salt);
    if (diff !== 0) return key.reverse ? -diff : diff;
  }
  return 0;
}

function compareKey(a: string, b: string, key: SortKey, salt: number): number {
  if (key.random) {
    const diff = saltedHash(prepare(a, key), salt) - saltedHash(prepare(b, key), salt);
    if (diff !== 0) return diff;
  }
  if (key.numeric) return compareNumbers(a, b);
  if (key.humanNumeric) return compareHuman(a, b);
  if (key.generalNumeric) return compareGeneral(a, b);
  if (key.month) return monthOf(a) - monthOf(b);
  if (key.version) return filevercmp(a, b);
  return compareBytes(prepare(a, key), prepare(b, key));
}

/** Drops ignored characters (-d, -i) and folds case (-f) as GNU's translate tables do. */
function prepare(text: string, key: SortKey): string {
  let out = text;
  if (key.ignore === "dictionary") out = out.replace(/[^A-Za-z0-9 \t\n]/g, "");
  else if (key.ignore === "nonprinting") out = out.replace(/[^\x20-\x7e]/g, "");
  if (key.foldCase) out = out.replace(/[a-z]+/g, (s) => s.toUpperCase());
  return out;
}

interface Decimal {
  negative: boolean;
  integer: string;
  fraction: string;
}

/** The leading number of a -n key: blanks, an optional '-', digits, '.', digits. */
function parseDecimal(text: string): Decimal & { end: number } {
  const m = /^[ \t\n]*(-?)(\d*)(?:\.(\d*))?/.exec(text) as RegExpExecArray;
  const hasDigits = (m[2] ?? "") !== "" || (m[3] ?? "") !== "";
  const integer = hasDigits ? m[2].replace(/^0+/, "") : "";
  const fraction = hasDigits ? (m[3] ?? "").replace(/0+$/, "") : "";
  const zero = integer === "" && fraction === "";
  return { negative: m[1] === "-" && !zero, integer, fraction, end: hasDigits ? m[0].length : 0 };
}

function compareMagnitude(a: Decimal, b: Decimal): number {
  if (a.integer.length !== b.integer.length) return a.integer.length - b.integer.length;
  if (a.integer !== b.integer) return a.integer < b.integer ? -1 : 1;
  if (a.fraction === b.fraction) return 0;
  return a.fraction < b.fraction ? -1 : 1;
}

/** sort -n: exact decimal comparison of arbitrarily long numbers, as GNU's strnumcmp. */
export function compareNumbers(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const diff = compareMagnitude(x, y);
  return x.negative ? -diff : diff;
}

const UNIT_ORDER = "KMGTPEZYRQ";

/** sort -h: by sign and SI suffix first (2K < 1M), then by the number. */
function compareHuman(a: string, b: string): number {
  const diff = unitOrder(a) - unitOrder(b);
  return diff !== 0 ? diff : compareNumbers(a, b);
}

function unitOrder(text: string): number {
  const number = parseDecimal(text);
  if (number.integer === "" && number.fraction === "") return 0;
  const suffix = text[number.end] ?? "";
  const order = suffix === "k" ? 1 : suffix === "" ? 0 : UNIT_ORDER.indexOf(suffix) + 1;
  return number.negative ? -order : order;
}

/** sort -g: strtod values; text that is no number sorts first, then NaN, then numbers. */
function compareGeneral(a: string, b: string): number {
  const x = strtod(a);
  const y = strtod(b);
  if (x === null || y === null) return (x === null ? 0 : 1) - (y === null ? 0 : 1);
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  return (Number.isNaN(x) ? 0 : 1) - (Number.isNaN(y) ? 0 : 1);
}

function strtod(text: string): number | null {
  const m = /^[ \t\n]*([+-]?)(inf(?:inity)?|nan|0x[0-9a-f]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i.exec(text);
  if (!m) return null;
  const body = m[2].toLowerCase();
  const value = body.startsWith("inf") ? Number.POSITIVE_INFINITY : body === "nan" ? Number.NaN : Number(body);
  return m[1] === "-" ? -value : value;
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** sort -M: 1 for JAN to 12 for DEC after leading blanks, 0 for anything else. */
function monthOf(text: string): number {
  const name = text
    .replace(/^[ \t\n]+/, "")
    .slice(0, 3)
    .toUpperCase();
  return MONTHS.indexOf(name) + 1;
}

/** sort -R groups equal keys together in an order fixed by the salt (GNU hashes with MD5). */
function saltedHash(text: string, salt: number): number {
  let hash = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
