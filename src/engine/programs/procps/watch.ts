import { SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { programName } from "../program";
import { ctime } from "./ctime";
import { terminalSize } from "./readproc";

const USAGE = ` [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -q, --equexit <cycles>
                         exit when output from command does not change
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -w, --no-wrap          turn off line wrapping
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

/** ncurses with TERM=xterm: the alternate screen, clearing, reverse video. */
const ENTER_SCREEN = "\x1b[?1049h\x1b[22;0;0t\x1b[H\x1b[2J";
const LEAVE_SCREEN = "\x1b[?1049l\x1b[23;0;0t";
const STANDOUT = "\x1b[7m";
const NORMAL = "\x1b(B\x1b[m";

/** watch(1), procps-ng 4.0.2: runs a command again and again, full screen, until interrupted. */
export const watch: Program = async (proc) => {
  const name = programName(proc);
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "bced::ghq:n:pvtwx",
      long: {
        color: "c",
        differences: "d::",
        help: "h",
        interval: "n:",
        beep: "b",
        errexit: "e",
        chgexit: "g",
        equexit: "q:",
        exec: "x",
        precise: "p",
        "no-title": "t",
        "no-wrap": "w",
        version: "v",
      },
      stopAtOperand: true,
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await proc.stderr.write(`${name}: ${err.message}\n\nUsage:\n ${name}${USAGE}`);
    return 1;
  }
  if (opts.has("h")) {
    await proc.stdout.write(`\nUsage:\n ${name}${USAGE}`);
    return 0;
  }
  if (opts.has("v")) {
    await proc.stdout.write("watch from procps-ng 4.0.2\n");
    return 0;
  }
  let interval = 2;
  const fromEnv = proc.env.WATCH_INTERVAL;
  if (fromEnv !== undefined) {
    interval = parseSeconds(fromEnv) ?? Number.NaN;
    if (Number.isNaN(interval)) {
      await proc.stderr.write(`${name}: Could not parse interval from WATCH_INTERVAL: '${fromEnv}'\n`);
      return 1;
    }
  }
  let maxCycles = 1;
  for (const [opt, value] of opts.list) {
    if (opt !== "n" && opt !== "q") continue;
    const n = parseSeconds(String(value));
    if (n === null) {
      await proc.stderr.write(`${name}: failed to parse argument: '${value}'\n`);
      return 1;
    }
    if (opt === "n") interval = n;
    else maxCycles = Math.trunc(n);
  }
  interval = Math.min(Math.max(interval, 0.1), 4_294_967_295);
  if (opts.operands.length === 0) {
    await proc.stderr.write(`\nUsage:\n ${name}${USAGE}`);
    return 1;
  }
  return new Watcher(proc, opts, interval, maxCycles).run();
};

/** strtod without locale: a decimal number, else null. */
function parseSeconds(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  return Number(t);
}

class Watcher {
  private stop = false;
  private resized = false;
  private previous: string[] | null = null;
  private readonly command: string;

  constructor(
    private readonly proc: Process,
    private readonly opts: ParsedOptions,
    private readonly interval: number,
    private readonly maxCycles: number,
  ) {
    this.command = opts.operands.join(" ");
  }

  async run(): Promise<number> {
    const proc = this.proc;
    for (const sig of [Signal.SIGINT, Signal.SIGTERM, Signal.SIGHUP]) proc.trap(sig, () => (this.stop = true));
    proc.trap(Signal.SIGWINCH, () => (this.resized = true));
    const tty = proc.ttyOf(1);
    const saved = tty ? { ...tty.termios } : null;
    if (tty) tty.termios = { ...tty.termios, icanon: false, echo: false, icrnl: false };
    let status = 0;
    let cycles = 0;
    try {
      await proc.stdout.write(ENTER_SCREEN);
      while (!this.stop) {
        const { cols, rows } = terminalSize(proc) ?? { cols: 80, rows: 24 };
        if (this.resized) {
          this.resized = false;
          this.previous = null;
        }
        const result = await this.cycle(cols, rows);
        if (result === "errexit") {
          status = 8;
          break;
        }
        if (this.opts.has("q")) {
          if (cycles === this.maxCycles && result === "exit") break;
          cycles = result === "exit" ? cycles + 1 : 0;
        } else if (result === "exit") break;
        await this.pause(this.interval * 1000);
      }
    } finally {
      if (tty && saved) tty.termios = saved;
    }
    await proc.stdout.write(`\x1b[${terminalSize(proc)?.rows ?? 24};1H${LEAVE_SCREEN}`);
    return status;
  }

  /** One run of the command, drawn on the screen. "exit" when -g/-q say to stop. */
  private async cycle(cols: number, rows: number): Promise<"continue" | "exit" | "errexit"> {
    const proc = this.proc;
    const titled = !this.opts.has("t");
    const { output, status } = await this.runCommand(cols * rows);
    const top = titled ? 2 : 0;
    const grid = layoutOutput(output, cols, rows - top, !this.opts.has("w"));
    let screen = "\x1b[H\x1b[2J";
    if (titled) screen += this.header(cols);
    const diff = this.opts.has("d") && this.previous !== null;
    grid.forEach((line, y) => {
      const before = this.previous?.[y] ?? "";
      let text = line;
      if (diff && line !== before) {
        text = [...line].map((ch, x) => (ch !== (before[x] ?? " ") ? `${STANDOUT}${ch}${NORMAL}` : ch)).join("");
      }
      if (line.trim() !== "" || diff) screen += `\x1b[${y + top + 1};1H${text}`;
    });
    const changed = this.previous !== null && grid.join("\n") !== this.previous.join("\n");
    const unchanged = this.previous !== null && !changed;
    this.previous = grid;
    if (status !== 0) {
      if (this.opts.has("b")) screen += "\x07";
      if (this.opts.has("e")) {
        screen += `\x1b[${rows};1Hcommand exit with a non-zero status, press a key to exit`;
        await proc.stdout.write(screen);
        await proc.stdin.read();
        return "errexit";
      }
    }
    await proc.stdout.write(screen);
    if (this.opts.has("g") && changed) return "exit";
    if (this.opts.has("q") && unchanged) return "exit";
    return "continue";
  }

  /** `Every 2.0s: cmd` on the left, `host: date` against the right edge (output_header). */
  private header(width: number): string {
    const left = `Every ${this.interval.toFixed(1)}s: `;
    // ctime's trailing newline counts in its length, so the date ends on the last column.
    const right = `${this.proc.hostname}: ${ctime(this.proc.now() / 1000)}`;
    const rlen = right.length + 1;
    if (width < rlen) return "";
    let out = "";
    if (rlen + left.length + 1 <= width) {
      out += `\x1b[1;1H${left}`;
      if (rlen + left.length + 2 <= width) {
        if (width < rlen + left.length + 4) out += `\x1b[1;${width - rlen - 4 + 1}H... `;
        else if (width < rlen + left.length + this.command.length) {
          out += this.command.slice(0, width - rlen - left.length - 4);
          out += `\x1b[1;${width - rlen - 4 + 1}H... `;
        } else out += this.command.slice(0, width - rlen - left.length);
      }
    }
    return `${out}\x1b[1;${width - rlen + 2}H${right}`;
  }

  /** Runs the command with its output and errors on a pipe; reads what fits on the screen. */
  private async runCommand(limit: number): Promise<{ output: string; status: number }> {
    const proc = this.proc;
    const argv = this.opts.has("x") ? this.opts.operands : ["sh", "-c", this.command];
    const [r, w] = proc.pipe();
    let pid: number;
    try {
      const path = proc.which(argv[0]);
      if (!path) throw new SysError("ENOENT", argv[0]);
      const exe = proc.executable(path, argv);
      pid = proc.spawn({ argv: exe.argv, program: exe.program, fds: { 1: w, 2: w } });
    } catch {
      proc.close(r);
      proc.close(w);
      return { output: `watch: unable to execute '${argv[0]}': No such file or directory\n`, status: 4 };
    }
    proc.close(w);
    let output = "";
    try {
      while (output.length < limit) {
        const chunk = await proc.read(r);
        if (chunk === null) break;
        output += chunk;
      }
    } catch (err) {
      if (!(err instanceof SysError && err.code === "EINTR")) throw err;
    }
    // Closing the pipe early is how watch stops a command whose output overflows the screen.
    proc.close(r);
    const status = await proc.wait(pid);
    return { output, status: status.signal ? 1 : status.code };
  }

  private async pause(ms: number): Promise<void> {
    try {
      await this.proc.sleep(ms);
    } catch (err) {
      if (!(err instanceof SysError && err.code === "EINTR")) throw err;
    }
  }
}

/**
 * run_command's screen filling: lines cut (or wrapped) at the width, tabs to the next
 * multiple of eight, unprintable characters dropped, a newline right after a full-width
 * wrapped line not counted twice.
 */
export function layoutOutput(output: string, width: number, height: number, wrap: boolean): string[] {
  const chars = [...output];
  let at = 0;
  const rows: string[] = [];
  let oldEol = true;
  for (let y = 0; y < height; y++) {
    let line = "";
    let eol = false;
    let tab = false;
    for (let x = 0; x < width; x++) {
      let c = " ";
      if (!eol) {
        if (!tab) {
          do c = chars[at++] ?? "\0";
          while (c !== "\0" && !isPrint(c) && c !== "\n" && c !== "\t");
          if (c === "\0") at--;
          if (c === "\n") {
            if (!oldEol && x === 0) {
              x = -1;
              continue;
            }
            eol = true;
          } else if (c === "\t") tab = true;
        }
        if (c === "\0" || c === "\n" || c === "\t") c = " ";
        if (tab && (x + 1) % 8 === 0) tab = false;
      }
      line += c;
    }
    oldEol = eol;
    rows.push(line.replace(/ +$/, ""));
    if (!wrap && !eol) {
      // --no-wrap: the rest of a cut line is dropped, up to and with its newline.
      while (at < chars.length && chars[at] !== "\n") at++;
      if (at < chars.length) at++;
      oldEol = true;
    }
  }
  return rows;
}

function isPrint(c: string): boolean {
  const code = c.codePointAt(0) as number;
  return (code >= 0x20 && code < 0x7f) || code >= 0xa0;
}
