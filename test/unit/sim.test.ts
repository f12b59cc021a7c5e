import { describe, expect, it } from "vitest";
import { TerminalRecorder } from "../../src/sim/recorder";
import { renderScreen } from "../../src/sim/screen";
import { parseScript, ScriptError } from "../../src/sim/script";
import { Simulation } from "../../src/sim/simulation";

describe("sim script", () => {
  it("types every line but directives, comments included", () => {
    expect(parseScript("ls\n# a comment\n#! node node2\n#! key ctrl-p ctrl-q\n#! wait 1.5s\n#! add-node\n")).toEqual([
      { kind: "type", text: "ls" },
      { kind: "type", text: "# a comment" },
      { kind: "node", name: "node2" },
      { kind: "key", keys: ["ctrl-p", "ctrl-q"] },
      { kind: "wait", ms: 1500 },
      { kind: "add-node" },
    ]);
  });

  it("rejects unknown directives, keys and durations with the line number", () => {
    expect(() => parseScript("#! jump\n")).toThrow(ScriptError);
    expect(() => parseScript("ls\n#! key hyper-x\n")).toThrow(/line 2: unknown key 'hyper-x'/);
    expect(() => parseScript("#! wait soon\n")).toThrow(/invalid duration/);
  });
});

describe("sim output", () => {
  it("renders escape sequences and backspaces as the screen showed them", () => {
    expect(renderScreen("\x1b[1;33m[node1]\x1b[0m ok\r\n\x1b]133;A\x07ab\bc\x1b[K\r\n")).toBe("[node1] ok\nac\n");
  });

  it("separates prompts and echo from command output with the OSC 133 marks", () => {
    const rec = new TerminalRecorder();
    rec.receive("\x1b]133;A\x07$ \x1b]133;B\x07");
    expect(rec.atPrompt).toBe(true);
    rec.takeEntry();
    rec.receive("echo hi\r\n\x1b]133;C\x07hi\r\n\x1b]133;D;0\x07\x1b]133;A\x07$ \x1b]133;B\x07");
    expect(rec.takeEntry()).toBe("hi\n");
    expect(rec.text()).toBe("$ echo hi\nhi\n$ ");
  });

  it("counts as output what another program prints after a nested shell's prompt", () => {
    // `docker attach` to a container's bash, left with ctrl-p ctrl-q: docker prints
    // `read escape sequence` after the container's prompt, then the host shell's prompt.
    const rec = new TerminalRecorder();
    rec.receive("\x1b]133;C\x07\x1b]133;D;0;aid=40\x07\x1b]133;A;aid=40\x07root@c0ffee:/# \x1b]133;B\x07");
    rec.takeEntry();
    rec.receive("read escape sequence\r\n\x1b]133;D;1;aid=7\x07\x1b]133;A;aid=7\x07$ \x1b]133;B\x07");
    expect(rec.takeEntry()).toBe("read escape sequence\n");
    expect(rec.statuses).toEqual([]);
    // ^C at a prompt: the same shell draws its next prompt, and the line it drops is no output.
    rec.receive("\r\n\x1b]133;D;130;aid=7\x07\x1b]133;A;aid=7\x07$ \x1b]133;B\x07");
    expect(rec.takeEntry()).toBe("");
  });

  it("keeps an escape sequence split across two chunks whole", () => {
    const rec = new TerminalRecorder();
    rec.receive("x\x1b]13");
    rec.receive("3;D;7\x07y");
    expect(rec.statuses).toEqual([7]);
    expect(rec.text()).toBe("xy");
  });
});

describe("simulation", () => {
  const script = "echo $RANDOM $RANDOM\nsleep 1; date\nls /\n#! node node2\nhostname -i\n";

  it("prints byte-identical output for the same script and seed", async () => {
    const once = async (seed: number) => {
      const sim = new Simulation({ nodes: 2, seed });
      await sim.start();
      await sim.run(parseScript(script));
      return { transcript: sim.transcriptText(), entries: JSON.stringify(sim.entries) };
    };
    const a = await once(1);
    const b = await once(1);
    expect(b).toEqual(a);
    expect(a.transcript).toContain("--- node2 ---");
    expect(a.transcript).toContain("192.168.0.19");
    const c = await once(2);
    expect(c.entries).not.toEqual(a.entries);
  });

  it("reports each typed line's output and exit status", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(parseScript("echo one\nfalse\n"));
    expect(sim.entries).toEqual([
      { node: "node1", input: "echo one", output: "one\n", exit: 0 },
      { node: "node1", input: "false", output: "", exit: 1 },
    ]);
    expect(sim.transcriptText()).toBe(
      "[node1] (local) root@192.168.0.18 ~\n$ echo one\none\n[node1] (local) root@192.168.0.18 ~\n$ false\n[node1] (local) root@192.168.0.18 ~\n$ ",
    );
  });
});
