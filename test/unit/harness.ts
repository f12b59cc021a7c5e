/**
 * Runs program models on a fresh host kernel under Node, without the shell or a
 * terminal unless asked: the way unit tests exercise one program at a time.
 */
import { MemFileSystem } from "../../src/engine/fs/memfs";
import { MountTable } from "../../src/engine/fs/mount";
import { Clock } from "../../src/engine/kernel/clock";
import { DevFs, DevPtsFs, shmFs } from "../../src/engine/kernel/devfs";
import type { WaitStatus } from "../../src/engine/kernel/errno";
import type { ProgramTable } from "../../src/engine/kernel/exec";
import { type OpenFile, RefCounted } from "../../src/engine/kernel/fd";
import { Kernel, type Runtime } from "../../src/engine/kernel/kernel";
import { NetNamespace } from "../../src/engine/kernel/namespace";
import { type Process, TICK_US } from "../../src/engine/kernel/process";
import { ProcFs } from "../../src/engine/kernel/procfs";
import { Random } from "../../src/engine/kernel/random";
import { Scheduler } from "../../src/engine/kernel/scheduler";
import type { Tty } from "../../src/engine/kernel/tty";
import { populateHostFs } from "../../src/engine/playground/hostfs";
import { programs as allPrograms } from "../../src/engine/programs";
import { OutputCapture } from "../../src/lesson/check/host-process";

export interface RunOptions {
  stdin?: string;
  /** Files to create before the run: path → content (a trailing / makes a directory). */
  files?: Record<string, string>;
  /** Runs after `files` are written, for what they cannot say (symlinks, modes, times). */
  setup?: (fs: MemFileSystem) => void;
  cwd?: string;
  env?: Record<string, string>;
  /** Run on a terminal (isatty true) with this many columns; output is then stdout+stderr as shown. */
  tty?: { cols: number; rows?: number; input?: string };
  /** Give up after this much virtual time (ms) if the program has not exited. */
  timeout?: number;
  programs?: ProgramTable;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
  signal?: number;
  /** Every path of the host after the run, for checking what a program wrote. */
  fs: MemFileSystem;
  kernel: Kernel;
}

class Feed extends RefCounted implements OpenFile {
  readonly kind = "pipe";
  readonly readable = true;
  readonly writable = false;
  constructor(private rest: string | null) {
    super();
  }
  async read(): Promise<string | null> {
    const chunk = this.rest;
    this.rest = null;
    return chunk === "" ? null : chunk;
  }
  async write(): Promise<void> {}
  protected closed(): void {}
}

export const DEFAULT_ENV = {
  HOME: "/root",
  PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  USER: "root",
  LOGNAME: "root",
  SHELL: "/bin/bash",
  TERM: "xterm",
  HOSTNAME: "node1",
  PWD: "/root",
};

/** A host kernel with the standard tree, booted with an idle init. */
export function makeKernel(programs: ProgramTable = allPrograms): { kernel: Kernel; fs: MemFileSystem; runtime: Runtime } {
  const runtime: Runtime = { clock: new Clock(), random: new Random(1), scheduler: new Scheduler() };
  const fs = new MemFileSystem(() => runtime.clock.now());
  populateHostFs(fs, { hostname: "node1", ip: "192.168.0.18" }, programs.keys());
  const net = new NetNamespace([
    { name: "lo", ipv4: "127.0.0.1", prefixLength: 8, mac: "00:00:00:00:00:00" },
    { name: "eth0", ipv4: "192.168.0.18", prefixLength: 23, mac: "02:42:c0:a8:00:01" },
  ]);
  const mounts = new MountTable(fs);
  const kernel = new Kernel(runtime, { hostname: "node1", rootfs: mounts, programs, net });
  mounts.mount("/proc", new ProcFs(kernel, kernel.initNs.pid), { source: "proc", type: "proc" });
  mounts.mount("/dev", new DevFs(kernel), { source: "tmpfs", type: "tmpfs" });
  mounts.mount("/dev/pts", new DevPtsFs(kernel), { source: "devpts", type: "devpts" });
  mounts.mount("/dev/shm", shmFs(kernel), { source: "shm", type: "tmpfs" });
  return { kernel, fs, runtime };
}

/** Runs the scheduler and the clock until `done()` or nothing is left to do. */
export async function drive(runtime: Runtime, done: () => boolean, timeout = 60_000, onFirstIdle?: () => void): Promise<void> {
  const deadline = runtime.clock.now() + timeout;
  let idleHook = onFirstIdle;
  while (!done()) {
    if (idleHook && !runtime.scheduler.hasReady()) {
      // Keys are typed once the program has started and waits, as a person would type them.
      idleHook();
      idleHook = undefined;
      continue;
    }
    if (runtime.scheduler.hasReady()) {
      const ticks = await runtime.scheduler.run(20_000);
      // Busy CPU work takes virtual time too, so timers still fire beside a spinning process.
      if (runtime.scheduler.hasReady()) runtime.clock.advanceBy((ticks * TICK_US) / 1000);
      continue;
    }
    const next = runtime.clock.nextDeadline();
    if (next === undefined || next > deadline) break;
    runtime.clock.advanceTo(next);
  }
}

/** Runs `argv` (argv[0] is a program name or path) and collects what it printed. */
export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const { kernel, fs, runtime } = makeKernel(options.programs);
  for (const [path, content] of Object.entries(options.files ?? {})) {
    if (path.endsWith("/")) fs.mkdir(path.slice(0, -1), { recursive: true });
    else {
      fs.mkdir(path.slice(0, path.lastIndexOf("/")) || "/", { recursive: true });
      fs.writeFile(path, content);
    }
  }
  options.setup?.(fs);
  const stdout = new OutputCapture();
  const stderr = new OutputCapture();
  let tty: Tty | null = null;
  let shown = "";
  let status: WaitStatus | null = null;
  kernel.boot(["/sbin/init"], async (init: Process) => {
    const program = argv[0].includes("/") ? argv[0] : (init.which(argv[0], DEFAULT_ENV.PATH) ?? argv[0]);
    const exe = init.executable(program, argv);
    const fds = new Map<number, OpenFile>();
    if (options.tty) {
      tty = kernel.openPty();
      tty.resize(options.tty.cols, options.tty.rows ?? 24);
      tty.onOutput((data) => {
        shown += data;
      });
      const file = tty.open();
      for (const fd of [0, 1, 2]) {
        file.retain();
        fds.set(fd, file);
      }
      file.release();
    } else {
      fds.set(0, new Feed(options.stdin ?? ""));
      fds.set(1, stdout);
      fds.set(2, stderr);
    }
    const child = kernel.spawn(init.task, {
      argv: exe.argv,
      program: exe.program,
      env: { ...DEFAULT_ENV, PWD: options.cwd ?? "/root", ...options.env },
      cwd: options.cwd ?? "/root",
      fds,
      session: tty,
    });
    status = await kernel.wait(init.task, child);
    return 0;
  });
  const typeInput = options.tty?.input ? () => (tty as Tty | null)?.input(options.tty?.input ?? "") : undefined;
  await drive(runtime, () => status !== null, options.timeout, typeInput);
  const result = status as WaitStatus | null;
  return {
    stdout: options.tty ? shown.replace(/\r\n/g, "\n") : stdout.text,
    stderr: stderr.text,
    status: result ? (result.signal ? 128 + result.signal : result.code) : -1,
    signal: result?.signal,
    fs,
    kernel,
  };
}

/** Runs a shell command line with bash -c. */
export function sh(script: string, options: RunOptions = {}): Promise<RunResult> {
  return run(["bash", "-c", script], options);
}
