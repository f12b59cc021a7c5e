// docker/cli templates/templates.go: the functions every --format template
// gets (json, split, join, title, lower, upper, pad, truncate), and the
// header variants that leave table headers untouched.

import { goJSON } from "./json";
import { executeTemplate } from "./template/exec";
import { type FuncMap, fixed } from "./template/funcs";
import { type ParsedTemplate, parseTemplate } from "./template/parse";
import { formatValue, isMapLike, mapEntries, typeName } from "./template/value";

/** Go's reflect check on a string parameter. */
const str = (v: unknown): string => {
  if (typeof v !== "string") throw new Error(`wrong type for value; expected string; got ${typeName(v)}`);
  return v;
};
const int = (v: unknown): number => {
  if (typeof v !== "number" || !Number.isInteger(v)) throw new Error(`wrong type for value; expected int; got ${typeName(v)}`);
  return v;
};

export const basicFunctions: FuncMap = {
  json: fixed(1, (v) => goJSON(v)),
  split: fixed(2, (s, sep) => splitGo(str(s), str(sep))),
  join: fixed(2, (elems, sep) => joinElements(elems, str(sep))),
  title: fixed(1, (s) => titleGo(str(s))),
  lower: fixed(1, (s) => str(s).toLowerCase()),
  upper: fixed(1, (s) => str(s).toUpperCase()),
  pad: fixed(3, (s, prefix, suffix) => {
    const src = str(s);
    return src === "" ? src : " ".repeat(int(prefix)) + src + " ".repeat(int(suffix));
  }),
  truncate: fixed(2, (s, n) => {
    const src = str(s);
    const len = int(n);
    return src.length < len ? src : src.slice(0, len);
  }),
};

/** templates.HeaderFunctions: headers keep their text through json/split/join/title/lower/upper/truncate. */
export const headerFunctions: FuncMap = {
  ...basicFunctions,
  json: fixed(1, (v) => v),
  split: fixed(2, (v) => v),
  join: fixed(2, (v) => v),
  title: fixed(1, (v) => v),
  lower: fixed(1, (v) => v),
  upper: fixed(1, (v) => v),
  truncate: fixed(2, (v) => v),
};

const funcNames = [...Object.keys(basicFunctions), "and", "or", "not", "len", "index", "slice", "print", "println", "printf"].concat([
  "eq",
  "ne",
  "lt",
  "le",
  "gt",
  "ge",
  "html",
  "js",
  "urlquery",
  "call",
]);

/** templates.Parse: an anonymous template ("") with docker's functions. Throws TemplateParseError. */
export function parse(format: string): ParsedTemplate {
  return parseTemplate(format, funcNames);
}

/** Template.Execute with docker's functions (or the header ones). Throws TemplateExecError. */
export function execute(tmpl: ParsedTemplate, data: unknown, funcs: FuncMap = basicFunctions): string {
  return executeTemplate(tmpl, data, funcs);
}

/** strings.Split: an empty separator splits after each UTF-8 sequence. */
function splitGo(s: string, sep: string): string[] {
  return sep === "" ? [...s] : s.split(sep);
}

/** docker's joinElements: slices element by element, maps by sorted values. */
function joinElements(elems: unknown, sep: string): string {
  if (elems === undefined || elems === null) return "";
  if (Array.isArray(elems)) return elems.map((e) => formatValue(e, false)).join(sep);
  if (isMapLike(elems))
    return mapEntries(elems)
      .map(([, v]) => formatValue(v, false))
      .sort()
      .join(sep);
  throw new Error(`expected slice, got ${typeName(elems)}`);
}

/** strings.Title: upper-case the first letter of each word (letters, digits, _ and ' join words). */
function titleGo(s: string): string {
  let prev = " ";
  let out = "";
  for (const ch of s) {
    const sep = !/[\p{L}\p{N}_']/u.test(prev);
    out += sep ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}
