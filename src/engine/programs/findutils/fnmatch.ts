/**
 * Shell wildcards as fnmatch(3) matches them for find's -name, -iname and -path:
 * `*` and `?` match any character including `/` and a leading dot (find passes no
 * FNM_PATHNAME or FNM_PERIOD), `[...]` sets with `!` or `^` negation, ranges and
 * [:classes:], and `\` quoting the next character.
 */
const CLASSES: Record<string, string> = {
  alnum: "a-zA-Z0-9",
  alpha: "a-zA-Z",
  blank: " \\t",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-/:-@\\[-`{-~",
  space: " \\t\\n\\r\\f\\v",
  upper: "A-Z",
  xdigit: "0-9A-Fa-f",
};

const cache = new Map<string, RegExp>();

export function fnmatch(pattern: string, text: string, options: { caseFold?: boolean } = {}): boolean {
  const key = `${options.caseFold ? "i" : "-"}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^${translate(pattern)}$`, options.caseFold ? "isu" : "su");
    cache.set(key, re);
  }
  return re.test(text);
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

function translate(pattern: string): string {
  const chars = [...pattern];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === "*") out += ".*";
    else if (ch === "?") out += ".";
    else if (ch === "\\" && i + 1 < chars.length) out += escapeChar(chars[++i]);
    else if (ch === "[") {
      const set = bracket(chars, i);
      if (set) {
        out += set.source;
        i = set.end;
      } else out += "\\[";
    } else out += escapeChar(ch);
  }
  return out;
}

/** A `[...]` set starting at `start`, or null when it is not closed (then `[` is literal). */
function bracket(chars: string[], start: number): { source: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (chars[i] === "!" || chars[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  let first = true;
  for (; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === "]" && !first) return { source: `[${negate ? "^" : ""}${body}]`, end: i };
    first = false;
    if (ch === "[" && chars[i + 1] === ":") {
      const close = chars.indexOf(":", i + 2);
      const name = close > 0 && chars[close + 1] === "]" ? chars.slice(i + 2, close).join("") : "";
      if (name in CLASSES) {
        body += CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    if (ch === "\\" && i + 1 < chars.length) body += escapeChar(chars[++i]);
    else body += ch === "-" && chars[i + 1] !== "]" && body !== "" ? "-" : escapeChar(ch);
  }
  return null;
}
