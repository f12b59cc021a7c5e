/**
 * Runs a command in a root filesystem made of a catalogue image's layers, the way a
 * container sees it: an overlay of the image layers under an empty writable layer,
 * /proc of its own PID namespace, the image's Env. No daemon: just the filesystem and
 * the program models, so a test can check what `docker run IMAGE cmd` would print.
 */
import { Layer } from "../../../src/engine/fs/layer";
import { MountTable } from "../../../src/engine/fs/mount";
import { OverlayFileSystem } from "../../../src/engine/fs/overlay";
import type { HubImage } from "../../../src/engine/images/hub";
import { Clock } from "../../../src/engine/kernel/clock";
import { DevFs } from "../../../src/engine/kernel/devfs";
import type { WaitStatus } from "../../../src/engine/kernel/errno";
import { type OpenFile, RefCounted } from "../../../src/engine/kernel/fd";
import { Kernel, type Runtime } from "../../../src/engine/kernel/kernel";
import { PidNamespace } from "../../../src/engine/kernel/namespace";
import type { Process } from "../../../src/engine/kernel/process";
import { ProcFs } from "../../../src/engine/kernel/procfs";
import { Random } from "../../../src/engine/kernel/random";
import { Scheduler } from "../../../src/engine/kernel/scheduler";
import { programs } from "../../../src/engine/programs";
import { OutputCapture } from "../../../src/lesson/check/host-process";
import { drive } from "../harness";

class Empty extends RefCounted implements OpenFile {
  readonly kind = "pipe";
  readonly readable = true;
  readonly writable = false;
  async read(): Promise<string | null> {
    return null;
  }
  async write(): Promise<void> {}
  protected closed(): void {}
}

export interface ContainerRun {
  stdout: string;
  stderr: string;
  status: number;
  upper: Layer;
  rootfs: OverlayFileSystem;
}

/** `docker run --rm IMAGE argv...` without the daemon: argv[0] resolved on the image's PATH. */
export async function runIn(
  image: HubImage,
  argv: string[],
  /** pid1: run the command as PID 1 of its own PID namespace, as a container's process is. */
  options: { env?: Record<string, string>; timeout?: number; pid1?: boolean } = {},
): Promise<ContainerRun> {
  const runtime: Runtime = { clock: new Clock(), random: new Random(1), scheduler: new Scheduler() };
  const upper = new Layer();
  const rootfs = new OverlayFileSystem(
    image.layers.map((l) => l.build()),
    upper,
    () => runtime.clock.now(),
  );
  const mounts = new MountTable(rootfs);
  const kernel = new Kernel(runtime, { hostname: "0123456789ab", rootfs: mounts, programs });
  mounts.mount("/proc", new ProcFs(kernel, kernel.initNs.pid), { source: "proc", type: "proc" });
  mounts.mount("/dev", new DevFs(kernel), { source: "tmpfs", type: "tmpfs" });
  const env: Record<string, string> = { HOSTNAME: "0123456789ab", HOME: "/root" };
  for (const pair of image.config.Env ?? []) env[pair.slice(0, pair.indexOf("="))] = pair.slice(pair.indexOf("=") + 1);
  Object.assign(env, options.env);
  const stdout = new OutputCapture();
  const stderr = new OutputCapture();
  let status: WaitStatus | null = null;
  kernel.boot(["/sbin/docker-init"], async (init: Process) => {
    const path = argv[0].includes("/") ? argv[0] : (init.which(argv[0], env.PATH) ?? argv[0]);
    const exe = init.executable(path, argv);
    const fds = new Map<number, OpenFile>([
      [0, new Empty()],
      [1, stdout],
      [2, stderr],
    ]);
    const child = kernel.spawn(init.task, {
      argv: exe.argv,
      program: exe.program,
      env,
      cwd: image.config.WorkingDir || "/",
      fds,
      session: null,
      ns: options.pid1 ? { pid: new PidNamespace(kernel.initNs.pid) } : undefined,
    });
    status = await kernel.wait(init.task, child);
    return 0;
  });
  await drive(runtime, () => status !== null, options.timeout ?? 60_000);
  const result = status as WaitStatus | null;
  return {
    stdout: stdout.text,
    stderr: stderr.text,
    status: result ? (result.signal ? 128 + result.signal : result.code) : -1,
    upper,
    rootfs,
  };
}
