/**
 * File names in messages and listings, quoted as gnulib's quotearg module quotes them.
 * The GNU tools use three wrappers: quoteaf() (shell-escape-always: `'x'`, the names in
 * "cannot access" errors), quotef() (shell-escape, colons too: `cat: x: ...`) and quote()
 * (the locale's quotation marks: ‘x’ in a UTF-8 locale, 'x' in C), and ls picks its
 * style from QUOTING_STYLE or from whether stdout is a terminal.
 * Ported from gnulib lib/quotearg.c, quotearg_buffer_restyled().
 */
import type { Process } from "../../kernel/process";
import { utf8Encode, utf8Locale } from "./utf8";

export type QuotingStyle =
  | "literal"
  | "shell"
  | "shell-always"
  | "shell-escape"
  | "shell-escape-always"
  | "c"
  | "c-maybe"
  | "escape"
  | "locale"
  | "clocale";

export const QUOTING_STYLES: readonly QuotingStyle[] = [
  "literal",
  "shell",
  "shell-always",
  "shell-escape",
  "shell-escape-always",
  "c",
  "c-maybe",
  "escape",
  "locale",
  "clocale",
];

export interface QuotingOptions {
  style: QuotingStyle;
  /** Whether the locale is multibyte UTF-8; in C every byte above 0x7f is unprintable. */
  utf8: boolean;
  /** Extra characters to backslash-escape (ls -F's indicators, quotef's colon). */
  quoteThese?: string;
}

/** `name` quoted in `options.style`. */
export function quotearg(name: string, options: QuotingOptions): string {
  return restyled(name, options.style, false, options.quoteThese ?? "", options.utf8);
}

/** quoteaf(): always quoted, shell-escaped: `'my file'`, `'it'\''s'` → `"it's"`. */
export function quoteaf(proc: Process, name: string): string {
  return quotearg(name, { style: "shell-escape-always", utf8: utf8Locale(proc.env) });
}

/** quotef(): quoted only when the shell would need it (or for a colon). */
export function quotef(proc: Process, name: string): string {
  return quotearg(name, { style: "shell-escape", utf8: utf8Locale(proc.env), quoteThese: ":" });
}

/** quote(): the locale's quotation marks, ‘x’ in UTF-8 locales, 'x' in C. */
export function quote(proc: Process, name: string): string {
  return quotearg(name, { style: "locale", utf8: utf8Locale(proc.env) });
}

/** Whether a character outside ASCII prints in a UTF-8 locale (c32isprint). */
export function printableCodePoint(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0x2028 || cp === 0x2029) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return true;
}

const SAFE = /^[%+,\-./0-9:A-Z\]_a-z]$/;
const SHELL_SPECIAL = new Set(["!", '"', "$", "&", "(", ")", "*", ";", "<", "=", ">", "[", "^", "`", "|"]);
const C_ESCAPES: Record<string, string> = { "\x07": "a", "\b": "b", "\f": "f", "\v": "v" };
const C_AND_SHELL_ESCAPES: Record<string, string> = { "\n": "n", "\r": "r", "\t": "t" };

/** Thrown inside a pass that finds it must quote the whole name after all. */
class ForceOuterQuotes extends Error {}

function restyled(arg: string, style: QuotingStyle, noElide: boolean, quoteThese: string, utf8: boolean): string {
  try {
    return pass(arg, style, noElide, quoteThese, utf8);
  } catch (err) {
    if (!(err instanceof ForceOuterQuotes)) throw err;
    // Don't reuse quoteThese: the outer quotes protect those characters already.
    const outer = outerStyle(style);
    return restyled(arg, outer, true, "", utf8);
  }
}

/** The style a `shell`, `shell-escape` or `c-maybe` pass restarts in when it must quote. */
function outerStyle(style: QuotingStyle): QuotingStyle {
  if (style === "shell-escape" || style === "shell-escape-always") return "shell-escape-always";
  if (style === "shell" || style === "shell-always") return "shell-always";
  if (style === "c-maybe") return "c";
  return style;
}

interface Pass {
  out: string;
  style: QuotingStyle;
  elide: boolean;
  backslashEscapes: boolean;
  pendingShellEscapeEnd: boolean;
}

function pass(arg: string, requested: QuotingStyle, noElide: boolean, quoteThese: string, utf8: boolean): string {
  const p: Pass = { out: "", style: requested, elide: false, backslashEscapes: false, pendingShellEscapeEnd: false };
  let quoteString = "";
  switch (requested) {
    case "c-maybe":
      p.style = "c";
      p.elide = true;
      p.backslashEscapes = true;
      quoteString = '"';
      break;
    case "c":
      p.out += '"';
      p.backslashEscapes = true;
      quoteString = '"';
      break;
    case "escape":
      p.backslashEscapes = true;
      break;
    case "locale":
    case "clocale": {
      const [left, right] = utf8 ? ["\u2018", "\u2019"] : requested === "clocale" ? ['"', '"'] : ["'", "'"];
      p.out += left;
      p.backslashEscapes = true;
      quoteString = right;
      break;
    }
    case "shell-escape":
      p.backslashEscapes = true;
      p.elide = true;
      break;
    case "shell":
      p.elide = true;
      break;
    case "shell-escape-always":
      p.backslashEscapes = true;
      break;
    case "shell-always":
    case "literal":
      break;
  }
  if (noElide) p.elide = false;
  const shellLike = requested.startsWith("shell");
  if (shellLike) {
    p.style = "shell-always";
    quoteString = "'";
    if (!p.elide) p.out += "'";
  }

  const chars = Array.from(arg);
  let encounteredSingleQuote = false;
  let allCompat = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    let isRightQuote = false;
    let compat = false;
    if (p.backslashEscapes && p.style !== "shell-always" && quoteString !== "" && c === quoteString) {
      if (p.elide) throw new ForceOuterQuotes();
      isRightQuote = true;
    }
    const cp = c.codePointAt(0) ?? 0;
    let stored = c;
    let action: "maybe" | "escape" | "store" = "maybe";

    if (c === "?") {
      if (p.style === "shell-always" && p.elide) throw new ForceOuterQuotes();
    } else if (c === "\\") {
      if (p.style === "shell-always") {
        if (p.elide) throw new ForceOuterQuotes();
        action = "store";
      } else if (p.backslashEscapes && p.elide && quoteString !== "") action = "store";
      else if (p.backslashEscapes) action = "escape";
    } else if (c in C_AND_SHELL_ESCAPES || c in C_ESCAPES) {
      const shellEscapable = c in C_AND_SHELL_ESCAPES;
      if (shellEscapable && p.style === "shell-always" && p.elide) throw new ForceOuterQuotes();
      if (p.backslashEscapes) {
        stored = C_AND_SHELL_ESCAPES[c] ?? C_ESCAPES[c];
        action = "escape";
      }
    } else if (c === "{" || c === "}" || c === "#" || c === "~") {
      // Special only alone ({, }) or first (#, ~), as the shell sees them.
      const special = c === "{" || c === "}" ? chars.length === 1 : i === 0;
      if (special) {
        compat = true;
        if (p.style === "shell-always" && p.elide) throw new ForceOuterQuotes();
      }
    } else if (c === " " || SHELL_SPECIAL.has(c)) {
      compat = c === " ";
      if (p.style === "shell-always" && p.elide) throw new ForceOuterQuotes();
    } else if (c === "'") {
      encounteredSingleQuote = true;
      compat = true;
      if (p.style === "shell-always") {
        if (p.elide) throw new ForceOuterQuotes();
        p.out += "'\\'";
        p.pendingShellEscapeEnd = false;
      }
    } else if (SAFE.test(c)) {
      compat = true;
    } else {
      // Other printable ASCII, control characters, DEL and everything above ASCII.
      const printable = cp < 0x80 ? printableCodePoint(cp) : utf8 && printableCodePoint(cp);
      compat = printable;
      const bytes = cp < 0x80 ? [cp] : utf8Encode(c);
      if ((utf8 && bytes.length > 1) || (p.backslashEscapes && !printable)) {
        if (p.backslashEscapes && !printable) {
          for (const byte of bytes) {
            startEscape(p);
            p.out += byte.toString(8).padStart(3, "0");
          }
        } else {
          endEscape(p, false);
          if (isRightQuote) p.out += "\\";
          p.out += c;
        }
        if (!compat) allCompat = false;
        continue;
      }
    }

    if (action === "maybe") {
      const extra = ((p.backslashEscapes && p.style !== "shell-always") || p.elide) && quoteThese.includes(c);
      action = extra || isRightQuote ? "escape" : "store";
    }
    let escaping = false;
    if (action === "escape") {
      startEscape(p);
      escaping = true;
    }
    endEscape(p, escaping);
    p.out += stored;
    if (!compat) allCompat = false;
  }

  if (arg === "" && p.style === "shell-always" && p.elide) throw new ForceOuterQuotes();
  // An apostrophe is common enough in names to prefer "it's" over 'it'\''s'.
  if (p.style === "shell-always" && !p.elide && encounteredSingleQuote && allCompat) {
    return restyled(arg, "c", true, quoteThese, utf8);
  }
  if (quoteString !== "" && !p.elide) p.out += quoteString;
  return p.out;
}

function startEscape(p: Pass): void {
  if (p.elide) throw new ForceOuterQuotes();
  if (p.style === "shell-always" && !p.pendingShellEscapeEnd) {
    p.out += "'$'";
    p.pendingShellEscapeEnd = true;
  }
  p.out += "\\";
}

function endEscape(p: Pass, escaping: boolean): void {
  if (p.pendingShellEscapeEnd && !escaping) {
    p.out += "''";
    p.pendingShellEscapeEnd = false;
  }
}
