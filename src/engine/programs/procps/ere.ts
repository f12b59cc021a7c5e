/**
 * POSIX extended regular expressions (regcomp with REG_EXTENDED), as pgrep compiles its
 * pattern, turned into JavaScript RegExps. Bracket expressions take POSIX classes, and
 * the errors carry glibc's regerror(3) wording.
 */
import { CTYPE_CLASSES } from "../../locale/ctype";
export class RegexError extends Error {}

const CLASSES: Readonly<Record<string, string>> = CTYPE_CLASSES;

export function compileEre(pattern: string, ignoreCase: boolean): RegExp {
  let out = "";
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) throw new RegexError("Trailing backslash");
      // Only the metacharacters are escapes in ERE; "\d" is just "d".
      out += /[.[\]()*+?{}|^$\\/]/.test(next) ? `\\${next}` : /[a-zA-Z0-9]/.test(next) ? next : `\\${next}`;
      i++;
      continue;
    }
    if (ch === "[") {
      const end = bracketEnd(pattern, i);
      out += bracket(pattern.slice(i + 1, end));
      i = end;
      continue;
    }
    if (ch === "(") depth++;
    if (ch === ")") {
      if (depth === 0) throw new RegexError("Unmatched ) or \\)");
      depth--;
    }
    if (ch === "{" && !/^\{\d+(,\d*)?\}/.test(pattern.slice(i))) {
      out += "\\{";
      continue;
    }
    out += ch === "/" ? "\\/" : ch;
  }
  if (depth > 0) throw new RegexError("Unmatched ( or \\(");
  try {
    return new RegExp(out, ignoreCase ? "i" : "");
  } catch {
    throw new RegexError("Invalid preceding regular expression");
  }
}

/** Index of the "]" closing the bracket expression opened at `start`. */
function bracketEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === "^") i++;
  if (pattern[i] === "]") i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === "[" && /[:.=]/.test(pattern[i + 1] ?? "")) {
      const close = pattern.indexOf(`${pattern[i + 1]}]`, i + 2);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (pattern[i] === "]") return i;
  }
  throw new RegexError("Unmatched [, [^, [:, [., or [=");
}

function bracket(body: string): string {
  let out = "[";
  let i = 0;
  if (body[0] === "^") {
    out += "^";
    i = 1;
  }
  for (; i < body.length; i++) {
    const ch = body[i];
    if (ch === "[" && body[i + 1] === ":") {
      const close = body.indexOf(":]", i + 2);
      const name = body.slice(i + 2, close);
      const cls = CLASSES[name];
      if (cls === undefined) throw new RegexError("Invalid character class name");
      out += cls;
      i = close + 1;
      continue;
    }
    // Inside brackets a backslash is an ordinary character in POSIX.
    out += ch === "\\" || ch === "]" || ch === "[" ? `\\${ch}` : ch;
  }
  return `${out}]`;
}
