import { describe, expect, it } from "vitest";
import type { Task } from "../../../src/engine/kernel/task";
import type { Tty } from "../../../src/engine/kernel/tty";
import { makeKernel } from "../harness";

/**
 * Input a reader took but did not use goes back to the head of the queue (Tty.unread), as
 * if that reader had read one byte at a time as readline does (rl_getc in
 * lib/readline/input.c). Bytes stay as the line discipline made them on arrival: n_tty
 * applies ICRNL when input is received (drivers/tty/n_tty.c n_tty_receive_char), not when
 * it is read, so the `\r` typed in readline's mode is already `\n`.
 */
describe("Tty.unread", () => {
  const task = {} as Task;

  it("puts unused raw input back before input that arrived later", async () => {
    const { kernel } = makeKernel();
    const tty = kernel.openPty();
    tty.termios = { ...tty.termios, icanon: false, echo: false };
    tty.input("ls\rexit\r");
    const all = await tty.read(task);
    expect(all).toBe("ls\nexit\n");
    tty.unread(all?.slice(3) ?? "");
    tty.input("x");
    expect(tty.tryRead()).toBe("exit\nx");
  });

  it("keeps unused input as a line of its own in canonical mode", async () => {
    const { kernel } = makeKernel();
    const tty = kernel.openPty();
    tty.input("two\r");
    tty.unread("one\n");
    expect(await tty.read(task)).toBe("one\n");
    expect(await tty.read(task)).toBe("two\n");
    expect(tty.hasInput()).toBe(false);
  });

  it("is a no-op for nothing", () => {
    const { kernel } = makeKernel();
    const tty: Tty = kernel.openPty();
    tty.unread("");
    expect(tty.hasInput()).toBe(false);
  });
});
