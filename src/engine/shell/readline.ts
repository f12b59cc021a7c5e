import { isSysError } from "../kernel/errno";
import type { Process } from "../kernel/process";
import type { Termios } from "../kernel/tty";
import { decodeKeys, type Key } from "./keys";

export type ReadResult = { kind: "line"; text: string } | { kind: "eof" } | { kind: "interrupt" };

export interface LineEditorOptions {
  /** The shell's history, oldest first. */
  history: () => string[];
  /** Candidate words for the word that ends at `cursor`. */
  complete: (line: string, cursor: number) => string[];
}

/**
 * Semantic prompt marks (OSC 133, as iTerm2 and VS Code shell integration define them):
 * A prompt starts, B input starts, C command output starts, D;N the last command ended
 * with status N. A and D name the shell that writes them (the `aid=` option of the
 * semantic prompts proposal, for nested shells: a container's bash under `docker attach`).
 * Terminals ignore them; the simulator uses them to tell prompts, echo and output apart.
 */
export const MARK = {
  promptStart: (aid: number) => `\x1b]133;A;aid=${aid}\x07`,
  inputStart: "\x1b]133;B\x07",
  outputStart: "\x1b]133;C\x07",
  finished: (status: number, aid: number) => `\x1b]133;D;${status};aid=${aid}\x07`,
} as const;

const BRACKETED_PASTE_ON = "\x1b[?2004h";
const BRACKETED_PASTE_OFF = "\x1b[?2004l";

/**
 * The interactive line editor (GNU readline's emacs mode, as much as a learner uses):
 * echo and in-line editing, arrow-key history, Tab completion, Ctrl-A/E/K/U/W/Y/L/D,
 * bracketed paste. It owns the terminal in non-canonical mode while it reads.
 */
export class LineEditor {
  private killRing = "";

  constructor(
    private readonly proc: Process,
    private readonly options: LineEditorOptions,
  ) {}

  async read(prompt: string, kind: "ps1" | "ps2", lastStatus?: number): Promise<ReadResult> {
    const tty = this.proc.ttyOf(0);
    if (!tty) return this.readPlain(prompt);
    const saved: Termios = { ...tty.termios };
    tty.termios = { ...saved, icanon: false, echo: false, isig: true, icrnl: true };
    // The shell's PID on the host kernel tells it from a shell nested on the same terminal.
    const aid = this.proc.task.pid;
    const marks = kind === "ps1" && lastStatus !== undefined ? MARK.finished(lastStatus, aid) : "";
    const visible = prompt.replace(/[\x01\x02]/g, "");
    await this.out(`${marks}${BRACKETED_PASTE_ON}${MARK.promptStart(aid)}${visible}${MARK.inputStart}`);
    try {
      return await new LineSession(this.proc, this.options, visible, this).run();
    } finally {
      tty.termios = saved;
    }
  }

  /** Ctrl-K, Ctrl-U and Ctrl-W fill the kill ring; Ctrl-Y yanks it. */
  get killed(): string {
    return this.killRing;
  }

  set killed(text: string) {
    this.killRing = text;
  }

  private async readPlain(prompt: string): Promise<ReadResult> {
    await this.proc.stderr.write(prompt.replace(/[\x01\x02]/g, ""));
    const line = await this.proc.stdin.readLine();
    return line === null ? { kind: "eof" } : { kind: "line", text: line };
  }

  private out(text: string): Promise<void> {
    return this.proc.stdout.write(text);
  }
}

/** The state of one line being edited. */
class LineSession {
  private buffer = "";
  private cursor = 0;
  private historyIndex: number;
  private readonly history: string[];
  private readonly edits = new Map<number, string>();
  private lastKey: Key | null = null;
  private pasting = false;

  constructor(
    private readonly proc: Process,
    private readonly options: LineEditorOptions,
    private readonly prompt: string,
    private readonly editor: LineEditor,
  ) {
    this.history = options.history();
    this.historyIndex = this.history.length;
  }

  async run(): Promise<ReadResult> {
    let pending = "";
    for (;;) {
      let chunk: string | null;
      try {
        chunk = await this.proc.read(0);
      } catch (err) {
        if (!isSysError(err, "EINTR")) throw err;
        // ^C: the terminal has echoed it; readline abandons the line on a fresh one.
        await this.write(`\n${BRACKETED_PASTE_OFF}`);
        return { kind: "interrupt" };
      }
      if (chunk === null) return this.finishEof();
      const input = pending + chunk;
      const { keys, rest, ends } = decodeKeys(input);
      pending = rest;
      for (let k = 0; k < keys.length; k++) {
        const result = await this.handle(keys[k]);
        this.lastKey = keys[k];
        if (result) {
          // Keys typed after the line's end stay in the terminal's queue, as with readline
          // reading a byte at a time: the command this line runs may read them.
          this.proc.ttyOf(0)?.unread(input.slice(ends[k]));
          return result;
        }
      }
    }
  }

  private async handle(key: Key): Promise<ReadResult | null> {
    if (key.type === "paste-start" || key.type === "paste-end") {
      this.pasting = key.type === "paste-start";
      return null;
    }
    if (key.type === "text") {
      await this.insert(key.text);
      return null;
    }
    if (this.pasting && key.name === "tab") {
      // Pasted text is inserted as is: a pasted tab is a tab, not a completion request.
      await this.insert("\t");
      return null;
    }
    switch (key.name) {
      case "enter":
        if (this.pasting) {
          await this.insert("\n");
          return null;
        }
        return this.accept();
      case "ctrl-d":
        if (this.buffer === "") return this.finishEof();
        return this.deleteForward();
      case "backspace":
        return this.deleteBackward();
      case "delete":
        return this.deleteForward();
      case "left":
      case "ctrl-b":
        return this.moveTo(this.cursor - 1);
      case "right":
      case "ctrl-f":
        return this.moveTo(this.cursor + 1);
      case "home":
      case "ctrl-a":
        return this.moveTo(0);
      case "end":
      case "ctrl-e":
        return this.moveTo(this.buffer.length);
      case "up":
      case "ctrl-p":
        return this.recall(this.historyIndex - 1);
      case "down":
      case "ctrl-n":
        return this.recall(this.historyIndex + 1);
      case "ctrl-k":
        this.editor.killed = this.buffer.slice(this.cursor);
        return this.replace(this.buffer.slice(0, this.cursor), this.cursor);
      case "ctrl-u":
        this.editor.killed = this.buffer.slice(0, this.cursor);
        return this.replace(this.buffer.slice(this.cursor), 0);
      case "ctrl-w": {
        const before = this.buffer.slice(0, this.cursor);
        const start = before.replace(/\S*\s*$/, "").length;
        this.editor.killed = before.slice(start);
        return this.replace(before.slice(0, start) + this.buffer.slice(this.cursor), start);
      }
      case "ctrl-y":
        return this.insert(this.editor.killed);
      case "ctrl-l":
        await this.write(`\x1b[H\x1b[2J${this.prompt}`);
        await this.write(this.buffer + back(this.buffer.length - this.cursor));
        return null;
      case "tab":
        return this.complete();
      default:
        return null;
    }
  }

  private async accept(): Promise<ReadResult> {
    await this.write(`${this.buffer.slice(this.cursor)}\n${BRACKETED_PASTE_OFF}${MARK.outputStart}`);
    return { kind: "line", text: this.buffer };
  }

  private async finishEof(): Promise<ReadResult> {
    await this.write(BRACKETED_PASTE_OFF);
    return { kind: "eof" };
  }

  private async insert(text: string): Promise<null> {
    if (text === "") return null;
    const tail = this.buffer.slice(this.cursor);
    this.buffer = this.buffer.slice(0, this.cursor) + text + tail;
    this.cursor += text.length;
    await this.write(text + (tail ? `${tail}${back(tail.length)}` : ""));
    return null;
  }

  private async deleteBackward(): Promise<null> {
    if (this.cursor === 0) return null;
    const tail = this.buffer.slice(this.cursor);
    this.buffer = this.buffer.slice(0, this.cursor - 1) + tail;
    this.cursor--;
    await this.write(`\b${tail} ${back(tail.length + 1)}`);
    return null;
  }

  private async deleteForward(): Promise<null> {
    if (this.cursor >= this.buffer.length) return null;
    const tail = this.buffer.slice(this.cursor + 1);
    this.buffer = this.buffer.slice(0, this.cursor) + tail;
    await this.write(`${tail} ${back(tail.length + 1)}`);
    return null;
  }

  private async moveTo(position: number): Promise<null> {
    const target = Math.max(0, Math.min(this.buffer.length, position));
    if (target < this.cursor) await this.write(back(this.cursor - target));
    else if (target > this.cursor) await this.write(this.buffer.slice(this.cursor, target));
    this.cursor = target;
    return null;
  }

  /** Replaces the whole line, leaving the cursor at `cursor`. */
  private async replace(text: string, cursor: number): Promise<null> {
    const erase = back(this.cursor);
    this.buffer = text;
    this.cursor = cursor;
    await this.write(`${erase}\x1b[K${text}${back(text.length - cursor)}`);
    return null;
  }

  private async recall(index: number): Promise<null> {
    if (index < 0 || index > this.history.length) return null;
    this.edits.set(this.historyIndex, this.buffer);
    this.historyIndex = index;
    const text = this.edits.get(index) ?? (index === this.history.length ? "" : this.history[index]);
    return this.replace(text, text.length);
  }

  private async complete(): Promise<null> {
    const before = this.buffer.slice(0, this.cursor);
    const word = /[^\s]*$/.exec(before)?.[0] ?? "";
    const candidates = [...new Set(this.options.complete(this.buffer, this.cursor))].sort();
    if (candidates.length === 0) {
      await this.write("\x07");
      return null;
    }
    if (candidates.length === 1) {
      const only = candidates[0];
      return this.insert(only.slice(word.length) + (only.endsWith("/") ? "" : " "));
    }
    const common = commonPrefix(candidates);
    if (common.length > word.length) return this.insert(common.slice(word.length));
    if (this.lastKey?.type === "key" && this.lastKey.name === "tab") await this.list(candidates);
    else await this.write("\x07");
    return null;
  }

  /** The second Tab lists the candidates in columns, then redraws the prompt and line. */
  private async list(candidates: string[]): Promise<void> {
    const cols = this.proc.ttyOf(0)?.cols ?? 80;
    const names = candidates.map((c) => c.replace(/\/$/, "/").replace(/^.*\/(?=.)/, ""));
    const width = Math.max(...names.map((n) => n.length)) + 2;
    const perRow = Math.max(1, Math.floor(cols / width));
    const rows = Math.ceil(names.length / perRow);
    let out = "\n";
    for (let r = 0; r < rows; r++) {
      let line = "";
      for (let c = 0; c < perRow; c++) {
        const name = names[c * rows + r];
        if (name !== undefined) line += c === perRow - 1 || c * rows + r + rows >= names.length ? name : name.padEnd(width);
      }
      out += `${line.trimEnd()}\n`;
    }
    await this.write(`${out}${this.prompt}${this.buffer}${back(this.buffer.length - this.cursor)}`);
  }

  private write(text: string): Promise<void> {
    return this.proc.stdout.write(text);
  }
}

function back(n: number): string {
  return n > 0 ? `\x1b[${n}D` : "";
}

function commonPrefix(words: string[]): string {
  let prefix = words[0];
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
