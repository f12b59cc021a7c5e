/**
 * The pieces the file tools share (quoting, human sizes, modes) and the behaviours that
 * need a running kernel (tail -f on the virtual clock, df over the mount table, ls on a
 * terminal in the C locale). Expectations were checked against GNU coreutils 9.1.
 */
import { describe, expect, it } from "vitest";
import type { Process } from "../../src/engine/kernel/process";
import { humanReadable } from "../../src/engine/programs/coreutils/human";
import { adjustMode, compileMode } from "../../src/engine/programs/coreutils/modechange";
import { type QuotingStyle, quotearg } from "../../src/engine/programs/coreutils/quotearg";
import { drive, makeKernel, run } from "./harness";

describe("quotearg", () => {
  // Each row is what `ls -d --quoting-style=STYLE -- NAME` prints with LANG=C.UTF-8 (GNU coreutils 9.1).
  const rows: Array<[string, QuotingStyle, string]> = [
    ["plain", "shell-escape", "plain"],
    ["with space", "shell-escape", "'with space'"],
    ["it's", "shell-escape", '"it\'s"'],
    ['a"b', "shell-escape", "'a\"b'"],
    ["n\nl", "shell-escape", "'n'$'\\n''l'"],
    ["a'b\nc", "shell-escape", "'a'\\''b'$'\\n''c'"],
    ["#hash", "shell-escape", "'#hash'"],
    ["a#b", "shell-escape", "a#b"],
    ["{", "shell-escape", "'{'"],
    ["{a}", "shell-escape", "{a}"],
    ["café", "shell-escape", "café"],
    ["\x01ctl", "shell-escape", "''$'\\001''ctl'"],
    ["a:b", "shell-escape", "a:b"],
    ["plain", "shell-escape-always", "'plain'"],
    ["with space", "shell", "'with space'"],
    ["n\nl", "shell", "'n\nl'"],
    ["n\nl", "c", '"n\\nl"'],
    ['a"b', "c", '"a\\"b"'],
    ["café", "escape", "café"],
    ["tab\there", "escape", "tab\\there"],
    ["it's", "locale", "‘it's’"],
    ["a\u2019b", "locale", "‘a\\’b’"],
    ["x", "literal", "x"],
  ];
  it.each(rows)("%j in %s", (name, style, quoted) => {
    expect(quotearg(name, { style, utf8: true })).toBe(quoted);
  });

  it("escapes every byte above ASCII in the C locale", () => {
    // `LC_ALL=C ls -d --quoting-style=shell-escape café` prints 'caf'$'\303\251'.
    expect(quotearg("café", { style: "shell-escape", utf8: false })).toBe("'caf'$'\\303\\251'");
    expect(quotearg("it's", { style: "locale", utf8: false })).toBe("'it\\'s'");
  });
});

describe("humanReadable", () => {
  // `ls -lh` and `ls -l --si` sizes from GNU coreutils 9.1 for files of these byte counts.
  const rows: Array<[number, string, string]> = [
    [0, "0", "0"],
    [999, "999", "999"],
    [1000, "1000", "1.0k"],
    [1023, "1023", "1.1k"],
    [1024, "1.0K", "1.1k"],
    [1536, "1.5K", "1.6k"],
    [5000, "4.9K", "5.0k"],
    [10239, "10K", "11k"],
    [10241, "11K", "11k"],
    [1048575, "1.0M", "1.1M"],
    [1048577, "1.1M", "1.1M"],
    [123456789, "118M", "124M"],
    [1073741824, "1.0G", "1.1G"],
  ];
  it.each(rows)("%i bytes: %s, --si %s", (n, binary, si) => {
    expect(humanReadable(n, { autoscale: true, base: 1024 }, 1, 1)).toBe(binary);
    expect(humanReadable(n, { autoscale: true, base: 1000 }, 1, 1)).toBe(si);
  });

  it("rounds 512-byte blocks up to 1K blocks, as du does", () => {
    expect([1, 2, 3, 8].map((b) => humanReadable(b, {}, 512, 1024))).toEqual(["1", "1", "2", "4"]);
  });
});

describe("modechange", () => {
  const rows: Array<[number, boolean, string, number]> = [
    [0o644, false, "u+x", 0o744],
    [0o644, false, "+x", 0o755],
    [0o666, false, "-w", 0o466],
    [0o644, false, "go-r,u=rwx", 0o700],
    [0o644, false, "a=rX", 0o444],
    [0o644, true, "a=rX", 0o555],
    [0o2755, true, "755", 0o2755],
    [0o2755, true, "00755", 0o755],
    [0o640, false, "g=u", 0o660],
    [0o755, false, "u+s,+t", 0o5755],
  ];
  it.each(rows)("%o (dir %s) %s → %o", (old, dir, mode, result) => {
    const changes = compileMode(mode);
    expect(changes).not.toBeNull();
    expect(adjustMode(old, dir, 0o022, changes ?? [])).toBe(result);
  });

  it("rejects what chmod calls an invalid mode", () => {
    for (const bad of ["999", "z", "u+z", "u+", "7777777", ""]) if (bad !== "u+") expect(compileMode(bad)).toBeNull();
    expect(compileMode("u+")).not.toBeNull();
  });
});

describe("tail -f", () => {
  it("prints what is appended, checking once a second on the virtual clock", async () => {
    const { kernel, fs, runtime } = makeKernel();
    fs.writeFile("/root/log", "one\ntwo\n");
    let done = false;
    let seen: string[] = [];
    kernel.boot(["/sbin/init"], async (init: Process) => {
      const out = init.open("/root/out", "w");
      const exe = init.executable(init.which("tail") ?? "/usr/bin/tail", ["tail", "-f", "-n", "1", "/root/log"]);
      const pid = init.spawn({ argv: exe.argv, program: exe.program, fds: { 1: out, 2: out }, cwd: "/root" });
      const snapshot = () => seen.push(init.fs.readText("/root/out"));
      await init.sleep(500);
      snapshot();
      init.fs.writeFile("/root/log", "three\n", { append: true });
      await init.sleep(400);
      snapshot();
      await init.sleep(700);
      snapshot();
      init.fs.writeFile("/root/log", "new\n");
      await init.sleep(1000);
      snapshot();
      init.kill(pid, 15);
      const status = await init.wait(pid);
      seen.push(`signal ${status.signal}`);
      done = true;
      return 0;
    });
    await drive(runtime, () => done, 10_000);
    // GNU coreutils 9.1 reports truncation as `tail: FILE: file truncated`, then prints it anew.
    expect(seen).toEqual(["two\n", "two\n", "two\nthree\n", "two\nthree\ntail: /root/log: file truncated\nnew\n", "signal 15"]);
    seen = [];
  });

  it("ends with --pid when that process is gone", async () => {
    const result = await run(["tail", "-f", "--pid", "1", "/etc/hostname"], { timeout: 5000 });
    expect(result.status).toBe(-1);
    const gone = await run(["tail", "-f", "--pid", "4242", "/etc/hostname"], { timeout: 5000 });
    expect(gone).toMatchObject({ stdout: "node1\n", status: 0 });
  });
});

describe("df", () => {
  it("lists the mounts from /proc/mounts with space, leaving out pseudo filesystems", async () => {
    const result = await run(["df", "-T"]);
    const lines = result.stdout.split("\n");
    // GNU coreutils 9.1's header, columns at least as wide as GNU's minimums.
    expect(lines[0]).toBe("Filesystem     Type  1K-blocks     Used Available Use% Mounted on");
    expect(lines.map((l) => l.split(/ +/)[0])).toEqual(["Filesystem", "/dev/vda1", "tmpfs", "shm", ""]);
    expect(result.stdout).not.toContain("/proc");
    const all = await run(["df", "-a"]);
    expect(all.stdout).toMatch(/^proc +0 +0 +0 +- \/proc$/m);
  });

  it("shows the filesystem holding each file named, and complains about missing ones", async () => {
    const result = await run(["df", "-h", "/etc/hosts", "/nope"]);
    expect(result.stdout).toMatch(/^Filesystem {6}Size {2}Used Avail Use% Mounted on\n\/dev\/vda1 +\d+G +\d+G +\d+G +\d+% \/\n$/);
    expect(result.stderr).toBe("df: /nope: No such file or directory\n");
    expect(result.status).toBe(1);
  });

  it("computes Use% as used over used plus available, rounded up", async () => {
    const plain = await run(["df", "/"]);
    const [, blocks, used, avail, pcent] = plain.stdout.split("\n")[1].split(/ +/);
    expect(Number(blocks)).toBeGreaterThan(Number(used));
    expect(pcent).toBe(`${Math.ceil((Number(used) * 100) / (Number(used) + Number(avail)))}%`);
  });
});

describe("locale", () => {
  it("quotes with ‘ ’ in messages in a UTF-8 locale and with ' ' in C", async () => {
    // GNU coreutils 9.1: `mkdir: cannot create directory ‘d’: File exists` (C.UTF-8), 'd' with LC_ALL=C.
    const utf8 = await run(["mkdir", "/root"]);
    expect(utf8.stderr).toBe("mkdir: cannot create directory ‘/root’: File exists\n");
    const c = await run(["mkdir", "/root"], { env: { LC_ALL: "C" } });
    expect(c.stderr).toBe("mkdir: cannot create directory '/root': File exists\n");
  });

  it("shows names outside ASCII escaped on a terminal in the C locale", async () => {
    // `LC_ALL=C ls` on a terminal (GNU coreutils 9.1) prints 'caf'$'\303\251'.
    const result = await run(["ls", "/root/w"], { files: { "/root/w/café": "" }, env: { LC_ALL: "C" }, tty: { cols: 80 } });
    expect(result.stdout).toBe("'caf'$'\\303\\251'\n");
  });
});
