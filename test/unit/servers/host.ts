/**
 * A host running one server program under init, with clients run beside it: the way the
 * server tests start nginx or redis, talk to it over the virtual network and signal it.
 */
import type { MemFileSystem } from "../../../src/engine/fs/memfs";
import type { WaitStatus } from "../../../src/engine/kernel/errno";
import type { Program } from "../../../src/engine/kernel/exec";
import { NullFile, type OpenFile } from "../../../src/engine/kernel/fd";
import type { Kernel, Runtime } from "../../../src/engine/kernel/kernel";
import { PidNamespace } from "../../../src/engine/kernel/namespace";
import type { Process } from "../../../src/engine/kernel/process";
import type { Task } from "../../../src/engine/kernel/task";
import { OutputCapture } from "../../../src/lesson/check/host-process";
import { DEFAULT_ENV, drive, makeKernel } from "../harness";

export interface ServerHost {
  fs: MemFileSystem;
  kernel: Kernel;
  runtime: Runtime;
  stdout(): string;
  stderr(): string;
  /** Lets the world run for `ms` of virtual time. */
  step(ms: number): Promise<void>;
  /** Runs `program` as another process of the host until it exits; its exit code. */
  client(program: Program, timeout?: number): Promise<number>;
  /** Starts another long-running program beside the server (argv[0] looked up on PATH). */
  background(argv: string[], cwd?: string, env?: Record<string, string>): Promise<Task>;
  /** Sends a signal to the server process. */
  signal(sig: number): void;
  /** Runs until the server exits; its status (null if it did not within `timeout`). */
  exit(timeout?: number): Promise<WaitStatus | null>;
  server(): Task;
}

export interface ServerOptions {
  files?: Record<string, string>;
  setup?: (fs: MemFileSystem) => void;
  env?: Record<string, string>;
  cwd?: string;
  /** Runs the server as PID 1 of a new PID namespace, as a container's first process. */
  container?: boolean;
}

export function serverHost(argv: string[], options: ServerOptions = {}): ServerHost {
  const { kernel, fs, runtime } = makeKernel();
  for (const [path, content] of Object.entries(options.files ?? {})) {
    fs.mkdir(path.slice(0, path.lastIndexOf("/")) || "/", { recursive: true });
    if (path.endsWith("/")) continue;
    fs.writeFile(path, content);
  }
  options.setup?.(fs);
  const out = new OutputCapture();
  const err = new OutputCapture();
  let serverTask: Task | null = null;
  let status: WaitStatus | null = null;
  const queue: Array<{
    program: Program;
    done: (code: number) => void;
    argv?: string[];
    cwd?: string;
    env?: Record<string, string>;
    started?: (t: Task) => void;
  }> = [];
  let wakeInit: (() => void) | null = null;
  let initProc: Process | null = null;
  const init = () => initProc as unknown as Process;
  kernel.boot(["/sbin/init"], async (initP: Process) => {
    initProc = initP;
    const init = initP;
    const exe = init.executable(init.which(argv[0], DEFAULT_ENV.PATH) ?? argv[0], argv);
    const fds = new Map<number, OpenFile>([
      [0, new NullFile()],
      [1, out],
      [2, err],
    ]);
    serverTask = kernel.spawn(init.task, {
      argv: exe.argv,
      program: exe.program,
      env: { ...DEFAULT_ENV, ...options.env },
      cwd: options.cwd ?? "/",
      fds,
      ns: options.container ? { pid: new PidNamespace(init.task.ns.pid) } : undefined,
    });
    serverTask.exitWaiters.push((s) => {
      status = s;
    });
    for (;;) {
      while (queue.length > 0) {
        const { program, done, argv: args, cwd, env, started } = queue.shift() as (typeof queue)[number];
        const child = kernel.spawn(init.task, {
          argv: args ?? ["client"],
          program,
          fds: new Map([[1, out]]),
          cwd,
          env: env ? { ...DEFAULT_ENV, ...env } : undefined,
        });
        started?.(child);
        child.exitWaiters.push((s) => done(s.signal ? 128 + s.signal : s.code));
      }
      await init.task.block<void>(
        kernel.scheduler,
        (wake) => {
          wakeInit = wake;
          return undefined;
        },
        "do_wait",
      );
    }
  });
  const host: ServerHost = {
    fs,
    kernel,
    runtime,
    stdout: () => out.text,
    stderr: () => err.text,
    async step(ms) {
      const end = runtime.clock.now() + ms;
      await drive(runtime, () => false, ms);
      if (runtime.clock.now() < end) runtime.clock.advanceTo(end);
      await drive(runtime, () => !runtime.scheduler.hasReady(), 0);
    },
    async client(program, timeout = 60_000) {
      let code: number | undefined;
      queue.push({ program, done: (c) => (code = c) });
      wakeInit?.();
      await drive(runtime, () => code !== undefined, timeout);
      return code ?? -1;
    },
    async background(args, cwd, env) {
      let task: Task | null = null;
      const probe = init();
      const exe = probe.executable(probe.which(args[0], DEFAULT_ENV.PATH) ?? args[0], args);
      queue.push({ program: exe.program, argv: exe.argv, cwd, env, done: () => {}, started: (t) => (task = t) });
      wakeInit?.();
      await drive(runtime, () => task !== null && !runtime.scheduler.hasReady(), 1000);
      return task as unknown as Task;
    },
    signal(sig) {
      kernel.signal(host.server(), sig);
    },
    async exit(timeout = 60_000) {
      await drive(runtime, () => status !== null, timeout);
      return status;
    },
    server: () => serverTask as unknown as Task,
  };
  return host;
}

/** A client that sends `request` raw, half-closes, and collects the whole answer. */
export function rawRequest(port: number, request: string, sink: { text: string }, host = "127.0.0.1"): Program {
  return async (proc) => {
    const fd = proc.connect(host, port);
    await proc.write(fd, request);
    let text = "";
    for (;;) {
      const chunk = await proc.read(fd);
      if (chunk === null) break;
      text += chunk;
      // HTTP with Content-Length: stop once the body is complete (servers keep the connection).
      const head = text.indexOf("\r\n\r\n");
      const len = /content-length: (\d+)/i.exec(text)?.[1];
      if (head >= 0 && len !== undefined && text.length >= head + 4 + Number(len)) break;
    }
    proc.close(fd);
    sink.text = text;
    return 0;
  };
}
