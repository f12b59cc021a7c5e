import type { FileSystem, FileType, StatFs, Stats } from "../fs/filesystem";
import { MountTable } from "../fs/mount";
import { resolvePath } from "../fs/path";
import { SysError } from "./errno";
import type { OpenFile } from "./fd";
import type { Kernel } from "./kernel";
import type { PidNamespace } from "./namespace";
import { TICK_US } from "./process";
import type { Task } from "./task";

/**
 * /proc, generated on every read from the kernel's live tasks, as the PID namespace it
 * was mounted for sees them (a container's /proc shows its own PID 1). ps, top, free,
 * uptime and pgrep read it, as procps does, so they and `cat /proc/...` always agree.
 */

/** CPUs of a playground host; coreutils' nproc reports the same (ONLINE_CPUS). */
export const CPUS = 8;

/** USER_HZ: the unit of the times in /proc/<pid>/stat and /proc/stat. */
export const CLOCK_TICKS = 100;

/** A 4 GiB instance: what is left of it once the firmware and kernel image took their share. */
const MEM_TOTAL_KB = 4_010_232;

/** Memory the kernel and the rest of the system hold, outside the processes we model. */
const SYSTEM_USED_KB = 162_400;
const BUFFERS_KB = 38_212;
const CACHED_KB = 412_044;
const SRECLAIMABLE_KB = 61_236;
const SHMEM_KB = 1_172;

/** pid_max on Ubuntu (systemd raises it to 2^22): ps sizes its PID columns by it. */
const PID_MAX = 4_194_304;

/**
 * What the binaries a playground runs weigh, in KiB (VSZ, RSS), as measured on a Debian 12
 * host with procps' ps. A program model that knows better declares it with setMemory.
 */
const PROGRAM_MEMORY: Record<string, { vsz: number; rss: number }> = {
  awk: { vsz: 6_320, rss: 3_864 },
  bash: { vsz: 5_592, rss: 4_164 },
  cat: { vsz: 3_060, rss: 1_752 },
  cut: { vsz: 2_928, rss: 1_736 },
  find: { vsz: 4_644, rss: 2_688 },
  grep: { vsz: 3_892, rss: 2_216 },
  head: { vsz: 2_952, rss: 1_720 },
  init: { vsz: 2_404, rss: 1_364 },
  less: { vsz: 5_272, rss: 2_896 },
  ps: { vsz: 8_680, rss: 4_660 },
  sed: { vsz: 3_840, rss: 2_264 },
  sh: { vsz: 4_492, rss: 3_392 },
  sleep: { vsz: 2_920, rss: 1_820 },
  sort: { vsz: 11_316, rss: 1_688 },
  tail: { vsz: 2_952, rss: 1_716 },
  tee: { vsz: 2_924, rss: 1_696 },
  top: { vsz: 9_056, rss: 5_184 },
  tr: { vsz: 2_944, rss: 1_724 },
  uniq: { vsz: 2_928, rss: 1_768 },
  watch: { vsz: 3_472, rss: 2_572 },
  wc: { vsz: 2_932, rss: 1_736 },
  xargs: { vsz: 3_216, rss: 1_808 },
};

/** Task.memory's default, meaning "the program model declared nothing". */
const UNDECLARED = { vsz: 2_400, rss: 1_200 };

/** The command name the kernel keeps: the executable's name, never a login shell's leading dash. */
export function taskComm(task: Task): string {
  return task.comm.replace(/^-/, "").slice(0, 15);
}

/** VSZ and RSS of a task in KiB; a zombie holds no memory. */
export function taskMemory(task: Task): { vsz: number; rss: number } {
  if (!task.alive) return { vsz: 0, rss: 0 };
  const declared = task.memory;
  if (declared.vsz === UNDECLARED.vsz && declared.rss === UNDECLARED.rss) return PROGRAM_MEMORY[taskComm(task)] ?? declared;
  return declared;
}

// --- the tree ---------------------------------------------------------------

interface ProcNode {
  type: FileType;
  mode: number;
  uid?: number;
  gid?: number;
  /** Modification time shown by ls -l: the process's start for its entries. */
  time?: number;
  size?: number;
  read?: () => string;
  write?: (data: string) => void;
  link?: () => string;
  /** A directory's entries, built when it is looked at. */
  entries?: () => Map<string, ProcNode>;
}

const file = (read: () => string, mode = 0o444): ProcNode => ({ type: "file", mode, read });
const symlink = (link: () => string): ProcNode => ({ type: "symlink", mode: 0o777, link });
const dir = (entries: () => Map<string, ProcNode>, mode = 0o555): ProcNode => ({ type: "dir", mode, entries });

/** Inode numbers of objects that have no number of their own (pipes, namespaces), per kernel. */
class InodeTable {
  private readonly ids = new WeakMap<object, number>();
  private next: number;

  constructor(first: number) {
    this.next = first;
  }

  of(object: object, fixed?: number): number {
    let id = this.ids.get(object);
    if (id === undefined) {
      id = fixed ?? this.next++;
      this.ids.set(object, id);
    }
    return id;
  }
}

/** Namespace inode numbers of the initial namespaces, as every Linux boot numbers them. */
const INIT_NS = {
  cgroup: 4_026_531_835,
  ipc: 4_026_531_839,
  mnt: 4_026_531_841,
  net: 4_026_531_840,
  pid: 4_026_531_836,
  time: 4_026_531_834,
  user: 4_026_531_837,
  uts: 4_026_531_838,
};

/** What one kernel's procfs mounts share: inode numbers and the load average. */
interface KernelState {
  pipes: InodeTable;
  namespaces: InodeTable;
  load: LoadAverage;
}

const kernelStates = new WeakMap<Kernel, KernelState>();

function stateOf(kernel: Kernel): KernelState {
  let state = kernelStates.get(kernel);
  if (!state) {
    state = { pipes: new InodeTable(24_061), namespaces: new InodeTable(4_026_532_161), load: new LoadAverage(kernel.bootTime) };
    kernelStates.set(kernel, state);
  }
  return state;
}

/**
 * The load average as Linux computes it (kernel/sched/loadavg.c): every 5 seconds each
 * figure decays towards the number of tasks using the CPU. The playground has no timer
 * for it, so it catches up when read, taking the CPU the tasks used meanwhile as that number.
 */
class LoadAverage {
  private readonly averages = [0, 0, 0];
  private lastTime: number;
  private lastBusyMs = 0;

  constructor(bootTime: number) {
    this.lastTime = bootTime;
  }

  read(now: number, busyMs: number): number[] {
    const periods = Math.floor((now - this.lastTime) / 5000);
    if (periods > 0) {
      const elapsed = periods * 5000;
      const active = Math.min(CPUS, Math.max(0, (busyMs - this.lastBusyMs) / (now - this.lastTime)));
      const windows = [60, 300, 900];
      for (let i = 0; i < 3; i++) {
        const decay = Math.exp(-elapsed / 1000 / windows[i]);
        this.averages[i] = this.averages[i] * decay + active * (1 - decay);
      }
      this.lastTime += elapsed;
      this.lastBusyMs = busyMs;
    }
    return [...this.averages];
  }
}

export class ProcFs implements FileSystem {
  private readonly state: KernelState;

  constructor(
    private readonly kernel: Kernel,
    private readonly pidNs: PidNamespace,
  ) {
    this.state = stateOf(kernel);
  }

  // --- FileSystem --------------------------------------------------------

  stat(path: string): Stats {
    return this.lstat(path);
  }

  lstat(path: string): Stats {
    const node = this.lookup(path);
    const t = node.time ?? this.kernel.bootTime;
    return {
      type: node.type,
      mode: node.mode,
      size: node.size ?? 0,
      uid: node.uid ?? 0,
      gid: node.gid ?? 0,
      nlink: node.type === "dir" ? 2 : 1,
      ino: 0,
      mtimeMs: t,
      atimeMs: t,
      ctimeMs: t,
    };
  }

  exists(path: string): boolean {
    try {
      this.lookup(path);
      return true;
    } catch {
      return false;
    }
  }

  readFile(path: string): Uint8Array {
    return utf8(this.readText(path));
  }

  readText(path: string): string {
    const node = this.lookup(path);
    if (node.type === "dir") throw new SysError("EISDIR", path);
    if (!node.read) throw new SysError("EINVAL", path);
    return node.read();
  }

  writeFile(path: string, data: string | Uint8Array): void {
    let node: ProcNode;
    try {
      node = this.lookup(path);
    } catch (err) {
      // procfs has no room for new files: creating one fails as on Linux.
      throw err instanceof SysError && err.code === "ENOENT" ? new SysError("ENOENT", path) : err;
    }
    if (node.type === "dir") throw new SysError("EISDIR", path);
    if (!node.write) throw new SysError("EIO", path);
    node.write(typeof data === "string" ? data : String.fromCharCode(...data));
  }

  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (!node.entries) throw new SysError("ENOTDIR", path);
    return [...node.entries().keys()];
  }

  mkdir(path: string): void {
    throw new SysError(this.exists(path) ? "EEXIST" : "ENOENT", path);
  }

  rmdir(path: string): void {
    this.lookup(path);
    throw new SysError("EPERM", path);
  }

  unlink(path: string): void {
    this.lookup(path);
    throw new SysError("EPERM", path);
  }

  rename(from: string): void {
    this.lookup(from);
    throw new SysError("EPERM", from);
  }

  symlink(_target: string, path: string): void {
    throw new SysError(this.exists(path) ? "EEXIST" : "ENOENT", path);
  }

  readlink(path: string): string {
    const node = this.lookup(path);
    if (!node.link) throw new SysError("EINVAL", path);
    return node.link();
  }

  realpath(path: string): string {
    this.lookup(path);
    return path;
  }

  chmod(path: string): void {
    this.lookup(path);
    throw new SysError("EPERM", path);
  }

  chown(path: string): void {
    this.lookup(path);
    throw new SysError("EPERM", path);
  }

  utimes(path: string): void {
    this.lookup(path);
    throw new SysError("EPERM", path);
  }

  statfs(): StatFs {
    return { type: "proc", source: "proc", blockSize: 4096, blocks: 0, blocksFree: 0, files: 0, filesFree: 0 };
  }

  private lookup(path: string): ProcNode {
    let node = this.root();
    for (const name of path.split("/").filter(Boolean)) {
      if (!node.entries) throw new SysError("ENOTDIR", path);
      const next = node.entries().get(name);
      if (!next) throw new SysError("ENOENT", path);
      node = next;
    }
    return node;
  }

  // --- /proc -------------------------------------------------------------

  private root(): ProcNode {
    return dir(() => {
      const entries = new Map<string, ProcNode>();
      for (const task of this.pidNs.tasks()) entries.set(String(this.pidOf(task)), this.processDir(task));
      entries.set(
        "cmdline",
        file(() => KERNEL_CMDLINE),
      );
      entries.set("cpuinfo", file(cpuinfo));
      entries.set(
        "filesystems",
        file(() => FILESYSTEMS),
      );
      entries.set(
        "loadavg",
        file(() => this.loadavg()),
      );
      entries.set(
        "meminfo",
        file(() => this.meminfo()),
      );
      entries.set(
        "mounts",
        symlink(() => "self/mounts"),
      );
      entries.set(
        "self",
        symlink(() => this.self()),
      );
      entries.set(
        "stat",
        file(() => this.stat_()),
      );
      entries.set(
        "swaps",
        file(() => "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"),
      );
      entries.set("sys", this.sysDir());
      entries.set(
        "uptime",
        file(() => this.uptime()),
      );
      entries.set(
        "version",
        file(() => this.version()),
      );
      return entries;
    });
  }

  private self(): string {
    const current = this.kernel.current();
    const pid = current ? this.pidNs.pidOf(current) : undefined;
    if (pid === undefined) throw new SysError("ENOENT", "/self");
    return String(pid);
  }

  private sysDir(): ProcNode {
    const kernelDir = dir(() => {
      const uts = () => (this.kernel.current() ?? this.kernel.task(1))?.ns.uts ?? this.kernel.initNs.uts;
      return new Map<string, ProcNode>([
        [
          "hostname",
          {
            ...file(() => `${uts().hostname}\n`, 0o644),
            write: (data) => {
              uts().hostname = data.replace(/\n$/, "");
            },
          },
        ],
        ["osrelease", file(() => `${this.kernel.uname.release}\n`)],
        ["ostype", file(() => `${this.kernel.uname.sysname}\n`)],
        ["pid_max", file(() => `${PID_MAX}\n`, 0o644)],
        ["version", file(() => `${this.kernel.uname.version}\n`)],
      ]);
    });
    return dir(() => new Map([["kernel", kernelDir]]));
  }

  private uptime(): string {
    const up = (this.kernel.clock.now() - this.kernel.bootTime) / 1000;
    const idle = Math.max(0, up * CPUS - this.busyMs() / 1000);
    return `${up.toFixed(2)} ${idle.toFixed(2)}\n`;
  }

  private loadavg(): string {
    const [one, five, fifteen] = this.loadAverages();
    const tasks = this.pidNs.tasks().filter((t) => t.alive);
    const running = tasks.filter((t) => t.state === "R").length;
    const last = this.kernel.initNs.pid.peek() - 1;
    return `${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} ${running}/${tasks.length} ${last}\n`;
  }

  /** The 1, 5 and 15 minute load averages. */
  loadAverages(): number[] {
    return this.state.load.read(this.kernel.clock.now(), this.busyMs());
  }

  private busyMs(): number {
    return (this.kernel.cpuTicks() * TICK_US) / 1000;
  }

  private meminfo(): string {
    let rss = 0;
    let vsz = 0;
    for (const task of this.kernel.allTasks()) {
      const mem = taskMemory(task);
      rss += mem.rss;
      vsz += mem.vsz;
    }
    const used = SYSTEM_USED_KB + rss;
    const cache = BUFFERS_KB + CACHED_KB + SRECLAIMABLE_KB;
    const free = MEM_TOTAL_KB - used - cache;
    const anon = Math.round(rss * 0.3) + 48_000;
    const lines: Array<[string, number]> = [
      ["MemTotal", MEM_TOTAL_KB],
      ["MemFree", free],
      ["MemAvailable", MEM_TOTAL_KB - used],
      ["Buffers", BUFFERS_KB],
      ["Cached", CACHED_KB],
      ["SwapCached", 0],
      ["Active", Math.round(CACHED_KB * 0.45) + anon],
      ["Inactive", Math.round(CACHED_KB * 0.55) + BUFFERS_KB],
      ["Active(anon)", anon],
      ["Inactive(anon)", 0],
      ["Active(file)", Math.round(CACHED_KB * 0.45)],
      ["Inactive(file)", Math.round(CACHED_KB * 0.55) + BUFFERS_KB],
      ["Unevictable", 0],
      ["Mlocked", 0],
      ["SwapTotal", 0],
      ["SwapFree", 0],
      ["Dirty", 64],
      ["Writeback", 0],
      ["AnonPages", anon],
      ["Mapped", Math.round(rss * 0.6) + 52_000],
      ["Shmem", SHMEM_KB],
      ["KReclaimable", SRECLAIMABLE_KB],
      ["Slab", SRECLAIMABLE_KB + 29_880],
      ["SReclaimable", SRECLAIMABLE_KB],
      ["SUnreclaim", 29_880],
      ["KernelStack", 3_184],
      ["PageTables", 2_968],
      ["CommitLimit", Math.floor(MEM_TOTAL_KB / 2)],
      ["Committed_AS", 310_000 + vsz],
      ["VmallocTotal", 34_359_738_367],
      ["VmallocUsed", 14_140],
      ["VmallocChunk", 0],
      ["HugePages_Total", 0],
      ["HugePages_Free", 0],
      ["HugePages_Rsvd", 0],
      ["HugePages_Surp", 0],
      ["Hugepagesize", 2048],
    ];
    return lines
      .map(([key, kb]) => {
        const label = `${key}:`.padEnd(16);
        return key.startsWith("HugePages_") ? `${label}${String(kb).padStart(8)}\n` : `${label}${String(kb).padStart(8)} kB\n`;
      })
      .join("");
  }

  /** /proc/stat: the CPU time counters top turns into its %Cpu(s) line. */
  private stat_(): string {
    const now = this.kernel.clock.now();
    const jiffies = Math.floor(((now - this.kernel.bootTime) / 1000) * CLOCK_TICKS);
    const busy = Math.floor(this.busyMs() / (1000 / CLOCK_TICKS));
    const idle = Math.max(0, jiffies * CPUS - busy);
    const cpuLine = (name: string, user: number, idleTicks: number) => `${name} ${user} 0 0 ${idleTicks} 0 0 0 0 0 0\n`;
    let out = cpuLine("cpu ", busy, idle);
    // The scheduler runs one task at a time: its work shows on cpu0.
    for (let i = 0; i < CPUS; i++) out += cpuLine(`cpu${i}`, i === 0 ? busy : 0, i === 0 ? Math.max(0, jiffies - busy) : jiffies);
    const tasks = this.kernel.allTasks().filter((t) => t.alive);
    out += `intr ${jiffies * CPUS}\n`;
    out += `ctxt ${this.kernel.cpuTicks()}\n`;
    out += `btime ${Math.floor(this.kernel.bootTime / 1000)}\n`;
    out += `processes ${this.kernel.initNs.pid.peek() - 1}\n`;
    out += `procs_running ${tasks.filter((t) => t.state === "R").length}\n`;
    out += "procs_blocked 0\n";
    return out;
  }

  private version(): string {
    const u = this.kernel.uname;
    return `${u.sysname} version ${u.release} (buildd@lcy02-amd64-093) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.3.0-6ubuntu2~24.04) 13.3.0, GNU ld (GNU Binutils for Ubuntu) 2.42) ${u.version}\n`;
  }

  // --- /proc/<pid> -------------------------------------------------------

  private pidOf(task: Task | undefined): number {
    return (task && this.pidNs.pidOf(task)) ?? 0;
  }

  /** The PID in this namespace of the task a host PID names (0 when it is outside). */
  private translate(hostPid: number): number {
    return this.pidOf(this.kernel.task(hostPid));
  }

  private processDir(task: Task): ProcNode {
    const owned = (node: ProcNode): ProcNode => ({ ...node, uid: task.uid, gid: task.gid, time: task.startTime });
    const whenAlive = (get: () => string) => () => {
      if (!task.alive) throw new SysError("ENOENT");
      return get();
    };
    return owned(
      dir(
        () =>
          new Map<string, ProcNode>(
            (
              [
                ["cgroup", file(() => "0::/\n")],
                ["cmdline", file(() => (task.alive ? task.argv.map((a) => `${a}\0`).join("") : ""))],
                ["comm", file(() => `${taskComm(task)}\n`, 0o644)],
                ["cwd", symlink(whenAlive(() => task.cwd))],
                [
                  "environ",
                  file(
                    () =>
                      task.alive
                        ? Object.entries(task.env)
                            .map(([k, v]) => `${k}=${v}\0`)
                            .join("")
                        : "",
                    0o400,
                  ),
                ],
                ["exe", symlink(whenAlive(() => this.exe(task)))],
                ["fd", { ...dir(() => this.fdEntries(task), 0o500), size: task.fds.entries().length }],
                ["mounts", file(() => mountsOf(task))],
                ["ns", dir(() => this.nsEntries(task), 0o511)],
                ["root", symlink(whenAlive(() => "/"))],
                ["stat", file(() => this.statLine(task))],
                ["statm", file(() => statm(task))],
                ["status", file(() => this.status(task))],
                ["wchan", file(() => (task.state === "S" ? task.wchan || "0" : "0"))],
              ] as Array<[string, ProcNode]>
            ).map(([name, node]) => [name, owned(node)]),
          ),
      ),
    );
  }

  /** The executable's path: argv[0] looked up as execvp(3) did (the task keeps no path). */
  private exe(task: Task): string {
    const name = (task.argv[0] ?? "").replace(/^-/, "");
    if (name.includes("/")) return resolvePath(task.cwd, name);
    const fs = task.ns.mnt.fs;
    for (const dirName of (task.env.PATH ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
      const candidate = resolvePath(task.cwd, `${dirName || "."}/${name}`);
      try {
        if (fs.stat(candidate).type === "file") return candidate;
      } catch {
        // not in this directory
      }
    }
    return `/bin/${name}`;
  }

  private fdEntries(task: Task): Map<string, ProcNode> {
    const entries = new Map<string, ProcNode>();
    for (const [fd, open] of task.fds.entries()) {
      const mode = (open.readable ? 0o500 : 0o100) | (open.writable ? 0o200 : 0);
      entries.set(String(fd), { type: "symlink", mode, size: 64, link: () => this.fdTarget(open) });
    }
    return entries;
  }

  private fdTarget(open: OpenFile): string {
    if (open.tty) return `/dev/${open.tty.name}`;
    if (open.kind === "pipe") {
      // A pipe's two ends share one inode in pipefs.
      const pipe = (open as { pipe?: object }).pipe ?? open;
      return `pipe:[${this.state.pipes.of(pipe)}]`;
    }
    return open.path ?? "/dev/null";
  }

  private nsEntries(task: Task): Map<string, ProcNode> {
    const init = this.kernel.initNs;
    const ids = this.state.namespaces;
    const link = (kind: string, id: number): ProcNode => symlink(() => `${kind}:[${id}]`);
    const pid = ids.of(task.ns.pid, task.ns.pid === init.pid ? INIT_NS.pid : undefined);
    return new Map([
      ["cgroup", link("cgroup", ids.of(task.ns.cgroup, task.ns.cgroup === init.cgroup ? INIT_NS.cgroup : undefined))],
      ["ipc", link("ipc", ids.of(task.ns.ipc, task.ns.ipc === init.ipc ? INIT_NS.ipc : undefined))],
      ["mnt", link("mnt", ids.of(task.ns.mnt, task.ns.mnt === init.mnt ? INIT_NS.mnt : undefined))],
      ["net", link("net", ids.of(task.ns.net, task.ns.net === init.net ? INIT_NS.net : undefined))],
      ["pid", link("pid", pid)],
      ["pid_for_children", link("pid", pid)],
      ["time", link("time", INIT_NS.time)],
      ["time_for_children", link("time", INIT_NS.time)],
      ["user", link("user", INIT_NS.user)],
      ["uts", link("uts", ids.of(task.ns.uts, task.ns.uts === init.uts ? INIT_NS.uts : undefined))],
    ]);
  }

  private ttyFields(task: Task): { ttyNr: number; tpgid: number } {
    const tty = task.ctty;
    if (!tty) return { ttyNr: 0, tpgid: -1 };
    const minor = Number(tty.name.slice(4));
    // new_encode_dev: major in bits 8-19, minor split around it.
    const ttyNr = (136 << 8) | (minor & 0xff) | ((minor & ~0xff) << 12);
    return { ttyNr, tpgid: tty.foregroundPgid ? this.translate(tty.foregroundPgid) : -1 };
  }

  /** /proc/<pid>/stat, the 52 fields of proc(5). */
  private statLine(task: Task): string {
    const mem = taskMemory(task);
    const { ttyNr, tpgid } = this.ttyFields(task);
    const utime = Math.floor((task.ticks * TICK_US) / (1_000_000 / CLOCK_TICKS));
    const start = Math.floor(((task.startTime - this.kernel.bootTime) / 1000) * CLOCK_TICKS);
    const pid = this.pidOf(task);
    const ppid = this.translate(task.ppid);
    const signals = signalMasks(task);
    const fields = [
      pid,
      `(${taskComm(task)})`,
      task.state,
      ppid,
      this.translate(task.pgid),
      this.translate(task.sid),
      ttyNr,
      tpgid,
      task.ppid === 0 ? 4_194_560 : 4_194_304,
      ...[0, 0, 0, 0],
      utime,
      0,
      0,
      0,
      20,
      0,
      1,
      0,
      start,
      mem.vsz * 1024,
      Math.round(mem.rss / 4),
      "18446744073709551615",
      ...[0, 0, 0, 0, 0],
      0,
      0,
      signals.ignored,
      signals.caught,
      0,
      0,
      0,
      17,
      pid % CPUS,
      ...[0, 0, 0, 0, 0],
      ...[0, 0, 0, 0, 0, 0, 0],
      task.exitStatus ? task.exitStatus.code << 8 : 0,
    ];
    return `${fields.join(" ")}\n`;
  }

  private status(task: Task): string {
    const mem = taskMemory(task);
    const shared = sharedKb(mem.rss);
    const signals = signalMasks(task);
    const states: Record<string, string> = { R: "R (running)", S: "S (sleeping)", T: "T (stopped)", Z: "Z (zombie)" };
    const nsChain = task.ns.pid.chain().reverse();
    const from = Math.max(0, nsChain.indexOf(this.pidNs));
    const nsIds = (t: Task | undefined) =>
      nsChain
        .slice(from)
        .map((ns) => (t && ns.pidOf(t)) ?? 0)
        .join("\t");
    const hex = (n: number) => n.toString(16).padStart(16, "0");
    const kb = (n: number) => `${String(n).padStart(8)} kB`;
    const lines: Array<[string, string | number]> = [
      ["Name", taskComm(task)],
      ["Umask", "0022"],
      ["State", states[task.state]],
      ["Tgid", this.pidOf(task)],
      ["Ngid", 0],
      ["Pid", this.pidOf(task)],
      ["PPid", this.translate(task.ppid)],
      ["TracerPid", 0],
      ["Uid", `${task.uid}\t${task.uid}\t${task.uid}\t${task.uid}`],
      ["Gid", `${task.gid}\t${task.gid}\t${task.gid}\t${task.gid}`],
      ["FDSize", 64],
      ["Groups", " "],
      ["NStgid", nsIds(task)],
      ["NSpid", nsIds(task)],
      ["NSpgid", nsIds(this.kernel.task(task.pgid))],
      ["NSsid", nsIds(this.kernel.task(task.sid))],
      ["Kthread", 0],
    ];
    if (task.alive) {
      lines.push(
        ["VmPeak", kb(mem.vsz)],
        ["VmSize", kb(mem.vsz)],
        ["VmLck", kb(0)],
        ["VmPin", kb(0)],
        ["VmHWM", kb(mem.rss)],
        ["VmRSS", kb(mem.rss)],
        ["RssAnon", kb(mem.rss - shared)],
        ["RssFile", kb(shared)],
        ["RssShmem", kb(0)],
        ["VmData", kb(Math.round(mem.vsz * 0.12))],
        ["VmStk", kb(132)],
        ["VmExe", kb(Math.round(mem.vsz * 0.05))],
        ["VmLib", kb(Math.round(mem.vsz * 0.5))],
        ["VmPTE", kb(48)],
        ["VmSwap", kb(0)],
        ["HugetlbPages", kb(0)],
      );
    }
    lines.push(
      ["CoreDumping", 0],
      ["THP_enabled", 1],
      ["Threads", 1],
      ["SigQ", "0/15439"],
      ["SigPnd", hex(0)],
      ["ShdPnd", hex(0)],
      ["SigBlk", hex(0)],
      ["SigIgn", hex(signals.ignored)],
      ["SigCgt", hex(signals.caught)],
      ["CapInh", hex(0)],
      ["CapPrm", "000001ffffffffff"],
      ["CapEff", "000001ffffffffff"],
      ["CapBnd", "000001ffffffffff"],
      ["CapAmb", hex(0)],
      ["NoNewPrivs", 0],
      ["Seccomp", 0],
      ["Seccomp_filters", 0],
      ["Speculation_Store_Bypass", "thread vulnerable"],
      ["SpeculationIndirectBranch", "conditional enabled"],
      ["Cpus_allowed", (2 ** CPUS - 1).toString(16)],
      ["Cpus_allowed_list", `0-${CPUS - 1}`],
      ["Mems_allowed", "00000000,00000001"],
      ["Mems_allowed_list", "0"],
      ["voluntary_ctxt_switches", task.ticks],
      ["nonvoluntary_ctxt_switches", Math.floor(task.ticks / 200)],
    );
    return lines.map(([key, value]) => `${key}:\t${value}\n`).join("");
  }
}

function utf8(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(bytes);
}

/** Signal masks as bit sets: bit N-1 for signal N. */
function signalMasks(task: Task): { ignored: number; caught: number } {
  let ignored = 0;
  let caught = 0;
  for (const [sig, disposition] of task.handlers) {
    const bit = 2 ** (sig - 1);
    if (disposition === "ignore") ignored += bit;
    else if (typeof disposition === "function") caught += bit;
  }
  return { ignored, caught };
}

/** Resident memory shared with other processes (libraries, the binary): whole pages. */
function sharedKb(rssKb: number): number {
  return Math.round((rssKb * 0.75) / 4) * 4;
}

/** /proc/<pid>/statm: sizes in pages (size resident shared text lib data dt). */
function statm(task: Task): string {
  const mem = taskMemory(task);
  const pages = (kb: number) => Math.round(kb / 4);
  return `${pages(mem.vsz)} ${pages(mem.rss)} ${sharedKb(mem.rss) / 4} ${pages(mem.vsz * 0.05)} 0 ${pages(mem.vsz * 0.12 + 132)} 0\n`;
}

/** /proc/<pid>/mounts: the mount table of the task's mount namespace. */
function mountsOf(task: Task): string {
  const fs = task.ns.mnt.fs;
  if (!(fs instanceof MountTable)) {
    const df = fs.statfs("/");
    return `${df.source} / ${df.type} rw,relatime 0 0\n`;
  }
  return fs
    .mounts()
    .map((m) => `${m.source} ${m.target} ${m.type} ${m.options} 0 0\n`)
    .join("");
}

function cpuinfo(): string {
  let out = "";
  for (let i = 0; i < CPUS; i++) {
    out += `processor\t: ${i}
vendor_id\t: GenuineIntel
cpu family\t: 6
model\t\t: 85
model name\t: Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz
stepping\t: 7
microcode\t: 0x5003801
cpu MHz\t\t: 2499.998
cache size\t: 36608 KB
physical id\t: 0
siblings\t: ${CPUS}
core id\t\t: ${Math.floor(i / 2)}
cpu cores\t: ${CPUS / 2}
apicid\t\t: ${i}
initial apicid\t: ${i}
fpu\t\t: yes
fpu_exception\t: yes
cpuid level\t: 13
wp\t\t: yes
flags\t\t: ${CPU_FLAGS}
bugs\t\t: spectre_v1 spectre_v2 spec_store_bypass swapgs taa itlb_multihit mmio_stale_data retbleed gds bhi
bogomips\t: 4999.99
clflush size\t: 64
cache_alignment\t: 64
address sizes\t: 46 bits physical, 48 bits virtual
power management:

`;
  }
  return out;
}

const CPU_FLAGS =
  "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss ht syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology nonstop_tsc cpuid aperfmperf tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch invpcid_single pti fsgsbase tsc_adjust bmi1 avx2 smep bmi2 erms invpcid mpx avx512f avx512dq rdseed adx smap clflushopt clwb avx512cd avx512bw avx512vl xsaveopt xsavec xgetbv1 xsaves ida arat pku ospke avx512_vnni";

const KERNEL_CMDLINE =
  "BOOT_IMAGE=/vmlinuz-6.8.0-1021-aws root=PARTUUID=5c3a8f2e-01 ro console=tty1 console=ttyS0 nvme_core.io_timeout=4294967295 panic=-1\n";

const FILESYSTEMS = `${[
  "nodev\tsysfs",
  "nodev\ttmpfs",
  "nodev\tbdev",
  "nodev\tproc",
  "nodev\tcgroup",
  "nodev\tcgroup2",
  "nodev\tcpuset",
  "nodev\tdevtmpfs",
  "nodev\tdebugfs",
  "nodev\ttracefs",
  "nodev\tsecurityfs",
  "nodev\tsockfs",
  "nodev\tbpf",
  "nodev\tpipefs",
  "nodev\tramfs",
  "nodev\thugetlbfs",
  "nodev\tdevpts",
  "\text3",
  "\text2",
  "\text4",
  "\tsquashfs",
  "\tvfat",
  "nodev\tmqueue",
  "nodev\tpstore",
  "nodev\tautofs",
  "nodev\toverlay",
  "\txfs",
].join("\n")}\n`;
