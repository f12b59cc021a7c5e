/**
 * Quoting that the shell can read back, as printf %q and `declare -p` need it. %q
 * backslash-escapes shell metacharacters (bash's sh_backslash_quote) and switches to
 * $'...' for control characters.
 */
const SPECIAL = new Set([..."!\"$&'()*,;<>?[\\]^`{|} \t"]);

export function quoteForShell(text: string): string {
  if (text === "") return "''";
  if (/[\x00-\x1f\x7f]/.test(text)) return ansiQuote(text);
  let out = "";
  for (const [i, ch] of [...text].entries()) {
    if (SPECIAL.has(ch) || ((ch === "~" || ch === "#") && i === 0)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

const ANSI: Record<string, string> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\x1b": "\\E",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
  "'": "\\'",
};

/** $'...' with escapes, for text holding control characters. */
export function ansiQuote(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch in ANSI) out += ANSI[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, "0")}`;
    else out += ch;
  }
  return `$'${out}'`;
}

/** "..." quoting for `declare -p` and `export -p`: only \ " $ ` are escaped. */
export function doubleQuote(text: string): string {
  return `"${text.replace(/[\\"$`]/g, "\\$&")}"`;
}
