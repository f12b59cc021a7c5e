/**
 * Detach keys (moby/term's ToBytes and EscapeProxy): `ctrl-p,ctrl-q` by default. Typed
 * input is passed on until the whole sequence arrives; a partial match is held back and
 * let through when the next key breaks it.
 */

export const DEFAULT_DETACH_KEYS = "ctrl-p,ctrl-q";

/** term.EscapeError's text: docker attach prints it when the user detaches. */
export const ESCAPE_MESSAGE = "read escape sequence";

/** term.ToBytes: `ctrl-a`..`ctrl-z`, `ctrl-@`, `ctrl-[`, `ctrl-\`, `ctrl-]`, `ctrl-^`, `ctrl-_`, single characters. */
export function parseDetachKeys(keys: string): string {
  let out = "";
  for (const raw of keys.split(",")) {
    const key = raw.trim();
    if (key.length > 1 && !key.startsWith("ctrl-")) throw new Error(`Unknown character: '${key}'`);
    if (key.length === 1) {
      out += key;
      continue;
    }
    const ch = key.slice(5).toLowerCase();
    const code = ch.length === 1 ? ch.charCodeAt(0) : -1;
    if (code >= 0x61 && code <= 0x7a) out += String.fromCharCode(code - 0x60);
    else if (ch === "@") out += "\x00";
    else if (ch === "[") out += "\x1b";
    else if (ch === "\\") out += "\x1c";
    else if (ch === "]") out += "\x1d";
    else if (ch === "^") out += "\x1e";
    else if (ch === "_") out += "\x1f";
    else throw new Error(`Unknown character: '${key}'`);
  }
  return out;
}

export class EscapeProxy {
  private matched = 0;

  constructor(private readonly keys: string) {}

  /** Input to send on, and whether the escape sequence completed (the rest is dropped). */
  filter(input: string): { pass: string; detached: boolean } {
    let pass = "";
    for (const ch of input) {
      if (ch === this.keys[this.matched]) {
        this.matched++;
        if (this.matched === this.keys.length) {
          this.matched = 0;
          return { pass, detached: true };
        }
        continue;
      }
      pass += this.keys.slice(0, this.matched);
      this.matched = 0;
      if (ch === this.keys[0]) this.matched = 1;
      else pass += ch;
    }
    return { pass, detached: false };
  }
}
