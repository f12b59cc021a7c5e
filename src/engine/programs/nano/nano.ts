import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import type { Termios, Tty } from "../../kernel/tty";
import { decodeKeys } from "../less/terminal";
import { loadFile, saveFile } from "../vi/file";
import { openInPage } from "../vi/page-editor";
import {
  cursorTo,
  MAIN_SHORTCUTS,
  REVERSE,
  type ShortcutRows,
  shortcutRows,
  statusMessage,
  titleBar,
  WRITE_SHORTCUTS,
  YES_NO,
} from "./screen";

const ENTER_ALT_SCREEN = "\x1b[?1049h";
const LEAVE_ALT_SCREEN = "\x1b[?1049l";
const CTRL_C = "\x03";
const CTRL_O = "\x0f";
const CTRL_X = "\x18";
const BACKSPACE = new Set(["\x7f", "\b"]);

/**
 * GNU nano 7.2, the part a course uses: type, move with the arrows, ^O to write out and
 * ^X to exit (asking "Save modified buffer?" when there are changes). On a host the page
 * shows, `nano FILE` opens the file in the page's editor instead.
 */
export const nano: Program = async (proc) => {
  const paged = await openInPage(proc);
  if (paged !== null) return paged;
  const name = proc.argv.slice(1).find((arg) => !arg.startsWith("-") && !arg.startsWith("+")) ?? null;
  await proc.stdout.write(ENTER_ALT_SCREEN);
  try {
    return await new NanoSession(proc, proc.ttyOf(0), name).run();
  } finally {
    await proc.stdout.write(LEAVE_ALT_SCREEN);
  }
};

/** One editing session: the buffer as lines (the last one the empty line after the final newline), the cursor, the bars. */
class NanoSession {
  /** Like nano's buffer, always ends with an empty line: the one after the file's final newline. */
  private lines: string[] = [""];
  private row = 0;
  private col = 0;
  private top = 0;
  private modified = false;
  private message: string | null = null;
  private pending: string[] = [];
  private saved: Termios | null = null;

  constructor(
    private readonly proc: Process,
    private readonly tty: Tty | null,
    private name: string | null,
  ) {}

  private get rows(): number {
    return Math.max(5, this.tty?.rows ?? 24);
  }

  private get cols(): number {
    return Math.max(20, this.tty?.cols ?? 80);
  }

  /** Text rows between the title bar and the status line. */
  private get page(): number {
    return this.rows - 4;
  }

  async run(): Promise<number> {
    if (this.tty) {
      this.saved = this.tty.termios;
      // nano reads every key itself, ^C and ^Z included.
      this.tty.termios = { ...this.saved, icanon: false, echo: false, isig: false, icrnl: false, onlcr: false };
    }
    try {
      if (this.name !== null) {
        const loaded = await loadFile(this.proc, this.name);
        if (loaded.content === null) this.message = "New File";
        else {
          this.lines = loaded.content.split("\n");
          if (this.lines.at(-1) !== "") this.lines.push("");
          this.message = loaded.error ?? `Read ${this.lineCount()} line${this.lineCount() === 1 ? "" : "s"}`;
        }
      }
      for (;;) {
        await this.draw(MAIN_SHORTCUTS);
        const key = await this.key();
        if (key === null) return 1;
        if (key === CTRL_X) {
          if (await this.exit()) return 0;
        } else if (key === CTRL_O) await this.writeOut();
        else this.edit(key);
      }
    } finally {
      if (this.tty && this.saved) this.tty.termios = this.saved;
    }
  }

  /** Lines of the file: the empty line after the last newline is not one. */
  private lineCount(): number {
    return this.lines.length - (this.lines.at(-1) === "" ? 1 : 0);
  }

  private async key(): Promise<string | null> {
    while (this.pending.length === 0) {
      const chunk = await this.proc.read(0);
      if (chunk === null) return null;
      this.pending = decodeKeys(chunk);
    }
    return this.pending.shift() ?? null;
  }

  private async draw(shortcuts: ShortcutRows, prompt?: string): Promise<void> {
    const { cols, page } = this;
    if (this.row < this.top) this.top = this.row;
    if (this.row >= this.top + page) this.top = this.row - page + 1;
    let out = `\x1b[H\x1b[J${titleBar(this.name, this.modified, cols)}`;
    for (let i = 0; i < page; i++) {
      const line = this.lines[this.top + i];
      if (line) out += cursorTo(i + 1, 0) + line.slice(0, cols);
    }
    out += cursorTo(this.rows - 3, 0);
    if (prompt !== undefined) out += REVERSE(prompt.padEnd(cols).slice(0, cols));
    else if (this.message) out += statusMessage(this.message, cols);
    this.message = null;
    const [first, second] = shortcutRows(shortcuts, cols);
    out += cursorTo(this.rows - 2, 0) + first + cursorTo(this.rows - 1, 0) + second;
    out += prompt !== undefined ? cursorTo(this.rows - 3, Math.min(prompt.length, cols - 1)) : cursorTo(this.row - this.top + 1, this.col);
    await this.proc.stdout.write(out);
  }

  private edit(key: string): void {
    const line = this.lines[this.row];
    if (key === "up" || key === "down") {
      this.row = Math.max(0, Math.min(this.lines.length - 1, this.row + (key === "up" ? -1 : 1)));
      this.col = Math.min(this.col, this.lines[this.row].length);
    } else if (key === "left") {
      if (this.col > 0) this.col--;
      else if (this.row > 0) this.col = this.lines[--this.row].length;
    } else if (key === "right") {
      if (this.col < line.length) this.col++;
      else if (this.row < this.lines.length - 1) [this.row, this.col] = [this.row + 1, 0];
    } else if (key === "home") this.col = 0;
    else if (key === "end") this.col = line.length;
    else if (key === "\r" || key === "\n") {
      this.lines.splice(this.row, 1, line.slice(0, this.col), line.slice(this.col));
      [this.row, this.col] = [this.row + 1, 0];
      this.modified = true;
    } else if (BACKSPACE.has(key)) {
      if (this.col > 0) {
        this.lines[this.row] = line.slice(0, this.col - 1) + line.slice(this.col);
        this.col--;
      } else if (this.row > 0) {
        // At the start of a line Backspace joins it to the one above.
        this.col = this.lines[this.row - 1].length;
        this.lines.splice(this.row - 1, 2, this.lines[this.row - 1] + line);
        this.row--;
      } else return;
      this.modified = true;
    } else if (key === "\t" || (key.length <= 2 && key >= " " && key !== "\x7f")) {
      this.lines[this.row] = line.slice(0, this.col) + key + line.slice(this.col);
      this.col += key.length;
      // Typing on the last, empty line makes it a line of the file: a new empty one follows.
      if (this.row === this.lines.length - 1) this.lines.push("");
      this.modified = true;
    }
  }

  /** ^X: leaves at once when nothing changed, else asks whether to save. Returns whether to exit. */
  private async exit(): Promise<boolean> {
    if (!this.modified) return true;
    for (;;) {
      await this.draw(YES_NO, "Save modified buffer? ");
      const key = await this.key();
      if (key === null || key === CTRL_C) {
        this.message = "Cancelled";
        return false;
      }
      if (/^[nN]$/.test(key)) return true;
      if (/^[yY]$/.test(key)) return this.writeOut();
    }
  }

  /** ^O: asks for the name (Enter keeps it), writes, and says how many lines. Returns whether it wrote. */
  private async writeOut(): Promise<boolean> {
    let name = this.name ?? "";
    for (;;) {
      await this.draw(WRITE_SHORTCUTS, `File Name to Write: ${name}`);
      const key = await this.key();
      if (key === null || key === CTRL_C) {
        this.message = "Cancelled";
        return false;
      }
      if (key === "\r" || key === "\n") break;
      if (BACKSPACE.has(key)) name = [...name].slice(0, -1).join("");
      else if (key.length <= 2 && key >= " ") name += key;
    }
    if (name === "") {
      this.message = "Cancelled";
      return false;
    }
    // nano ends the file with a newline (its default, without --nonewlines).
    const text = this.lines.join("\n") + (this.lines.at(-1) === "" ? "" : "\n");
    const written = await saveFile(this.proc, name, text);
    if (typeof written === "string") {
      this.message = `Error writing ${name}: ${written.slice(written.lastIndexOf("' ") + 2)}`;
      return false;
    }
    this.name = name;
    this.modified = false;
    const count = this.lineCount();
    this.message = `Wrote ${count} line${count === 1 ? "" : "s"}`;
    return true;
  }
}
