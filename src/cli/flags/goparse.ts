// strconv.ParseInt / ParseUint / ParseBool as pflag's int, uint and bool
// flags call them (base 0: 0x1f, 0o17, 017, 0b101, 1_000), with Go's errors.
import { goQuote } from "../formatter/units/size";

export function parseGoInt(s: string, bits = 64): number {
  return Number(parseInteger(s, bits, false, "strconv.ParseInt"));
}

export function parseGoUint(s: string, bits = 64): number {
  return Number(parseInteger(s, bits, true, "strconv.ParseUint"));
}

function parseInteger(s: string, bits: number, unsigned: boolean, fn: string): bigint {
  const syntax = () => new Error(`${fn}: parsing ${goQuote(s)}: invalid syntax`);
  let body = s;
  let neg = false;
  if (!unsigned && (body[0] === "+" || body[0] === "-")) {
    neg = body[0] === "-";
    body = body.slice(1);
  }
  let digits = body;
  let radix = 10;
  let prefixed = false;
  const lower = body.toLowerCase();
  if (lower.startsWith("0x")) [radix, digits, prefixed] = [16, body.slice(2), true];
  else if (lower.startsWith("0o")) [radix, digits, prefixed] = [8, body.slice(2), true];
  else if (lower.startsWith("0b")) [radix, digits, prefixed] = [2, body.slice(2), true];
  else if (body.length > 1 && body[0] === "0") [radix, digits, prefixed] = [8, body.slice(1), true];
  // Underscores are only allowed between digits, and only with a base prefix.
  if (digits.includes("_")) {
    if (!prefixed && radix === 10 && !/^\d+(_\d+)*$/.test(digits)) throw syntax();
    if (/^_|_$|__/.test(digits) && !(prefixed && digits.startsWith("_") && !/__|_$/.test(digits))) throw syntax();
    digits = digits.replace(/_/g, "");
  }
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-f]+$/i }[radix as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) throw syntax();
  const prefix = { 2: "0b", 8: "0o", 10: "", 16: "0x" }[radix as 2 | 8 | 10 | 16];
  let v = BigInt(prefix + digits);
  if (neg) v = -v;
  const max = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  const min = unsigned ? 0n : -(1n << BigInt(bits - 1));
  if (v > max || v < min) throw new Error(`${fn}: parsing ${goQuote(s)}: value out of range`);
  return v;
}

export function parseGoBool(s: string): boolean {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  throw new Error(`strconv.ParseBool: parsing ${goQuote(s)}: invalid syntax`);
}
