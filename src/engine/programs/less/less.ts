import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { copyThrough } from "./cat";
import { Document, PagerError, screenRows } from "./content";
import { PagerTerminal } from "./terminal";

/**
 * less(1), version 590. Not on a terminal it copies its input like cat. On one it takes
 * the alternate screen, shows a page (the terminal's rows less one) and a prompt: the
 * file name at first, `:` while reading, `(END)` at the end, in standout. Keys are
 * less's: space f b j k d u g G, Enter and the arrows, /pattern ?pattern n N, :n :p, q.
 * After a search the match is put on the top line and highlighted, as less does.
 */
const VERSION = `less 590 (GNU regular expressions)
Copyright (C) 1984-2021  Mark Nudelman

less comes with NO WARRANTY, to the extent permitted by law.
For information about the terms of redistribution,
see the file named README in the less distribution.
Home page: https://greenwoodsoftware.com/less
`;

interface LessOptions {
  lineNumbers: boolean;
  chop: boolean;
  noInit: boolean;
  quitIfOneScreen: boolean;
  /** -i: searches ignore case unless the pattern has capitals; -I: always. */
  ignoreCase: "no" | "smart" | "always";
  /** -R / -r: control characters go to the terminal as they are (colours); otherwise shown as ^X and ESC. */
  raw: boolean;
}

const STANDOUT = (text: string) => `\x1b[7m${text}\x1b[27m`;
const TILDE = "\x1b[1m~\x1b[0m";
const ENTER_SCREEN = "\x1b[?1049h\x1b[?1h\x1b=";
const LEAVE_SCREEN = "\r\x1b[K\x1b[?1l\x1b>\x1b[?1049l";

export const less: Program = async (proc) => {
  const parsed = await parseArgs(proc);
  if (parsed === "version") {
    await proc.stdout.write(VERSION);
    return 0;
  }
  const { options, files } = parsed;
  const report = (err: PagerError) => proc.stderr.write(`${err.message}\n`);
  if (!proc.isatty(1)) return copyThrough(proc, files, report);
  if (files.length === 0 && proc.isatty(0)) {
    await proc.stderr.write('Missing filename ("less --help" for help)\n');
    return 0;
  }
  const docs: Document[] = [];
  for (const name of files.length === 0 ? ["-"] : files) {
    if (name === "-") docs.push(Document.fromStream("", proc.stdin));
    else {
      try {
        docs.push(Document.fromFile(proc, name));
      } catch (err) {
        if (!(err instanceof PagerError)) throw err;
        await proc.stderr.write(`${err.message}\n`);
      }
    }
  }
  if (docs.length === 0) return 1;
  const term = PagerTerminal.open(proc);
  if (!term) return copyThrough(proc, files, report);
  try {
    await new LessSession(proc, term, docs, options).run();
  } finally {
    term.restore();
  }
  return 0;
};

async function parseArgs(proc: Process): Promise<{ options: LessOptions; files: string[] } | "version"> {
  const options: LessOptions = {
    lineNumbers: false,
    chop: false,
    noInit: false,
    quitIfOneScreen: false,
    ignoreCase: "no",
    raw: false,
  };
  const files: string[] = [];
  let done = false;
  for (const arg of proc.argv.slice(1)) {
    if (done || !arg.startsWith("-") || arg === "-") files.push(arg);
    else if (arg === "--") done = true;
    else if (arg === "--version" || arg === "-V") return "version";
    else {
      for (const letter of arg.slice(1)) {
        if (letter === "N") options.lineNumbers = true;
        else if (letter === "S") options.chop = true;
        else if (letter === "X") options.noInit = true;
        else if (letter === "F") options.quitIfOneScreen = true;
        else if (letter === "i") options.ignoreCase = "smart";
        else if (letter === "I") options.ignoreCase = "always";
        else if (letter === "R" || letter === "r") options.raw = true;
        else await proc.stderr.write(`There is no -${letter} option ("less --help" for help)\n`);
      }
    }
  }
  return { options, files };
}

interface Row {
  line: number;
  text: string;
}

class LessSession {
  private index = 0;
  private top = 0;
  private readonly tops = new Map<number, number>();
  private rows: Row[] = [];
  private laidOut = { lines: -1, cols: -1, doc: -1 };
  private highlight: RegExp | null = null;
  private lastSearch: { pattern: string; forward: boolean } | null = null;
  private count = "";
  private interrupted = false;
  private resized = false;

  constructor(
    private readonly proc: Process,
    private readonly term: PagerTerminal,
    private readonly docs: Document[],
    private readonly options: LessOptions,
  ) {}

  private get doc(): Document {
    return this.docs[this.index];
  }

  private get page(): number {
    return this.term.rows - 1;
  }

  async run(): Promise<void> {
    // ^C interrupts a long read (G on a pipe) but does not quit less.
    this.proc.trap(Signal.SIGINT, () => {
      this.interrupted = true;
    });
    this.proc.trap(Signal.SIGWINCH, () => {
      this.resized = true;
    });
    await this.ensureRows(this.page + 1);
    if (this.options.quitIfOneScreen && this.docs.length === 1 && this.doc.complete && this.rows.length <= this.page) {
      await this.term.write(`${this.rows.map((r) => this.render(r)).join("\n")}\n`);
      return;
    }
    if (!this.options.noInit) await this.term.write(ENTER_SCREEN);
    await this.paint(true);
    for (;;) {
      const key = await this.term.key();
      if (this.resized) {
        this.resized = false;
        await this.paint(false);
      }
      if (key === null) continue;
      if (await this.command(key)) break;
    }
    await this.term.write(this.options.noInit ? "\r\x1b[K" : LEAVE_SCREEN);
  }

  /** Carries out one key; true when it was q. */
  private async command(key: string): Promise<boolean> {
    if (/^[0-9]$/.test(key)) {
      this.count += key;
      return false;
    }
    const count = this.count === "" ? undefined : Number(this.count);
    this.count = "";
    switch (key) {
      case "q":
      case "Q":
        return true;
      case " ":
      case "f":
      case "\x06":
      case "\x16":
      case "z":
      case "pagedown":
        await this.forward(count ?? this.page);
        break;
      case "b":
      case "\x02":
      case "w":
      case "pageup":
        await this.backward(count ?? this.page);
        break;
      case "j":
      case "\n":
      case "\r":
      case "e":
      case "\x05":
      case "\x0e":
      case "down":
        await this.forward(count ?? 1);
        break;
      case "k":
      case "y":
      case "\x19":
      case "\x10":
      case "\x0b":
      case "up":
        await this.backward(count ?? 1);
        break;
      case "d":
      case "\x04":
        await this.forward(count ?? Math.floor(this.page / 2));
        break;
      case "u":
      case "\x15":
        await this.backward(count ?? Math.floor(this.page / 2));
        break;
      case "g":
      case "<":
      case "home":
        await this.goToLine((count ?? 1) - 1);
        break;
      case "G":
      case ">":
      case "end":
        if (count !== undefined) await this.goToLine(count - 1);
        else await this.goToEnd();
        break;
      case "/":
      case "?":
        await this.readSearch(key === "/");
        break;
      case "n":
      case "N":
        await this.repeatSearch(key === "n");
        break;
      case ":":
        return this.colonCommand();
      case "r":
      case "\x12":
      case "\x0c":
        await this.paint(false);
        break;
      default:
        await this.term.write("\x07");
    }
    return false;
  }

  private async colonCommand(): Promise<boolean> {
    await this.term.write("\r\x1b[K:");
    const key = await this.term.key();
    if (key === "q" || key === "Q") return true;
    if (key === "n" || key === "p") {
      const next = this.index + (key === "n" ? 1 : -1);
      if (next < 0 || next >= this.docs.length) {
        await this.showMessage(key === "n" ? "No next file" : "No previous file");
        return false;
      }
      this.tops.set(this.index, this.top);
      this.index = next;
      this.top = this.tops.get(next) ?? 0;
      this.highlight = null;
      await this.paint(true, false);
      return false;
    }
    await this.term.write("\x07");
    await this.paint(false);
    return false;
  }

  // --- movement ------------------------------------------------------------

  private async forward(lines: number): Promise<void> {
    await this.ensureRows(this.top + this.page + lines);
    const maxTop = Math.max(0, this.rows.length - this.page);
    if (this.top >= maxTop && this.doc.complete) {
      await this.term.write("\x07");
      return;
    }
    this.top = Math.min(this.top + lines, maxTop);
    await this.paint(false);
  }

  private async backward(lines: number): Promise<void> {
    if (this.top === 0) {
      await this.term.write("\x07");
      return;
    }
    this.top = Math.max(0, this.top - lines);
    await this.paint(false);
  }

  private async goToLine(line: number): Promise<void> {
    await this.doc.ensure(this.proc, line + 1, () => this.takeInterrupt());
    this.layout();
    const row = this.rows.findIndex((r) => r.line >= Math.min(line, this.doc.lines.length - 1));
    this.top = Math.max(0, Math.min(Math.max(row, 0), this.rows.length - this.page));
    await this.paint(false);
  }

  private async goToEnd(): Promise<void> {
    await this.doc.ensure(this.proc, Number.POSITIVE_INFINITY, () => this.takeInterrupt());
    this.layout();
    this.top = Math.max(0, this.rows.length - this.page);
    await this.paint(false);
  }

  // --- search --------------------------------------------------------------

  private async readSearch(forward: boolean): Promise<void> {
    const mark = forward ? "/" : "?";
    let pattern = "";
    await this.term.write(`\r\x1b[K${mark}`);
    for (;;) {
      const key = await this.term.key();
      if (key === null) continue;
      if (key === "\n" || key === "\r") break;
      if (key === "\x7f" || key === "\b") {
        if (pattern === "") {
          await this.paint(false);
          return;
        }
        pattern = [...pattern].slice(0, -1).join("");
      } else if (key === "\x15") pattern = "";
      else if (key.length === 1 && key >= " ") pattern += key;
      else continue;
      await this.term.write(`\r\x1b[K${mark}${pattern}`);
    }
    if (pattern === "" && this.lastSearch) pattern = this.lastSearch.pattern;
    this.lastSearch = { pattern, forward };
    await this.search(pattern, forward);
  }

  private async repeatSearch(same: boolean): Promise<void> {
    if (!this.lastSearch) {
      await this.showMessage("Invalid pattern");
      return;
    }
    const forward = same ? this.lastSearch.forward : !this.lastSearch.forward;
    await this.search(this.lastSearch.pattern, forward);
  }

  /** Puts the next line matching `pattern` on the top row: forward from the line after the top one, backward from the one above the bottom. */
  private async search(pattern: string, forward: boolean): Promise<void> {
    let re: RegExp;
    try {
      const fold = this.options.ignoreCase === "always" || (this.options.ignoreCase === "smart" && pattern === pattern.toLowerCase());
      re = new RegExp(pattern, fold ? "i" : "");
    } catch {
      await this.showMessage("Invalid pattern");
      return;
    }
    const lines = this.doc.lines;
    const topLine = this.rows[this.top]?.line ?? lines.length;
    let found = -1;
    if (forward) {
      for (let line = topLine + 1; found < 0; line++) {
        if (line >= lines.length && !(await this.doc.ensure(this.proc, line + 1, () => this.takeInterrupt()))) break;
        if (line >= lines.length) break;
        if (re.test(lines[line])) found = line;
        if (line % 256 === 0) await this.proc.checkpoint();
      }
    } else {
      const bottomRow = Math.min(this.top + this.page - 1, this.rows.length - 1);
      for (let line = (this.rows[bottomRow]?.line ?? 0) - 1; line >= 0 && found < 0; line--) {
        if (re.test(lines[line])) found = line;
      }
    }
    if (found < 0) {
      await this.showMessage("Pattern not found");
      return;
    }
    this.layout();
    this.highlight = pattern === "" ? null : new RegExp(re.source, `${re.flags}g`);
    this.top = this.rows.findIndex((r) => r.line === found);
    await this.paint(false);
  }

  // --- drawing -------------------------------------------------------------

  /** Draws the page and the prompt; the first screen of a file is drawn without clearing, as less does. */
  private async paint(first: boolean, fresh = first): Promise<void> {
    await this.ensureRows(this.top + this.page + 1);
    const visible = this.rows.slice(this.top, this.top + this.page);
    let out: string;
    if (fresh) out = `\r${visible.map((r) => `${this.render(r)}\n`).join("")}`;
    else {
      out = "\x1b[H\x1b[2J";
      for (let i = 0; i < this.page; i++) out += `${visible[i] ? this.render(visible[i]) : TILDE}\n`;
    }
    await this.term.write(out + this.prompt(first));
  }

  private prompt(first: boolean): string {
    const atEnd = this.doc.complete && this.top + this.page >= this.rows.length;
    const next = this.index + 1 < this.docs.length ? ` - Next: ${this.docs[this.index + 1].name}` : "";
    let text: string;
    if (first && this.doc.name !== "") {
      text = this.doc.name;
      if (this.docs.length > 1) text += ` (file ${this.index + 1} of ${this.docs.length})`;
      if (atEnd) text += ` (END)${next}`;
    } else if (atEnd) text = `(END)${next}`;
    else return ":\x1b[K";
    const width = this.term.cols - 1;
    if ([...text].length > width) text = [...text].slice(-width).join("");
    return `${STANDOUT(text)}\x1b[K`;
  }

  private async showMessage(message: string): Promise<void> {
    await this.term.write(`\r\x1b[K${STANDOUT(`${message}  (press RETURN)`)}`);
    const key = await this.term.key();
    await this.paint(false);
    if (key !== null && key !== "\n" && key !== "\r") await this.command(key);
  }

  private render(row: Row): string {
    if (!this.highlight) return row.text;
    return row.text.replace(this.highlight, (match) => (match === "" ? match : STANDOUT(match)));
  }

  /** Reads standard input until there are `count` screen rows (or it ends). */
  private async ensureRows(count: number): Promise<void> {
    this.layout();
    while (this.rows.length < count && !this.doc.complete) {
      const more = this.doc.lines.length + (count - this.rows.length);
      if (!(await this.doc.ensure(this.proc, more, () => this.takeInterrupt()))) break;
      this.layout();
    }
  }

  /** Screen rows for the text read so far (tabs, wrapping, -N, -S, control characters). */
  private layout(): void {
    const cols = this.term.cols;
    const lines = this.doc.lines;
    const state = this.laidOut;
    if (state.doc !== this.index || state.cols !== cols || state.lines > lines.length) {
      this.rows = [];
      state.lines = 0;
    }
    const width = this.options.lineNumbers ? Math.max(1, cols - 8) : cols;
    for (let line = state.lines; line < lines.length; line++) {
      const text = this.options.raw ? lines[line] : visible(lines[line]);
      screenRows(text, width, this.options.chop).forEach((piece, i) => {
        const prefix = !this.options.lineNumbers ? "" : i === 0 ? `${String(line + 1).padStart(7)} ` : " ".repeat(8);
        this.rows.push({ line, text: prefix + piece });
      });
    }
    this.laidOut = { lines: lines.length, cols, doc: this.index };
  }

  private takeInterrupt(): boolean {
    const was = this.interrupted;
    this.interrupted = false;
    return was;
  }
}

/** Control characters as less shows them without -R: ESC as "ESC", others as ^X. */
function visible(line: string): string {
  return line.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (ch) =>
    ch === "\x1b" ? "ESC" : ch === "\x7f" ? "^?" : `^${String.fromCharCode(ch.charCodeAt(0) + 64)}`,
  );
}
