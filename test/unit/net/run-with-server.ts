/**
 * Runs a program on a host kernel next to servers the test sets up first (kernel
 * services on the virtual network), collecting stdout and stderr apart.
 */
import type { MemFileSystem } from "../../../src/engine/fs/memfs";
import type { WaitStatus } from "../../../src/engine/kernel/errno";
import type { OpenFile } from "../../../src/engine/kernel/fd";
import type { Kernel } from "../../../src/engine/kernel/kernel";
import type { Process } from "../../../src/engine/kernel/process";
import { OutputCapture } from "../../../src/lesson/check/host-process";
import { DEFAULT_ENV, drive, makeKernel } from "../harness";

export interface ServerRunOptions {
  /** Sets up servers (and files) before the program starts. */
  setup?: (kernel: Kernel, fs: MemFileSystem) => void;
  /** stdout and stderr on a terminal: the result's stdout is then what the terminal showed. */
  tty?: boolean;
  timeout?: number;
}

export interface ServerRunResult {
  stdout: string;
  stderr: string;
  status: number;
  fs: MemFileSystem;
  kernel: Kernel;
}

export async function runWithServer(argv: string[], options: ServerRunOptions = {}): Promise<ServerRunResult> {
  const { kernel, fs, runtime } = makeKernel();
  options.setup?.(kernel, fs);
  const stdout = new OutputCapture();
  const stderr = new OutputCapture();
  let shown = "";
  let status: WaitStatus | null = null;
  kernel.boot(["/sbin/init"], async (init: Process) => {
    const path = init.which(argv[0], DEFAULT_ENV.PATH) ?? argv[0];
    const exe = init.executable(path, argv);
    const fds = new Map<number, OpenFile>();
    let session = null;
    if (options.tty) {
      session = kernel.openPty();
      session.onOutput((data) => {
        shown += data;
      });
      const file = session.open();
      for (const fd of [0, 1, 2]) {
        file.retain();
        fds.set(fd, file);
      }
      file.release();
    } else {
      fds.set(1, stdout);
      fds.set(2, stderr);
    }
    const child = kernel.spawn(init.task, { argv: exe.argv, program: exe.program, env: { ...DEFAULT_ENV }, cwd: "/root", fds, session });
    status = await kernel.wait(init.task, child);
    return 0;
  });
  await drive(runtime, () => status !== null, options.timeout ?? 60_000);
  const result = status as WaitStatus | null;
  return {
    stdout: options.tty ? shown.replace(/\r\n/g, "\n") : stdout.text,
    stderr: stderr.text,
    status: result ? (result.signal ? 128 + result.signal : result.code) : -1,
    fs,
    kernel,
  };
}
