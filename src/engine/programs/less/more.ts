import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { getopt, type ParsedOptions } from "../getopt";
import { usageError } from "../program";
import { copyThrough } from "./cat";
import { Document, PagerError, screenRows } from "./content";
import { PagerTerminal } from "./terminal";

/**
 * more(1) from util-linux 2.38. Not on a terminal it copies its files like cat, with a
 * `::::` header before each when there are several. On one it prints a screenful (the
 * rows less one), then `--More--(NN%)` in standout (NN is the share of the file's bytes
 * shown; no percentage for a pipe) and waits for a key: space for the next screen,
 * Enter for one more line, d for half a screen, b to go back, /pattern and n to search,
 * = for the line number, q to quit. It exits at the end of the last file: util-linux
 * 2.38 alone waited there, and 2.39 went back to exiting (commit 28b391ce7). -e, -l and
 * -u change nothing here: exiting at the end is the default, and form feeds and
 * backspace-underlining get no special treatment.
 */
const OPTIONS = {
  short: "dflcpesun:hV",
  long: {
    silent: "d",
    logical: "f",
    "no-pause": "l",
    "print-over": "c",
    "clean-print": "p",
    "exit-on-eof": "e",
    squeeze: "s",
    plain: "u",
    lines: "n:",
    help: "h",
    version: "V",
  },
};

const HELP = `
Usage:
 more [options] <file>...

A file perusal filter for CRT viewing.

Options:
 -d, --silent          display help instead of ringing bell
 -f, --logical         count logical rather than screen lines
 -l, --no-pause        suppress pause after form feed
 -c, --print-over      do not scroll, display text and clean line ends
 -p, --clean-print     do not scroll, clean screen and display text
 -e, --exit-on-eof     exit on end-of-file
 -s, --squeeze         squeeze multiple blank lines into one
 -u, --plain           suppress underlining and bold
 -n, --lines <number>  the number of lines per screenful
 -<number>             same as --lines
 +<number>             display file beginning from line number
 +/<pattern>           display file beginning from pattern match

 -h, --help            display this help
 -V, --version         display version

For more details see more(1).
`;

const STANDOUT = (text: string) => `\x1b[7m${text}\x1b[27m`;

interface MoreOptions {
  lines?: number;
  squeeze: boolean;
  /** -d: the prompt says which keys to press. */
  helpful: boolean;
  startLine: number;
  startPattern?: string;
  /** -f: count lines of the file rather than rows of the screen. */
  logical: boolean;
  /** -c and -p: paint each screenful from the top of a cleared screen instead of scrolling. */
  clearEachPage: boolean;
}

export const more: Program = async (proc) => {
  const args: string[] = [];
  const extra: Partial<MoreOptions> = {};
  for (const arg of proc.argv.slice(1)) {
    // -NUM, +NUM and +/pattern are older than getopt and parsed by hand, as more.c does.
    if (/^-\d+$/.test(arg)) extra.lines = Number(arg.slice(1));
    else if (/^\+\d+$/.test(arg)) extra.startLine = Math.max(0, Number(arg.slice(1)) - 1);
    else if (arg.startsWith("+/")) extra.startPattern = arg.slice(2);
    else args.push(arg);
  }
  let parsed: ParsedOptions;
  try {
    parsed = getopt(args, OPTIONS);
  } catch (err) {
    return usageError(proc, err, 1);
  }
  if (parsed.has("h")) {
    await proc.stdout.write(HELP);
    return 0;
  }
  if (parsed.has("V")) {
    await proc.stdout.write("more from util-linux 2.38.1\n");
    return 0;
  }
  const options: MoreOptions = {
    lines: parsed.has("n") ? Number(parsed.get("n")) || undefined : extra.lines,
    squeeze: parsed.has("s"),
    helpful: parsed.has("d"),
    startLine: extra.startLine ?? 0,
    startPattern: extra.startPattern,
    logical: parsed.has("f"),
    clearEachPage: parsed.has("c") || parsed.has("p"),
  };
  const files = parsed.operands;
  const report = async (err: PagerError) => {
    if (err.isDirectory) await proc.stdout.write(`\n*** ${err.fileName}: directory ***\n\n`);
    else await proc.stderr.write(`more: cannot open ${err.fileName}: ${err.reason}\n`);
  };
  if (!proc.isatty(1)) return copyThrough(proc, files, report, true);
  if (files.length === 0 && proc.isatty(0)) {
    await proc.stderr.write("more: bad usage\nTry 'more --help' for more information.\n");
    return 1;
  }
  const term = PagerTerminal.open(proc);
  if (!term) return copyThrough(proc, files, report, true);
  try {
    await new MoreSession(proc, term, files, options, report).run();
  } finally {
    term.restore();
  }
  return 0;
};

class MoreSession {
  private doc!: Document;
  /** The next line to print. */
  private position = 0;
  private lastPattern: string | null = null;
  private quitting = false;
  private lastBlank = false;

  constructor(
    private readonly proc: Process,
    private readonly term: PagerTerminal,
    private readonly files: string[],
    private readonly options: MoreOptions,
    private readonly report: (err: PagerError) => Promise<void>,
  ) {}

  private get page(): number {
    return this.options.lines ?? this.term.rows - 1;
  }

  async run(): Promise<void> {
    this.proc.trap(Signal.SIGINT, () => {
      this.quitting = true;
    });
    const names = this.files.length === 0 ? ["-"] : this.files;
    for (let i = 0; i < names.length && !this.quitting; i++) {
      const doc = this.open(names[i]);
      if (doc instanceof PagerError) await this.report(doc);
      else await this.show(doc, names.length > 1, names[i + 1]);
    }
  }

  private open(name: string): Document | PagerError {
    if (name === "-") return Document.fromStream("", this.proc.stdin);
    try {
      return Document.fromFile(this.proc, name);
    } catch (err) {
      if (err instanceof PagerError) return err;
      throw err;
    }
  }

  /** One file: screens and prompts until its end (then the next file's prompt) or q. */
  private async show(doc: Document, header: boolean, nextName?: string): Promise<void> {
    this.doc = doc;
    this.position = 0;
    let budget = this.page;
    if (header) {
      await this.term.write(`::::::::::::::\n${doc.name}\n::::::::::::::\n`);
      budget -= 3;
    }
    await this.skipToStart();
    await this.print(budget);
    for (;;) {
      await doc.ensure(this.proc, this.position + 1);
      const atEnd = doc.complete && this.position >= doc.lines.length;
      if (atEnd && nextName === undefined) return;
      const lines = await this.prompt(atEnd ? `(Next file: ${nextName})` : this.percent());
      if (lines === null) {
        this.quitting = true;
        return;
      }
      if (atEnd) return;
      await this.print(lines);
    }
  }

  /** +NUM and +/pattern: where the first file starts. */
  private async skipToStart(): Promise<void> {
    const { startLine, startPattern } = this.options;
    if (startPattern !== undefined) {
      const found = await this.find(startPattern, 0);
      if (found >= 0) {
        await this.term.write("...skipping\n");
        this.position = Math.max(0, found - 2);
      }
    } else this.position = startLine;
  }

  private percent(): string {
    const size = this.doc.size;
    if (size === null || size === 0) return "";
    return `(${Math.floor((this.doc.bytesBefore(this.position) * 100) / size)}%)`;
  }

  /** Prints up to `rows` screen rows of lines from the current position. */
  private async print(rows: number): Promise<void> {
    let out = "";
    let used = 0;
    while (used < rows) {
      await this.doc.ensure(this.proc, this.position + 1);
      if (this.position >= this.doc.lines.length) break;
      const line = this.doc.lines[this.position++];
      const blank = line.trim() === "";
      if (this.options.squeeze && blank && this.lastBlank) continue;
      this.lastBlank = blank;
      out += `${line}\n`;
      used += this.options.logical ? 1 : screenRows(line, this.term.cols).length;
    }
    // A screenful: a whole page, or the page less a file header (3 rows) or a search's ...skipping line.
    if (this.options.clearEachPage && rows >= this.page - 3) out = `\x1b[H\x1b[2J${out}`;
    await this.term.write(out);
  }

  /**
   * Shows `--More--` and reads commands until one moves on: the number of rows to print
   * next, or null for q. Commands that only report (=) leave the prompt waiting.
   */
  private async prompt(suffix: string): Promise<number | null> {
    const hint = this.options.helpful ? "[Press space to continue, 'q' to quit.]" : "";
    await this.term.write(STANDOUT(`--More--${suffix}${hint}`));
    let count = "";
    for (;;) {
      const key = await this.term.key();
      if (this.quitting || key === null) {
        if (!this.quitting) continue;
        await this.term.write("\r\x1b[K");
        return null;
      }
      if (/^[0-9]$/.test(key)) {
        count += key;
        continue;
      }
      const n = count === "" ? 0 : Number(count);
      count = "";
      const rows = await this.command(key, n);
      if (rows !== undefined) return rows;
    }
  }

  /** One command key: rows to print next, null to quit, undefined to keep waiting. */
  private async command(key: string, n: number): Promise<number | null | undefined> {
    const erase = "\r\x1b[K";
    switch (key) {
      case "q":
      case "Q":
        await this.term.write(erase);
        return null;
      case " ":
      case "z":
      case "down":
      case "pagedown":
        await this.term.write(erase);
        return n || this.page;
      case "\n":
      case "\r":
        await this.term.write(erase);
        return n || 1;
      case "d":
      case "\x04":
        await this.term.write(erase);
        return n || Math.max(1, Math.floor(this.term.rows / 2) - 1);
      case "b":
      case "\x02":
      case "up":
      case "pageup": {
        if (this.doc.size === null) {
          await this.term.write("\x07");
          return undefined;
        }
        const pages = n || 1;
        await this.term.write(`${erase}...back ${pages} page${pages === 1 ? "" : "s"}\n`);
        this.position = Math.max(0, this.position - this.page * (pages + 1) - 1);
        return this.page;
      }
      case "f":
      case "s": {
        const lines = (n || 1) * (key === "f" ? this.page : 1);
        await this.term.write(`${erase}\n...skipping ${lines} line${lines === 1 ? "" : "s"}\n`);
        this.position += lines;
        return this.page;
      }
      case "=":
        await this.term.write(`${erase}${this.position}`);
        return undefined;
      case "/":
        return this.search(await this.readPattern(), n || 1);
      case "n":
        if (this.lastPattern === null) {
          await this.term.write(`${erase}${STANDOUT("No previous regular expression")}`);
          return undefined;
        }
        await this.term.write(`${erase}/`);
        return this.search(this.lastPattern, n || 1);
      default:
        return undefined;
    }
  }

  private async readPattern(): Promise<string> {
    let pattern = "";
    await this.term.write("\r\x1b[K/");
    for (;;) {
      const key = await this.term.key();
      if (key === null || key === "\n" || key === "\r") return pattern;
      if (key === "\x7f" || key === "\b") {
        if (pattern === "") continue;
        pattern = [...pattern].slice(0, -1).join("");
        await this.term.write("\b \b");
      } else if (key.length === 1 && key >= " ") {
        pattern += key;
        await this.term.write(key);
      }
    }
  }

  /** Jumps to the nth match after the current line, shown from two lines above it; rows to print next. */
  private async search(pattern: string, nth: number): Promise<number | null | undefined> {
    this.lastPattern = pattern;
    let from = this.position;
    let found = -1;
    for (let i = 0; i < nth; i++) {
      found = await this.find(pattern, from);
      if (found < 0) break;
      from = found + 1;
    }
    if (found < 0) {
      await this.term.write(`\r\r\x1b[K${STANDOUT("Pattern not found")}\r`);
    } else {
      await this.term.write("\r\n...skipping\n");
      this.position = Math.max(0, found - 2);
    }
    return this.page - 1;
  }

  private async find(pattern: string, from: number): Promise<number> {
    let re: RegExp;
    try {
      re = new RegExp(pattern);
    } catch {
      return -1;
    }
    for (let line = from; ; line++) {
      await this.doc.ensure(this.proc, line + 1);
      if (line >= this.doc.lines.length) return -1;
      if (re.test(this.doc.lines[line])) return line;
      if (line % 256 === 0) await this.proc.checkpoint();
    }
  }
}
