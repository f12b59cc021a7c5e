import { SysError } from "../../../kernel/errno";
import type { Program } from "../../../kernel/exec";
import type { Process } from "../../../kernel/process";
import { Signal } from "../../../kernel/signal";
import type { Tty } from "../../../kernel/tty";
import { programName } from "../../program";
import {
  HERTZ,
  type ProcEntry,
  pidWidth,
  readCpuCount,
  readCpuTimes,
  readMeminfo,
  readProcesses,
  readUptime,
  readUsers,
  terminalSize,
} from "../readproc";
import { uptimeLine } from "../uptime";
import { headerLine, layout, SORT_KEYS, summaryLines, type TaskRow, taskLine } from "./frame";

const USAGE = `
Usage:
 top [options]

Options:
 -b, --batch-mode                run in non-interactive batch mode
 -c, --cmdline-toggle            reverse last remembered 'c' state
 -d, --delay =SECS [.TENTHS]     iterative delay as SECS [.TENTHS]
 -E, --scale-summary-mem =SCALE  set mem as: k,m,g,t,p,e for SCALE
 -e, --scale-task-mem =SCALE     set mem with: k,m,g,t,p for SCALE
 -H, --threads-show              show tasks plus all their threads
 -i, --idle-toggle               reverse last remembered 'i' state
 -n, --iterations =NUMBER        exit on maximum iterations NUMBER
 -O, --list-fields               output all field names, then exit
 -o, --sort-override =FIELD      force sorting on this named FIELD
 -p, --pid =PIDLIST              monitor only the tasks in PIDLIST
 -S, --accum-time-toggle         reverse last remembered 'S' state
 -s, --secure-mode               run with secure mode restrictions
 -U, --filter-any-user =USER     show only processes owned by USER
 -u, --filter-only-euser =USER   show only processes owned by USER
 -w, --width [=COLUMNS]          change print width [,use COLUMNS]
 -1, --single-cpu-toggle         reverse last remembered '1' state

 -h, --help                      display this help text, then exit
 -V, --version                   output version information & exit

For more details see top(1).
`;

/** Terminal control top sends for TERM=xterm (terminfo smkx/rmkx, civis/cnorm, sgr0...). */
const KEYPAD_ON = "\x1b[?1h\x1b=";
const KEYPAD_OFF = "\x1b[?1l\x1b>";
const CURSOR_HIDE = "\x1b[?25l";
const CURSOR_SHOW = "\x1b[?12l\x1b[?25h";
const CLEAR = "\x1b[H\x1b[2J";
const HOME = "\x1b[H";
const CLR_EOL = "\x1b[K";
const CLR_EOS = "\x1b[J";
const NORMAL = "\x1b(B\x1b[m";
const BOLD = "\x1b[1m";
const REVERSE = "\x1b[7m";

/** How long top leaves a message on the screen (MSG_USLEEP). */
const MESSAGE_MS = 1250;

/** The pause between the two readings top takes before its first frame (LIB_USLEEP). */
const PRIME_MS = 150;

interface TopOptions {
  batch: boolean;
  cmdline: boolean;
  delayMs: number;
  iterations: number;
  pids: number[];
  user?: number;
  sortKey: string;
  ascending: boolean;
  width?: number;
  hideIdle: boolean;
  threads: boolean;
}

/** Ends top before it starts: a message for stdout (status 0) or stderr. */
class TopExit extends Error {
  constructor(
    readonly status: number,
    message = "",
  ) {
    super(message);
  }
}

/** top(1), procps-ng 4.0.2: a refreshing view of the system and its busiest processes. */
export const top: Program = async (proc) => {
  const name = programName(proc);
  let options: TopOptions;
  try {
    options = parseArgs(proc, proc.argv.slice(1));
  } catch (err) {
    if (!(err instanceof TopExit)) throw err;
    if (err.message) await (err.status ? proc.stderr : proc.stdout).write(err.status ? `${name}: ${err.message}\n` : err.message);
    return err.status;
  }
  const tty = options.batch ? null : proc.ttyOf(0);
  if (!options.batch && !tty) {
    await proc.stderr.write(`${name}: failed tty get\n`);
    return 1;
  }
  return tty ? interactive(proc, options, tty) : batch(proc, options);
};

function parseArgs(proc: Process, args: string[]): TopOptions {
  const o: TopOptions = {
    batch: false,
    cmdline: false,
    delayMs: 3000,
    iterations: -1,
    pids: [],
    sortKey: "%CPU",
    ascending: false,
    hideIdle: false,
    threads: false,
  };
  const long: Record<string, string> = {
    "batch-mode": "b",
    "cmdline-toggle": "c",
    delay: "d",
    "scale-summary-mem": "E",
    "scale-task-mem": "e",
    "threads-show": "H",
    help: "h",
    "idle-toggle": "i",
    iterations: "n",
    "list-fields": "O",
    "sort-override": "o",
    pid: "p",
    "accum-time-toggle": "S",
    "secure-mode": "s",
    "filter-any-user": "U",
    "filter-only-euser": "u",
    version: "V",
    width: "w",
    "single-cpu-toggle": "1",
  };
  const withArg = "dEenopUu";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-") || arg === "-") throw new TopExit(1, `unknown option '${arg}'`);
    const letters: Array<{ opt: string; attached: string | null }> = [];
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const key = arg.slice(2, eq < 0 ? undefined : eq);
      const match = Object.keys(long).filter((k) => k.startsWith(key));
      const full = long[key] ? key : match.length === 1 ? match[0] : undefined;
      if (!full || key === "") throw new TopExit(0, `top: unrecognized option '${arg}'\n`);
      letters.push({ opt: long[full], attached: eq < 0 ? null : arg.slice(eq + 1) });
    } else {
      for (let j = 1; j < arg.length; j++) {
        const opt = arg[j];
        if (!"bcdEeHhinOopSsUuVw1".includes(opt)) throw new TopExit(0, `top: invalid option -- '${opt}'\n`);
        if (withArg.includes(opt) || opt === "w") {
          letters.push({ opt, attached: arg.slice(j + 1) || null });
          break;
        }
        letters.push({ opt, attached: null });
      }
    }
    for (const { opt, attached } of letters) {
      // top's own fix-up: an argument may follow as the next word, with or without "=".
      let value = attached;
      if (value === null && (withArg.includes(opt) || opt === "w") && args[i + 1] !== undefined && !args[i + 1].startsWith("-"))
        value = args[++i];
      if (value?.startsWith("=")) value = value.slice(1);
      if (value === "" && withArg.includes(opt)) value = args[++i] ?? null;
      if (value === null && withArg.includes(opt)) throw new TopExit(1, `-${opt} argument missing`);
      applyOption(proc, o, opt, value);
    }
  }
  return o;
}

function applyOption(proc: Process, o: TopOptions, opt: string, value: string | null): void {
  const v = value as string;
  switch (opt) {
    case "b":
      o.batch = true;
      return;
    case "c":
      o.cmdline = !o.cmdline;
      return;
    case "d": {
      const secs = Number(v);
      if (v.trim() === "" || !Number.isFinite(secs)) throw new TopExit(1, `bad delay interval '${v}'`);
      if (secs < 0) throw new TopExit(1, "-d requires positive argument");
      o.delayMs = secs * 1000;
      return;
    }
    case "E":
    case "e":
      if (!/^[kmgtpe]$/i.test(v) || (opt === "e" && /e/i.test(v))) throw new TopExit(1, `bad memory scaling arg '${v}'`);
      return;
    case "H":
      o.threads = true;
      return;
    case "h":
      throw new TopExit(0, `${USAGE}\n`);
    case "i":
      o.hideIdle = !o.hideIdle;
      return;
    case "n": {
      const n = Number(v);
      if (!Number.isFinite(n) || n < 1) throw new TopExit(1, `bad iterations argument '${v}'`);
      o.iterations = Math.floor(n);
      return;
    }
    case "O":
      throw new TopExit(0, `${Object.keys(SORT_KEYS).join("\n")}\n`);
    case "o": {
      let key = v;
      if (key.startsWith("+")) {
        o.ascending = false;
        key = key.slice(1);
      } else if (key.startsWith("-")) {
        o.ascending = true;
        key = key.slice(1);
      }
      const found = Object.keys(SORT_KEYS).find((k) => k.toUpperCase() === key.toUpperCase());
      if (!found) throw new TopExit(1, `unrecognized field name '${key}'`);
      o.sortKey = found;
      return;
    }
    case "p":
      if (o.user !== undefined) throw new TopExit(1, "conflicting process selections (U/p/u)");
      for (const item of v.split(",")) {
        if (item === "") break;
        if (!/^\s*\d+/.test(item) || /[+\-.]/.test(item)) throw new TopExit(1, `bad pid '${item}'`);
        const pid = Number.parseInt(item, 10) || Number(proc.fs.readlink("/proc/self"));
        if (o.pids.length >= 20) throw new TopExit(1, "pid limit (20) exceeded");
        if (!o.pids.includes(pid)) o.pids.push(pid);
      }
      return;
    case "U":
    case "u": {
      if (o.pids.length || o.user !== undefined) throw new TopExit(1, "conflicting process selections (U/p/u)");
      const users = readUsers(proc);
      const uid = /^\d+$/.test(v) ? Number(v) : [...users.entries()].find(([, n]) => n === v)?.[0];
      if (uid === undefined) throw new TopExit(1, "Invalid user");
      o.user = uid;
      return;
    }
    case "V":
      throw new TopExit(0, "top from procps-ng 4.0.2\n");
    case "w": {
      if (value === null) {
        const cols = Number(proc.env.COLUMNS);
        o.width = Number.isInteger(cols) && cols > 0 ? Math.max(cols, 3) : 512;
        return;
      }
      const n = Number(value);
      if (!Number.isFinite(n) || n < 3 || n > 512) throw new TopExit(1, `bad width arg '${value}'`);
      o.width = Math.floor(n);
      return;
    }
  }
}

/** What one refresh saw: the processes and the CPU counters, to measure the next interval. */
interface Sample {
  uptime: number;
  ticks: Map<number, number>;
  cpu: number[];
}

class Sampler {
  private last: Sample | null = null;
  private readonly users: Map<number, string>;
  private readonly cpus: number;

  constructor(
    private readonly proc: Process,
    private readonly options: TopOptions,
  ) {
    this.users = readUsers(proc);
    this.cpus = Math.max(1, readCpuCount(proc));
  }

  /** Reads /proc and returns the frame's rows and summary; %CPU is over the time since the last call. */
  refresh(): { rows: TaskRow[]; tasks: ProcEntry[]; cpuDelta: number[]; mem: Map<string, number> } {
    const proc = this.proc;
    const uptime = readUptime(proc);
    const cpu = readCpuTimes(proc);
    const mem = readMeminfo(proc);
    const tasks = readProcesses(proc);
    let elapsed = this.last ? uptime - this.last.uptime : uptime;
    if (elapsed < 0.01) elapsed = 0.005;
    // Irix mode: a process using one CPU fully shows 100%.
    const scale = 100 / (HERTZ * elapsed);
    const memTotal = mem.get("MemTotal") ?? 1;
    const rows: TaskRow[] = [];
    for (const p of tasks) {
      const ticks = p.utime + p.stime;
      const before = this.last ? (this.last.ticks.get(p.pid) ?? 0) : 0;
      const cpuPct = Math.min(100 * Math.max(1, p.threads), (ticks - before) * scale, 100 * this.cpus);
      rows.push({ p, user: this.users.get(p.uid) ?? String(p.uid), cpu: Math.max(0, cpuPct), mem: (p.rss * 100) / memTotal });
    }
    const cpuDelta = this.last ? cpu.map((v, i) => v - (this.last?.cpu[i] ?? 0)) : cpu;
    this.last = { uptime, cpu, ticks: new Map(tasks.map((p) => [p.pid, p.utime + p.stime])) };
    // With -p top only ever reads those processes, so the Tasks line counts just them.
    const counted = this.options.pids.length ? tasks.filter((p) => this.options.pids.includes(p.pid)) : tasks;
    return { rows: this.select(rows), tasks: counted, cpuDelta, mem };
  }

  private select(rows: TaskRow[]): TaskRow[] {
    const o = this.options;
    let out = rows;
    if (o.pids.length) out = out.filter((r) => o.pids.includes(r.p.pid));
    if (o.user !== undefined) out = out.filter((r) => r.p.uid === o.user);
    if (o.hideIdle) out = out.filter((r) => r.cpu > 0 || r.p.state === "R");
    const key = SORT_KEYS[o.sortKey];
    const sign = o.ascending ? 1 : -1;
    return [...out].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return x === y ? 0 : x < y ? -sign : sign;
    });
  }
}

/** One frame as text: summary, message row, header, rows. `bold`/`reverse` are "" in batch mode. */
function renderFrame(proc: Process, sampler: Sampler, options: TopOptions, width: number, maxRows: number, tty: boolean): string[] {
  const { rows, tasks, cpuDelta, mem } = sampler.refresh();
  const summary = summaryLines({ uptime: uptimeLine(proc), tasks, cpuDelta, mem, threads: options.threads });
  const lines = summary.map((parts) => fitSummary(parts, width, tty));
  const { fields, varWidth } = layout(width, pidWidth(proc));
  const opts = { cmdline: options.cmdline, pidWidth: pidWidth(proc) };
  lines.push("");
  const header = headerLine(fields, varWidth);
  lines.push(tty ? `${REVERSE}${header}${NORMAL}` : header.trimEnd());
  for (const row of rows.slice(0, maxRows)) {
    const text = taskLine(row, fields, varWidth, opts);
    lines.push(tty ? `${NORMAL}${text}` : text.trimEnd());
  }
  return lines;
}

/** show_special: a summary line's pieces, cut at the screen width, numbers in bold on a terminal. */
function fitSummary(parts: Array<[string, boolean]>, width: number, tty: boolean): string {
  let room = width;
  let out = "";
  for (const [text, bold] of parts) {
    if (room <= 0) break;
    const piece = text.slice(0, room);
    room -= text.length;
    out += tty && bold ? `${BOLD}${piece}${NORMAL}` : piece;
  }
  return out;
}

async function batch(proc: Process, options: TopOptions): Promise<number> {
  let stop = false;
  for (const sig of [Signal.SIGINT, Signal.SIGTERM, Signal.SIGQUIT, Signal.SIGUSR1, Signal.SIGUSR2, Signal.SIGPIPE])
    proc.trap(sig, () => (stop = true));
  proc.trap(Signal.SIGHUP, "ignore");
  const width = options.width ?? 80;
  const sampler = new Sampler(proc, options);
  // top reads everything once, waits a moment, and measures its first frame from there.
  sampler.refresh();
  if (await pause(proc, PRIME_MS, () => stop)) return 0;
  for (let frame = 0; ; frame++) {
    const lines = renderFrame(proc, sampler, options, width, Number.POSITIVE_INFINITY, false);
    await proc.stdout.write((frame ? "\n\n" : "") + lines.join("\n"));
    if (options.iterations > 0 && frame + 1 >= options.iterations) break;
    if (await pause(proc, options.delayMs, () => stop)) break;
  }
  await proc.stdout.write("\n");
  return 0;
}

/** Sleeps on the virtual clock; true when a signal asked top to end. */
async function pause(proc: Process, ms: number, stopped: () => boolean): Promise<boolean> {
  try {
    await proc.sleep(ms);
  } catch (err) {
    if (!(err instanceof SysError && err.code === "EINTR")) throw err;
  }
  return stopped();
}

async function interactive(proc: Process, options: TopOptions, tty: Tty): Promise<number> {
  let stop = false;
  let resized = false;
  for (const sig of [Signal.SIGINT, Signal.SIGTERM, Signal.SIGQUIT, Signal.SIGHUP, Signal.SIGUSR1, Signal.SIGUSR2, Signal.SIGPIPE])
    proc.trap(sig, () => (stop = true));
  proc.trap(Signal.SIGWINCH, () => (resized = true));
  const saved = { ...tty.termios };
  // Raw keys without echo; ^C still reaches us as SIGINT.
  tty.termios = { ...tty.termios, icanon: false, echo: false };
  const sampler = new Sampler(proc, options);
  sampler.refresh();
  let rows = 24;
  let first = true;
  let frames = 0;
  try {
    await proc.stdout.write(KEYPAD_ON + CURSOR_HIDE);
    if (await pause(proc, PRIME_MS, () => stop)) return finish(proc, rows);
    for (;;) {
      const size = terminalSize(proc) ?? { cols: 80, rows: 24 };
      rows = size.rows;
      const width = Math.min(512, options.width ?? size.cols);
      const maxRows = Math.max(0, size.rows - 7);
      const lines = renderFrame(proc, sampler, options, width, maxRows, true);
      let out = first ? CLEAR : `${CURSOR_HIDE}${HOME}`;
      out += lines.map((l) => `${l}${CLR_EOL}`).join("\n");
      if (lines.length - 7 < maxRows) out += CLR_EOS;
      await proc.stdout.write(out);
      first = false;
      if (options.iterations > 0 && ++frames >= options.iterations) break;
      const key = await waitForKey(proc, tty, options.delayMs, () => stop || resized);
      if (stop) break;
      if (resized) {
        resized = false;
        first = true;
        continue;
      }
      if (key === null) continue;
      if (!handleKey(key, options)) {
        if (key === "q") break;
        await proc.stdout.write(`\x1b[6;1H${REVERSE} Unknown command - try 'h' for help ${NORMAL}${CURSOR_HIDE}${CLR_EOL}`);
        if (await pause(proc, MESSAGE_MS, () => stop)) break;
      }
    }
  } finally {
    tty.termios = saved;
  }
  return finish(proc, rows);
}

/** Puts the terminal back as top found it: keypad off, cursor below the screen and visible. */
async function finish(proc: Process, rows: number): Promise<number> {
  await proc.stdout.write(`${KEYPAD_OFF}\x1b[${rows + 1};1H\n${CURSOR_SHOW}${CLR_EOL}`);
  return 0;
}

/** The interactive commands top models; false for the ones it does not know. */
function handleKey(key: string, o: TopOptions): boolean {
  const sortBy: Record<string, string> = { M: "%MEM", P: "%CPU", N: "PID", T: "TIME+" };
  if (sortBy[key]) {
    o.sortKey = sortBy[key];
    return true;
  }
  switch (key) {
    case "c":
      o.cmdline = !o.cmdline;
      return true;
    case "i":
      o.hideIdle = !o.hideIdle;
      return true;
    case "R":
      o.ascending = !o.ascending;
      return true;
    case " ":
    case "\n":
    case "\r":
      return true;
    default:
      return false;
  }
}

/**
 * Waits up to `ms` for a keystroke, as top's select(2) on the terminal does, checking for
 * typed input as the virtual clock advances. Returns the key, or null when the time ran out.
 */
async function waitForKey(proc: Process, tty: Tty, ms: number, interrupted: () => boolean): Promise<string | null> {
  const step = 50;
  for (let waited = 0; waited < ms; waited += step) {
    if (tty.hasInput()) {
      const data = await proc.stdin.read();
      return data?.[0] ?? null;
    }
    if (await pause(proc, Math.min(step, ms - waited), interrupted)) return null;
  }
  return tty.hasInput() ? ((await proc.stdin.read())?.[0] ?? null) : null;
}
