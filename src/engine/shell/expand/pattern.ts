/**
 * Shell pattern matching (glob(7), bash's "Pattern Matching"): * ? [...] with ranges,
 * negation by ! or ^, and [:class:] names. A backslash quotes the next character: the
 * expander escapes quoted text that way before it gets here.
 */
import { CTYPE_CLASSES } from "../../locale/ctype";

const CLASSES: Record<string, string> = { ...CTYPE_CLASSES, word: "a-zA-Z0-9_" };

const cache = new Map<string, RegExp>();

/**
 * Whether `pattern` has an unquoted * or ?, or a bracket expression that closes (a lone
 * `[`, as in `[ -f x ]`, only matches itself, so it is not worth a directory scan).
 */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") i++;
    else if (ch === "*" || ch === "?") return true;
    else if (ch === "[" && parseBracket(pattern, i) !== null) return true;
  }
  return false;
}

/** Quotes every pattern character of `text`, so that it matches only itself. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, "\\$&");
}

/** Removes the backslashes that quote characters in a pattern: its literal text. */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, "$1");
}

/**
 * The regular expression source for a pattern. In `pathname` mode * and ? do not
 * match a slash, as in pathname expansion.
 */
export function patternSource(pattern: string, pathname = false): string {
  let out = "";
  const any = pathname ? "[^/]" : "[^]";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      i++;
      if (i < pattern.length) out += escapeRegex(pattern[i]);
      else out += "\\\\";
    } else if (ch === "*") {
      while (pattern[i + 1] === "*") i++;
      out += `${any}*`;
    } else if (ch === "?") out += any;
    else if (ch === "[") {
      const bracket = parseBracket(pattern, i);
      if (bracket) {
        out += bracket.source;
        i = bracket.end;
      } else out += "\\[";
    } else out += escapeRegex(ch);
  }
  return out;
}

function parseBracket(pattern: string, start: number): { source: string; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === "!" || pattern[i] === "^") {
    negate = true;
    i++;
  }
  let body = "";
  let first = true;
  for (; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "]" && !first) return { source: `[${negate ? "^" : ""}${body}]`, end: i };
    first = false;
    if (ch === "[" && pattern[i + 1] === ":") {
      const close = pattern.indexOf(":]", i + 2);
      const name = close > 0 ? pattern.slice(i + 2, close) : "";
      if (name in CLASSES) {
        body += CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    if (ch === "\\" && i + 1 < pattern.length) {
      i++;
      body += escapeClassChar(pattern[i]);
      continue;
    }
    if (ch === "-" && body !== "" && pattern[i + 1] !== "]" && i + 1 < pattern.length) {
      body += "-";
      continue;
    }
    body += escapeClassChar(ch);
  }
  return null;
}

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function escapeClassChar(ch: string): string {
  return /[\\\]^[-]/.test(ch) ? `\\${ch}` : ch;
}

/** The compiled whole-string matcher for a pattern. */
export function patternRegExp(pattern: string, pathname = false): RegExp {
  const key = `${pathname ? "p" : "s"}${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(`^(?:${patternSource(pattern, pathname)})$`, "s");
    if (cache.size > 2000) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** Whether `text` matches the whole pattern (case, [[ == ]], and pathname components). */
export function matchPattern(pattern: string, text: string, pathname = false): boolean {
  if (!hasGlobChars(pattern)) return unescapeGlob(pattern) === text;
  return patternRegExp(pattern, pathname).test(text);
}
