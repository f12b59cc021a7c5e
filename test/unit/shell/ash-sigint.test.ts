import { describe, expect, it } from "vitest";
import type { WaitStatus } from "../../../src/engine/kernel/errno";
import type { Program } from "../../../src/engine/kernel/exec";
import { PidNamespace } from "../../../src/engine/kernel/namespace";
import { Signal } from "../../../src/engine/kernel/signal";
import { programs } from "../../../src/engine/programs";
import { drive, makeKernel } from "../harness";

/**
 * ^C forwarded to a container's shell (`docker run jpetazzo/clock`, whose command is
 * `/bin/sh -c 'while date; do sleep 1; done'` on busybox). busybox shell/ash.c setsignal()
 * catches SIGINT when `iflag || minusc || sflag == 0` (a -c string or a script), and
 * raise_interrupt() then resets SIGINT to SIG_DFL and raises it: the shell dies of it,
 * except as PID 1 of a PID namespace, which the kernel does not kill with a default
 * action (pid_namespaces(7)), so it exits with 128+SIGINT: `Exited (130)`. bash keeps
 * the default action, which PID 1 never gets.
 */
async function interrupt(program: string, argv: string[], ownPidNamespace: boolean): Promise<WaitStatus | null> {
  const { kernel, runtime } = makeKernel();
  let status: WaitStatus | null = null;
  let done = false;
  kernel.boot(["/sbin/init"], async (init) => {
    const shell = kernel.spawn(init.task, {
      argv,
      program: programs.get(program) as Program,
      ns: ownPidNamespace ? { pid: new PidNamespace(kernel.initNs.pid) } : undefined,
    });
    const timer = runtime.clock.setTimer(2_500, () => kernel.signal(shell, Signal.SIGINT));
    const stop = runtime.clock.setTimer(20_000, () => {
      done = true;
    });
    status = await kernel.wait(init.task, shell);
    runtime.clock.clearTimer(timer);
    runtime.clock.clearTimer(stop);
    done = true;
    return 0;
  });
  await drive(runtime, () => done, 30_000);
  return status;
}

const CLOCK = "while date >/dev/null; do sleep 1; done";

describe("ash and SIGINT", () => {
  it("ends a -c string run as PID 1 of a container with status 130", async () => {
    expect(await interrupt("busybox", ["sh", "-c", CLOCK], true)).toEqual({ code: 130 });
  });

  it("dies of SIGINT outside a PID namespace's init", async () => {
    expect(await interrupt("busybox", ["sh", "-c", CLOCK], false)).toMatchObject({ signal: Signal.SIGINT });
  });

  it("leaves bash -c as PID 1 running: bash does not catch SIGINT", async () => {
    expect(await interrupt("bash", ["bash", "-c", CLOCK], true)).toBeNull();
  });
});
