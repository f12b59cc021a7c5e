import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { Signal } from "../../src/engine/kernel/signal";
import { run } from "./harness";

/** Line discipline behaviour as Linux's n_tty gives it with `stty sane` (ECHO ECHOCTL ISIG ICANON ICRNL ONLCR). */
describe("tty line discipline", () => {
  const table = (entries: Record<string, Program>) => new Map(Object.entries(entries));

  it("echoes typed keys, applies backspace and delivers a line on Enter", async () => {
    const reader: Program = async (p) => {
      const line = await p.stdin.readLine();
      await p.stdout.write(`[${line}]\n`);
      return 0;
    };
    const result = await run(["reader"], { programs: table({ reader }), tty: { cols: 80, input: "helo\x7f\x7fllo\r" } });
    expect(result.stdout).toBe("helo\b \b\b \bllo\n[hello]\n");
  });

  it("turns Ctrl-D on an empty line into end of file", async () => {
    const cat: Program = async (p) => {
      const text = await p.stdin.readAll();
      await p.stdout.write(`got ${JSON.stringify(text)}\n`);
      return 0;
    };
    const result = await run(["cat"], { programs: table({ cat }), tty: { cols: 80, input: "a\r\x04" } });
    expect(result.stdout).toBe('a\ngot "a\\n"\n');
  });

  it("sends SIGINT to the foreground process group on Ctrl-C and echoes ^C", async () => {
    const waiter: Program = async (p) => {
      await p.sleep(60_000);
      return 0;
    };
    const result = await run(["waiter"], { programs: table({ waiter }), tty: { cols: 80, input: "\x03" } });
    expect(result.stdout).toBe("^C");
    expect(result.signal).toBe(Signal.SIGINT);
    expect(result.status).toBe(130);
  });

  it("passes keys through unechoed in non-canonical mode", async () => {
    const raw: Program = async (p) => {
      const tty = p.ttyOf(0);
      if (!tty) return 1;
      tty.termios = { ...tty.termios, icanon: false, echo: false };
      const keys = await p.stdin.read();
      await p.stdout.write(`keys ${JSON.stringify(keys)}\n`);
      return 0;
    };
    const result = await run(["raw"], { programs: table({ raw }), tty: { cols: 80, input: "q\x1b[A" } });
    expect(result.stdout).toBe('keys "q\\u001b[A"\n');
  });
});
