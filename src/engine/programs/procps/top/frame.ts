import { HERTZ, type ProcEntry } from "../readproc";

/**
 * One screenful of top (procps-ng 4.0.2, top.c summary_show and task_show): the five
 * summary lines and the task table, as plain lines. top.ts adds the terminal control.
 */

/** A task with what this frame measured of it. */
export interface TaskRow {
  p: ProcEntry;
  user: string;
  /** %CPU over the last interval, per CPU (Irix mode). */
  cpu: number;
  mem: number;
}

export interface Summary {
  uptime: string;
  tasks: ProcEntry[];
  /** Deltas of /proc/stat's cpu line since the previous frame. */
  cpuDelta: number[];
  mem: Map<string, number>;
  threads: boolean;
}

/** A column of the task table: its header, width (-1: the variable COMMAND column), and value. */
interface Field {
  name: string;
  width: number;
  left: boolean;
  value: (row: TaskRow, opts: RowOptions) => string;
}

export interface RowOptions {
  cmdline: boolean;
  pidWidth: number;
}

/** Field names as top -O lists them and -o accepts, with what they sort by. */
export const SORT_KEYS: Record<string, (r: TaskRow) => number | string> = {
  PID: (r) => r.p.pid,
  PPID: (r) => r.p.ppid,
  UID: (r) => r.p.uid,
  USER: (r) => r.user,
  PR: (r) => r.p.priority,
  NI: (r) => r.p.nice,
  VIRT: (r) => r.p.vsz,
  RES: (r) => r.p.rss,
  SHR: (r) => r.p.shared,
  S: (r) => r.p.state,
  "%CPU": (r) => r.cpu,
  "%MEM": (r) => r.mem,
  "TIME+": (r) => r.p.utime + r.p.stime,
  TIME: (r) => r.p.utime + r.p.stime,
  COMMAND: (r) => r.p.comm,
  TTY: (r) => r.p.tty,
};

const FIELDS: Field[] = [
  { name: "PID", width: 0, left: false, value: (r) => String(r.p.pid) },
  { name: "USER", width: 8, left: true, value: (r) => r.user },
  { name: "PR", width: 3, left: false, value: (r) => (r.p.priority < -99 || r.p.priority > 999 ? "rt" : String(r.p.priority)) },
  { name: "NI", width: 3, left: false, value: (r) => String(r.p.nice) },
  { name: "VIRT", width: 7, left: false, value: (r) => scaleMem(r.p.vsz, 7) },
  { name: "RES", width: 6, left: false, value: (r) => scaleMem(r.p.rss, 6) },
  { name: "SHR", width: 6, left: false, value: (r) => scaleMem(r.p.shared, 6) },
  { name: "S", width: 1, left: false, value: (r) => r.p.state },
  { name: "%CPU", width: 5, left: false, value: (r) => scalePcnt(r.cpu, 5) },
  { name: "%MEM", width: 5, left: false, value: (r) => scalePcnt(r.mem, 5) },
  { name: "TIME+", width: 9, left: false, value: (r) => scaleTics(r.p.utime + r.p.stime, 9) },
  { name: "COMMAND", width: -1, left: true, value: (r, o) => (o.cmdline && r.p.cmdline.length ? r.p.cmdline.join(" ") : r.p.comm) },
];

/** The summary area: uptime, tasks, CPU states, memory and swap (without line ends). */
export function summaryLines(s: Summary): Array<Array<[string, boolean]>> {
  const count = (states: string) => s.tasks.filter((p) => states.includes(p.state)).length;
  const running = count("R");
  const stopped = count("Tt");
  const zombie = count("Z");
  const sleeping = s.tasks.length - running - stopped - zombie;
  const num = (n: number) => ` ${String(n).padStart(3)} `;
  const tasks: Array<[string, boolean]> = [
    [`${s.threads ? "Threads" : "Tasks"}:`, false],
    [num(s.tasks.length), true],
    ["total,", false],
    [num(running), true],
    ["running,", false],
    [num(sleeping), true],
    ["sleeping,", false],
    [num(stopped), true],
    ["stopped,", false],
    [num(zombie), true],
    ["zombie", false],
  ];
  const [us, ni, sy, id, wa, hi, si, st] = s.cpuDelta;
  let total = s.cpuDelta.reduce((a, b) => a + b, 0);
  let idle = id;
  if (total < 1) idle = total = 1;
  const scale = 100 / total;
  const pct = (n: number) => pct51(n * scale);
  const cpu: Array<[string, boolean]> = [["%Cpu(s):", false]];
  const states: Array<[number, string]> = [
    [us, "us,"],
    [sy, "sy,"],
    [ni, "ni,"],
    [idle, "id,"],
    [wa, "wa,"],
    [hi, "hi,"],
    [si, "si,"],
    [st, "st"],
  ];
  for (const [value, label] of states) cpu.push([`${pct(value)} `, true], [label, false]);
  cpu.push([" ", false]);
  const kb = (key: string) => s.mem.get(key) ?? 0;
  const mib = (n: number) => memField(n / 1024);
  const total_ = kb("MemTotal");
  const used = total_ - kb("MemAvailable") < 0 ? total_ - kb("MemFree") : total_ - kb("MemAvailable");
  const mem: Array<[string, boolean]> = [
    ["MiB Mem :", false],
    [` ${mib(total_)}`, true],
    ["total,", false],
    [` ${mib(kb("MemFree"))}`, true],
    ["free,", false],
    [` ${mib(used)}`, true],
    ["used,", false],
    [` ${mib(kb("Buffers") + kb("Cached") + kb("SReclaimable"))}`, true],
    ["buff/cache", false],
    ["     ", false],
  ];
  const swapTotal = kb("SwapTotal");
  const swap: Array<[string, boolean]> = [
    ["MiB Swap:", false],
    [` ${mib(swapTotal)}`, true],
    ["total,", false],
    [` ${mib(kb("SwapFree"))}`, true],
    ["free,", false],
    [` ${mib(swapTotal - kb("SwapFree"))}`, true],
    ["used.", false],
    [` ${mib(kb("MemAvailable"))}`, true],
    ["avail Mem ", false],
  ];
  return [[[`top -${s.uptime}`, false]], tasks, cpu, mem, swap];
}

/** "%#5.1f" */
function pct51(n: number): string {
  return n.toFixed(1).padStart(5);
}

/** A memory figure as "%#.1f " in at most 9 characters ("+" marks a cut). */
function memField(n: number): string {
  const text = `${n.toFixed(1)} `;
  if (text.length > 9) return `${text.slice(0, 8)}+`;
  return text.padStart(9);
}

/** The table's columns that fit `width`, and the width left to COMMAND (calibrate_fields). */
export function layout(width: number, pidWidth: number): { fields: Field[]; varWidth: number } {
  const fields: Field[] = [];
  let used = 0;
  for (const f of FIELDS) {
    const w = f.name === "PID" ? pidWidth : f.width;
    const len = (w < 0 ? f.name.length : w) + 1;
    if (width < used + len) break;
    fields.push({ ...f, width: w });
    used += len;
  }
  return { fields, varWidth: fields.some((f) => f.width < 0) ? "COMMAND".length + width - used : 0 };
}

/** The column header line, each column followed by its one-space pad. */
export function headerLine(fields: Field[], varWidth: number): string {
  return fields
    .map((f) => {
      const w = f.width < 0 ? varWidth : f.width;
      return `${f.left ? f.name.padEnd(w) : f.name.padStart(w)} `;
    })
    .join("");
}

/** One task row, each column followed by its pad (make_str's "+" marks what did not fit). */
export function taskLine(row: TaskRow, fields: Field[], varWidth: number, opts: RowOptions): string {
  return fields
    .map((f) => {
      const w = f.width < 0 ? varWidth : f.width;
      let text = f.value(row, opts).replace(/[\x00-\x1f\x7f]/g, "?");
      if (text.length > w) text = `${text.slice(0, Math.max(0, w - 1))}+`;
      return `${f.left ? text.padEnd(w) : text.padStart(w)} `;
    })
    .join("");
}

/** scale_mem: KiB as a number, or with m/g/t suffixes when it does not fit. */
function scaleMem(kib: number, width: number): string {
  let num = kib;
  const text = num.toFixed(0);
  if (text.length <= width) return text;
  for (const suffix of "mgtpe") {
    num /= 1024;
    const scaled = `${num.toFixed(1)}${suffix}`;
    if (scaled.length <= width) return scaled;
  }
  return "?";
}

/** scale_pcnt: "%#.1f", else "%*.0f". */
function scalePcnt(n: number, width: number): string {
  const one = n.toFixed(1);
  if (one.length <= width) return one;
  const zero = n.toFixed(0).padStart(width);
  return zero.length <= width ? zero : "?";
}

/** scale_tics for TIME+: minutes:seconds.hundredths, coarser when it grows. */
function scaleTics(ticks: number, width: number): string {
  const cent = Math.floor((ticks * 100) / HERTZ);
  const secs = Math.floor(cent / 100);
  const mins = Math.floor(secs / 60);
  const hours = Math.floor(mins / 60);
  const days = Math.floor(hours / 24);
  const weeks = Math.floor(days / 7);
  const two = (n: number) => String(n).padStart(2, "0");
  const candidates: string[] = [];
  if (mins < 361) candidates.push(`${mins}:${two(secs % 60)}.${two(cent % 100)}`, `${mins}:${two(secs % 60)}`);
  if (hours < 97) candidates.push(`${hours},${two(mins % 60)}`);
  if (days < 15) candidates.push(`${days}d+${hours % 24}h`, `${days}d`);
  candidates.push(`${weeks}w+${days % 7}d`, `${weeks}w`);
  return candidates.find((c) => c.length <= width) ?? "?";
}
