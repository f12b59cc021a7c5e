/**
 * An argument quoted for the shell the way xargs -t and -p show it: gnulib's quotearg
 * with shell_escape_quoting_style, in a UTF-8 locale. Plain words stay bare; others go
 * in single quotes ('a b'), or in double quotes when the only problem is a single quote
 * and nothing else needs escaping ("it's"); control characters become $'\t' pieces.
 * Checked against GNU findutils 4.9.0's xargs -t.
 */
const SPECIAL = new Set([..." !\"$&()*;<=>[^`|'\\?"]);
/** Characters gnulib calls "c_and_shell_quote_compat": safe inside "..." as well. */
const DOUBLE_QUOTE_SAFE = /^[A-Za-z0-9 '%+,\-./:@\]_\u0080-\u{10ffff}]$/u;
const CONTROL_ESCAPES: Record<string, string> = {
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\v": "\\v",
};

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

function needsQuoting(arg: string): boolean {
  if (arg === "" || arg === "{" || arg === "}") return true;
  if (arg[0] === "#" || arg[0] === "~") return true;
  return [...arg].some((ch) => SPECIAL.has(ch) || isControl(ch));
}

export function shellQuote(arg: string): string {
  if (!needsQuoting(arg)) return arg;
  const chars = [...arg];
  if (arg.includes("'") && chars.every((ch, i) => DOUBLE_QUOTE_SAFE.test(ch) || (i === 0 && (ch === "#" || ch === "~")))) {
    return `"${arg}"`;
  }
  let out = "";
  let literal = "";
  let control = "";
  const flushLiteral = () => {
    if (literal !== "" || out === "") out += `'${literal.replaceAll("'", "'\\''")}'`;
    literal = "";
  };
  for (const ch of chars) {
    if (isControl(ch)) {
      if (control === "") flushLiteral();
      control += CONTROL_ESCAPES[ch] ?? `\\${(ch.codePointAt(0) ?? 0).toString(8).padStart(3, "0")}`;
      continue;
    }
    if (control !== "") {
      out += `$'${control}'`;
      control = "";
    }
    literal += ch;
  }
  if (control !== "") out += `$'${control}'`;
  else flushLiteral();
  return out;
}
