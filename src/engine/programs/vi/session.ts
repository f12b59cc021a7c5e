import { isSysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import type { Termios, Tty } from "../../kernel/tty";
import { decodeKeys } from "../less/terminal";
import { firstNonBlank, TextBuffer } from "./buffer";
import { loadFile, saveFile } from "./file";
import { BOLD, cursorTo, displayColumn, drawText, editStatus } from "./screen";

type Register = { lines: string[] } | { chars: string };

const ENTER = new Set(["\r", "\n"]);
const BACKSPACE = new Set(["\x7f", "\b"]);
const ESC = "\x1b";

/**
 * One editing session of busybox vi (editors/vi.c, 1.37): the terminal in raw mode on
 * standard input, the text area with `~` past the end, and the status line at the
 * bottom that shows either a message or "- name [Modified] line/lines percent".
 * Normal mode, insert mode and the colon commands that write and quit.
 */
export class ViSession {
  private buffer = new TextBuffer("");
  private name: string | null;
  private insert = false;
  private editing = true;
  private top = 0;
  private offset = 0;
  private message: string | null = null;
  private register: Register | null = null;
  private pending: string[] = [];
  private resized = false;
  private saved: Termios | null = null;

  constructor(
    private readonly proc: Process,
    private readonly tty: Tty | null,
    name: string | undefined,
  ) {
    this.name = name ?? null;
  }

  private get rows(): number {
    return Math.max(2, this.tty?.rows ?? 24);
  }

  private get cols(): number {
    return Math.max(1, this.tty?.cols ?? 80);
  }

  /** Edits until a command quits; the terminal is put back however the session ends. */
  async run(): Promise<number> {
    if (this.tty) {
      this.saved = this.tty.termios;
      // rawmode(): no line editing, no echo, no CR translation; ISIG stays on.
      this.tty.termios = { ...this.saved, icanon: false, echo: false, icrnl: false, onlcr: false };
    }
    this.proc.trap(Signal.SIGWINCH, () => {
      this.resized = true;
    });
    // ^C does not kill vi: int_handler beeps and goes back to the command loop.
    this.proc.trap(Signal.SIGINT, () => {});
    try {
      if (this.name !== null) {
        const loaded = await loadFile(this.proc, this.name);
        this.buffer = new TextBuffer(loaded.content ?? "");
        if (loaded.error) this.message = BOLD(loaded.error);
      }
      await this.redraw();
      while (this.editing) {
        const key = await this.key();
        if (key === null) {
          await this.write(`${cursorTo(this.rows - 1, 0)}\x1b[K`);
          await this.proc.stderr.write("vi: can't read user input\n");
          return 1;
        }
        await this.command(key);
        if (this.pending.length === 0 || !this.editing) await this.redraw();
      }
      await this.write(`${cursorTo(this.rows - 1, 0)}\x1b[K`);
      return 0;
    } finally {
      if (this.tty && this.saved) this.tty.termios = this.saved;
    }
  }

  private write(text: string): Promise<void> {
    return this.proc.stdout.write(text);
  }

  /** The next key from standard input; null at end of input. A resize redraws while waiting. */
  private async key(): Promise<string | null> {
    while (this.pending.length === 0) {
      let chunk: string | null;
      try {
        chunk = await this.proc.read(0);
      } catch (err) {
        if (!isSysError(err, "EINTR")) throw err;
        if (this.resized) {
          this.resized = false;
          await this.redraw();
        } else await this.write("\x07");
        continue;
      }
      if (chunk === null) return null;
      this.pending = decodeKeys(chunk);
    }
    return this.pending.shift() ?? null;
  }

  private async redraw(): Promise<void> {
    const buffer = this.buffer;
    if (!this.insert) buffer.clampNormal();
    const page = this.rows - 1;
    if (buffer.row < this.top) this.top = buffer.row;
    if (buffer.row >= this.top + page) this.top = buffer.row - page + 1;
    const column = displayColumn(buffer.line, buffer.col);
    if (column < this.offset) this.offset = column;
    if (column >= this.offset + this.cols) this.offset = column - this.cols + 1;
    const status = this.message ?? editStatus(buffer, this.insert, this.name, this.cols);
    this.message = null;
    await this.write(
      drawText(buffer, this.top, this.offset, this.rows, this.cols) +
        `${cursorTo(this.rows - 1, 0)}\x1b[K${status}` +
        cursorTo(buffer.row - this.top, column - this.offset),
    );
  }

  private async command(key: string): Promise<void> {
    if (this.insert) return this.insertKey(key);
    let count = 0;
    while (/^[1-9]$/.test(key) || (count > 0 && key === "0")) {
      count = count * 10 + Number(key);
      const next = await this.key();
      if (next === null) return;
      key = next;
    }
    const n = Math.max(1, count);
    const b = this.buffer;
    switch (key) {
      case "h":
      case "left":
      case "\b":
      case "\x7f":
        if (b.col === 0) return this.bell();
        b.col = Math.max(0, b.col - n);
        return;
      case "l":
      case "right":
      case " ":
        if (b.col >= b.line.length - 1) return this.bell();
        b.col = Math.min(b.line.length - 1, b.col + n);
        return;
      case "j":
      case "down":
      case "+":
      case "\r":
      case "\n":
        if (b.row >= b.lines.length - 1) return this.bell();
        b.row = Math.min(b.lines.length - 1, b.row + n);
        if (key !== "j" && key !== "down") b.col = firstNonBlank(b.line);
        return;
      case "k":
      case "up":
      case "-":
        if (b.row === 0) return this.bell();
        b.row = Math.max(0, b.row - n);
        if (key === "-") b.col = firstNonBlank(b.line);
        return;
      case "0":
      case "home":
        b.col = 0;
        return;
      case "^":
        b.col = firstNonBlank(b.line);
        return;
      case "$":
      case "end":
        b.col = Math.max(0, b.line.length - 1);
        return;
      case "G":
        b.row = count > 0 ? Math.min(count, b.lines.length) - 1 : b.lines.length - 1;
        b.col = firstNonBlank(b.line);
        return;
      case "x": {
        const removed = b.deleteChars(n);
        if (removed === "") return this.bell();
        this.register = { chars: removed };
        return;
      }
      case "d":
      case "y":
        return this.lineOperator(key, n);
      case "p":
      case "P":
        return this.put(key === "p");
      case "i":
        this.insert = true;
        return;
      case "I":
        b.col = firstNonBlank(b.line);
        if (b.line.trim() === "") b.col = b.line.length;
        this.insert = true;
        return;
      case "a":
        if (b.line.length > 0) b.col++;
        this.insert = true;
        return;
      case "A":
        b.col = b.line.length;
        this.insert = true;
        return;
      case "o":
      case "O":
        b.openLine(key === "o");
        this.insert = true;
        return;
      case "Z": {
        const next = await this.key();
        if (next === "Z") await this.ex("x");
        else await this.bell();
        return;
      }
      case ":":
        return this.readColon();
      case ESC:
        return this.bell();
      default:
        if (key.length === 1 && (key < " " || key === "\x7f")) return this.bell();
        if (key.length > 1) return;
        this.message = BOLD(`'${key}' is not implemented`);
    }
  }

  /** dd and yy (with a count before the operator). */
  private async lineOperator(operator: string, n: number): Promise<void> {
    const next = await this.key();
    if (next !== operator) return this.bell();
    const b = this.buffer;
    const count = Math.min(n, b.lines.length - b.row);
    if (operator === "y") {
      this.register = { lines: b.lines.slice(b.row, b.row + count) };
      return;
    }
    this.register = { lines: b.deleteLines(count) };
  }

  private async put(after: boolean): Promise<void> {
    const register = this.register;
    if (!register) {
      this.message = BOLD("Nothing in register");
      return;
    }
    if ("lines" in register) this.buffer.putLines(register.lines, after);
    else this.buffer.putChars(register.chars, after);
  }

  private async insertKey(key: string): Promise<void> {
    const b = this.buffer;
    if (key === ESC) {
      this.insert = false;
      if (b.col > 0) b.col--;
    } else if (ENTER.has(key)) b.splitLine();
    else if (BACKSPACE.has(key)) b.backspace();
    else if (key === "left") b.col = Math.max(0, b.col - 1);
    else if (key === "right") b.col = Math.min(b.line.length, b.col + 1);
    else if (key === "up" || key === "down") {
      b.row = Math.max(0, Math.min(b.lines.length - 1, b.row + (key === "up" ? -1 : 1)));
      b.col = Math.min(b.col, b.line.length);
    } else if (key === "home") b.col = 0;
    else if (key === "end") b.col = b.line.length;
    else if (key.length <= 2 && (key === "\t" || key >= " ")) b.insertText(key);
  }

  private async bell(): Promise<void> {
    await this.write("\x07");
  }

  /** `:` reads a command on the bottom line; Backspace past the colon or Esc gives up. */
  private async readColon(): Promise<void> {
    let line = "";
    await this.write(`${cursorTo(this.rows - 1, 0)}\x1b[K:`);
    for (;;) {
      const key = await this.key();
      if (key === null || key === ESC) return;
      if (ENTER.has(key)) break;
      if (BACKSPACE.has(key)) {
        if (line === "") return;
        line = [...line].slice(0, -1).join("");
        await this.write("\b \b");
      } else if (key.length <= 2 && key >= " ") {
        line += key;
        await this.write(key);
      }
    }
    await this.ex(line.trim());
  }

  /** The colon commands: :w [name], :q, :q!, :wq, :x, and a line number. */
  private async ex(line: string): Promise<void> {
    if (line === "") return;
    if (/^\d+$/.test(line)) {
      this.buffer.row = Math.min(Number(line), this.buffer.lines.length) - 1;
      this.buffer.col = firstNonBlank(this.buffer.line);
      return;
    }
    const match = /^([a-zA-Z]+)(!?)\s*(.*)$/.exec(line);
    if (!match) {
      this.message = BOLD(`'${line}' is not implemented`);
      return;
    }
    const [, cmd, bang, arg] = match;
    const force = bang === "!";
    if (cmd === "q" || cmd === "quit") {
      if (this.buffer.modified && !force) this.message = BOLD(`No write since last change (:${cmd}! overrides)`);
      else this.editing = false;
      return;
    }
    if (cmd === "w" || cmd === "wq" || cmd === "x" || cmd === "write") {
      await this.writeCommand(cmd, force, arg.trim());
      return;
    }
    this.message = BOLD(`'${cmd}' is not implemented`);
  }

  /** :w, :wq and :x (colon() in vi.c): :x writes only a modified buffer, and both quit after a whole write. */
  private async writeCommand(cmd: string, force: boolean, arg: string): Promise<void> {
    let name = this.name;
    if (arg !== "") {
      if (!force && name !== arg && this.exists(arg)) {
        this.message = BOLD("File exists (:w! overrides)");
        return;
      }
      name = arg;
      this.name ??= arg;
    }
    if (name === null) {
      this.message = BOLD("No current filename");
      return;
    }
    if (this.buffer.modified === 0 && cmd === "x") {
      this.editing = false;
      return;
    }
    const text = this.buffer.text();
    const written = await saveFile(this.proc, name, text);
    if (typeof written === "string") {
      this.message = BOLD(written);
      return;
    }
    this.message = `'${name}' ${this.buffer.lines.length}L, ${written}C`;
    // The whole buffer was written, so it counts as saved whatever the name.
    this.buffer.modified = 0;
    if (cmd === "wq" || cmd === "x") this.editing = false;
  }

  private exists(name: string): boolean {
    try {
      this.proc.fs.stat(this.proc.resolve(name));
      return true;
    } catch (err) {
      if (isSysError(err)) return false;
      throw err;
    }
  }
}
