/**
 * Turns what a terminal was sent into the text a person saw, for transcripts: escape
 * sequences (CSI, OSC, charset and keypad modes) removed, CR-LF as LF, backspaces applied.
 */
export function stripAnsi(raw: string): string {
  return applyBackspaces("", stripSequences(raw));
}

export function stripSequences(raw: string): string {
  return raw
    .replace(/\x1b\][^\x07\x1b]*(\x07|\x1b\\)/g, "")
    .replace(/\x1b\[[0-9;?<=>!]*[ -/]*[@-~]/g, "")
    .replace(/\x1b[()][0-9A-Za-z]/g, "")
    .replace(/\x1b[=>78DEHMc]/g, "")
    .replace(/\r+\n/g, "\n")
    .replace(/[\r\x07\x00]/g, "");
}

/** Appends `text` to `shown`, a backspace erasing the character before it on the same line. */
export function applyBackspaces(shown: string, text: string): string {
  if (!text.includes("\b")) return shown + text;
  let out = shown;
  for (const ch of text) {
    if (ch === "\b") {
      if (out !== "" && !out.endsWith("\n")) out = out.slice(0, -1);
    } else out += ch;
  }
  return out;
}
