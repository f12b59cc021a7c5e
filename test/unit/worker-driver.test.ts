/**
 * The worker's real-time driver under Node: the protocol's commands and events, the
 * virtual clock following real time, slices that let commands in during a busy loop,
 * and flow control. The processes are small test programs spawned on the terminal,
 * not a shell: the shell's own behaviour is tested elsewhere and end to end.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Program, ProgramTable } from "../../src/engine/kernel/exec";
import type { Host } from "../../src/engine/playground/host";
import { Playground } from "../../src/engine/playground/playground";
import { Driver, type DriverOptions } from "../../src/worker/driver";
import type { WorkerEvent } from "../../src/worker/protocol";

const SIGINT = 2;

/** Burns CPU until killed, as `while true; do :; done` does. */
const spin: Program = async (proc) => {
  for (;;) await proc.checkpoint();
};

/** Floods its stdout, as `yes` does. */
const flood: Program = async (proc) => {
  for (;;) await proc.stdout.write("y\n".repeat(500));
};

/** Sleeps 40 virtual ms, then says so. */
const nap: Program = async (proc) => {
  await proc.sleep(40);
  await proc.stdout.write("awake\n");
  return 0;
};

/** No `bash` in the table: init starts no login shell, the terminal is free for the test's process. */
const programs: ProgramTable = new Map([
  ["spin", spin],
  ["flood", flood],
  ["nap", nap],
]);

interface Rig {
  playground: Playground;
  driver: Driver;
  events: WorkerEvent[];
  node1: Host;
}

const drivers: Driver[] = [];
afterEach(() => {
  for (const driver of drivers.splice(0)) driver.stop();
});

function rig(options: Partial<DriverOptions> = {}): Rig {
  const playground = new Playground({ seed: 1, programs });
  const node1 = playground.addHost();
  const events: WorkerEvent[] = [];
  const driver = new Driver(playground, { post: (e) => events.push(e), realNow: () => performance.now(), ...options });
  drivers.push(driver);
  driver.start();
  return { playground, driver, events, node1 };
}

/** Starts `name` as the foreground process of the host's terminal, stdio on the terminal. */
function startOnTerminal(host: Host, name: string): number {
  const program = programs.get(name) as Program;
  const tty = host.terminal;
  const fds = new Map([0, 1, 2].map((fd) => [fd, tty.open()]));
  return host.kernel.spawn(host.initTask, { argv: [name], program, fds, session: tty }).pid;
}

function output(events: WorkerEvent[], host = "node1"): string {
  return events.map((e) => (e.type === "output" ? (e.terminals[host] ?? "") : "")).join("");
}

/** Waits on a condition in real time, letting the driver's event loop turns run. */
async function until(condition: () => boolean, timeoutMs = 4000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe("worker driver: instances", () => {
  it("announces node1 with its Play-With-Docker address on start", () => {
    const { events } = rig();
    expect(events[0]).toEqual({ type: "hosts", hosts: [{ name: "node1", ip: "192.168.0.18" }] });
  });

  it("adds, lists and removes instances", () => {
    const { driver, events, playground } = rig();
    driver.handle({ type: "add-host" });
    expect(events.at(-1)).toEqual({
      type: "hosts",
      hosts: [
        { name: "node1", ip: "192.168.0.18" },
        { name: "node2", ip: "192.168.0.19" },
      ],
      added: "node2",
    });
    driver.handle({ type: "remove-host", host: "node1" });
    expect(events.at(-1)).toEqual({ type: "hosts", hosts: [{ name: "node2", ip: "192.168.0.19" }] });
    expect(playground.host("node1")).toBeUndefined();
    const count = events.length;
    driver.handle({ type: "remove-host", host: "node9" });
    expect(events.length).toBe(count);
    driver.handle({ type: "list-hosts" });
    expect(events.at(-1)).toEqual({ type: "hosts", hosts: [{ name: "node2", ip: "192.168.0.19" }] });
  });
});

describe("worker driver: terminals", () => {
  it("sends keys to the tty and batches its echo per host", async () => {
    const { driver, events } = rig();
    driver.handle({ type: "add-host" });
    driver.handle({ type: "input", host: "node1", data: "abc" });
    driver.handle({ type: "input", host: "node2", data: "xy" });
    await until(() => output(events) === "abc" && output(events, "node2") === "xy");
    const batches = events.filter((e) => e.type === "output");
    expect(batches).toEqual([{ type: "output", terminals: { node1: "abc", node2: "xy" } }]);
  });

  it("brackets a paste only when the program asked for it", async () => {
    const { driver, events, node1 } = rig();
    driver.handle({ type: "paste", host: "node1", text: "ls" });
    await until(() => output(events) === "ls");
    node1.terminal.write("\x1b[?2004h");
    driver.handle({ type: "paste", host: "node1", text: "pwd" });
    // The line discipline echoes ESC as ^[ in canonical mode.
    await until(() => output(events).endsWith("^[[200~pwd^[[201~"));
  });

  it("resizes the tty and ignores impossible sizes", () => {
    const { driver, node1 } = rig();
    driver.handle({ type: "resize", host: "node1", cols: 132, rows: 40 });
    expect([node1.terminal.cols, node1.terminal.rows]).toEqual([132, 40]);
    driver.handle({ type: "resize", host: "node1", cols: 0, rows: 40 });
    driver.handle({ type: "resize", host: "node1", cols: 10.5, rows: 40 });
    expect([node1.terminal.cols, node1.terminal.rows]).toEqual([132, 40]);
  });
});

describe("worker driver: real time", () => {
  it("moves the virtual clock with the real one", async () => {
    let real = 1000;
    const { driver, playground } = rig({ realNow: () => real });
    const start = playground.clock.now();
    real += 250;
    driver.handle({ type: "list-hosts" });
    driver.handle({ type: "input", host: "node1", data: "x" });
    await until(() => playground.clock.now() === start + 250);
  });

  it("sleeps until the next timer and wakes for it", async () => {
    const { events, node1 } = rig();
    const begun = performance.now();
    startOnTerminal(node1, "nap");
    await until(() => output(events).includes("awake"));
    expect(performance.now() - begun).toBeGreaterThanOrEqual(39);
  });

  it("lets Ctrl-C in while a process spins", async () => {
    const { driver, events, node1, playground } = rig();
    const pid = startOnTerminal(node1, "spin");
    const task = node1.kernel.task(pid);
    // Several event loop turns pass while it spins: the driver yields between slices.
    let turns = 0;
    await until(() => ++turns > 5 && playground.runtime.scheduler.totalTicks > 10_000);
    expect(task?.alive).toBe(true);
    driver.handle({ type: "input", host: "node1", data: "\x03" });
    await until(() => task?.alive === false);
    expect(task?.exitStatus).toMatchObject({ signal: SIGINT });
    await until(() => output(events) === "^C");
    expect(playground.busy).toBe(false);
  });

  it("stops running while the page has too much output left to draw", async () => {
    const { driver, events, node1, playground } = rig({ maxUndrawnChars: 20_000 });
    startOnTerminal(node1, "flood");
    await until(() => output(events).length > 20_000);
    // Throttled: processes are ready but the driver waits for the page.
    const held = output(events).length;
    const ticks = playground.runtime.scheduler.totalTicks;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(playground.busy).toBe(true);
    expect(playground.runtime.scheduler.totalTicks).toBe(ticks);
    expect(output(events).length).toBe(held);
    driver.handle({ type: "drawn", chars: held });
    await until(() => output(events).length > held);
  });

  it("reports an internal error and keeps going", async () => {
    const { driver, events, node1, playground } = rig();
    const run = playground.run.bind(playground);
    playground.run = () => Promise.reject(new Error("scheduler bug"));
    startOnTerminal(node1, "spin");
    await until(() => events.some((e) => e.type === "failed"));
    expect(events.find((e) => e.type === "failed")).toEqual({ type: "failed", message: "scheduler bug" });
    playground.run = run;
    const ticks = playground.runtime.scheduler.totalTicks;
    driver.handle({ type: "input", host: "node1", data: "x" });
    await until(() => playground.runtime.scheduler.totalTicks > ticks);
  });
});
