import { type OpenFile, RefCounted } from "./fd";
import type { Scheduler } from "./scheduler";
import { Signal } from "./signal";
import type { Task } from "./task";

/** The termios flags Stevedore's line discipline honours (termios(3)). */
export interface Termios {
  /** Canonical mode: input is edited and delivered a line at a time. */
  icanon: boolean;
  echo: boolean;
  /** Echo control characters as ^X. */
  echoctl: boolean;
  /** INTR, QUIT and SUSP characters send signals. */
  isig: boolean;
  /** Translate carriage return to newline on input. */
  icrnl: boolean;
  /** Translate newline to carriage return + newline on output. */
  onlcr: boolean;
}

export const COOKED: Termios = { icanon: true, echo: true, echoctl: true, isig: true, icrnl: true, onlcr: true };

/** What a terminal emulator draws per 10 µs tick: about 6 MB/s, as xterm.js keeps up with. */
const TERMINAL_BYTES_PER_TICK = 64;

const EOF_MARK = Symbol("EOF");
type Chunk = string | typeof EOF_MARK;

const CTRL_C = "\x03";
const CTRL_D = "\x04";
const CTRL_BACKSLASH = "\x1c";
const CTRL_Z = "\x1a";
const CTRL_U = "\x15";
const CTRL_W = "\x17";
const DEL = "\x7f";
const BS = "\b";

/**
 * A pseudo-terminal pair. The master side is the terminal emulator (xterm in the
 * browser, the simulator under Node): it types with input() and receives output.
 * The slave side is /dev/pts/N for processes, with the line discipline in between:
 * echo, line editing, ^C/^\/^Z as signals to the foreground process group, ^D as EOF.
 */
export class Tty {
  termios: Termios = { ...COOKED };
  cols = 80;
  rows = 24;
  /** The foreground process group (tcsetpgrp); 0 when no session owns the terminal. */
  foregroundPgid = 0;
  sessionId = 0;
  /** Set while the program on the slave side has asked for bracketed paste (DECSET 2004). */
  bracketedPaste = false;
  private editing = "";
  private ready: Chunk[] = [];
  private readWaiters: Array<() => void> = [];
  private fgWaiters: Array<() => void> = [];
  private listeners = new Set<(data: string) => void>();

  constructor(
    readonly name: string,
    readonly scheduler: Scheduler,
    private readonly signalGroup: (pgid: number, sig: number) => void,
  ) {}

  // --- master side -------------------------------------------------------

  /** Keys typed on the terminal. */
  input(data: string): void {
    for (const ch of data) this.receive(ch);
    this.wakeReaders();
  }

  /** Text pasted into the terminal: bracketed when the program asked for it. */
  paste(text: string): void {
    this.input(this.bracketedPaste ? `\x1b[200~${text}\x1b[201~` : text);
  }

  onOutput(listener: (data: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  resize(cols: number, rows: number): void {
    if (cols === this.cols && rows === this.rows) return;
    this.cols = cols;
    this.rows = rows;
    if (this.foregroundPgid) this.signalGroup(this.foregroundPgid, Signal.SIGWINCH);
  }

  /** Whether input is waiting to be read (typeahead). */
  hasInput(): boolean {
    return this.ready.length > 0;
  }

  // --- slave side --------------------------------------------------------

  /**
   * Puts input a reader took but did not use back at the head of the input queue, as
   * already processed by the line discipline. GNU readline reads a terminal one byte at
   * a time (rl_getc: `read (fileno (stream), &c, sizeof (unsigned char))`), so the keys
   * typed after the Enter that ends a line never leave the kernel's queue: the command
   * that line starts (`docker run -it`, `cat`) reads them. A reader that takes a whole
   * chunk at once gives the rest back here to behave the same.
   */
  unread(data: string): void {
    if (data === "") return;
    const first = this.ready[0];
    if (!this.termios.icanon && typeof first === "string") this.ready[0] = data + first;
    else this.ready.unshift(data);
    this.wakeReaders();
  }

  setForeground(pgid: number): void {
    this.foregroundPgid = pgid;
    for (const wake of this.fgWaiters.splice(0)) wake();
  }

  async read(task: Task): Promise<string | null> {
    for (;;) {
      if (this.foregroundPgid && task.pgid !== this.foregroundPgid && task.ctty === this) {
        // A background job reading its terminal waits until it is brought to the foreground
        // (Linux would stop it with SIGTTIN).
        await task.block<void>(this.scheduler, (wake) => this.waitOn(this.fgWaiters, wake), "tty_fg");
        continue;
      }
      if (this.ready.length > 0) return this.take();
      await task.block<void>(this.scheduler, (wake) => this.waitOn(this.readWaiters, wake), "n_tty_read");
    }
  }

  /** Whether a read would return at once (a line, raw input or an EOF mark is waiting). */
  readReady(): boolean {
    return this.ready.length > 0;
  }

  /** A non-blocking read: undefined when nothing is waiting (EAGAIN). */
  tryRead(): string | null | undefined {
    return this.ready.length > 0 ? this.take() : undefined;
  }

  onReadable(cb: () => void): () => void {
    if (this.readReady()) {
      cb();
      return () => {};
    }
    return this.waitOn(this.readWaiters, cb);
  }

  write(data: string): void {
    if (data.includes("\x1b[?2004")) {
      const on = data.lastIndexOf("\x1b[?2004h");
      const off = data.lastIndexOf("\x1b[?2004l");
      this.bracketedPaste = on > off;
    }
    this.emit(this.termios.onlcr ? data.replace(/\r?\n/g, "\r\n") : data);
  }

  /** A new open file description for /dev/pts/N or /dev/tty. */
  open(): OpenFile {
    return new TtyFile(this);
  }

  // --- line discipline ---------------------------------------------------

  private receive(input: string): void {
    const t = this.termios;
    const ch = t.icrnl && input === "\r" ? "\n" : input;
    if (t.isig && (ch === CTRL_C || ch === CTRL_BACKSLASH || ch === CTRL_Z)) {
      if (t.echo && t.echoctl) this.emit(caret(ch));
      this.editing = "";
      this.ready = [];
      const sig = ch === CTRL_C ? Signal.SIGINT : ch === CTRL_Z ? Signal.SIGTSTP : Signal.SIGQUIT;
      if (this.foregroundPgid) this.signalGroup(this.foregroundPgid, sig);
      return;
    }
    if (!t.icanon) {
      if (t.echo) this.echo(ch);
      this.pushRaw(ch);
      return;
    }
    this.canonical(ch);
  }

  private canonical(ch: string): void {
    const t = this.termios;
    switch (ch) {
      case "\n":
        if (t.echo) this.emit("\r\n");
        this.ready.push(`${this.editing}\n`);
        this.editing = "";
        return;
      case CTRL_D:
        this.ready.push(this.editing === "" ? EOF_MARK : this.editing);
        this.editing = "";
        return;
      case DEL:
      case BS:
        this.erase(1);
        return;
      case CTRL_U:
        this.erase(this.editing.length);
        return;
      case CTRL_W: {
        const word = /\S*\s*$/.exec(this.editing)?.[0].length ?? 0;
        this.erase(word);
        return;
      }
      default:
        if (t.echo) this.echo(ch);
        this.editing += ch;
    }
  }

  private erase(count: number): void {
    const n = Math.min(count, this.editing.length);
    if (n === 0) return;
    const removed = this.editing.slice(this.editing.length - n);
    this.editing = this.editing.slice(0, this.editing.length - n);
    if (!this.termios.echo) return;
    let out = "";
    for (const ch of removed) out += isControl(ch) && this.termios.echoctl ? "\b \b\b \b" : "\b \b";
    this.emit(out);
  }

  private echo(ch: string): void {
    this.emit(this.termios.echoctl && isControl(ch) ? caret(ch) : ch === "\n" ? "\r\n" : ch);
  }

  private pushRaw(ch: string): void {
    const last = this.ready[this.ready.length - 1];
    if (typeof last === "string") this.ready[this.ready.length - 1] = last + ch;
    else this.ready.push(ch);
  }

  private take(): string | null {
    const chunk = this.ready.shift() as Chunk;
    if (chunk === EOF_MARK) return null;
    if (!this.termios.icanon) {
      // Raw reads return everything that has arrived, EOF marks aside.
      let out = chunk;
      while (typeof this.ready[0] === "string") out += this.ready.shift() as string;
      return out;
    }
    return chunk;
  }

  private emit(data: string): void {
    for (const listener of this.listeners) listener(data);
  }

  private wakeReaders(): void {
    if (this.ready.length > 0) for (const wake of this.readWaiters.splice(0)) wake();
  }

  private waitOn(list: Array<() => void>, wake: () => void): () => void {
    list.push(wake);
    return () => {
      const idx = list.indexOf(wake);
      if (idx >= 0) list.splice(idx, 1);
    };
  }
}

function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code < 0x20 && ch !== "\t" && ch !== "\n") || code === 0x7f;
}

/** ^C for \x03, ^[ for ESC, ^? for DEL, as ECHOCTL shows them. */
function caret(ch: string): string {
  const code = ch.charCodeAt(0);
  return code === 0x7f ? "^?" : `^${String.fromCharCode(code + 64)}`;
}

class TtyFile extends RefCounted implements OpenFile {
  readonly kind = "tty";
  readonly readable = true;
  readonly writable = true;

  constructor(readonly tty: Tty) {
    super();
  }

  get path(): string {
    return `/dev/${this.tty.name}`;
  }

  read(task: Task): Promise<string | null> {
    return this.tty.read(task);
  }

  async write(task: Task, data: string): Promise<void> {
    this.tty.write(data);
    // The terminal emulator draws what it reads at a finite rate and the pty's buffer is
    // small, so a writer flooding it (`yes`) waits on the terminal: it pays for every
    // TERMINAL_BYTES_PER_TICK it wrote, and is preempted like any busy process.
    const scheduler = this.tty.scheduler;
    for (let cost = Math.floor(data.length / TERMINAL_BYTES_PER_TICK); cost > 0; cost--) {
      task.checkExit();
      if (scheduler.tick(task)) await task.yield(scheduler);
    }
  }

  tryRead(): string | null | undefined {
    return this.tty.tryRead();
  }

  readReady(): boolean {
    return this.tty.readReady();
  }

  onReadable(cb: () => void): () => void {
    return this.tty.onReadable(cb);
  }

  /** Output to the terminal never blocks here, so a service writes as a task would. */
  send(data: string): void {
    this.tty.write(data);
  }

  protected closed(): void {}
}
