/**
 * Backslash escapes, in the three dialects bash has: $'...' quoting (ANSI-C), `echo -e`
 * and printf's %b (octal as \0nnn, \c ends the output), and printf formats (octal as
 * \nnn). Unknown escapes stay as written, backslash included.
 */
export type EscapeDialect = "ansic" | "echo" | "printf";

export interface Decoded {
  text: string;
  /** \c was met: echo and %b print nothing after it. */
  stop: boolean;
}

const SIMPLE: Record<string, string> = {
  a: "\x07",
  b: "\b",
  e: "\x1b",
  E: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
};

export function decodeEscapes(text: string, dialect: EscapeDialect): Decoded {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch !== "\\" || i + 1 >= text.length) {
      out += ch;
      i++;
      continue;
    }
    const next = text[i + 1];
    const step = decodeOne(text, i + 1, next, dialect);
    if (step === "stop") return { text: out, stop: true };
    if (step === null) {
      out += `\\${next}`;
      i += 2;
      continue;
    }
    out += step.text;
    i = step.end;
  }
  return { text: out, stop: false };
}

function decodeOne(text: string, at: number, next: string, dialect: EscapeDialect): { text: string; end: number } | "stop" | null {
  if (next in SIMPLE) return { text: SIMPLE[next], end: at + 1 };
  if (dialect === "ansic" && (next === "'" || next === '"' || next === "?")) return { text: next, end: at + 1 };
  if (dialect === "printf" && next === '"') return { text: next, end: at + 1 };
  if (next === "c") {
    if (dialect !== "ansic") return "stop";
    const ctl = text[at + 1];
    if (ctl === undefined) return null;
    return { text: String.fromCharCode(ctl.toUpperCase().charCodeAt(0) & 0x1f), end: at + 2 };
  }
  if (next === "x") return hex(text, at + 1, 2);
  if (next === "u") return hex(text, at + 1, 4);
  if (next === "U") return hex(text, at + 1, 8);
  if (/[0-7]/.test(next)) {
    // echo -e and %b take \0nnn (a leading zero, up to three more digits); the others \nnn.
    if (dialect === "echo") {
      if (next !== "0") return null;
      return octal(text, at + 1, 3);
    }
    return octal(text, at, 3);
  }
  return null;
}

function hex(text: string, from: number, max: number): { text: string; end: number } | null {
  let end = from;
  while (end < from + max && /[0-9a-fA-F]/.test(text[end] ?? "")) end++;
  if (end === from) return null;
  return { text: String.fromCodePoint(Number.parseInt(text.slice(from, end), 16)), end };
}

function octal(text: string, from: number, max: number): { text: string; end: number } {
  let end = from;
  while (end < from + max && /[0-7]/.test(text[end] ?? "")) end++;
  const code = end === from ? 0 : Number.parseInt(text.slice(from, end), 8) & 0xff;
  return { text: String.fromCharCode(code), end };
}
