/**
 * The shell as busybox's ash (the sh of alpine and busybox images) and the system bashrc
 * Debian's bash reads. Sources: busybox shell/ash.c (`not found` errors, the `\w \$ `
 * prompt of its fancy-prompt build, so `/ # ` in an alpine container), and Debian's bash
 * (config-top.h SYS_BASHRC "/etc/bash.bashrc", read by interactive non-login shells before
 * ~/.bashrc).
 */
import { describe, expect, it } from "vitest";
import { run } from "./harness";

describe("busybox ash", () => {
  it("says `not found`, without a line number, for a -c string", async () => {
    const r = await run(["ash", "-c", "nosuchcommand"]);
    expect(r.stderr).toBe("ash: nosuchcommand: not found\n");
    expect(r.status).toBe(127);
  });

  it("prompts with the working directory and # for root", async () => {
    const r = await run(["ash", "-i"], { cwd: "/", env: { PWD: "/" }, tty: { cols: 80, input: "cd /tmp\nexit\n" } });
    expect(r.stdout).toContain("/ # ");
    expect(r.stdout).toContain("/tmp # ");
    // bash would print "exit" as it leaves; ash does not.
    expect(r.stdout).not.toMatch(/^exit$/m);
  });
});

describe("bash", () => {
  it("still says `command not found` with the line", async () => {
    const r = await run(["bash", "-c", "nosuchcommand"]);
    expect(r.stderr).toBe("bash: line 1: nosuchcommand: command not found\n");
  });

  it("reads /etc/bash.bashrc, then ~/.bashrc, when interactive", async () => {
    const r = await run(["bash", "-i"], {
      tty: { cols: 80, input: "echo $FROM\nexit\n" },
      env: { HOME: "/root", PATH: "/bin:/usr/bin" },
      files: { "/etc/bash.bashrc": "FROM=system\nPS1='root@box:\\w\\$ '\n", "/root/.bashrc": "FROM=$FROM+user\n" },
    });
    expect(r.stdout).toContain("system+user");
    expect(r.stdout).toContain("root@box:");
  });
});
