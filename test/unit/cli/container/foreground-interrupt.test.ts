import { describe, expect, it } from "vitest";
import { summaryCommand } from "../../../../src/engine/daemon/container/inspect";
import { parseScript } from "../../../../src/sim/script";
import { Simulation } from "../../../../src/sim/simulation";

async function simulate(script: string) {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await sim.run(parseScript(script));
  return sim.entries;
}

describe("docker run in the foreground, then ^C", () => {
  it("forwards SIGINT to jpetazzo/clock's shell, which exits 130 and gives the prompt back", async () => {
    // sig-proxy (docker/cli run.go ForwardAllSignals) sends INT to PID 1, busybox's
    // `sh -c 'while date; do sleep 1; done'`, which catches it (shell/ash.c setsignal).
    const entries = await simulate("docker run jpetazzo/clock\n#! key ctrl-c\necho $?\ndocker ps -a\n");
    expect(entries[0].output).toMatch(/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}$/m);
    expect(entries[2]).toMatchObject({ input: "echo $?", output: "130\n", exit: 0 });
    expect(entries[3].output).toMatch(/ {3}jpetazzo\/clock {3}"\/bin\/sh -c 'while d…" {3}.* {3}Exited \(130\) /);
  });
});

describe("docker run's exit status", () => {
  it("is the container's: the wait sent before the start is for its next exit, even with --rm", async () => {
    // docker/cli run.go waitExitOrRemoved; moby daemon/container/state.go never counts
    // next-exit as already met.
    const entries = await simulate('docker run ubuntu bash -c "exit 3"\necho $?\ndocker run --rm ubuntu false\necho $?\n');
    expect(entries[1].output).toBe("3\n");
    expect(entries[3].output).toBe("1\n");
  });
});

describe("docker ps", () => {
  it("quotes arguments with spaces in the Command column (moby daemon/container/view.go)", () => {
    expect(summaryCommand("/bin/sh", ["-c", "while date; do sleep 1; done"])).toBe("/bin/sh -c 'while date; do sleep 1; done'");
    expect(summaryCommand("/docker-entrypoint.sh", ["nginx", "-g", "daemon off;"])).toBe("/docker-entrypoint.sh nginx -g 'daemon off;'");
    expect(summaryCommand("/hello", [])).toBe("/hello");
  });

  it("lists the container created last first, even within the same instant (-l)", async () => {
    const entries = await simulate(
      "docker run -d --name first busybox sleep 60\ndocker run -d --name second busybox sleep 60\ndocker ps -l --format '{{.Names}}'\n",
    );
    expect(entries[2].output).toBe("second\n");
  });
});
