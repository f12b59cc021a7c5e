import type { ParamExp, Word } from "../syntax/ast";
import { ExpansionError } from "./errors";
import { hasGlobChars, patternRegExp, unescapeGlob } from "./pattern";

/** A parameter's value: a string, a list ($@, ${a[@]}) or unset. */
export type ParamValue = string | { list: string[]; star: boolean } | undefined;

/** What the operators need from the expander: their operand words expanded. */
export interface OperandExpander {
  pattern(word: Word): Promise<string>;
  arith(word: Word): Promise<bigint>;
  special(name: string): string | undefined;
}

/**
 * ${#x}, ${x#p}, ${x%p}, ${x/p/r}, ${x:o:l}, ${x^^} and the other operators that
 * transform a value (the ones that choose between the value and a word, ${x:-w} and
 * friends, are the expander's). On a list they apply to each element.
 */
export async function applyParamOp(part: ParamExp, value: ParamValue, ex: OperandExpander): Promise<ParamValue> {
  if (part.length) return lengthOf(value);
  const op = part.op;
  if (!op || value === undefined) return value;
  switch (op.kind) {
    case "trim": {
      const pattern = await ex.pattern(op.pattern);
      return mapValue(value, (s) => trim(s, pattern, op.from, op.longest));
    }
    case "replace": {
      const pattern = await ex.pattern(op.pattern);
      const replacement = await ex.pattern(op.replacement);
      return mapValue(value, (s) => replace(s, pattern, replacement, op.all, op.anchor));
    }
    case "case": {
      const pattern = op.pattern ? await ex.pattern(op.pattern) : null;
      return mapValue(value, (s) => changeCase(s, pattern, op.upper, op.all));
    }
    case "substring": {
      const offset = Number(await ex.arith(op.offset));
      const length = op.length ? Number(await ex.arith(op.length)) : undefined;
      if (typeof value === "string") return substring(value, offset, length);
      const list = part.name === "@" || part.name === "*" ? [ex.special("0") ?? "", ...value.list] : value.list;
      const from = part.name === "@" || part.name === "*" ? (offset < 0 ? list.length + offset : offset) : offset;
      return { list: sliceList(list, from, length, value.list.length), star: value.star };
    }
    default:
      return value;
  }
}

function lengthOf(value: ParamValue): string {
  if (value === undefined) return "0";
  if (typeof value === "string") return String([...value].length);
  return String(value.list.length);
}

function mapValue(value: ParamValue, fn: (s: string) => string): ParamValue {
  if (value === undefined) return undefined;
  if (typeof value === "string") return fn(value);
  return { list: value.list.map(fn), star: value.star };
}

function trim(s: string, pattern: string, from: "prefix" | "suffix", longest: boolean): string {
  if (!hasGlobChars(pattern)) {
    const literal = unescapeGlob(pattern);
    if (from === "prefix") return s.startsWith(literal) ? s.slice(literal.length) : s;
    return s.endsWith(literal) ? s.slice(0, s.length - literal.length) : s;
  }
  const re = patternRegExp(pattern);
  const n = s.length;
  if (from === "prefix") {
    for (let k = 0; k <= n; k++) {
      const len = longest ? n - k : k;
      if (re.test(s.slice(0, len))) return s.slice(len);
    }
    return s;
  }
  for (let k = 0; k <= n; k++) {
    const start = longest ? k : n - k;
    if (re.test(s.slice(start))) return s.slice(0, start);
  }
  return s;
}

/** The replacement text for one match: with bash 5.2's patsub_replacement, an unquoted & is the match. */
function substitute(replacement: string, match: string): string {
  let out = "";
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch === "\\" && i + 1 < replacement.length) out += replacement[++i];
    else if (ch === "&") out += match;
    else out += ch;
  }
  return out;
}

function replace(s: string, pattern: string, replacement: string, all: boolean, anchor: "" | "#" | "%"): string {
  const n = s.length;
  if (anchor === "#") {
    for (let len = n; len >= 0; len--)
      if (matches(pattern, s.slice(0, len))) return substitute(replacement, s.slice(0, len)) + s.slice(len);
    return s;
  }
  if (anchor === "%") {
    for (let start = 0; start <= n; start++)
      if (matches(pattern, s.slice(start))) return s.slice(0, start) + substitute(replacement, s.slice(start));
    return s;
  }
  if (pattern === "") return s;
  if (!hasGlobChars(pattern)) {
    const literal = unescapeGlob(pattern);
    if (!all) {
      const at = s.indexOf(literal);
      return at < 0 ? s : s.slice(0, at) + substitute(replacement, literal) + s.slice(at + literal.length);
    }
    return s.split(literal).join(substitute(replacement, literal));
  }
  let out = "";
  let i = 0;
  while (i < n) {
    let matched = -1;
    for (let end = n; end > i; end--) {
      if (matches(pattern, s.slice(i, end))) {
        matched = end;
        break;
      }
    }
    if (matched < 0) {
      out += s[i++];
      continue;
    }
    out += substitute(replacement, s.slice(i, matched));
    i = matched;
    if (!all) return out + s.slice(i);
  }
  return out;
}

function matches(pattern: string, text: string): boolean {
  return patternRegExp(pattern).test(text);
}

function changeCase(s: string, pattern: string | null, upper: boolean, all: boolean): string {
  const chars = [...s];
  const convert = (ch: string) => (upper ? ch.toUpperCase() : ch.toLowerCase());
  for (let i = 0; i < chars.length; i++) {
    if (pattern === null || matches(pattern, chars[i])) chars[i] = convert(chars[i]);
    if (!all) break;
  }
  return chars.join("");
}

function substring(s: string, offset: number, length: number | undefined): string {
  const chars = [...s];
  let start = offset < 0 ? chars.length + offset : offset;
  if (start < 0) return "";
  start = Math.min(start, chars.length);
  if (length === undefined) return chars.slice(start).join("");
  const end = length < 0 ? chars.length + length : start + length;
  if (end < start) throw new ExpansionError(`${length}: substring expression < 0`);
  return chars.slice(start, end).join("");
}

function sliceList(list: string[], from: number, length: number | undefined, _count: number): string[] {
  const start = Math.max(0, from < 0 ? list.length + from : from);
  if (length === undefined) return list.slice(start);
  if (length < 0) throw new ExpansionError(`${length}: substring expression < 0`);
  return list.slice(start, start + length);
}
