import { Layer } from "../../fs/layer";
import { OverlayFileSystem } from "../../fs/overlay";
import { removeTree } from "../../fs/remove";
import { exitCodeOf, type WaitStatus } from "../../kernel/errno";
import { NullFile, type OpenFile } from "../../kernel/fd";
import { parseSignal as signalFromSpec } from "../../kernel/signal";
import type { Task } from "../../kernel/task";
import type { ContainerCreateRequest, MountPoint } from "../api/types";
import type { DaemonContext } from "../context";
import { ApiError, conflict, invalidParameter, notFound, notModified } from "../errors";
import { generateId } from "../ids";
import { randomName } from "../names/generate";
import { populateVolumes } from "../volume/populate";
import { defaultHostConfig, mergeConfig } from "./config";
import { Container } from "./container";
import { LogBuffer } from "./logs";
import { parseMounts } from "./mounts";
import { createSandbox, findExecutable, START_ERROR_PREFIX } from "./runtime";
import { pump } from "./stdio";

const NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * dockerd's container verbs (moby daemon/create.go, start.go, stop.go, kill.go, ...): the
 * container store and the state machine, over the kernel that runs the processes.
 */
export class ContainerService {
  private readonly byId = new Map<string, Container>();

  constructor(private readonly ctx: DaemonContext) {}

  /**
   * Newest first, as moby's view sorts by creation time. Two containers created on the
   * same virtual instant keep their creation order, the later one first: on a real
   * host the second create is always some nanoseconds later (`docker ps -l` is the last).
   */
  all(): Container[] {
    return [...this.byId.values()].reverse().sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
  }

  /** Looks a container up by full ID, name, or unambiguous ID prefix (moby's GetContainer). */
  find(ref: string): Container | undefined {
    const full = this.byId.get(ref);
    if (full) return full;
    const name = ref.startsWith("/") ? ref.slice(1) : ref;
    for (const c of this.byId.values()) if (c.name === name) return c;
    if (!/^[0-9a-f]+$/.test(ref)) return undefined;
    const matches = [...this.byId.values()].filter((c) => c.id.startsWith(ref));
    if (matches.length > 1) throw invalidParameter(`multiple IDs found with provided prefix: ${ref}`);
    return matches[0];
  }

  get(ref: string): Container {
    if (ref === "") throw notFound("No such container: ");
    const container = this.find(ref);
    if (!container) throw notFound(`No such container: ${ref}`);
    return container;
  }

  create(request: ContainerCreateRequest, name: string | undefined): Container {
    const imageName = request.Image ?? "";
    const image = this.ctx.images.store.find(imageName);
    if (!image) throw notFound(`No such image: ${imageName}`);
    if (name !== undefined && name !== "" && !NAME.test(name)) {
      throw invalidParameter(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    }
    const id = generateId(this.ctx.random);
    const finalName = name ? name.replace(/^\//, "") : this.generateName();
    const holder = this.find(finalName);
    if (holder && holder.name === finalName) {
      throw conflict(
        `Conflict. The container name "/${finalName}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
    const hostConfig = defaultHostConfig(request.HostConfig);
    const config = mergeConfig(request, image, imageName, id);
    const argvAll = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
    if (argvAll.length === 0) throw invalidParameter("no command specified");
    if (hostConfig.NetworkMode === "host") config.Hostname = this.ctx.kernel.initNs.uts.hostname;
    const mounts = parseMounts(this.ctx, hostConfig, config, id);
    const upper = new Layer();
    const rootfs = new OverlayFileSystem(image.layers, upper, () => this.ctx.clock.now());
    populateVolumes(this.ctx.hostFs, rootfs, mounts, hostConfig);
    const created = this.ctx.isoNow();
    const container = new Container(
      id,
      finalName,
      created,
      image.id,
      config,
      hostConfig,
      argvAll[0],
      argvAll.slice(1),
      upper,
      rootfs,
      mounts,
      new LogBuffer(() => this.ctx.clock.now()),
    );
    this.writeEtcFiles(container);
    this.byId.set(id, container);
    this.ctx.events.emit("container", "create", id, { image: imageName, name: finalName });
    return container;
  }

  private generateName(): string {
    for (let retry = 0; ; retry++) {
      const name = randomName(this.ctx.random, retry);
      if (!this.find(name)) return name;
    }
  }

  /** The files Docker bind-mounts over /etc/hostname, /etc/hosts and /etc/resolv.conf. */
  private writeEtcFiles(container: Container): void {
    const dir = `/var/lib/docker/containers/${container.id}`;
    const fs = this.ctx.hostFs;
    fs.mkdir(dir, { recursive: true });
    fs.writeFile(`${dir}/hostname`, `${container.config.Hostname}\n`);
    fs.writeFile(`${dir}/resolv.conf`, "# Generated by Docker Engine.\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n");
    fs.writeFile(`${dir}/hosts`, this.hostsFile(container));
    fs.writeFile(`${dir}/config.v2.json`, "{}\n");
  }

  private hostsFile(container: Container): string {
    const lines = [
      "127.0.0.1\tlocalhost",
      "::1\tlocalhost ip6-localhost ip6-loopback",
      "fe00::\tip6-localnet",
      "ff00::\tip6-mcastprefix",
      "ff02::1\tip6-allnodes",
      "ff02::2\tip6-allrouters",
    ];
    const ip = container.endpoints[0]?.ip;
    if (ip) lines.push(`${ip}\t${container.config.Hostname}`);
    return `${lines.join("\n")}\n`;
  }

  /** POST /containers/{id}/start. */
  start(container: Container): void {
    if (container.status === "paused") throw conflict("cannot start a paused container, try unpause instead");
    if (container.isRunning) throw notModified();
    if (container.status === "dead") throw conflict(`container ${container.id} is marked for removal and cannot be started`);
    container.manuallyStopped = false;
    try {
      this.run(container);
    } catch (err) {
      if (err instanceof ApiError) {
        container.exitCode = err.status === 126 || err.status === 127 ? err.status : 128;
        container.error = err.message;
        this.ctx.network.disconnectAll(container);
        if (container.hostConfig.AutoRemove) this.destroy(container, false);
        throw new ApiError(err.status === 126 || err.status === 127 ? 400 : err.status, err.message);
      }
      throw err;
    }
  }

  private run(container: Container): void {
    const { kernel } = this.ctx;
    const netns = this.ctx.network.connectAll(container);
    this.ctx.hostFs.writeFile(`/var/lib/docker/containers/${container.id}/hosts`, this.hostsFile(container));
    const sharedUts = container.hostConfig.NetworkMode === "host" ? kernel.initNs.uts : null;
    const sandbox = createSandbox(kernel, this.ctx.hostFs, container, netns, sharedUts);
    const cwd = container.config.WorkingDir || "/";
    if (!sandbox.fs.exists(cwd)) sandbox.fs.mkdir(cwd, { recursive: true });
    const argv = [container.path, ...container.args];
    const env = containerEnv(container.config.Env ?? [], container.config.Hostname, container.config.Tty);
    const exe = findExecutable(kernel, sandbox.fs, argv, container.config.Env ?? [], cwd, START_ERROR_PREFIX);
    const unpublish = this.ctx.network.publishPorts(container, netns);
    const fds = new Map<number, OpenFile>();
    let tty = null;
    let stdin: OpenFile | null = null;
    const cleanups: Array<() => void> = [];
    if (container.config.Tty) {
      tty = kernel.openPty(sandbox.devpts);
      const slave = tty.open();
      fds.set(0, slave).set(1, slave).set(2, slave);
      const stop = tty.onOutput((data) => this.output(container, "stdout", data));
      cleanups.push(stop);
    } else {
      if (container.config.OpenStdin) {
        const pipe = kernel.newPipe();
        fds.set(0, pipe.readEnd);
        stdin = pipe.writeEnd;
      } else fds.set(0, new NullFile());
      for (const [fd, stream] of [
        [1, "stdout"],
        [2, "stderr"],
      ] as const) {
        const pipe = kernel.newPipe();
        fds.set(fd, pipe.writeEnd);
        cleanups.push(() => pipe.readEnd.release());
        pump(
          pipe.readEnd,
          (data) => this.output(container, stream, data),
          () => {},
        );
      }
    }
    const shim = kernel.spawn(this.ctx.containerd, {
      argv: ["/usr/bin/containerd-shim-runc-v2", "-namespace", "moby", "-id", container.id, "-address", "/run/containerd/containerd.sock"],
      program: async (proc) => {
        const status = await proc.wait(init.pid);
        this.exited(container, status, cleanups);
        return 0;
      },
      cwd: "/",
    });
    // containerd waits on the shims it starts: an exited shim is reaped, not left <defunct>.
    shim.exitWaiters.push(() => kernel.tryWait(this.ctx.containerd, shim));
    const init: Task = kernel.spawn(shim, {
      argv: exe.argv,
      program: exe.program,
      env,
      cwd,
      fds,
      ns: { pid: sandbox.pid, uts: sandbox.uts, mnt: sandbox.mnt, net: sandbox.net, ipc: sandbox.ipc, cgroup: sandbox.cgroup },
      session: tty,
    });
    applyUser(init, container.config.User, sandbox.fs);
    for (const file of new Set(fds.values())) file.release();
    container.running = { shim, init, tty, stdin, netns, sandbox, unpublish };
    container.status = "running";
    container.pid = init.pid;
    container.exitCode = 0;
    container.error = "";
    container.startedAt = this.ctx.isoNow();
    this.ctx.events.emit("container", "start", container.id, { image: container.config.Image, name: container.name });
  }

  private output(container: Container, stream: "stdout" | "stderr", data: string): void {
    container.logs.write(stream, data);
    for (const listener of container.outputListeners) listener(stream, data);
  }

  /** The init process exited: record it, then apply --rm or the restart policy. */
  private exited(container: Container, status: WaitStatus, cleanups: Array<() => void>): void {
    const running = container.running;
    if (!running) return;
    // Every other process of the PID namespace dies with its init.
    for (const task of running.init.ns.pid.tasks()) this.ctx.kernel.signal(task, 9);
    for (const cleanup of cleanups) cleanup();
    running.stdin?.release();
    for (const undo of running.unpublish) undo();
    container.logs.flush();
    container.running = null;
    container.pid = 0;
    container.exitCode = exitCodeOf(status);
    container.status = "exited";
    container.finishedAt = this.ctx.isoNow();
    // The sandbox goes with the container's last process: its veths leave the bridge.
    this.ctx.network.disconnectAll(container, running.netns);
    this.ctx.events.emit("container", "die", container.id, {
      exitCode: String(container.exitCode),
      image: container.config.Image,
      name: container.name,
    });
    for (const listener of [...container.stopListeners]) listener();
    for (const waiter of container.exitWaiters.splice(0)) waiter(container.exitCode);
    if (this.shouldRestart(container)) {
      container.status = "restarting";
      const delay = 100 * 2 ** Math.min(container.restartCount, 10);
      this.ctx.clock.setTimer(delay, () => {
        if (container.status !== "restarting" || !this.byId.has(container.id)) return;
        container.restartCount++;
        try {
          this.run(container);
        } catch {
          container.status = "exited";
        }
      });
      return;
    }
    if (container.hostConfig.AutoRemove) this.destroy(container, false);
  }

  private shouldRestart(container: Container): boolean {
    if (container.manuallyStopped) return false;
    const policy = container.hostConfig.RestartPolicy;
    switch (policy.Name) {
      case "always":
      case "unless-stopped":
        return true;
      case "on-failure":
        return container.exitCode !== 0 && (policy.MaximumRetryCount === 0 || container.restartCount < policy.MaximumRetryCount);
      default:
        return false;
    }
  }

  /** POST /containers/{id}/kill: delivers the signal to the container's init. */
  kill(container: Container, signal = "SIGKILL"): void {
    const sig = parseSignal(signal);
    if (!container.isRunning || !container.running) {
      throw conflict(`Cannot kill container: ${container.name}: container ${container.id} is not running`);
    }
    if (sig === 9) container.manuallyStopped = true;
    if (container.status === "paused") this.thaw(container);
    this.ctx.events.emit("container", "kill", container.id, { image: container.config.Image, name: container.name, signal: String(sig) });
    this.ctx.kernel.signal(container.running.init, sig);
  }

  /** POST /containers/{id}/stop: the stop signal, then SIGKILL after the timeout; resolves once stopped. */
  stop(container: Container, timeoutSeconds?: number, signal?: string): Promise<void> {
    if (container.status === "restarting") {
      container.manuallyStopped = true;
      container.status = "exited";
      return Promise.resolve();
    }
    if (!container.isRunning || !container.running) throw notModified();
    container.manuallyStopped = true;
    if (container.status === "paused") this.thaw(container);
    const sig = parseSignal(signal ?? container.config.StopSignal ?? "SIGTERM");
    const timeout = timeoutSeconds ?? container.config.StopTimeout ?? 10;
    const init = container.running.init;
    const done = this.waitExit(container);
    this.ctx.kernel.signal(init, sig);
    if (timeout >= 0) {
      const timer = this.ctx.clock.setTimer(timeout * 1000, () => {
        if (container.running?.init === init) this.ctx.kernel.signal(init, 9);
      });
      void done.then(() => this.ctx.clock.clearTimer(timer));
    }
    return done.then(() => {
      this.ctx.events.emit("container", "stop", container.id, { image: container.config.Image, name: container.name });
    });
  }

  /**
   * Resolves with the exit code when the container next stops: now when it is not
   * running, unless `next` asks for the next exit of a container yet to start (the
   * `next-exit` condition, never met in advance: moby daemon/container/state.go).
   */
  waitExit(container: Container, next = false): Promise<number> {
    if (!next && !container.isRunning) return Promise.resolve(container.exitCode);
    return new Promise((resolve) => container.exitWaiters.push(resolve));
  }

  async restart(container: Container, timeoutSeconds?: number): Promise<void> {
    if (container.isRunning) await this.stop(container, timeoutSeconds);
    if (container.status === "restarting") container.status = "exited";
    this.start(container);
    this.ctx.events.emit("container", "restart", container.id, { image: container.config.Image, name: container.name });
  }

  pause(container: Container): void {
    if (!container.isRunning || !container.running) throw conflict(`Container ${container.id} is not running`);
    if (container.status === "paused") throw conflict(`Container ${container.id} is already paused`);
    this.ctx.kernel.scheduler.freeze(container.running.init.ns.pid.tasks());
    container.status = "paused";
    this.ctx.events.emit("container", "pause", container.id, { image: container.config.Image, name: container.name });
  }

  unpause(container: Container): void {
    if (container.status !== "paused") throw conflict(`Container ${container.id} is not paused`);
    this.thaw(container);
    this.ctx.events.emit("container", "unpause", container.id, { image: container.config.Image, name: container.name });
  }

  private thaw(container: Container): void {
    if (container.running) this.ctx.kernel.scheduler.thaw(container.running.init.ns.pid.tasks());
    container.status = "running";
  }

  /** DELETE /containers/{id}. */
  remove(container: Container, force: boolean, removeVolumes: boolean): void {
    if (container.isRunning) {
      if (!force) {
        throw conflict(
          `cannot remove container "/${container.name}": container is ${container.status === "paused" ? "paused" : "running"}: stop the container before removing or force remove`,
        );
      }
      this.kill(container, "SIGKILL");
      // The shim reports the exit on its next run; forget the container now, as `rm -f` does.
      container.hostConfig.AutoRemove = false;
      container.manuallyStopped = true;
    }
    this.destroy(container, removeVolumes);
  }

  private destroy(container: Container, removeVolumes: boolean): void {
    if (!this.byId.has(container.id)) return;
    if (container.running) {
      for (const undo of container.running.unpublish) undo();
      container.running.unpublish = [];
    }
    this.byId.delete(container.id);
    container.status = "dead";
    this.ctx.network.disconnectAll(container);
    removeTree(this.ctx.hostFs, `/var/lib/docker/containers/${container.id}`);
    for (const mount of container.mounts) {
      if (mount.Type !== "volume" || !mount.Name) continue;
      const volume = this.ctx.volumes.find(mount.Name);
      const anonymous = volume && "com.docker.volume.anonymous" in volume.labels;
      if (anonymous && (removeVolumes || container.hostConfig.AutoRemove) && this.usersOf(mount.Name).length === 0) {
        this.ctx.volumes.remove(mount.Name, []);
      }
    }
    this.ctx.events.emit("container", "destroy", container.id, { image: container.config.Image, name: container.name });
  }

  /** Containers whose mounts use the named volume. */
  usersOf(volume: string): string[] {
    return this.all()
      .filter((c) => c.mounts.some((m: MountPoint) => m.Type === "volume" && m.Name === volume))
      .map((c) => c.id);
  }

  rename(container: Container, name: string): void {
    const clean = name.replace(/^\//, "");
    if (!NAME.test(clean)) throw invalidParameter(`Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    if (clean === container.name) throw invalidParameter("Renaming a container with the same name as its current name");
    const holder = this.find(clean);
    if (holder && holder.name === clean) {
      throw conflict(
        `Error when allocating new name: Conflict. The container name "/${clean}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
    const old = container.name;
    container.name = clean;
    this.ctx.events.emit("container", "rename", container.id, { name: clean, oldName: `/${old}` });
  }
}

/** Signal names and numbers as `docker kill -s` accepts them (KILL, SIGKILL, 9). */
export function parseSignal(signal: string): number {
  const n = signalFromSpec(signal);
  if (n === undefined) throw invalidParameter(`Invalid signal: ${signal}`);
  return n;
}

/** The process environment runc sets up: the config's Env plus PATH, HOSTNAME, HOME and TERM. */
export function containerEnv(env: string[], hostname: string, tty: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  out.PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  out.HOSTNAME = hostname;
  for (const entry of env) {
    const eq = entry.indexOf("=");
    if (eq > 0) out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  if (tty && !out.TERM) out.TERM = "xterm";
  if (!out.HOME) out.HOME = "/root";
  return out;
}

/** -u/--user: a name from the container's /etc/passwd, or uid[:gid]. */
export function applyUser(task: Task, user: string, fs: { readText(path: string): string }): void {
  if (!user) return;
  const [name, group] = user.split(":");
  let uid = Number(name);
  let gid = 0;
  let home = "";
  if (!/^\d+$/.test(name)) {
    let passwd = "";
    try {
      passwd = fs.readText("/etc/passwd");
    } catch {
      // an image without /etc/passwd only takes numeric users
    }
    const entry = passwd.split("\n").find((line) => line.split(":")[0] === name);
    if (!entry) throw new ApiError(400, `${START_ERROR_PREFIX}unable to find user ${name}: no matching entries in passwd file: unknown`);
    const fields = entry.split(":");
    uid = Number(fields[2]);
    gid = Number(fields[3]);
    home = fields[5] ?? "";
  }
  if (group !== undefined && /^\d+$/.test(group)) gid = Number(group);
  task.uid = uid;
  task.gid = gid;
  if (home) task.env.HOME = home;
}
