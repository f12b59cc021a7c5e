import { describe, expect, it } from "vitest";
import { parseScript } from "../../../../src/sim/script";
import { Simulation } from "../../../../src/sim/simulation";

/**
 * Keys typed ahead while `docker run -it` pulls and starts the container. On Linux they wait
 * in the host tty's input queue: bash's readline reads its terminal one byte at a time
 * (lib/readline/input.c rl_getc: `read (fileno (stream), &c, sizeof (unsigned char))`), so
 * nothing after the Enter that ends the command line leaves the queue. docker/cli then sets
 * the terminal raw (cli/command/container/hijack.go setRawTerminal) and copies stdin to the
 * hijacked attach connection (io.Copy in hijackedIOStreamer.beginInputStream), so the
 * container's shell reads them.
 */
async function typeAtOnce(keys: string, then: string) {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  const host = sim.playground.host("node1");
  if (!host) throw new Error("no node1");
  await sim.run(parseScript("docker run -d --name web nginx\n"));
  // Both lines arrive together, as a paste does while the shell waits at its prompt.
  host.terminal.input(keys);
  await sim.run(parseScript(`#! wait 5s\n${then}`));
  return sim;
}

describe("typed-ahead input of docker run -it and docker exec -it", () => {
  it("reaches the container's shell: `exit` typed with the run command ends the container", async () => {
    const sim = await typeAtOnce(
      "docker run -it --name box alpine sh\rexit\r",
      "echo back-on-host\ndocker ps -a --filter name=box --format '{{.Status}}'\n",
    );
    const entries = sim.entries;
    expect(entries.at(-2)).toMatchObject({ input: "echo back-on-host", output: "back-on-host\n", exit: 0 });
    expect(entries.at(-1)?.output).toMatch(/^Exited \(0\) \d+ seconds ago\n$/);
  });

  it("reaches a shell started by docker exec -it, whose status docker exec returns", async () => {
    const sim = await typeAtOnce("docker exec -it web sh\rexit 3\r", "echo status $?\n");
    expect(sim.entries.at(-1)).toMatchObject({ input: "echo status $?", output: "status 3\n" });
  });
});
