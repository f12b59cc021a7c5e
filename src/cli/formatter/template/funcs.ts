// Template functions: a name, an arity as Go's reflection would check it,
// and a body. Go's predefined functions (text/template/funcs.go) live here;
// docker's own (json, split, join...) in ../templates.ts.
import { quoteGo, sprint, sprintf, sprintln } from "./fmt";
import { isMapLike, truth, typeName } from "./value";

export interface TemplateFunc {
  /** Fixed parameters; a variadic function takes at least this many. */
  arity: number;
  variadic?: boolean;
  call: (...args: unknown[]) => unknown;
}

export type FuncMap = Record<string, TemplateFunc>;

export const fixed = (arity: number, call: (...args: unknown[]) => unknown): TemplateFunc => ({ arity, call });
export const variadic = (arity: number, call: (...args: unknown[]) => unknown): TemplateFunc => ({ arity, variadic: true, call });

/** and/or are evaluated lazily by the executor; these bodies apply to evaluated values. */
export const builtins: FuncMap = {
  and: variadic(1, (...a) => a.find((v) => !truth(v)) ?? a[a.length - 1]),
  or: variadic(1, (...a) => a.find((v) => truth(v)) ?? a[a.length - 1]),
  not: fixed(1, (v) => !truth(v)),
  len: fixed(1, (v) => {
    if (typeof v === "string") return new TextEncoder().encode(v).length;
    if (Array.isArray(v)) return v.length;
    if (v instanceof Map) return v.size;
    if (isMapLike(v)) return Object.keys(v).length;
    throw new Error(`len of type ${typeName(v)}`);
  }),
  index: variadic(1, (item, ...keys) => keys.reduce((cur, k) => indexOne(cur, k), item)),
  slice: variadic(1, (item, ...idx) => sliceOf(item, idx as number[])),
  print: variadic(0, (...a) => sprint(a)),
  println: variadic(0, (...a) => sprintln(a)),
  printf: variadic(1, (f, ...a) => sprintf(String(f), a)),
  eq: variadic(1, (a, ...rest) => {
    if (rest.length === 0) throw new Error("missing argument for comparison");
    return rest.some((b) => equal(a, b));
  }),
  ne: fixed(2, (a, b) => !equal(a, b)),
  lt: fixed(2, (a, b) => compare(a, b) < 0),
  le: fixed(2, (a, b) => compare(a, b) <= 0),
  gt: fixed(2, (a, b) => compare(a, b) > 0),
  ge: fixed(2, (a, b) => compare(a, b) >= 0),
  html: variadic(0, (...a) => htmlEscape(evalArgs(a))),
  js: variadic(0, (...a) => jsEscape(evalArgs(a))),
  urlquery: variadic(0, (...a) =>
    encodeURIComponent(evalArgs(a))
      .replace(/%20/g, "+")
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  ),
  call: variadic(1, (fn, ...a) => {
    if (typeof fn !== "function") throw new Error(`non-function of type ${typeName(fn)}`);
    return fn(...a);
  }),
};

function evalArgs(a: unknown[]): string {
  return a.length === 1 && typeof a[0] === "string" ? a[0] : sprint(a);
}

function indexOne(item: unknown, key: unknown): unknown {
  if (item === undefined || item === null) throw new Error("index of untyped nil");
  if (Array.isArray(item) || typeof item === "string") {
    if (typeof key !== "number") throw new Error(`cannot index slice/array with type ${typeName(key)}`);
    if (key < 0 || key >= item.length) throw new Error(`index out of range: ${key}`);
    return typeof item === "string" ? new TextEncoder().encode(item)[key] : item[key];
  }
  if (item instanceof Map) return item.get(key);
  if (isMapLike(item)) return (item as Record<string, unknown>)[String(key)];
  throw new Error(`can't index item of type ${typeName(item)}`);
}

function sliceOf(item: unknown, idx: number[]): unknown {
  if (typeof item !== "string" && !Array.isArray(item)) throw new Error(`can't slice item of type ${typeName(item)}`);
  if (idx.length > 3) throw new Error(`too many slice indexes: ${idx.length}`);
  const [i = 0, j = item.length] = idx;
  if (i < 0 || j > item.length || i > j) throw new Error(`index out of range: ${Math.max(i, j)}`);
  return item.slice(i, j);
}

function basicKind(v: unknown): string {
  if (v === undefined || v === null) return "nil";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return typeof v;
  return "other";
}

function equal(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === "other" || kb === "other") {
    if (a === b) return true;
    throw new Error(`non-comparable type ${typeName(ka === "other" ? a : b)}`);
  }
  if (ka === "nil" || kb === "nil") return ka === kb;
  if (ka !== kb) throw new Error("incompatible types for comparison");
  return a === b;
}

function compare(a: unknown, b: unknown): number {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === "other" || ka === "nil" || ka === "boolean" || kb === "other" || kb === "nil" || kb === "boolean") {
    throw new Error("invalid type for comparison");
  }
  if (ka !== kb) throw new Error("incompatible types for comparison");
  return (a as number | string) < (b as number | string) ? -1 : a === b ? 0 : 1;
}

/** template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  return s.replace(/[<>&'"\0]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&#34;", "\0": "\uFFFD" })[c]!);
}

/** template.JSEscapeString. */
export function jsEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\\" || ch === "'" || ch === '"') out += `\\${ch}`;
    else if ("<>&=".includes(ch)) out += `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;
    else if (cp < 0x20) out += `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;
    else out += ch;
  }
  return out;
}

export { quoteGo };
