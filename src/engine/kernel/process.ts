import type { FileSystem } from "../fs/filesystem";
import { resolvePath } from "../fs/path";
import { lookupHosts } from "../net/hosts";
import { isIPv4 } from "../net/ipv4";
import { FullDevice, RandomDevice, ZeroDevice } from "./devfs";
import { ProcessExit, SysError, type WaitStatus } from "./errno";
import { type Executable, type Program, resolveExecutable } from "./exec";
import { NullFile, type OpenFile } from "./fd";
import { FileDescription, type OpenMode } from "./file";
import type { Kernel, SpawnOptions } from "./kernel";
import { MemFile } from "./memfd";
import type { NetNamespace } from "./namespace";
import type { Random } from "./random";
import { Signal } from "./signal";
import { type Endpoint, Listener, Socket, UnknownHostError } from "./socket";
import type { SignalDisposition, Task, TaskState } from "./task";
import type { Tty } from "./tty";

/** Microseconds of CPU time one tick stands for (ps TIME, top %CPU, the simulator's clock). */
export const TICK_US = 10;

/** What ps and top know of a process, with PIDs as the caller's namespace sees them. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  uid: number;
  gid: number;
  state: TaskState;
  /** Foreground process group of its terminal: ps marks it with `+`. */
  foreground: boolean;
  sessionLeader: boolean;
  tty: string | null;
  startTime: number;
  cpuMs: number;
  argv: string[];
  comm: string;
  /** Virtual and resident memory in KiB. */
  vsz: number;
  rss: number;
  wchan: string;
}

export interface SpawnRequest {
  argv: string[];
  program: Program;
  env?: Record<string, string>;
  cwd?: string;
  /** Descriptors of this process to install in the child: child fd → parent fd. */
  fds?: Record<number, number>;
  pgid?: number;
  session?: Tty | null;
}

/** A readable descriptor with the helpers programs use to consume input. */
export class InputStream {
  private pending = "";
  private eof = false;

  constructor(
    private readonly proc: Process,
    readonly fd: number,
  ) {}

  /** The next chunk, or null at end of input. */
  async read(): Promise<string | null> {
    if (this.pending !== "") {
      const chunk = this.pending;
      this.pending = "";
      return chunk;
    }
    if (this.eof) return null;
    const chunk = await this.proc.read(this.fd);
    if (chunk === null) this.eof = true;
    return chunk;
  }

  /** The next line without its newline, or null at end of input. */
  async readLine(): Promise<string | null> {
    for (;;) {
      const nl = this.pending.indexOf("\n");
      if (nl >= 0) {
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        return line;
      }
      if (this.eof) break;
      const chunk = await this.proc.read(this.fd);
      if (chunk === null) this.eof = true;
      else this.pending += chunk;
    }
    if (this.pending === "") return null;
    const last = this.pending;
    this.pending = "";
    return last;
  }

  /** Everything until end of input. */
  async readAll(): Promise<string> {
    let out = this.pending;
    this.pending = "";
    while (!this.eof) {
      const chunk = await this.proc.read(this.fd);
      if (chunk === null) this.eof = true;
      else out += chunk;
    }
    return out;
  }

  /** Puts text back to be read again first. */
  unread(text: string): void {
    this.pending = text + this.pending;
  }
}

export class OutputStream {
  constructor(
    private readonly proc: Process,
    readonly fd: number,
  ) {}

  write(data: string): Promise<void> {
    return this.proc.write(this.fd, data);
  }
}

/**
 * A process as its program sees it: the system calls it can make. Every program model
 * and the shell reach the kernel only through this object.
 */
export class Process {
  readonly stdin: InputStream;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;

  constructor(
    private readonly kernel: Kernel,
    readonly task: Task,
  ) {
    this.stdin = new InputStream(this, 0);
    this.stdout = new OutputStream(this, 1);
    this.stderr = new OutputStream(this, 2);
  }

  // --- identity ----------------------------------------------------------

  /** PID as seen from the process's own PID namespace. */
  get pid(): number {
    return this.task.ns.pid.pidOf(this.task) ?? 0;
  }

  get ppid(): number {
    const parent = this.kernel.task(this.task.ppid);
    return (parent && this.task.ns.pid.pidOf(parent)) ?? 0;
  }

  get argv(): string[] {
    return this.task.argv;
  }

  get env(): Record<string, string> {
    return this.task.env;
  }

  get uid(): number {
    return this.task.uid;
  }

  get gid(): number {
    return this.task.gid;
  }

  /** getpgrp(2): the process group, numbered as this process's PID namespace sees it. */
  get pgid(): number {
    return this.nsPgid(this.task.pgid);
  }

  get hostname(): string {
    return this.task.ns.uts.hostname;
  }

  set hostname(name: string) {
    this.task.ns.uts.hostname = name;
  }

  get uname() {
    return { ...this.kernel.uname, nodename: this.hostname };
  }

  /** IPv4 addresses of the process's network namespace (not loopback). */
  get addresses(): string[] {
    return this.task.ns.net.addresses();
  }

  /** The process's network namespace: what rtnetlink and SIOCGIF* ioctls report (`ip`, `ifconfig`). */
  get netns(): NetNamespace {
    return this.task.ns.net;
  }

  get random(): Random {
    return this.kernel.runtime.random;
  }

  // --- files -------------------------------------------------------------

  get fs(): FileSystem {
    this.tick();
    return this.task.ns.mnt.fs;
  }

  get cwd(): string {
    return this.task.cwd;
  }

  /** An absolute, normalised path for `path` relative to the working directory. */
  resolve(path: string): string {
    return resolvePath(this.task.cwd, path);
  }

  chdir(path: string): void {
    const abs = this.resolve(path);
    const stats = this.fs.stat(abs);
    if (stats.type !== "dir") throw new SysError("ENOTDIR", path);
    this.task.cwd = abs;
  }

  /** open(2): returns the new descriptor (the lowest free one, or `fd` when given). */
  open(path: string, mode: OpenMode, fd?: number, options: { createMode?: number; closeOnExec?: boolean } = {}): number {
    // Without a mode from the caller, the host's default umask (022) applies.
    const file = this.openFile(path, mode, options.createMode ?? 0o644);
    const target = fd ?? this.task.fds.lowestFree(0);
    this.task.fds.set(target, file, options.closeOnExec ?? false);
    return target;
  }

  /**
   * A readable descriptor holding `text` (an anonymous in-memory file, like memfd): the
   * lowest free descriptor, or `fd` when given. The shell's here-documents and here-strings.
   */
  openString(text: string, fd?: number): number {
    this.tick();
    const target = fd ?? this.task.fds.lowestFree(0);
    this.task.fds.set(target, new MemFile(text));
    return target;
  }

  close(fd: number): void {
    this.task.fds.close(fd);
  }

  dup2(from: number, to: number): void {
    this.task.fds.dup2(from, to);
  }

  /** dup(2) with F_DUPFD semantics: the lowest descriptor at or above `min`. */
  dup(fd: number, min = 0): number {
    const to = this.task.fds.lowestFree(min);
    this.task.fds.dup2(fd, to);
    return to;
  }

  hasFd(fd: number): boolean {
    return this.task.fds.get(fd) !== undefined;
  }

  /**
   * pipe2(2) with O_CLOEXEC: [read end, write end]. Children get an end only when it is
   * mapped into them explicitly (spawn's fds), so a reader sees EOF when the writers exit.
   */
  pipe(): [number, number] {
    const pipe = this.kernel.newPipe();
    const r = this.task.fds.lowestFree(0);
    this.task.fds.set(r, pipe.readEnd, true);
    const w = this.task.fds.lowestFree(0);
    this.task.fds.set(w, pipe.writeEnd, true);
    return [r, w];
  }

  /** fcntl(F_SETFD, FD_CLOEXEC). */
  setCloseOnExec(fd: number, on: boolean): void {
    this.task.fds.setCloseOnExec(fd, on);
  }

  async read(fd: number): Promise<string | null> {
    await this.preempt();
    const file = this.fdOrThrow(fd);
    if (!file.readable) throw new SysError("EBADF");
    return file.read(this.task);
  }

  async write(fd: number, data: string): Promise<void> {
    await this.preempt();
    const file = this.fdOrThrow(fd);
    if (!file.writable) throw new SysError("EBADF");
    if (data === "") return;
    try {
      await file.write(this.task, data);
    } catch (err) {
      // A write on a socket whose peer has gone raises SIGPIPE first, as on a pipe (send(2)).
      if (file.kind === "socket" && err instanceof SysError && err.code === "EPIPE") {
        this.kernel.signal(this.task, Signal.SIGPIPE);
        this.task.checkExit();
      }
      throw err;
    }
  }

  /**
   * poll(2) for readability: blocks until at least one of `fds` has data or end of file,
   * or `timeoutMs` passes on the virtual clock (none or negative: wait for ever); returns
   * the ready descriptors. A caught signal ends the wait with EINTR.
   */
  async poll(fds: number[], timeoutMs?: number): Promise<number[]> {
    await this.preempt();
    const files = fds.map((fd) => this.fdOrThrow(fd));
    const ready = () => fds.filter((_, i) => files[i].readReady?.() ?? true);
    const clock = this.kernel.clock;
    const forever = timeoutMs === undefined || timeoutMs < 0;
    const deadline = clock.now() + (forever ? 0 : timeoutMs);
    for (;;) {
      const now = ready();
      if (now.length > 0 || (!forever && clock.now() >= deadline)) return now;
      await this.task.block<void>(
        this.kernel.scheduler,
        (wake) => {
          const cancels = files.map((file) => file.onReadable?.(() => wake()) ?? (() => {}));
          const timer = forever ? undefined : clock.setTimer(deadline - clock.now(), () => wake());
          return () => {
            for (const cancel of cancels) cancel();
            if (timer !== undefined) clock.clearTimer(timer);
          };
        },
        "do_sys_poll",
      );
    }
  }

  isatty(fd: number): boolean {
    return this.task.fds.get(fd)?.kind === "tty";
  }

  /** The terminal behind `fd`, or null. */
  ttyOf(fd: number): Tty | null {
    return this.task.fds.get(fd)?.tty ?? null;
  }

  /** The controlling terminal's name (pts/0), as ps's TTY column shows it, or null. */
  get ttyName(): string | null {
    return this.task.ctty?.name ?? null;
  }

  // --- sockets -----------------------------------------------------------

  /**
   * An IPv4 address for `name`, as getaddrinfo(3) finds it: a literal, /etc/hosts of the
   * process's filesystem, then the network's resolver (Docker's embedded DNS); null when unknown.
   */
  resolveHost(name: string): string | null {
    if (isIPv4(name)) return name;
    let hosts = "";
    try {
      hosts = this.fs.readText("/etc/hosts");
    } catch {
      // No /etc/hosts (a scratch image): DNS alone answers.
    }
    const found = lookupHosts(hosts, name);
    if (found) return found;
    if (name.toLowerCase() === "localhost") return "127.0.0.1";
    return this.kernel.network.resolve(this.task.ns.net, name);
  }

  /** socket(2) + connect(2) over TCP: the connected descriptor. Throws UnknownHostError or a SysError. */
  connect(host: string, port: number): number {
    this.tick();
    const address = this.resolveHost(host);
    if (address === null) throw new UnknownHostError(host);
    return this.install(this.kernel.network.connect(this.task.ns.net, address, port));
  }

  /**
   * sendto(2) of an ICMP echo request on a ping socket: the routers the echo crosses, or
   * null when no reply comes back. Throws ENETUNREACH when there is no route.
   */
  echoRequest(address: string): number | null {
    this.tick();
    return this.kernel.network.echo(this.task.ns.net, address);
  }

  /** socket(2) + bind(2) + listen(2): the listening descriptor ("0.0.0.0" for every address). */
  listen(address: string, port: number): number {
    this.tick();
    return this.install(this.kernel.network.listen(this.task.ns.net, address, port));
  }

  /** accept(2): blocks until a connection arrives; its descriptor. */
  async accept(fd: number): Promise<number> {
    await this.preempt();
    const file = this.fdOrThrow(fd);
    if (!(file instanceof Listener)) throw new SysError(file.kind === "socket" ? "EINVAL" : "ENOTSOCK");
    return this.install(await file.accept(this.task));
  }

  /** connect(2) to a Unix domain socket of this host (/var/run/docker.sock). */
  connectUnix(path: string): number {
    this.tick();
    return this.install(this.kernel.network.connectUnix(this.kernel, this.resolve(path)));
  }

  /** shutdown(SHUT_WR): the peer reads end of file, this end still reads. */
  shutdown(fd: number): void {
    this.tick();
    const file = this.fdOrThrow(fd);
    if (!(file instanceof Socket)) throw new SysError("ENOTSOCK");
    file.shutdownWrite();
  }

  /** getsockname(2) and getpeername(2): the local and, once connected, the remote endpoint. */
  endpoints(fd: number): { local: Endpoint; remote: Endpoint | null } {
    const file = this.fdOrThrow(fd);
    if (file instanceof Socket) return { local: file.local, remote: file.remote };
    if (file instanceof Listener) return { local: file.local, remote: null };
    throw new SysError("ENOTSOCK");
  }

  private install(file: Socket | Listener): number {
    const fd = this.task.fds.lowestFree(0);
    this.task.fds.set(fd, file);
    return fd;
  }

  // --- time --------------------------------------------------------------

  /** Milliseconds since the epoch on the playground's virtual clock. */
  now(): number {
    return this.kernel.clock.now();
  }

  get bootTime(): number {
    return this.kernel.bootTime;
  }

  /** Sleeps on the virtual clock. A caught signal ends the sleep early with EINTR. */
  async sleep(ms: number): Promise<void> {
    await this.preempt();
    const clock = this.kernel.clock;
    await this.task.block<void>(
      this.kernel.scheduler,
      (wake) => {
        const id = clock.setTimer(ms, () => wake());
        return () => clock.clearTimer(id);
      },
      "hrtimer_nanosleep",
    );
  }

  /** Blocks until a signal arrives (pause(2)); returns after a caught one. */
  async pause(): Promise<void> {
    await this.preempt();
    try {
      await this.task.block<void>(this.kernel.scheduler, () => undefined, "do_sys_pause");
    } catch (err) {
      if (!(err instanceof SysError && err.code === "EINTR")) throw err;
    }
  }

  /** Counts a unit of work; lets other processes run when the quantum is used. Call it in loops. */
  checkpoint(): Promise<void> {
    return this.preempt();
  }

  // --- processes ---------------------------------------------------------

  /** Finds what `path` would execute (execve(2) resolution): throws ENOENT, EACCES, ENOEXEC. */
  executable(path: string, argv: string[]): Executable {
    return resolveExecutable(this.fs, this.kernel.programs, this.resolve(path), argv);
  }

  /**
   * The first executable file named `name` on PATH (or `name` itself when it has a
   * slash), as execvp(3) and `which` look it up; null when there is none.
   */
  which(name: string, path = this.task.env.PATH ?? ""): string | null {
    const fs = this.fs;
    const isExecutable = (abs: string) => {
      try {
        const stats = fs.stat(abs);
        return stats.type === "file" && (stats.mode & 0o111) !== 0;
      } catch {
        return false;
      }
    };
    if (name.includes("/")) return isExecutable(this.resolve(name)) ? this.resolve(name) : null;
    for (const dir of path.split(":")) {
      const abs = this.resolve(`${dir || "."}/${name}`);
      if (isExecutable(abs)) return abs;
    }
    return null;
  }

  /** Starts a child process; returns its PID. */
  spawn(request: SpawnRequest): number {
    this.tick();
    const fds = new Map<number, OpenFile>();
    for (const [childFd, parentFd] of Object.entries(request.fds ?? {})) {
      fds.set(Number(childFd), parentFd < 0 ? new NullFile() : this.fdOrThrow(parentFd));
    }
    const options: SpawnOptions = {
      argv: request.argv,
      program: request.program,
      env: request.env,
      cwd: request.cwd,
      fds,
      pgid: request.pgid === undefined || request.pgid === 0 ? request.pgid : this.hostPgid(request.pgid),
      session: request.session,
    };
    const child = this.kernel.spawn(this.task, options);
    for (const [fd, file] of fds) if (file instanceof NullFile && request.fds?.[fd] === -1) file.release();
    return this.task.ns.pid.pidOf(child) ?? child.pid;
  }

  /** waitpid(2) for a child: blocks until it exits. */
  async wait(pid: number): Promise<WaitStatus> {
    await this.preempt();
    return this.kernel.wait(this.task, this.childTask(pid));
  }

  /**
   * waitpid(2) bounded by a timeout, as a program that sets an alarm and sigsuspends
   * (timeout(1)) waits: the status, or null when `ms` passed first and the child still runs.
   */
  async waitFor(pid: number, ms: number): Promise<WaitStatus | null> {
    await this.preempt();
    const child = this.childTask(pid);
    if (child.alive) {
      const clock = this.kernel.clock;
      await this.task.block<void>(
        this.kernel.scheduler,
        (wake) => {
          const id = clock.setTimer(ms, () => wake());
          child.exitWaiters.push(() => wake());
          return () => clock.clearTimer(id);
        },
        "do_wait",
      );
    }
    return this.tryWait(pid);
  }

  /** waitpid(2) with WNOHANG. */
  tryWait(pid: number): WaitStatus | null {
    return this.kernel.tryWait(this.task, this.childTask(pid));
  }

  /** kill(2): a positive pid names a process, a negative one a process group. */
  kill(pid: number, sig: number): void {
    this.tick();
    if (pid < 0) {
      const leader = this.task.ns.pid.task(-pid);
      if (!leader && ![...this.task.ns.pid.tasks()].some((t) => t.pgid === -pid)) throw new SysError("ESRCH");
      this.kernel.signalGroup(leader?.pgid ?? -pid, sig);
      return;
    }
    const target = this.task.ns.pid.task(pid);
    if (!target?.alive) throw new SysError("ESRCH");
    this.kernel.signal(target, sig);
  }

  /** Sets how the process handles `sig`. Handlers run at delivery and must not block. */
  trap(sig: number, disposition: SignalDisposition): void {
    if (disposition === "default") this.task.handlers.delete(sig);
    else this.task.handlers.set(sig, disposition);
  }

  /** Whether `sig` was caught since the last call, clearing it. */
  takeSignal(sig: number): boolean {
    return this.task.caught.delete(sig);
  }

  /** Ends the process with `code`, from anywhere in its code or a signal handler. */
  exit(code: number): never {
    this.task.terminate({ code: code & 0xff });
    throw new ProcessExit({ code: code & 0xff });
  }

  setpgid(pid: number, pgid: number): void {
    const target = pid === 0 ? this.task : this.task.ns.pid.task(pid);
    if (!target) throw new SysError("ESRCH");
    target.pgid = pgid === 0 ? target.pid : this.hostPgid(pgid);
  }

  /** tcsetpgrp(3): makes `pgid` the foreground process group of the terminal on `fd`. */
  setForeground(fd: number, pgid: number): void {
    const tty = this.ttyOf(fd);
    if (!tty) throw new SysError("ENOTTY");
    tty.setForeground(this.hostPgid(pgid));
  }

  /**
   * Process group IDs cross system calls in the caller's PID namespace (pid_namespaces(7)),
   * as PIDs do; the kernel keeps them as host PIDs. A group is named after its leader.
   */
  private hostPgid(pgid: number): number {
    return this.task.ns.pid.task(pgid)?.pid ?? pgid;
  }

  private nsPgid(pgid: number): number {
    const leader = this.kernel.task(pgid);
    return (leader && this.task.ns.pid.pidOf(leader)) ?? pgid;
  }

  /** Processes visible in this process's PID namespace, as ps reads them from /proc. */
  processes(): ProcessInfo[] {
    const ns = this.task.ns.pid;
    return ns.tasks().map((task) => {
      const parent = this.kernel.task(task.ppid);
      return {
        pid: ns.pidOf(task) ?? 0,
        ppid: (parent && ns.pidOf(parent)) ?? 0,
        pgid: this.nsPgid(task.pgid),
        sid: this.nsPgid(task.sid),
        uid: task.uid,
        gid: task.gid,
        state: task.state,
        foreground: task.ctty !== null && task.ctty.foregroundPgid === task.pgid,
        sessionLeader: task.sid === task.pid,
        tty: task.ctty?.name ?? null,
        startTime: task.startTime,
        cpuMs: (task.ticks * TICK_US) / 1000,
        argv: [...task.argv],
        comm: task.comm,
        vsz: task.memory.vsz,
        rss: task.memory.rss,
        wchan: task.wchan,
      };
    });
  }

  /** Declares the memory the program model uses, in KiB, for ps, top and free. */
  setMemory(vsz: number, rss: number): void {
    this.task.memory = { vsz, rss };
  }

  // --- internals ---------------------------------------------------------

  private fdOrThrow(fd: number): OpenFile {
    const file = this.task.fds.get(fd);
    if (!file) throw new SysError("EBADF");
    return file;
  }

  private childTask(pid: number): Task {
    const child = this.task.ns.pid.task(pid);
    if (!child || child.ppid !== this.task.pid) throw new SysError("ECHILD");
    return child;
  }

  private openFile(path: string, mode: OpenMode, createMode: number): OpenFile {
    this.tick();
    const abs = this.resolve(path);
    const device = this.openDevice(abs);
    if (device) return device;
    return FileDescription.open(this.task.ns.mnt.fs, abs, mode, createMode, this.kernel.clock);
  }

  /** Character devices under /dev that are not plain files. */
  private openDevice(abs: string): OpenFile | null {
    switch (abs) {
      case "/dev/null":
        return new NullFile();
      case "/dev/zero":
        return new ZeroDevice(abs);
      case "/dev/full":
        return new FullDevice(abs);
      case "/dev/random":
      case "/dev/urandom":
        return new RandomDevice(abs, this.kernel.runtime.random);
      case "/dev/tty": {
        if (!this.task.ctty) throw new SysError("ENODEV", abs);
        return this.task.ctty.open();
      }
      case "/dev/stdin":
      case "/dev/stdout":
      case "/dev/stderr": {
        const fd = ["/dev/stdin", "/dev/stdout", "/dev/stderr"].indexOf(abs);
        const file = this.fdOrThrow(fd);
        file.retain();
        return file;
      }
    }
    const fdMatch = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(abs);
    if (fdMatch) {
      const file = this.fdOrThrow(Number(fdMatch[1]));
      file.retain();
      return file;
    }
    // /proc/<pid>/fd/N opens what that process has open, as Linux's magic links do.
    const procFd = /^\/proc\/(\d+)\/fd\/(\d+)$/.exec(abs);
    if (procFd) {
      const file = this.task.ns.pid.task(Number(procFd[1]))?.fds.get(Number(procFd[2]));
      if (!file) throw new SysError("ENOENT", abs);
      file.retain();
      return file;
    }
    if (abs.startsWith("/dev/pts/")) {
      const tty = this.kernel.pty(abs.slice(5), this.task.ns.mnt.devpts);
      if (!tty) throw new SysError("ENOENT", abs);
      return tty.open();
    }
    return null;
  }

  private tick(): void {
    this.kernel.scheduler.tick(this.task);
  }

  private async preempt(): Promise<void> {
    this.task.checkExit();
    if (this.kernel.scheduler.tick(this.task)) await this.task.yield(this.kernel.scheduler);
  }
}
