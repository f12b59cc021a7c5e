// QuickJS runs a call to its end, so a busy loop cannot yield to the other processes; the
// runtime's interrupt handler ends it once it has held the engine past its budget, as
// Ctrl-C would (node dies of SIGINT: status 130, no report), and says why.
import { afterEach, describe, expect, it } from "vitest";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { NODE_BUDGET } from "../../../src/engine/programs/node/node";
import { run } from "../harness";

const NODE = "/usr/local/bin/node";
const setup = (fs: { writeFile(path: string, data: string, options: { mode: number }): void }) =>
  fs.writeFile(NODE, binaryContent("node"), { mode: 0o755 });

describe("node busy loops", () => {
  const saved = NODE_BUDGET.interruptMs;
  afterEach(() => {
    NODE_BUDGET.interruptMs = saved;
  });

  it("interrupts a loop that never returns to the event loop", async () => {
    NODE_BUDGET.interruptMs = 100;
    const r = await run([NODE, "-e", "let i = 0; while (true) { i++; }"], { env: { NODE_VERSION: "22.15.1" }, setup });
    expect(r.status).toBe(130);
    expect(r.stderr).toBe("(stevedore: this program computed for 0.1 s without returning to the event loop, so it was interrupted)\n");
  });

  it("leaves a program that finishes within the budget alone", async () => {
    NODE_BUDGET.interruptMs = 100;
    const r = await run([NODE, "-e", "let s = 0; for (let i = 0; i < 1000; i++) s += i; console.log(s)"], {
      env: { NODE_VERSION: "22.15.1" },
      setup,
    });
    expect(r.stdout).toBe("499500\n");
    expect(r.status).toBe(0);
  });
});
