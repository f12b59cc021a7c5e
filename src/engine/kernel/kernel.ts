import type { FileSystem } from "../fs/filesystem";
import { Network } from "../net/network";
import type { Clock } from "./clock";
import { ProcessExit, SysError, type WaitStatus } from "./errno";
import type { Program, ProgramTable } from "./exec";
import { FdTable, type OpenFile } from "./fd";
import { CgroupNamespace, IpcNamespace, MountNamespace, type Namespaces, NetNamespace, PidNamespace, UtsNamespace } from "./namespace";
import { Pipe } from "./pipe";
import { Process } from "./process";
import type { Random } from "./random";
import type { Scheduler } from "./scheduler";
import { defaultAction, Signal } from "./signal";
import { Task } from "./task";
import { Tty } from "./tty";

/** What every host of a playground shares: one clock, one random source, one CPU. */
export interface Runtime {
  clock: Clock;
  random: Random;
  scheduler: Scheduler;
  /** The virtual network every host is on; created on first use when the runtime has none. */
  network?: Network;
  /**
   * Hears of engine bugs: a program model or a daemon route that threw a JavaScript error
   * instead of failing as its real tool does. The user sees a crashed-binary message; the
   * worker and the tests hear the error itself.
   */
  onFault?: (where: string, err: unknown) => void;
}

/**
 * Tasks a host may hold, zombies included: the instance's pids.max. Play-With-Docker
 * instances are containers, and a pids limit is what keeps a fork bomb in one of them
 * from taking the machine (and here, the page) down. High enough for a classroom's
 * thousand containers on one host (a shim and an init process each).
 */
export const TASKS_MAX = 4096;

/** One devpts instance: its terminals, numbered from pts/0. */
export class Devpts {
  readonly ttys: Tty[] = [];
  next = 0;
}

/** uname(2) for every host. */
export const UNAME = {
  sysname: "Linux",
  release: "6.8.0-1021-aws",
  version: "#23-Ubuntu SMP Mon Dec  9 23:59:34 UTC 2024",
  machine: "x86_64",
} as const;

export interface SpawnOptions {
  argv: string[];
  program: Program;
  env?: Record<string, string>;
  cwd?: string;
  /** File descriptors to install in the child after it inherits the parent's: child fd → open file. */
  fds?: Map<number, OpenFile>;
  /** Process group: a number to join, 0 to lead a new one, undefined to stay in the parent's. */
  pgid?: number;
  /** Namespaces that differ from the parent's (containers). */
  ns?: Partial<Namespaces>;
  /** A new session with this controlling terminal (login shells, container init). */
  session?: Tty | null;
}

export interface KernelOptions {
  hostname: string;
  rootfs: FileSystem;
  programs: ProgramTable;
  net?: NetNamespace;
}

/**
 * One host's kernel: its process table, namespaces, terminals and the system calls its
 * processes make (through Process). The CPU, clock and randomness are the playground's.
 */
export class Kernel {
  readonly bootTime: number;
  readonly initNs: Namespaces;
  readonly programs: ProgramTable;
  readonly uname = UNAME;
  private readonly tasks = new Map<number, Task>();
  /** The host's devpts instance; each container mounts its own (newinstance), numbered from 0. */
  readonly devpts = new Devpts();
  /** CPU ticks of tasks already reaped, so /proc/stat and the load average count them. */
  private retiredTicks = 0;
  private init: Task | null = null;

  constructor(
    readonly runtime: Runtime,
    options: KernelOptions,
  ) {
    this.bootTime = runtime.clock.now();
    this.programs = options.programs;
    this.initNs = {
      pid: new PidNamespace(),
      uts: new UtsNamespace(options.hostname),
      mnt: new MountNamespace(options.rootfs),
      net: options.net ?? new NetNamespace([{ name: "lo", ipv4: "127.0.0.1", prefixLength: 8, mac: "00:00:00:00:00:00" }]),
      ipc: new IpcNamespace(),
      cgroup: new CgroupNamespace(),
    };
  }

  get clock(): Clock {
    return this.runtime.clock;
  }

  get scheduler(): Scheduler {
    return this.runtime.scheduler;
  }

  get network(): Network {
    this.runtime.network ??= new Network(this.runtime.scheduler, this.runtime.random);
    return this.runtime.network;
  }

  /** Starts PID 1 of the host. It reaps orphans and never exits. */
  boot(argv: string[], program: Program): Task {
    if (this.init) throw new Error("kernel already booted");
    const task = this.createTask(null, argv, {}, "/", new FdTable(), this.initNs, null);
    task.pgid = task.pid;
    task.sid = task.pid;
    this.init = task;
    this.start(task, program);
    return task;
  }

  /** fork + exec in one step, as posix_spawn(3): the child inherits fds, cwd, env and namespaces. */
  spawn(parent: Task, options: SpawnOptions): Task {
    const ns: Namespaces = { ...parent.ns, ...options.ns };
    // fork(2) fails with EAGAIN at the task limit (copy_process: nr_threads >= max_threads)
    // and when a pids cgroup is full (pids_can_fork), so a fork bomb meets a ceiling.
    if (this.tasks.size >= TASKS_MAX || ns.pid.chain().some((pidNs) => pidNs.full())) throw new SysError("EAGAIN");
    const fds = parent.fds.fork();
    for (const [fd, file] of options.fds ?? []) {
      file.retain();
      fds.set(fd, file);
    }
    const env = options.env ?? { ...parent.env };
    const child = this.createTask(parent, options.argv, env, options.cwd ?? parent.cwd, fds, ns, parent.ctty);
    child.uid = parent.uid;
    child.gid = parent.gid;
    if (options.session !== undefined) {
      child.sid = child.pid;
      child.pgid = child.pid;
      child.ctty = options.session;
      if (options.session) {
        options.session.sessionId = child.pid;
        options.session.setForeground(child.pid);
      }
    } else if (options.pgid !== undefined) {
      child.pgid = options.pgid === 0 ? child.pid : options.pgid;
    }
    // Handlers do not survive exec; ignored signals do (execve(2)).
    for (const [sig, disp] of parent.handlers) if (disp === "ignore") child.handlers.set(sig, "ignore");
    this.start(child, options.program);
    return child;
  }

  /** Delivers a signal, applying the task's disposition (signal(7)). */
  signal(task: Task, sig: number): void {
    if (!task.alive || sig === 0) return;
    if (sig === Signal.SIGKILL || sig === Signal.SIGSTOP) {
      if (sig === Signal.SIGKILL) task.terminate({ code: 0, signal: sig });
      return;
    }
    const disposition = task.handlers.get(sig) ?? "default";
    if (disposition === "ignore") return;
    // A PID namespace's init only receives the signals it installed a handler for
    // (pid_namespaces(7)): `docker stop` waits out its timeout on such a process.
    if (disposition === "default" && task.ns.pid !== this.initNs.pid && task.ns.pid.pidOf(task) === 1) return;
    if (typeof disposition === "function") {
      task.caught.add(sig);
      try {
        disposition(sig);
      } catch (err) {
        // exit() inside a handler has already marked the task; the throw is for its own stack.
        if (!(err instanceof ProcessExit)) throw err;
      }
      task.interrupt();
      return;
    }
    if (defaultAction(sig) === "terminate") task.terminate({ code: 0, signal: sig });
  }

  /** kill(2) with a negative pid: every task of a process group. */
  signalGroup(pgid: number, sig: number): void {
    for (const task of this.tasks.values()) if (task.pgid === pgid) this.signal(task, sig);
  }

  /** A new pseudo-terminal pair; its slave is /dev/pts/N. */
  openPty(devpts: Devpts = this.devpts): Tty {
    const tty = new Tty(`pts/${devpts.next++}`, this.scheduler, (pgid, sig) => this.signalGroup(pgid, sig));
    devpts.ttys.push(tty);
    return tty;
  }

  pty(name: string, devpts: Devpts = this.devpts): Tty | undefined {
    return devpts.ttys.find((t) => t.name === name);
  }

  /** Every pseudo-terminal of a devpts instance, as its /dev/pts lists them. */
  ptys(devpts: Devpts = this.devpts): readonly Tty[] {
    return devpts.ttys;
  }

  /** The task running right now (Linux's `current`), when it is one of this kernel's. */
  current(): Task | null {
    const running = this.scheduler.current;
    const task = running ? this.tasks.get(running.pid) : undefined;
    return task !== undefined && task === running ? task : null;
  }

  /** CPU ticks used by every task since boot, the exited ones included. */
  cpuTicks(): number {
    let total = this.retiredTicks;
    for (const task of this.tasks.values()) total += task.ticks;
    return total;
  }

  newPipe(): Pipe {
    return new Pipe(this.scheduler, (task, sig) => this.signal(task, sig));
  }

  task(pid: number): Task | undefined {
    return this.tasks.get(pid);
  }

  /** Every live or zombie task, by host PID. */
  allTasks(): Task[] {
    return [...this.tasks.values()].sort((a, b) => a.pid - b.pid);
  }

  /** The task that `pid` names in `ns`. */
  lookup(ns: PidNamespace, pid: number): Task | undefined {
    return ns.task(pid);
  }

  /** Waits for `child` to exit and reaps it (waitpid(2)). */
  async wait(parent: Task, child: Task): Promise<WaitStatus> {
    if (child.ppid !== parent.pid) throw new SysError("ECHILD");
    while (child.alive) {
      await parent.block<void>(
        this.scheduler,
        (wake) => {
          child.exitWaiters.push(() => wake());
          return undefined;
        },
        "do_wait",
      );
    }
    this.reap(child);
    return child.exitStatus as WaitStatus;
  }

  /** waitpid(2) with WNOHANG: the status if `child` has exited (and reaps it), else null. */
  tryWait(parent: Task, child: Task): WaitStatus | null {
    if (child.ppid !== parent.pid) throw new SysError("ECHILD");
    if (child.alive) return null;
    this.reap(child);
    return child.exitStatus;
  }

  private createTask(
    parent: Task | null,
    argv: string[],
    env: Record<string, string>,
    cwd: string,
    fds: FdTable,
    ns: Namespaces,
    ctty: Tty | null,
  ): Task {
    const pid = this.initNs.pid.peek();
    const task = new Task(pid, parent?.pid ?? 0, parent?.pgid ?? 0, parent?.sid ?? 0, argv, env, cwd, fds, ns, ctty, this.clock.now());
    for (const pidNs of ns.pid.chain()) pidNs.alloc(task);
    this.tasks.set(pid, task);
    parent?.children.add(task);
    return task;
  }

  private start(task: Task, program: Program): void {
    this.scheduler.enqueue(task, () => {
      void this.run(task, program);
    });
  }

  private async run(task: Task, program: Program): Promise<void> {
    let status: WaitStatus;
    try {
      const code = await program(new Process(this, task));
      status = task.pendingExit ?? { code: code & 0xff };
    } catch (err) {
      if (err instanceof ProcessExit) status = task.pendingExit ?? err.status;
      else {
        // A program model failed: report it like a crashed binary, never take the kernel down.
        this.runtime.onFault?.(task.comm, err);
        const text = `${task.comm}: ${err instanceof Error ? err.message : String(err)}\n`;
        const stderr = task.fds.get(2);
        if (stderr?.kind === "tty") void stderr.write(task, text).catch(() => {});
        status = task.pendingExit ?? { code: 1 };
      }
    }
    this.exit(task, status);
    this.scheduler.parked();
  }

  private exit(task: Task, status: WaitStatus): void {
    task.exitStatus = status;
    task.state = "Z";
    task.fds.closeAll();
    const reaper = this.init && this.init !== task ? this.init : null;
    for (const child of task.children) {
      child.ppid = reaper?.pid ?? 0;
      // The host's init reaps orphans as soon as they are zombies.
      if (!child.alive) this.reap(child);
      else reaper?.children.add(child);
    }
    task.children.clear();
    for (const notify of task.exitWaiters.splice(0)) notify(status);
    if (task.ppid === 0 || task.ppid === this.init?.pid) this.reap(task);
  }

  private reap(task: Task): void {
    if (!this.tasks.has(task.pid)) return;
    this.tasks.delete(task.pid);
    this.retiredTicks += task.ticks;
    for (const pidNs of task.ns.pid.chain()) pidNs.release(task);
    this.task(task.ppid)?.children.delete(task);
  }
}
