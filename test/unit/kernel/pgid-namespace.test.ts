import { describe, expect, it } from "vitest";
import type { Program } from "../../../src/engine/kernel/exec";
import { PidNamespace } from "../../../src/engine/kernel/namespace";
import type { Process, ProcessInfo } from "../../../src/engine/kernel/process";
import type { Tty } from "../../../src/engine/kernel/tty";
import { drive, makeKernel } from "../harness";

/**
 * Process group IDs cross getpgrp(2), setpgid(2) and tcsetpgrp(3) in the caller's PID
 * namespace, as PIDs do (pid_namespaces(7)). An interactive shell in a container
 * (`docker run -it ubuntu bash`, PID 1 of its namespace) gives the terminal to a job by
 * the PID it got from fork: the job must then read the terminal and ps must mark it `+`
 * (procps: `+` is "in the foreground process group"; real ps aux shows `R+` for itself).
 */
describe("process groups in a PID namespace", () => {
  it("tcsetpgrp with a namespace PID makes that job the terminal's foreground", async () => {
    const { kernel, runtime } = makeKernel();
    let tty: Tty | null = null;
    let line: string | null = null;
    let seen: ProcessInfo[] = [];
    let shellPgid = -1;
    let done = false;
    let hostPid = 0;
    const job: Program = async (p) => {
      seen = p.processes();
      line = await p.stdin.readLine();
      return 0;
    };
    const shell: Program = async (p: Process) => {
      shellPgid = p.pgid;
      const pid = p.spawn({ argv: ["job"], program: job, pgid: 0 });
      p.setForeground(0, pid);
      await p.wait(pid);
      p.setForeground(0, p.pgid);
      done = true;
      return 0;
    };
    kernel.boot(["/sbin/init"], async (init) => {
      tty = kernel.openPty();
      const file = tty.open();
      const fds = new Map([
        [0, file],
        [1, file],
        [2, file],
      ]);
      file.retain();
      file.retain();
      const leader = kernel.spawn(init.task, {
        argv: ["bash"],
        program: shell,
        fds,
        session: tty,
        ns: { pid: new PidNamespace(kernel.initNs.pid) },
      });
      hostPid = leader.pid;
      await kernel.wait(init.task, leader);
      return 0;
    });
    await drive(
      runtime,
      () => done,
      10_000,
      () => (tty as Tty | null)?.input("Y\r"),
    );
    expect(shellPgid).toBe(1);
    expect(line).toBe("Y");
    const byPid = new Map(seen.map((p) => [p.pid, p]));
    expect(byPid.get(1)).toMatchObject({ pgid: 1, sid: 1, foreground: false, sessionLeader: true });
    expect(byPid.get(2)).toMatchObject({ pgid: 2, sid: 1, foreground: true });
    // Back at the prompt: the terminal belongs to the shell's group again, kept by host PID.
    expect((tty as Tty | null)?.foregroundPgid).toBe(hostPid);
  });
});
