import { CTYPE_CLASSES } from "../../locale/ctype";
import { formatAwk } from "./format";

/**
 * awk's values: numbers, strings, and strnums (text from input that compares as a number
 * when it looks like one). `undefined` is an uninitialized variable: "" and 0 at once.
 */
export class StrNum {
  constructor(readonly s: string) {}
}

export type Value = number | string | StrNum | undefined;

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const PREFIX = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/;

export function toNum(v: Value): number {
  if (typeof v === "number") return v;
  if (v === undefined) return 0;
  const s = typeof v === "string" ? v : v.s;
  const m = PREFIX.exec(s);
  if (m) return Number(m[0]);
  const special = /^\s*([-+])(inf|nan)/i.exec(s);
  if (special) return special[2].toLowerCase() === "inf" ? (special[1] === "-" ? -Infinity : Infinity) : Number.NaN;
  return 0;
}

/** The string form under CONVFMT (OFMT for print): integers print as integers. */
export function toStr(v: Value, convfmt = "%.6g"): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  if (v instanceof StrNum) return v.s;
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return String(v);
  if (Number.isNaN(v)) return v < 0 ? "-nan" : "nan";
  if (!Number.isFinite(v)) return v < 0 ? "-inf" : "inf";
  return formatAwk(convfmt, [{ num: () => v, str: () => String(v) }]);
}

export function isNumeric(v: Value): boolean {
  return typeof v === "number" || v === undefined || (v instanceof StrNum && NUMERIC.test(v.s));
}

export function toBool(v: Value): boolean {
  if (typeof v === "number") return v !== 0;
  if (v === undefined) return false;
  if (typeof v === "string") return v !== "";
  return NUMERIC.test(v.s) ? Number(v.s.trim()) !== 0 : v.s !== "";
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

/** POSIX bracket classes in an ERE, made JavaScript. */
const CLASSES: Readonly<Record<string, string>> = CTYPE_CLASSES;

const regexCache = new Map<string, RegExp>();

export function awkRegex(source: string, flags = ""): RegExp {
  const key = `${flags}/${source}`;
  const cached = regexCache.get(key);
  if (cached) return cached;
  let js = source.replace(/\[:([a-z]+):\]/g, (m, name: string) => CLASSES[name] ?? m);
  // A literal { that does not start an interval is an ordinary character in awk.
  js = js.replace(/\{(?!\d+(,\d*)?\})/g, "\\{");
  let re: RegExp;
  try {
    re = new RegExp(js, flags);
  } catch {
    re = new RegExp(js.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), flags);
  }
  regexCache.set(key, re);
  return re;
}
