import type { TextBuffer } from "./buffer";

/** busybox vi's escapes (editors/vi.c: ESC_BOLD_TEXT is reverse video, ESC_NORM_TEXT resets). */
export const BOLD = (text: string) => `\x1b[7m${text}\x1b[m`;
export const cursorTo = (row: number, col: number) => `\x1b[${row + 1};${col + 1}H`;
export const ENTER_ALT_SCREEN = "\x1b[?1049h";
export const LEAVE_ALT_SCREEN = "\x1b[?1049l";

/** How a line looks on the screen: tabs to the next multiple of 8, control characters as ^X. */
export function displayLine(line: string): string {
  let out = "";
  for (const ch of line) {
    if (ch === "\t") out += " ".repeat(8 - (out.length % 8));
    else if (ch < " " || ch === "\x7f") out += `^${ch === "\x7f" ? "?" : String.fromCharCode(ch.charCodeAt(0) + 64)}`;
    else out += ch;
  }
  return out;
}

/** The screen column of character `col` of `line`. */
export function displayColumn(line: string, col: number): number {
  return displayLine(line.slice(0, col)).length;
}

/**
 * The text area: rows-1 screen lines from `top`, `~` on the lines past the end of the
 * file, a line longer than the screen cut at its right edge (busybox vi scrolls
 * sideways instead of wrapping), with `offset` columns scrolled off to the left.
 */
export function drawText(buffer: TextBuffer, top: number, offset: number, rows: number, cols: number): string {
  let out = "\x1b[H\x1b[J";
  for (let i = 0; i < rows - 1; i++) {
    const line = buffer.lines[top + i];
    const text = line === undefined ? "~" : [...displayLine(line)].slice(offset, offset + cols).join("");
    if (text !== "") out += cursorTo(i, 0) + text;
  }
  return out;
}

/** The status line when there is no message: mode, file name, [Modified], line/lines, percent (format_edit_status). */
export function editStatus(buffer: TextBuffer, insert: boolean, name: string | null, cols: number): string {
  const cur = buffer.row + 1;
  const total = buffer.lines.length;
  const percent = Math.floor((100 * cur) / total);
  const text = `${insert ? "I" : "-"} ${name ?? "No file"}${buffer.modified ? " [Modified]" : ""} ${cur}/${total} ${percent}%`;
  return text.slice(0, cols);
}
