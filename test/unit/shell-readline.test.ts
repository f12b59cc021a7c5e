import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/sim/simulation";

/** The interactive line editor as a learner drives it with keys (GNU readline's emacs mode). */
describe("interactive line editing", () => {
  async function session() {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    const host = sim.playground.host("node1");
    if (!host) throw new Error("no node1");
    return { sim, type: (text: string) => host.terminal.input(text) };
  }

  it("completes a path with Tab", async () => {
    const { sim, type } = await session();
    type("cat /etc/host");
    await sim.step({ kind: "key", keys: ["tab"] });
    type("n");
    await sim.step({ kind: "key", keys: ["tab"] });
    await sim.step({ kind: "key", keys: ["enter"] });
    expect(sim.transcriptText()).toContain("$ cat /etc/hostname \nnode1\n");
  });

  it("completes a command name with Tab", async () => {
    const { sim, type } = await session();
    type("hostn");
    await sim.step({ kind: "key", keys: ["tab"] });
    await sim.step({ kind: "key", keys: ["enter"] });
    expect(sim.transcriptText()).toContain("$ hostname \nnode1\n");
  });

  it("recalls the previous command with the up arrow and edits it", async () => {
    const { sim, type } = await session();
    type("echo one\r");
    await sim.step({ kind: "key", keys: ["up"] });
    type("\x7f\x7f\x7ftwo");
    await sim.step({ kind: "key", keys: ["enter"] });
    await sim.run([]);
    expect(sim.entries.at(-1)?.output).toBe("two\n");
  });

  it("erases a word with Ctrl-W and the line with Ctrl-U", async () => {
    const { sim, type } = await session();
    type("echo wrong words");
    await sim.step({ kind: "key", keys: ["ctrl-w", "ctrl-w"] });
    type("right");
    await sim.step({ kind: "key", keys: ["enter"] });
    await sim.run([]);
    expect(sim.entries.at(-1)?.output).toBe("right\n");
    type("garbage");
    await sim.step({ kind: "key", keys: ["ctrl-u"] });
    type("echo clean");
    await sim.step({ kind: "key", keys: ["enter"] });
    await sim.run([]);
    expect(sim.entries.at(-1)?.output).toBe("clean\n");
  });
});
