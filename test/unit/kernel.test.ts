import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { Signal } from "../../src/engine/kernel/signal";
import { run } from "./harness";

const table = (entries: Record<string, Program>) => new Map(Object.entries(entries));

describe("kernel", () => {
  it("runs a program and returns its exit status", async () => {
    const result = await run(["false"]);
    expect(result.status).toBe(1);
  });

  it("connects a pipe between two processes and delivers EOF when the writer exits", async () => {
    const writer: Program = async (p) => {
      for (let i = 1; i <= 3; i++) await p.stdout.write(`line ${i}\n`);
      return 0;
    };
    const reader: Program = async (p) => {
      const text = await p.stdin.readAll();
      await p.stdout.write(`got ${text.split("\n").length - 1} lines\n`);
      return 0;
    };
    const parent: Program = async (p) => {
      const [r, w] = p.pipe();
      const a = p.spawn({ argv: ["writer"], program: writer, fds: { 1: w } });
      const b = p.spawn({ argv: ["reader"], program: reader, fds: { 0: r } });
      p.close(r);
      p.close(w);
      await p.wait(a);
      return (await p.wait(b)).code;
    };
    const direct = await run(["parent"], { programs: table({ parent }) });
    expect(direct.stdout).toBe("got 3 lines\n");
    expect(direct.status).toBe(0);
  });

  it("kills a writer with SIGPIPE when the reader is gone", async () => {
    const yes: Program = async (p) => {
      for (;;) await p.stdout.write("y\n");
    };
    const head: Program = async (p) => {
      const line = await p.stdin.readLine();
      await p.stdout.write(`${line}\n`);
      return 0;
    };
    const parent: Program = async (p) => {
      const [r, w] = p.pipe();
      const a = p.spawn({ argv: ["yes"], program: yes, fds: { 1: w } });
      const b = p.spawn({ argv: ["head"], program: head, fds: { 0: r } });
      p.close(r);
      p.close(w);
      await p.wait(b);
      const status = await p.wait(a);
      await p.stdout.write(`yes: signal ${status.signal}\n`);
      return 0;
    };
    const result = await run(["parent"], { programs: table({ parent, yes, head }) });
    expect(result.stdout).toBe(`y\nyes: signal ${Signal.SIGPIPE}\n`);
  });

  it("preempts a busy process so others still run", async () => {
    const spin: Program = async (p) => {
      for (;;) await p.checkpoint();
    };
    const parent: Program = async (p) => {
      const pid = p.spawn({ argv: ["spin"], program: spin });
      await p.sleep(1000);
      p.kill(pid, Signal.SIGTERM);
      const status = await p.wait(pid);
      await p.stdout.write(`spin ended by ${status.signal}\n`);
      return 0;
    };
    const result = await run(["parent"], { programs: table({ parent, spin }) });
    expect(result.stdout).toBe(`spin ended by ${Signal.SIGTERM}\n`);
  });

  it("lets a handler catch a signal and end a sleep early", async () => {
    const sleeper: Program = async (p) => {
      p.trap(Signal.SIGINT, () => p.exit(0));
      await p.sleep(100_000);
      return 3;
    };
    const parent: Program = async (p) => {
      const pid = p.spawn({ argv: ["sleeper"], program: sleeper });
      await p.sleep(10);
      p.kill(pid, Signal.SIGINT);
      const status = await p.wait(pid);
      await p.stdout.write(`status ${status.code} at ${p.now() - Date.UTC(2026, 0, 1)}ms\n`);
      return 0;
    };
    const result = await run(["parent"], { programs: table({ parent, sleeper }) });
    expect(result.stdout).toBe("status 0 at 10ms\n");
  });
});
