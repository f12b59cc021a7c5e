import type { Daemon } from "../daemon/daemon";
import { startDockerd } from "../daemon/dockerd";
import { MemFileSystem } from "../fs/memfs";
import { MountTable } from "../fs/mount";
import { DevFs, DevPtsFs, shmFs } from "../kernel/devfs";
import { SysError } from "../kernel/errno";
import type { ProgramTable } from "../kernel/exec";
import { Kernel, type Runtime } from "../kernel/kernel";
import { NetNamespace } from "../kernel/namespace";
import type { Process } from "../kernel/process";
import { ProcFs } from "../kernel/procfs";
import type { Task } from "../kernel/task";
import type { Tty } from "../kernel/tty";
import { type EditorOpener, providePageEditor } from "../programs/vi";
import { onHost, populateHostFs } from "./hostfs";

export interface HostSpec {
  name: string;
  ip: string;
  /** Index of the host, used for its MAC address. */
  index: number;
}

/** The LAN's router: the hosts' default route. */
const HOST_GATEWAY = "192.168.0.1";

/**
 * One Play-With-Docker instance: a kernel with its filesystem, PID 1, and a terminal
 * with a login shell on it.
 */
export class Host {
  readonly kernel: Kernel;
  readonly fs: MemFileSystem;
  readonly terminal: Tty;
  private init: Task;
  private shell: Task | null = null;
  /** The host's Docker daemon (Play-With-Docker instances run one each). */
  readonly daemon: Daemon;
  private down = false;
  /**
   * Set by whoever shows this host in a page with an editor: `vi`, `vim` and `nano FILE`
   * in the host's own shells (not in its containers) then open the file there. Null in
   * the simulator and tests, where they stay terminal editors.
   */
  editorOpener: EditorOpener | null = null;

  constructor(
    runtime: Runtime,
    readonly spec: HostSpec,
    programs: ProgramTable,
    peers: HostSpec[],
  ) {
    this.fs = new MemFileSystem(() => runtime.clock.now());
    populateHostFs(
      this.fs,
      { hostname: spec.name, ip: spec.ip, peers: peers.map((p) => ({ hostname: p.name, ip: p.ip })) },
      [...programs.keys()].filter(onHost),
    );
    const mac = `02:42:c0:a8:00:${spec.index.toString(16).padStart(2, "0")}`;
    // A Play-With-Docker instance is itself a container: its eth0 is a veth end moved in
    // from the machine that runs it, keeping the index it had there, its peer one above.
    const eth0Index = 2 * spec.index + 15;
    const net = new NetNamespace([
      { name: "lo", ipv4: "127.0.0.1", prefixLength: 8, mac: "00:00:00:00:00:00" },
      { name: "eth0", kind: "veth", index: eth0Index, peer: eth0Index + 1, ipv4: spec.ip, prefixLength: 23, mac },
    ]);
    net.gateway = HOST_GATEWAY;
    const mounts = new MountTable(this.fs);
    this.kernel = new Kernel(runtime, { hostname: spec.name, rootfs: mounts, programs, net });
    // The API filesystems Docker gives the Play-With-Docker container each instance is.
    mounts.mount("/proc", new ProcFs(this.kernel, this.kernel.initNs.pid), {
      source: "proc",
      type: "proc",
      options: "rw,nosuid,nodev,noexec,relatime",
    });
    mounts.mount("/dev", new DevFs(this.kernel), { source: "tmpfs", type: "tmpfs", options: "rw,nosuid,size=65536k,mode=755" });
    mounts.mount("/dev/pts", new DevPtsFs(this.kernel), {
      source: "devpts",
      type: "devpts",
      options: "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666",
    });
    mounts.mount("/dev/shm", shmFs(this.kernel), { source: "shm", type: "tmpfs", options: "rw,nosuid,nodev,noexec,relatime,size=65536k" });
    this.init = this.kernel.boot(["/sbin/init"], (proc) => this.runInit(proc));
    this.terminal = this.kernel.openPty();
    this.daemon = startDockerd(this.kernel, this.fs, this.init);
    providePageEditor(this.kernel.initNs.mnt, () => this.editorOpener);
  }

  get name(): string {
    return this.spec.name;
  }

  get ip(): string {
    return this.spec.ip;
  }

  /** The environment of a login on this host, with Play-With-Docker's prompt. */
  loginEnv(): Record<string, string> {
    return {
      HOME: "/root",
      HOSTNAME: this.name,
      LOGNAME: "root",
      PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
      PS1: `\\[\\e[1;33m\\][\\h]\\[\\e[0m\\] (local) \\u@${this.ip} \\w\\n$ `,
      PWD: "/root",
      SHELL: "/bin/bash",
      TERM: "xterm",
      USER: "root",
    };
  }

  /** PID 1: starts the login shell on the terminal and starts a new one whenever it exits. */
  private async runInit(proc: Process): Promise<number> {
    const bash = this.kernel.programs.get("bash");
    if (!bash) {
      for (;;) await proc.pause();
    }
    while (!this.down) {
      // As getty does: the terminal becomes the shell's stdin, stdout and stderr.
      proc.open(`/dev/${this.terminal.name}`, "rw", 0);
      proc.dup2(0, 1);
      proc.dup2(0, 2);
      const pid = proc.spawn({ argv: ["-bash"], program: bash, env: this.loginEnv(), cwd: "/root", session: this.terminal });
      for (const fd of [0, 1, 2]) proc.close(fd);
      this.shell = this.kernel.task(pid) ?? null;
      try {
        await proc.wait(pid);
      } catch (err) {
        // A shell that ended before the wait began was reaped already, as init reaps its
        // zombies: ECHILD only means it is gone, and a new one starts.
        if (!(err instanceof SysError && err.code === "ECHILD")) throw err;
      }
    }
    return 0;
  }

  /** The login shell's task, while one runs. */
  get loginShell(): Task | null {
    return this.shell?.alive ? this.shell : null;
  }

  /** Powers the host off: every process is killed, the terminal goes quiet. */
  shutdown(): void {
    this.down = true;
    for (const task of this.kernel.allTasks()) this.kernel.signal(task, 9);
  }

  get initTask(): Task {
    return this.init;
  }
}
