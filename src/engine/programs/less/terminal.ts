import { isSysError } from "../../kernel/errno";
import { InputStream, type Process } from "../../kernel/process";
import type { Termios, Tty } from "../../kernel/tty";

/**
 * The terminal a pager draws on and reads keys from. Keys come from /dev/tty, as less
 * and more read them, so the text can arrive on a pipe. The line discipline is put in
 * non-canonical, no-echo mode for single keystrokes and restored on the way out, also
 * when the pager is killed (its stack unwinds through restore()).
 */
export class PagerTerminal {
  private readonly saved: Termios;
  private readonly keyboard: InputStream;
  private readonly keyboardFd: number;
  private queue: string[] = [];

  private constructor(
    private readonly proc: Process,
    readonly tty: Tty,
  ) {
    this.keyboardFd = proc.open("/dev/tty", "r");
    this.keyboard = new InputStream(proc, this.keyboardFd);
    this.saved = tty.termios;
    tty.termios = { ...tty.termios, icanon: false, echo: false };
  }

  /** The terminal on stdout in raw mode, or null when there is none to read keys from. */
  static open(proc: Process): PagerTerminal | null {
    const tty = proc.ttyOf(1);
    if (!tty) return null;
    try {
      return new PagerTerminal(proc, tty);
    } catch (err) {
      if (isSysError(err)) return null;
      throw err;
    }
  }

  get rows(): number {
    return Math.max(2, this.tty.rows);
  }

  get cols(): number {
    return Math.max(1, this.tty.cols);
  }

  write(text: string): Promise<void> {
    return this.proc.stdout.write(text);
  }

  /** The next key: a character, or a name for an escape sequence ("up", "pagedown"). Null if a signal interrupted the wait. */
  async key(): Promise<string | null> {
    while (this.queue.length === 0) {
      let chunk: string | null;
      try {
        chunk = await this.keyboard.read();
      } catch (err) {
        if (isSysError(err, "EINTR")) return null;
        throw err;
      }
      if (chunk === null) return "q";
      this.queue = decodeKeys(chunk);
    }
    return this.queue.shift() ?? null;
  }

  restore(): void {
    this.tty.termios = this.saved;
    try {
      this.proc.close(this.keyboardFd);
    } catch {
      // Already closed by the exit path.
    }
  }
}

/** xterm's cursor and editing keys, in both normal (CSI) and application (SS3) cursor modes. */
const SEQUENCES: Record<string, string> = {
  "\x1b[A": "up",
  "\x1bOA": "up",
  "\x1b[B": "down",
  "\x1bOB": "down",
  "\x1b[C": "right",
  "\x1bOC": "right",
  "\x1b[D": "left",
  "\x1bOD": "left",
  "\x1b[5~": "pageup",
  "\x1b[6~": "pagedown",
  "\x1b[H": "home",
  "\x1bOH": "home",
  "\x1b[1~": "home",
  "\x1b[F": "end",
  "\x1bOF": "end",
  "\x1b[4~": "end",
};

/** Splits what one read returned into keys. */
export function decodeKeys(chunk: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < chunk.length; ) {
    if (chunk[i] === "\x1b") {
      const match = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])/.exec(chunk.slice(i));
      if (match) {
        keys.push(SEQUENCES[match[0]] ?? match[0]);
        i += match[0].length;
        continue;
      }
    }
    const ch = String.fromCodePoint(chunk.codePointAt(i) ?? 0);
    keys.push(ch);
    i += ch.length;
  }
  return keys;
}
