import type { Process } from "../../kernel/process";

/**
 * What procps' library (libproc2, readproc.c) gathers about a process, read the same way:
 * from /proc/<pid>/stat, status and cmdline, through the caller's filesystem. A container
 * whose /proc belongs to its own PID namespace shows its own processes.
 */
export interface ProcEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
  /** Foreground process group of the controlling terminal, -1 without one. */
  tpgid: number;
  /** Controlling terminal as ps names it (pts/0), or "?". */
  tty: string;
  /** R, S, D, T, Z... */
  state: string;
  comm: string;
  /** argv, empty for a zombie (ps then shows [comm]). */
  cmdline: string[];
  flags: number;
  uid: number;
  gid: number;
  /** CPU time used, in clock ticks (USER_HZ). */
  utime: number;
  stime: number;
  priority: number;
  nice: number;
  threads: number;
  /** Start time in clock ticks after boot. */
  start: number;
  /** KiB. */
  vsz: number;
  rss: number;
  /** Resident memory shared with other processes (top's SHR), KiB. */
  shared: number;
  processor: number;
  /** Where the process sleeps in the kernel, "-" when it runs (lookup_wchan). */
  wchan: string;
  /** Signal masks as /proc/<pid>/status shows them: 16 hex digits. */
  sigPending: string;
  sigBlocked: string;
  sigIgnored: string;
  sigCaught: string;
}

/** USER_HZ: the unit of /proc's times. */
export const HERTZ = 100;

/** Every process /proc lists, in PID order. Processes that exit while being read are skipped. */
export function readProcesses(proc: Process): ProcEntry[] {
  const fs = proc.fs;
  let names: string[];
  try {
    names = fs.readdir("/proc");
  } catch {
    return [];
  }
  const pids = names
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
  const out: ProcEntry[] = [];
  for (const pid of pids) {
    const entry = readProcess(proc, pid);
    if (entry) out.push(entry);
  }
  return out;
}

export function readProcess(proc: Process, pid: number): ProcEntry | null {
  const fs = proc.fs;
  try {
    const stat = fs.readText(`/proc/${pid}/stat`);
    const status = fs.readText(`/proc/${pid}/status`);
    const cmdline = fs.readText(`/proc/${pid}/cmdline`);
    let wchan = "?";
    try {
      wchan = fs.readText(`/proc/${pid}/wchan`) || "?";
    } catch {
      // lookup_wchan shows "?" when it cannot tell
    }
    return parse(pid, stat, status, cmdline, wchan);
  } catch {
    return null;
  }
}

function parse(pid: number, stat: string, status: string, cmdline: string, wchan: string): ProcEntry {
  // comm may hold spaces and parentheses: it ends at the last ")".
  const open = stat.indexOf("(");
  const close = stat.lastIndexOf(")");
  const comm = stat.slice(open + 1, close);
  const f = stat
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const num = (i: number) => Number(f[i]);
  const field = (key: string) => new RegExp(`^${key}:\\s*(.*)$`, "m").exec(status)?.[1] ?? "";
  const kb = (key: string) => Number.parseInt(field(key), 10) || 0;
  const args = cmdline === "" ? [] : cmdline.replace(/\0$/, "").split("\0");
  return {
    pid,
    comm,
    state: f[0],
    ppid: num(1),
    pgrp: num(2),
    session: num(3),
    tty: ttyName(num(4)),
    tpgid: num(5),
    flags: num(6),
    utime: num(11),
    stime: num(12),
    priority: num(15),
    nice: num(16),
    threads: num(17),
    start: num(19),
    vsz: Math.floor(num(20) / 1024),
    rss: num(21) * 4,
    processor: num(36),
    uid: Number.parseInt(field("Uid"), 10) || 0,
    gid: Number.parseInt(field("Gid"), 10) || 0,
    shared: kb("RssFile") + kb("RssShmem"),
    cmdline: args,
    wchan: wchan === "0" ? "-" : wchan.replace(/^[._]+/, ""),
    sigPending: field("SigPnd") || "0000000000000000",
    sigBlocked: field("SigBlk") || "0000000000000000",
    sigIgnored: field("SigIgn") || "0000000000000000",
    sigCaught: field("SigCgt") || "0000000000000000",
  };
}

/** The terminal a tty_nr (new_encode_dev) stands for, as ps's dev_to_tty names it. */
export function ttyName(ttyNr: number): string {
  if (ttyNr === 0) return "?";
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  if (major === 136) return `pts/${minor}`;
  if (major === 4) return `tty${minor}`;
  if (major === 5 && minor === 1) return "console";
  return "?";
}

/** /proc/meminfo as a map of kB values. */
export function readMeminfo(proc: Process): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of proc.fs.readText("/proc/meminfo").split("\n")) {
    const m = /^([^:]+):\s+(\d+)/.exec(line);
    if (m) out.set(m[1], Number(m[2]));
  }
  return out;
}

/** Seconds since boot (/proc/uptime). */
export function readUptime(proc: Process): number {
  return Number.parseFloat(proc.fs.readText("/proc/uptime").split(" ")[0]) || 0;
}

/** The 1, 5 and 15 minute load averages (/proc/loadavg). */
export function readLoadavg(proc: Process): number[] {
  return proc.fs
    .readText("/proc/loadavg")
    .split(" ")
    .slice(0, 3)
    .map((n) => Number.parseFloat(n) || 0);
}

/** The aggregate CPU line of /proc/stat: user nice system idle iowait irq softirq steal, in ticks. */
export function readCpuTimes(proc: Process): number[] {
  const line = proc.fs
    .readText("/proc/stat")
    .split("\n")
    .find((l) => l.startsWith("cpu "));
  return (line ?? "cpu 0 0 0 0 0 0 0 0")
    .split(/\s+/)
    .slice(1, 9)
    .map((n) => Number(n) || 0);
}

/** Number of CPUs: the cpuN lines of /proc/stat. */
export function readCpuCount(proc: Process): number {
  return proc.fs
    .readText("/proc/stat")
    .split("\n")
    .filter((l) => /^cpu\d/.test(l)).length;
}

/** The boot time in seconds since the epoch (btime of /proc/stat). */
export function readBootTime(proc: Process): number {
  const m = /^btime (\d+)/m.exec(proc.fs.readText("/proc/stat"));
  return m ? Number(m[1]) : Math.floor(proc.now() / 1000 - readUptime(proc));
}

/** User names by uid, from /etc/passwd. */
export function readUsers(proc: Process): Map<number, string> {
  return readIdFile(proc, "/etc/passwd");
}

/** Group names by gid, from /etc/group. */
export function readGroups(proc: Process): Map<number, string> {
  return readIdFile(proc, "/etc/group");
}

function readIdFile(proc: Process, path: string): Map<number, string> {
  const out = new Map<number, string>();
  try {
    for (const line of proc.fs.readText(path).split("\n")) {
      const [name, , id] = line.split(":");
      if (name && id !== undefined && !out.has(Number(id))) out.set(Number(id), name);
    }
  } catch {
    // no passwd: numbers only
  }
  return out;
}

/** pid_max, which sizes the PID columns of ps and top. */
export function pidWidth(proc: Process): number {
  try {
    return proc.fs.readText("/proc/sys/kernel/pid_max").trim().length;
  } catch {
    return 5;
  }
}

/** The caller itself, as /proc/self shows it. */
export function readSelf(proc: Process): ProcEntry | null {
  try {
    return readProcess(proc, Number(proc.fs.readlink("/proc/self")));
  } catch {
    return null;
  }
}

/** The size of the caller's terminal: stdout, stderr, stdin, then /dev/tty, as procps asks. */
export function terminalSize(proc: Process): { cols: number; rows: number } | null {
  for (const fd of [1, 2, 0]) {
    const tty = proc.ttyOf(fd);
    if (tty) return { cols: tty.cols, rows: tty.rows };
  }
  try {
    const fd = proc.open("/dev/tty", "r");
    const tty = proc.ttyOf(fd);
    proc.close(fd);
    if (tty) return { cols: tty.cols, rows: tty.rows };
  } catch {
    // no controlling terminal
  }
  return null;
}
