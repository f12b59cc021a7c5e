import { PosixRegExp, RegexError } from "../grep/regex";
import { formatAwk } from "./format";

/**
 * awk's values: numbers, strings, and strnums (text from input that compares as a number
 * when it looks like one). `undefined` is an uninitialized variable: "" and 0 at once.
 */
export class StrNum {
  constructor(readonly s: string) {}
}

export type Value = number | string | StrNum | undefined;

const NUMERIC = /^[ \t\n\r\f\v]*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[ \t\n\r\f\v]*$/;
const PREFIX = /^[ \t\n\r\f\v]*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/;

/** strtod(3) as awk uses it: the longest numeric prefix, 0 when there is none. */
export function toNum(v: Value): number {
  if (typeof v === "number") return v;
  if (v === undefined) return 0;
  const s = typeof v === "string" ? v : v.s;
  const m = PREFIX.exec(s);
  if (m) return Number(m[0]);
  // gawk reads +inf, -inf, +nan and -nan (the sign is required).
  const special = /^[ \t\n\r\f\v]*([-+])(inf|nan)/i.exec(s);
  if (special) return special[2].toLowerCase() === "inf" ? (special[1] === "-" ? -Infinity : Infinity) : Number.NaN;
  return 0;
}

/** A number as awk prints it: integral values in full (gawk prints 2^70 digit by digit), others with `fmt`. */
export function numberToString(v: number, fmt: string): string {
  if (Number.isNaN(v)) return "-nan";
  if (!Number.isFinite(v)) return v < 0 ? "-inf" : "+inf";
  if (Number.isInteger(v)) return Math.abs(v) < 1e16 ? String(v === 0 ? 0 : v) : BigInt(v).toString();
  return formatAwk(fmt, [{ num: () => v, str: () => String(v), numeric: true }]);
}

/** The string form under CONVFMT (OFMT for print). */
export function toStr(v: Value, convfmt = "%.6g"): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  if (v instanceof StrNum) return v.s;
  return numberToString(v, convfmt);
}

/** Numbers, uninitialized values and numeric-looking input compare as numbers. */
export function isNumeric(v: Value): boolean {
  return typeof v === "number" || v === undefined || (v instanceof StrNum && NUMERIC.test(v.s));
}

export function toBool(v: Value): boolean {
  if (typeof v === "number") return v !== 0;
  if (v === undefined) return false;
  if (typeof v === "string") return v !== "";
  return NUMERIC.test(v.s) ? toNum(v) !== 0 : v.s !== "";
}

/** POSIX comparison: numeric when both sides are numeric, else by string. */
export function compare(a: Value, b: Value, convfmt: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a, convfmt);
  const y = toStr(b, convfmt);
  return x < y ? -1 : x > y ? 1 : 0;
}

const regexCache = new Map<string, PosixRegExp>();

/** An awk ERE (a /literal/ or a dynamic regex string), compiled once; throws RegexError. */
export function awkRegex(source: string, ignoreCase = false): PosixRegExp {
  const key = `${ignoreCase ? "i" : "-"}${source}`;
  let re = regexCache.get(key);
  if (!re) {
    re = new PosixRegExp(source, { syntax: "awk", ignoreCase, charEscapes: true });
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(key, re);
  }
  return re;
}

export { RegexError };
