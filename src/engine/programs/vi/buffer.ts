/**
 * The text being edited, as lines, and the cursor in it. Like busybox vi's text[], the
 * buffer always holds at least one line and is written back with a newline after every
 * line, so a new file starts as one empty line and saves as "\n" once something is typed.
 */
export class TextBuffer {
  lines: string[];
  row = 0;
  col = 0;
  /** Changes since the last full write; vi refuses :q while it is not zero. */
  modified = 0;

  constructor(content: string) {
    const lines = content.split("\n");
    // A file ending in a newline has no line after it; one that does not end in one gets it.
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    this.lines = lines;
  }

  get line(): string {
    return this.lines[this.row];
  }

  set line(text: string) {
    this.lines[this.row] = text;
  }

  /** The file's bytes as :w writes them: every line followed by a newline. */
  text(): string {
    return this.lines.map((line) => `${line}\n`).join("");
  }

  /** In normal mode the cursor sits on a character, never past the last one. */
  clampNormal(): void {
    this.row = Math.max(0, Math.min(this.row, this.lines.length - 1));
    this.col = Math.max(0, Math.min(this.col, this.line.length - 1));
  }

  insertText(text: string): void {
    this.line = this.line.slice(0, this.col) + text + this.line.slice(this.col);
    this.col += text.length;
    this.modified++;
  }

  /** Enter in insert mode: the rest of the line moves down to a new line. */
  splitLine(): void {
    const rest = this.line.slice(this.col);
    this.line = this.line.slice(0, this.col);
    this.lines.splice(this.row + 1, 0, rest);
    this.row++;
    this.col = 0;
    this.modified++;
  }

  /** Backspace in insert mode; busybox vi does not join lines, it stops at the line start. */
  backspace(): boolean {
    if (this.col === 0) return false;
    this.line = this.line.slice(0, this.col - 1) + this.line.slice(this.col);
    this.col--;
    this.modified++;
    return true;
  }

  /** x: deletes up to `count` characters under and after the cursor; returns them. */
  deleteChars(count: number): string {
    const removed = this.line.slice(this.col, this.col + count);
    if (removed === "") return "";
    this.line = this.line.slice(0, this.col) + this.line.slice(this.col + count);
    this.modified++;
    return removed;
  }

  /** dd: removes `count` lines from the cursor's; the buffer keeps one (empty) line. */
  deleteLines(count: number): string[] {
    const removed = this.lines.splice(this.row, count);
    if (this.lines.length === 0) this.lines.push("");
    this.row = Math.min(this.row, this.lines.length - 1);
    this.col = firstNonBlank(this.line);
    this.modified++;
    return removed;
  }

  /** o and O: an empty line below or above the cursor's, with the cursor on it. */
  openLine(below: boolean): void {
    if (below) this.row++;
    this.lines.splice(this.row, 0, "");
    this.col = 0;
    this.modified++;
  }

  /** p and P for a line register: the lines go below or above the cursor's line. */
  putLines(lines: string[], below: boolean): void {
    if (below) this.row++;
    this.lines.splice(this.row, 0, ...lines);
    this.col = firstNonBlank(this.line);
    this.modified++;
  }

  /** p and P for characters (what x deleted): after or at the cursor. */
  putChars(text: string, after: boolean): void {
    const at = after && this.line.length > 0 ? this.col + 1 : this.col;
    this.line = this.line.slice(0, at) + text + this.line.slice(at);
    this.col = at + text.length - 1;
    this.modified++;
  }
}

export function firstNonBlank(line: string): number {
  const match = /^[ \t]*/.exec(line);
  const at = match ? match[0].length : 0;
  return at < line.length ? at : Math.max(0, line.length - 1);
}
