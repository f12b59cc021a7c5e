/**
 * A kernel with programs given as functions, run side by side until all of them exit:
 * the way the network tests put a server and its clients on one host.
 */
import type { Program } from "../../../src/engine/kernel/exec";
import type { Kernel, Runtime } from "../../../src/engine/kernel/kernel";
import { drive, makeKernel } from "../harness";

export interface World {
  kernel: Kernel;
  runtime: Runtime;
  /** Exit codes by index once run() returns; undefined for a program still running. */
  run(programs: Program[], timeout?: number): Promise<Array<number | undefined>>;
}

export function world(): World {
  const { kernel, runtime } = makeKernel();
  let booted = false;
  const pending: Array<{ program: Program; done: (code: number) => void }> = [];
  let wakeInit: (() => void) | null = null;
  const ensureInit = () => {
    if (booted) return;
    booted = true;
    kernel.boot(["/sbin/init"], async (init) => {
      for (;;) {
        while (pending.length > 0) {
          const { program, done } = pending.shift() as (typeof pending)[number];
          const child = kernel.spawn(init.task, { argv: ["prog"], program });
          // init reaps its children itself; the exit waiter only records the status.
          child.exitWaiters.push((status) => done(status.signal ? 128 + status.signal : status.code));
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
  };
  return {
    kernel,
    runtime,
    async run(programs, timeout = 60_000) {
      ensureInit();
      const codes: Array<number | undefined> = programs.map(() => undefined);
      programs.forEach((program, i) => {
        pending.push({ program, done: (code) => (codes[i] = code) });
      });
      wakeInit?.();
      await drive(runtime, () => codes.every((c) => c !== undefined), timeout);
      return codes;
    },
  };
}
