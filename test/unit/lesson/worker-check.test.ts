/**
 * The worker's `check` and `mark-terminals` commands: a check answers with `check-result`
 * once its processes have run, and terminal expectations read what the terminal showed
 * since the last mark.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Playground } from "../../../src/engine/playground/playground";
import { parseLesson } from "../../../src/lesson/parse";
import type { Check } from "../../../src/lesson/types";
import { Driver } from "../../../src/worker/driver";
import type { WorkerEvent } from "../../../src/worker/protocol";

const drivers: Driver[] = [];
afterEach(() => {
  for (const driver of drivers.splice(0)) driver.stop();
});

function checkOf(lines: string): Check {
  const check = parseLesson("t", `---\ntitle: t\n---\n\`\`\`check\n${lines}\n\`\`\`\n`).slides[0].check;
  if (!check) throw new Error("no check");
  return check;
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("worker: lesson checks", () => {
  it("runs a check and reads the terminal since the step was opened", async () => {
    const playground = new Playground({ seed: 1 });
    playground.addHost();
    const events: WorkerEvent[] = [];
    const driver = new Driver(playground, { post: (e) => events.push(e), realNow: () => performance.now() });
    drivers.push(driver);
    driver.start();
    const shown = () => events.map((e) => (e.type === "output" ? (e.terminals.node1 ?? "") : "")).join("");
    await until(() => shown().includes("$ "));
    driver.handle({ type: "input", host: "node1", data: "echo step-one-done\r" });
    await until(() => /step-one-done[\s\S]*step-one-done/.test(shown()));

    const result = async (id: number, check: Check) => {
      driver.handle({ type: "check", id, check, host: "node1" });
      await until(() => events.some((e) => e.type === "check-result" && e.id === id));
      const event = events.find((e) => e.type === "check-result" && e.id === id);
      return event?.type === "check-result" ? event.result : null;
    };
    expect(await result(1, checkOf("~ ^step-one-done$\n$ hostname\n= node1\nfile /etc/hostname exists"))).toEqual({
      passed: true,
      items: [
        { text: "~ ^step-one-done$", passed: true },
        { text: "$ hostname", passed: true },
        { text: "= node1", passed: true },
        { text: "file /etc/hostname exists", passed: true },
      ],
    });
    driver.handle({ type: "mark-terminals" });
    expect(await result(2, checkOf("~ ^step-one-done$\ncontainer web is running"))).toEqual({
      passed: false,
      items: [
        { text: "~ ^step-one-done$", passed: false, detail: "nothing in node1's terminal matches ^step-one-done$" },
        { text: "container web is running", passed: false, detail: "no container named web" },
      ],
    });
  }, 30_000);
});
