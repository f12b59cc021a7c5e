import { ctime, gmtime, hhmm, hhmmss, MONTHS } from "../ctime";
import { HERTZ, type ProcEntry } from "../readproc";

/**
 * ps's output columns (procps-ng 4.0.2, ps/output.c format_array): the header, the
 * width, how the column is justified, and how a value is printed. Only the specifiers
 * a Linux ps user meets are here; the rest are refused as unknown.
 */
export type Justify = "left" | "right" | "user" | "wchan" | "unlimited" | "signal";

export interface FormatSpec {
  head: string;
  width: number;
  justify: Justify;
  /** The width follows pid_max's digits (PID, PPID, PGID...). */
  pidmax?: boolean;
  print: (p: ProcEntry, ctx: PsContext, room: number) => string;
  /** Sort key for --sort and k. */
  key: (p: ProcEntry, ctx: PsContext) => number | string;
  /** A column ps knows but has nothing to show in (pr_nop): it prints "-". */
  nop?: boolean;
}

/** What the printers need beyond the process itself. */
export interface PsContext {
  /** Seconds since the epoch, when ps started. */
  now: number;
  /** Boot time, seconds since the epoch (btime). */
  boot: number;
  /** Seconds since boot. */
  uptime: number;
  memTotalKb: number;
  users: Map<number, string>;
  groups: Map<number, string>;
  /** BSD n: numbers instead of user names and wchan. */
  userIsNumber: boolean;
  /** -f: comm shows the command line too. */
  unixF: boolean;
  /** BSD c: args shows the command name only. */
  bsdC: boolean;
  /** Forest art for the current row (" \\_ "), prepended to the command. */
  forest: string;
  /** Whether signal masks get 16 digits (there is room for them). */
  wideSignals: boolean;
  exe: (pid: number) => string;
}

/** CPU seconds used. */
const cpuSeconds = (p: ProcEntry) => Math.floor((p.utime + p.stime) / HERTZ);

/** Seconds since the process started. */
const elapsed = (p: ProcEntry, ctx: PsContext) => Math.max(0, ctx.uptime - p.start / HERTZ);

/** Start time in seconds since the epoch. */
const started = (p: ProcEntry, ctx: PsContext) => ctx.boot + Math.floor(p.start / HERTZ);

/** CPU time over elapsed time, in percent (libproc2's UTILIZATION). */
function utilization(p: ProcEntry, ctx: PsContext): number {
  const ticks = ctx.uptime * HERTZ - p.start;
  return ticks > 0 ? ((p.utime + p.stime) * 100) / ticks : 0;
}

/** %CPU in tenths, truncated as ps does. */
const pcpuTenths = (p: ProcEntry, ctx: PsContext) => Math.floor(utilization(p, ctx) * 10);

/** escape_str: control characters print as "?", and the text stops at the room left. */
function clip(text: string, room: number): string {
  const clean = text.replace(/[\x00-\x1f\x7f]/g, "?");
  return [...clean].slice(0, Math.max(0, room)).join("");
}

function commandLine(p: ProcEntry): string {
  if (p.cmdline.length === 0) return p.state === "Z" ? `[${p.comm}] <defunct>` : `[${p.comm}]`;
  return p.cmdline.join(" ");
}

/** The BSD STAT column: state, then <N (nice), s (session leader), l (threads), + (foreground). */
function stat(p: ProcEntry): string {
  let out = p.state;
  if (p.nice < 0) out += "<";
  if (p.nice > 0) out += "N";
  if (p.session === p.pid) out += "s";
  if (p.threads > 1) out += "l";
  if (p.pgrp === p.tpgid) out += "+";
  return out;
}

/** do_pr_name: a name too wide for the column ends in "+". */
function userName(uid: number, names: Map<number, string>, ctx: PsContext, room: number): string {
  const name = names.get(uid);
  if (ctx.userIsNumber || name === undefined) return String(uid);
  if (name.length <= room) return name;
  return room >= 1 ? `${name.slice(0, room - 1)}+` : String(uid);
}

/** help_pr_sig: the low 8 hex digits, or all 16 when the screen is wide enough. */
function signalMask(mask: string, ctx: PsContext): string {
  if (ctx.wideSignals) return mask.length > 8 ? mask : `00000000${mask}`;
  if (mask.length - (/^0*/.exec(mask)?.[0].length ?? 0) > 8) return `<${mask.slice(-8)}`;
  return mask.slice(-8);
}

/** [dd-]hh:mm:ss */
function cputime(seconds: number): string {
  const dd = Math.floor(seconds / 86_400);
  const rest = seconds % 86_400;
  const hms = `${pad2(Math.floor(rest / 3600))}:${pad2(Math.floor((rest % 3600) / 60))}:${pad2(rest % 60)}`;
  return dd ? `${dd}-${hms}` : hms;
}

/** [[dd-]hh:]mm:ss */
function etime(seconds: number): string {
  const s = Math.floor(seconds);
  const dd = Math.floor(s / 86_400);
  const hh = Math.floor(s / 3600) % 24;
  const mmss = `${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  return `${dd ? `${dd}-` : ""}${dd || hh ? `${pad2(hh)}:` : ""}${mmss}`;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** STIME/START: the time today, the day this year, else the year. */
function stime(p: ProcEntry, ctx: PsContext): string {
  const now = gmtime(ctx.now);
  const then = gmtime(started(p, ctx));
  if (now.year !== then.year) return String(then.year);
  if (now.yday !== then.yday) return `${MONTHS[then.month]}${pad2(then.day)}`;
  return hhmm(then);
}

/** STARTED: hh:mm:ss within a day, else "  Mmm dd". */
function start(p: ProcEntry, ctx: PsContext): string {
  const t = started(p, ctx);
  const tm = gmtime(t);
  if (t + 86_400 > ctx.now) return hhmmss(tm);
  return `  ${MONTHS[tm.month]} ${pad2(tm.day)}`;
}

/** BSD START: hh:mm within a day, else "Mmm dd", six characters. */
function bsdstart(p: ProcEntry, ctx: PsContext): string {
  const t = started(p, ctx);
  const text = ctime(t);
  return ctx.now - t > 86_400 ? text.slice(4, 10) : ` ${text.slice(11, 16)}`;
}

function schedClass(): string {
  return "TS";
}

const num = (get: (p: ProcEntry) => number) => ({ print: (p: ProcEntry) => String(get(p)), key: get });

const pidSpec = (head: string, get: (p: ProcEntry) => number): FormatSpec => ({
  head,
  width: 5,
  justify: "right",
  pidmax: true,
  ...num(get),
});

const right = (head: string, width: number, get: (p: ProcEntry) => number): FormatSpec => ({ head, width, justify: "right", ...num(get) });

const args = (head: string): FormatSpec => ({
  head,
  width: 27,
  justify: "unlimited",
  print: (p, ctx, room) => clip(ctx.forest + (ctx.bsdC ? p.comm : commandLine(p)), room),
  key: (p) => commandLine(p),
});

const comm = (head: string): FormatSpec => ({
  head,
  width: 15,
  justify: "unlimited",
  print: (p, ctx, room) => clip(ctx.forest + (ctx.unixF ? commandLine(p) : p.comm), room),
  key: (p) => p.comm,
});

const user = (head: string, width = 8): FormatSpec => ({
  head,
  width,
  justify: "user",
  print: (p, ctx, room) => userName(p.uid, ctx.users, ctx, room),
  key: (p, ctx) => ctx.users.get(p.uid) ?? String(p.uid),
});

const group = (head: string): FormatSpec => ({
  head,
  width: 8,
  justify: "user",
  print: (p, ctx, room) => userName(p.gid, ctx.groups, ctx, room),
  key: (p, ctx) => ctx.groups.get(p.gid) ?? String(p.gid),
});

const tty = (head: string, width = 8): FormatSpec => ({ head, width, justify: "left", print: (p) => p.tty, key: (p) => p.tty });

const signals = (head: string, get: (p: ProcEntry) => string): FormatSpec => ({
  head,
  width: 9,
  justify: "signal",
  print: (p, ctx) => signalMask(get(p), ctx),
  key: (p) => get(p),
});

const nop = (head: string, width: number, justify: Justify = "right"): FormatSpec => ({
  head,
  width,
  justify,
  print: () => "-",
  key: () => 0,
  nop: true,
});

const pcpu: FormatSpec = {
  head: "%CPU",
  width: 4,
  justify: "right",
  print: (p, ctx) => {
    const tenths = pcpuTenths(p, ctx);
    return tenths > 999 ? String(Math.floor(tenths / 10)) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
  },
  key: pcpuTenths,
};

const pmem: FormatSpec = {
  head: "%MEM",
  width: 4,
  justify: "right",
  print: (p, ctx) => {
    const permill = Math.min(999, Math.floor((p.rss * 1000) / ctx.memTotalKb));
    return `${String(Math.floor(permill / 10)).padStart(2)}.${permill % 10}`;
  },
  key: (p) => p.rss,
};

const time: FormatSpec = { head: "TIME", width: 8, justify: "right", print: (p) => cputime(cpuSeconds(p)), key: (p) => p.utime + p.stime };

const stateSpec: FormatSpec = { head: "S", width: 1, justify: "left", print: (p) => p.state, key: (p) => p.state };

const stimeSpec = (head: string): FormatSpec => ({ head, width: 5, justify: "right", print: stime, key: (p) => p.start });

const wchan: FormatSpec = {
  head: "WCHAN",
  width: 6,
  justify: "wchan",
  print: (p, _ctx, room) => p.wchan.slice(0, Math.max(0, room)),
  key: (p) => p.wchan,
};

export const FORMATS: Record<string, FormatSpec> = {
  "%cpu": pcpu,
  "%mem": pmem,
  addr: nop("ADDR", 4),
  addr_1: nop("ADDR", 1, "left"),
  args: args("COMMAND"),
  blocked: signals("BLOCKED", (p) => p.sigBlocked),
  bsdstart: { head: "START", width: 6, justify: "right", print: bsdstart, key: (p) => p.start },
  bsdtime: {
    head: "TIME",
    width: 6,
    justify: "right",
    print: (p) => {
      const s = cpuSeconds(p);
      return `${String(Math.floor(s / 60)).padStart(3)}:${pad2(s % 60)}`;
    },
    key: (p) => p.utime + p.stime,
  },
  c: {
    head: "C",
    width: 2,
    justify: "right",
    print: (p, ctx) => String(Math.min(99, Math.floor(utilization(p, ctx)))).padStart(2),
    key: pcpuTenths,
  },
  caught: signals("CAUGHT", (p) => p.sigCaught),
  cgroup: { head: "CGROUP", width: 27, justify: "unlimited", print: (_p, _c, room) => clip("0::/", room), key: () => "0::/" },
  class: { head: "CLS", width: 3, justify: "left", print: schedClass, key: () => 0 },
  cls: { head: "CLS", width: 3, justify: "right", print: schedClass, key: () => 0 },
  cmd: args("CMD"),
  comm: comm("COMMAND"),
  command: args("COMMAND"),
  cp: { head: "CP", width: 3, justify: "right", print: (p, ctx) => String(Math.min(999, pcpuTenths(p, ctx))).padStart(3), key: pcpuTenths },
  cputime: time,
  cputimes: right("TIME", 8, cpuSeconds),
  egid: right("EGID", 5, (p) => p.gid),
  egroup: group("EGROUP"),
  etime: { head: "ELAPSED", width: 11, justify: "right", print: (p, ctx) => etime(elapsed(p, ctx)), key: (p) => -p.start },
  etimes: { head: "ELAPSED", width: 7, justify: "right", print: (p, ctx) => String(Math.floor(elapsed(p, ctx))), key: (p) => -p.start },
  euid: right("EUID", 5, (p) => p.uid),
  euser: user("EUSER"),
  exe: {
    head: "EXE",
    width: 27,
    justify: "unlimited",
    print: (p, ctx, room) => clip(ctx.exe(p.pid), room),
    key: (p, ctx) => ctx.exe(p.pid),
  },
  f: right("F", 1, (p) => (p.flags >> 6) & 7),
  flag: right("F", 1, (p) => (p.flags >> 6) & 7),
  flags: right("F", 1, (p) => (p.flags >> 6) & 7),
  fname: { head: "COMMAND", width: 8, justify: "left", print: (p, ctx) => clip(ctx.forest + p.comm, 8), key: (p) => p.comm },
  gid: right("GID", 5, (p) => p.gid),
  group: group("GROUP"),
  ignored: signals("IGNORED", (p) => p.sigIgnored),
  intpri: right("PRI", 3, (p) => 60 + p.priority),
  // No SELinux or AppArmor label to show: the playground's kernel has no LSM.
  label: { head: "LABEL", width: 31, justify: "left", print: () => "-", key: () => "-" },
  lstart: {
    head: "STARTED",
    width: 24,
    justify: "right",
    print: (p, ctx) => ctime(started(p, ctx)),
    key: (p) => p.start,
  },
  lwp: pidSpec("LWP", (p) => p.pid),
  ni: right("NI", 3, (p) => p.nice),
  nice: right("NI", 3, (p) => p.nice),
  nlwp: right("NLWP", 4, (p) => p.threads),
  nwchan: nop("WCHAN", 6),
  opri: right("PRI", 3, (p) => 60 + p.priority),
  pcpu,
  pending: signals("PENDING", (p) => p.sigPending),
  pgid: pidSpec("PGID", (p) => p.pgrp),
  pgrp: pidSpec("PGRP", (p) => p.pgrp),
  pid: pidSpec("PID", (p) => p.pid),
  pmem,
  policy: { head: "POL", width: 3, justify: "left", print: schedClass, key: () => 0 },
  ppid: pidSpec("PPID", (p) => p.ppid),
  pri: right("PRI", 3, (p) => 39 - p.priority),
  priority: right("PRI", 3, (p) => p.priority),
  psr: right("PSR", 3, (p) => p.processor),
  rgid: right("RGID", 5, (p) => p.gid),
  rgroup: group("RGROUP"),
  rss: right("RSS", 5, (p) => p.rss),
  rssize: right("RSS", 5, (p) => p.rss),
  rsz: right("RSZ", 5, (p) => p.rss),
  ruid: right("RUID", 5, (p) => p.uid),
  ruser: user("RUSER"),
  s: stateSpec,
  sess: pidSpec("SESS", (p) => p.session),
  session: pidSpec("SESS", (p) => p.session),
  sid: pidSpec("SID", (p) => p.session),
  sig: signals("PENDING", (p) => p.sigPending),
  sig_block: signals("BLOCKED", (p) => p.sigBlocked),
  sig_ignore: signals("IGNORED", (p) => p.sigIgnored),
  sigcatch: signals("CAUGHT", (p) => p.sigCaught),
  sigignore: signals("IGNORED", (p) => p.sigIgnored),
  sigmask: signals("BLOCKED", (p) => p.sigBlocked),
  spid: pidSpec("SPID", (p) => p.pid),
  start: { head: "STARTED", width: 8, justify: "right", print: start, key: (p) => p.start },
  start_time: stimeSpec("START"),
  stat: { head: "STAT", width: 4, justify: "left", print: stat, key: (p) => p.state },
  state: stateSpec,
  stime: stimeSpec("STIME"),
  suid: right("SUID", 5, (p) => p.uid),
  suser: user("SUSER"),
  sz: right("SZ", 5, (p) => Math.floor(p.vsz / 4)),
  tgid: pidSpec("TGID", (p) => p.pid),
  thcount: right("THCNT", 5, (p) => p.threads),
  tid: pidSpec("TID", (p) => p.pid),
  time,
  times: right("TIME", 8, cpuSeconds),
  tname: tty("TTY"),
  tpgid: pidSpec("TPGID", (p) => p.tpgid),
  tt: tty("TT"),
  tty: tty("TT"),
  tty4: tty("TTY", 4),
  tty8: tty("TTY"),
  ucmd: comm("CMD"),
  ucomm: comm("COMMAND"),
  uid: right("UID", 5, (p) => p.uid),
  uid_hack: user("UID"),
  uname: user("USER"),
  user: user("USER"),
  vsize: right("VSZ", 6, (p) => p.vsz),
  vsz: right("VSZ", 6, (p) => p.vsz),
  wchan,
};

/** Named lists of columns (ps/output.c macro_array): the formats the flags select. */
export const MACROS: Record<string, string> = {
  DefBSD: "pid,tname,stat,bsdtime,args",
  DefSysV: "pid,tname,time,cmd",
  END_BSD: "state,tname,cputime,comm",
  END_SYS5: "state,tname,time,command",
  OL_j: "ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args",
  OL_l: "flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args",
  OL_s: "uid,pid,pending,sig_block,sig_ignore,caught,stat,tname,bsdtime,args",
  OL_u: "user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args",
  Std_f: "uid_hack,pid,ppid,c,stime,tname,time,cmd",
  Std_fl: "f,s,uid_hack,pid,ppid,c,opri,ni,addr,sz,wchan,stime,tname,time,cmd",
  Std_l: "f,s,uid,pid,ppid,c,opri,ni,addr,sz,wchan,tname,time,ucmd",
};
