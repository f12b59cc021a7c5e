/**
 * POSIX basic regular expressions with GNU's extensions (\+ \? \| \< \> \w \s), as
 * `expr STRING : REGEX` and `nl -b pREGEX` take them, turned into JavaScript RegExp
 * source. Bracket classes are those of the C locale.
 */
export class BreError extends Error {}

const BRACKET_CLASSES: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  blank: " \\t",
  cntrl: "\\x00-\\x1f\\x7f",
  digit: "0-9",
  graph: "\\x21-\\x7e",
  lower: "a-z",
  print: "\\x20-\\x7e",
  punct: "!-\\/:-@\\[-`{-~",
  space: " \\t\\n\\r\\f\\v",
  upper: "A-Z",
  xdigit: "0-9A-Fa-f",
};

/** Translates a BRE into JavaScript RegExp source; throws BreError with GNU's wording. */
export function breToRegExp(bre: string): string {
  let out = "";
  let i = 0;
  let groups = 0;
  const openGroups: number[] = [];
  // The last atom emitted, so that a quantifier can apply to it (JS rejects a*{2}; POSIX allows it).
  let atomStart = -1;
  let quantified = false;
  // Where `*` is literal and `^` is an anchor: at the start, after \( and after \|.
  let atStart = true;
  const atom = (source: string) => {
    atomStart = out.length;
    quantified = false;
    out += source;
  };
  const quantify = (quantifier: string) => {
    if (quantified) out = `${out.slice(0, atomStart)}(?:${out.slice(atomStart)})`;
    out += quantifier;
    quantified = true;
  };
  while (i < bre.length) {
    const c = bre[i];
    const wasStart = atStart;
    atStart = false;
    if (c === "\\") {
      const next = bre[i + 1];
      if (next === undefined) throw new BreError("Trailing backslash");
      i += 2;
      if (next === "(") {
        openGroups.push(out.length);
        out += "(";
        groups++;
        atStart = true;
        atomStart = -1;
      } else if (next === ")") {
        const open = openGroups.pop();
        if (open === undefined) throw new BreError("Unmatched ) or \\)");
        out += ")";
        atomStart = open;
        quantified = false;
      } else if (next === "|") {
        out += "|";
        atStart = true;
        atomStart = -1;
      } else if (next === "{") {
        const close = bre.indexOf("\\}", i);
        if (close < 0) throw new BreError("Unmatched \\{");
        const body = bre.slice(i, close);
        if (!/^\d+(,\d*)?$/.test(body)) throw new BreError("Invalid content of \\{\\}");
        i = close + 2;
        if (wasStart || atomStart < 0) atom(escapeLiteral("{") + body + escapeLiteral("}"));
        else quantify(`{${body}}`);
      } else if (next === "<" || next === ">") atom("\\b");
      else if (next === "+" || next === "?") {
        if (wasStart || atomStart < 0) atom(`\\${next}`);
        else quantify(next);
      } else if (/[1-9]/.test(next)) {
        if (Number(next) > groups) throw new BreError("Invalid back reference");
        atom(`\\${next}`);
      } else if ("wWsSb".includes(next)) atom(`\\${next}`);
      else atom(escapeLiteral(next));
      continue;
    }
    if (c === "[") {
      const [source, after] = bracket(bre, i);
      atom(source);
      i = after;
      continue;
    }
    i++;
    if (c === "*") {
      if (wasStart || atomStart < 0) atom("\\*");
      else quantify("*");
    } else if (c === "^") {
      if (wasStart) {
        out += "^";
        atStart = true;
      } else atom("\\^");
    } else if (c === "$") {
      const anchor = i === bre.length || bre.startsWith("\\)", i) || bre.startsWith("\\|", i);
      if (anchor) out += "$";
      else atom("\\$");
    } else atom(c === "." ? "." : escapeLiteral(c));
  }
  if (openGroups.length > 0) throw new BreError("Unmatched ( or \\(");
  return out;
}

/** The number of \( groups in a BRE, which decides what `expr :` prints. */
export function breGroups(bre: string): number {
  let n = 0;
  for (let i = 0; i < bre.length; i++) {
    if (bre[i] === "\\") {
      if (bre[i + 1] === "(") n++;
      i++;
    }
  }
  return n;
}

function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

/** A bracket expression starting at `start`: its JS source and the index after it. */
function bracket(bre: string, start: number): [string, number] {
  let i = start + 1;
  let out = "[";
  if (bre[i] === "^") {
    out += "^";
    i++;
  }
  let first = true;
  for (;;) {
    if (i >= bre.length) throw new BreError("Unmatched [, [^, [:, [., or [=");
    const c = bre[i];
    if (c === "]" && !first) return [`${out}]`, i + 1];
    first = false;
    const named = /^\[([:=.])(.*?)\1\]/.exec(bre.slice(i));
    if (named) {
      if (named[1] === ":") {
        const cls = BRACKET_CLASSES[named[2]];
        if (cls === undefined) throw new BreError("Invalid character class name");
        out += cls;
      } else out += escapeLiteral(named[2]);
      i += named[0].length;
      continue;
    }
    out += c === "-" ? "-" : escapeLiteral(c);
    i++;
  }
}
