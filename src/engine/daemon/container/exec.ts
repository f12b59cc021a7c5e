import { exitCodeOf } from "../../kernel/errno";
import { NullFile, type OpenFile } from "../../kernel/fd";
import type { Tty } from "../../kernel/tty";
import type { ExecCreateRequest, ExecInspect } from "../api/types";
import type { DaemonContext } from "../context";
import { ApiError, conflict, notFound } from "../errors";
import { generateId } from "../ids";
import type { Container } from "./container";
import { EXEC_ERROR_PREFIX, findExecutable } from "./runtime";
import { applyUser, containerEnv } from "./service";
import { pump } from "./stdio";

/** The I/O of a started exec: where its output goes and how its input arrives. */
export interface ExecIo {
  output(stream: "stdout" | "stderr", data: string): void;
  /** Called once the process has exited and its output is drained. */
  done(exitCode: number): void;
}

/** An exec instance (moby daemon/exec): created, then started once, then inspected for its exit code. */
export class ExecInstance {
  running = false;
  exitCode: number | null = null;
  pid = 0;
  tty: Tty | null = null;
  stdin: OpenFile | null = null;

  constructor(
    readonly id: string,
    readonly container: Container,
    readonly config: ExecCreateRequest,
  ) {}

  inspect(): ExecInspect {
    return {
      CanRemove: false,
      ContainerID: this.container.id,
      DetachKeys: this.config.DetachKeys ?? "",
      ExitCode: this.exitCode,
      ID: this.id,
      OpenStderr: this.config.AttachStderr ?? false,
      OpenStdin: this.config.AttachStdin ?? false,
      OpenStdout: this.config.AttachStdout ?? false,
      ProcessConfig: {
        arguments: this.config.Cmd.slice(1),
        entrypoint: this.config.Cmd[0] ?? "",
        privileged: this.config.Privileged ?? false,
        tty: this.config.Tty ?? false,
        ...(this.config.User ? { user: this.config.User } : {}),
      },
      Running: this.running,
      Pid: this.pid,
    };
  }

  /** Feeds keystrokes or piped input to the process. */
  input(data: string): void {
    if (this.tty) this.tty.input(data);
    else this.stdin?.send?.(data);
  }

  closeInput(): void {
    this.stdin?.release();
    this.stdin = null;
  }
}

/** `docker exec`: runs another process in a running container's namespaces. */
export class ExecService {
  private readonly execs = new Map<string, ExecInstance>();

  constructor(private readonly ctx: DaemonContext) {}

  create(container: Container, config: ExecCreateRequest): ExecInstance {
    if (container.status === "paused") throw conflict(`container ${container.id} is paused, unpause the container before exec`);
    if (!container.isRunning) throw conflict(`container ${container.id} is not running`);
    const instance = new ExecInstance(generateId(this.ctx.random), container, config);
    this.execs.set(instance.id, instance);
    container.execIds.add(instance.id);
    this.ctx.events.emit("container", `exec_create: ${config.Cmd.join(" ")}`, container.id, {
      execID: instance.id,
      image: container.config.Image,
      name: container.name,
    });
    return instance;
  }

  get(id: string): ExecInstance {
    const instance = this.execs.get(id);
    if (!instance) throw notFound(`No such exec instance: ${id}`);
    return instance;
  }

  /** Starts the process; errors come back as ApiError with the exit code moby records (126/127). */
  start(instance: ExecInstance, io: ExecIo): void {
    const { container, config } = instance;
    const running = container.running;
    if (!running || container.status !== "running") throw conflict(`container ${container.id} is not running`);
    if (instance.running || instance.exitCode !== null) throw conflict(`Error: Exec command ${instance.id} has already run`);
    const { kernel } = this.ctx;
    const sandbox = running.sandbox;
    const cwd = config.WorkingDir || container.config.WorkingDir || "/";
    const envList = [...(container.config.Env ?? []), ...(config.Env ?? [])];
    let exe: ReturnType<typeof findExecutable>;
    try {
      exe = findExecutable(kernel, sandbox.fs, config.Cmd, envList, cwd, EXEC_ERROR_PREFIX);
    } catch (err) {
      instance.exitCode = err instanceof ApiError && (err.status === 127 || err.status === 126) ? err.status : 126;
      throw err;
    }
    const fds = new Map<number, OpenFile>();
    const cleanups: Array<() => void> = [];
    let pending = 0;
    let status = 0;
    let exited = false;
    const finish = () => {
      if (!exited || pending > 0) return;
      for (const c of cleanups) c();
      io.done(status);
    };
    if (config.Tty) {
      const tty = kernel.openPty(sandbox.devpts);
      instance.tty = tty;
      const slave = tty.open();
      fds.set(0, slave).set(1, slave).set(2, slave);
      cleanups.push(tty.onOutput((data) => io.output("stdout", data)));
    } else {
      if (config.AttachStdin) {
        const pipe = kernel.newPipe();
        fds.set(0, pipe.readEnd);
        instance.stdin = pipe.writeEnd;
      } else fds.set(0, new NullFile());
      for (const [fd, stream] of [
        [1, "stdout"],
        [2, "stderr"],
      ] as const) {
        const pipe = kernel.newPipe();
        fds.set(fd, pipe.writeEnd);
        pending++;
        pump(
          pipe.readEnd,
          (data) => io.output(stream, data),
          () => {
            pipe.readEnd.release();
            pending--;
            finish();
          },
        );
      }
    }
    const env = containerEnv(envList, container.config.Hostname, config.Tty ?? false);
    const task = kernel.spawn(running.shim, {
      argv: exe.argv,
      program: exe.program,
      env,
      cwd,
      fds,
      ns: { pid: sandbox.pid, uts: sandbox.uts, mnt: sandbox.mnt, net: sandbox.net, ipc: sandbox.ipc, cgroup: sandbox.cgroup },
      session: instance.tty,
    });
    applyUser(task, config.User || container.config.User, sandbox.fs);
    for (const file of new Set(fds.values())) file.release();
    instance.running = true;
    instance.pid = task.pid;
    task.exitWaiters.push((exit) => {
      instance.running = false;
      instance.exitCode = exitCodeOf(exit);
      status = instance.exitCode;
      instance.closeInput();
      // The shim reaps its children as containerd-shim does.
      if (kernel.task(task.pid)) kernel.tryWait(running.shim, task);
      exited = true;
      this.ctx.events.emit("container", "exec_die", container.id, {
        execID: instance.id,
        exitCode: String(status),
        image: container.config.Image,
        name: container.name,
      });
      finish();
    });
  }
}
