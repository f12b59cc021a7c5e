import { describe, expect, it } from "vitest";
import { run, sh } from "../harness";

/** Applet links the way busybox images have them: /bb/<applet> -> /bin/busybox. */
function applets(...names: string[]) {
  return {
    setup: (fs: import("../../../src/engine/fs/memfs").MemFileSystem) => {
      fs.mkdir("/bb", { recursive: true });
      for (const name of names) fs.symlink("/bin/busybox", `/bb/${name}`);
    },
  };
}

describe("busybox", () => {
  it("prints its banner and the applet list when run alone", async () => {
    const r = await run(["busybox"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^BusyBox v1\.37\.0 \([^)]+\) multi-call binary\.\n/);
    expect(r.stdout).toContain("Currently defined functions:\n");
    expect(r.stdout).toMatch(/\n\t\[, \[\[, acpid, add-shell, addgroup, adduser,/);
  });

  it("lists its applets one per line with --list", async () => {
    const r = await run(["busybox", "--list"]);
    const names = r.stdout.trim().split("\n");
    expect(names).toContain("ls");
    expect(names).toContain("sh");
    expect(names).toEqual([...names].sort());
    const full = await run(["busybox", "--list-full"]);
    expect(full.stdout.split("\n")).toEqual(expect.arrayContaining(["bin/ls", "usr/bin/awk", "sbin/ip", "usr/sbin/brctl"]));
  });

  it("dispatches on the name it was called by", async () => {
    const r = await run(["/bb/echo", "hello"], applets("echo"));
    expect(r.stdout).toBe("hello\n");
    const cat = await run(["/bb/cat", "/etc/alpine-release"], applets("cat"));
    expect(cat.stdout).toBe("3.20.3\n");
  });

  it("runs `busybox APPLET args` as the applet", async () => {
    const r = await run(["busybox", "echo", "a", "b"]);
    expect(r.stdout).toBe("a b\n");
    const up = await run(["busybox", "basename", "/usr/bin/x"]);
    expect(up.stdout).toBe("x\n");
  });

  it("refuses an unknown applet", async () => {
    const r = await run(["busybox", "frobnicate"]);
    expect(r.status).toBe(127);
    expect(r.stderr).toBe("frobnicate: applet not found\n");
  });

  it("prints ps in busybox's four columns", async () => {
    const r = await run(["/bb/ps"], applets("ps"));
    const lines = r.stdout.trimEnd().split("\n");
    // busybox procps/ps.c: header "PID   USER     TIME  COMMAND", rows "%5u %-8.8s %s %s".
    expect(lines[0]).toBe("PID   USER     TIME  COMMAND");
    expect(lines[1]).toMatch(/^ {4}1 root {6}0:00 \/sbin\/init$/);
    expect(lines.at(-1)).toMatch(/^ +\d+ root {6}0:00 \/bb\/ps$/);
  });

  // Alpine builds busybox with CONFIG_UNAME_OSNAME="Linux" (alpinelinux/aports main/busybox/busyboxconfig).
  it("prints uname -a with Linux, not GNU/Linux, as its last field", async () => {
    const r = await run(["/bb/uname", "-a"], applets("uname"));
    expect(r.stdout).toMatch(/^Linux node1 \S+ .* x86_64 Linux\n$/);
    const gnu = await run(["uname", "-a"]);
    expect(gnu.stdout).toMatch(/ GNU\/Linux\n$/);
  });

  it("runs sh as the POSIX shell", async () => {
    const r = await run(["/bb/sh", "-c", "for i in 1 2; do echo $i; done; echo $0"], applets("sh"));
    expect(r.stdout).toBe("1\n2\nsh\n");
    const viaBusybox = await sh("busybox sh -c 'echo $0'");
    expect(viaBusybox.stdout).toBe("sh\n");
  });
});
