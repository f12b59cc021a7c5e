import { FindError } from "./primary";

/**
 * find -regex: a regular expression of the -regextype dialect, matched against the
 * whole path. GNU's default dialect is Emacs's, where `\(`, `\|` and `\{` are the
 * operators and bare parentheses, bars and braces are literal; POSIX basic is the
 * same without `\|`'s alternation being standard; the extended dialects are close to
 * JavaScript's own syntax. Bracket expressions are translated for all of them.
 */
export const REGEX_TYPES = [
  "findutils-default",
  "ed",
  "emacs",
  "gnu-awk",
  "grep",
  "posix-awk",
  "awk",
  "posix-basic",
  "posix-egrep",
  "egrep",
  "posix-extended",
  "posix-minimal-basic",
  "sed",
];

const EXTENDED = new Set(["gnu-awk", "posix-awk", "awk", "posix-egrep", "egrep", "posix-extended"]);

const CLASSES: Record<string, string> = {
  alnum: "a-zA-Z0-9",
  alpha: "a-zA-Z",
  blank: " \\t",
  digit: "0-9",
  lower: "a-z",
  upper: "A-Z",
  space: " \\t\\n\\r\\f\\v",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
};

export function compileRegex(source: string, type: string, caseFold: boolean): RegExp {
  const translated = EXTENDED.has(type) ? translateExtended(source) : translateBasic(source);
  try {
    return new RegExp(`^(?:${translated})$`, caseFold ? "is" : "s");
  } catch (err) {
    const text = String((err as Error).message);
    const reason = /Unterminated group/.test(text)
      ? "Unmatched ( or \\("
      : /Unmatched '\)'/.test(text)
        ? "Unmatched ) or \\)"
        : /character class/.test(text)
          ? "Unmatched [, [^, [:, [., or [="
          : "Invalid preceding regular expression";
    throw new FindError(`failed to compile regular expression '${source}': ${reason}`);
  }
}

/** Emacs and POSIX basic syntax: backslashed operators, literal bare ones. */
function translateBasic(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "[") {
      const end = bracketEnd(source, i);
      out += translateBracket(source.slice(i, end + 1));
      i = end;
    } else if (ch === "\\" && i + 1 < source.length) {
      const next = source[++i];
      if ("()|{}".includes(next)) out += next;
      else if (next === "<" || next === ">") out += "\\b";
      else if (next === "`") out += "^";
      else if (next === "'") out += "$";
      else out += `\\${next}`;
    } else if ("()|{}/".includes(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

function translateExtended(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "[") {
      const end = bracketEnd(source, i);
      out += translateBracket(source.slice(i, end + 1));
      i = end;
    } else if (ch === "\\" && i + 1 < source.length) out += `\\${source[++i]}`;
    else if (ch === "/") out += "\\/";
    else out += ch;
  }
  return out;
}

/** Index of the `]` closing the bracket expression at `start` (a leading `]` is literal). */
function bracketEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === "^") i++;
  if (source[i] === "]") i++;
  for (; i < source.length; i++) {
    if (source[i] === "[" && source[i + 1] === ":") {
      const close = source.indexOf(":]", i + 2);
      if (close > 0) i = close + 1;
    } else if (source[i] === "]") return i;
  }
  return source.length - 1;
}

function translateBracket(bracket: string): string {
  if (!bracket.endsWith("]") || bracket.length < 3) return bracket;
  let body = bracket.slice(1, -1);
  const negate = body.startsWith("^");
  if (negate) body = body.slice(1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith("[:", i)) {
      const close = body.indexOf(":]", i);
      const name = body.slice(i + 2, close);
      if (close > 0 && name in CLASSES) {
        out += CLASSES[name];
        i = close + 1;
        continue;
      }
    }
    // A backslash is an ordinary character inside POSIX brackets.
    out += body[i] === "\\" || body[i] === "[" || (body[i] === "]" && i === 0) ? `\\${body[i]}` : body[i];
  }
  return `[${negate ? "^" : ""}${out}]`;
}
