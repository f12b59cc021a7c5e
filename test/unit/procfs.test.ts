import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import type { Process } from "../../src/engine/kernel/process";
import { programs } from "../../src/engine/programs";
import { run } from "./harness";

/** Runs `probe` as a program on pts/0 of a fresh host and returns what it reported. */
async function probe(body: (p: Process) => Promise<unknown> | unknown): Promise<unknown> {
  let result: unknown;
  const program: Program = async (p) => {
    try {
      result = await body(p);
    } catch (err) {
      result = `${(err as { code?: string }).code}: ${(err as Error).message}`;
    }
    return 0;
  };
  await run(["probe", "arg one", "two"], {
    programs: new Map([...programs, ["probe", program]]),
    tty: { cols: 80 },
    env: { GREETING: "hi" },
  });
  return result;
}

describe("/proc", () => {
  it("lists the processes of the reader's PID namespace and the system files", async () => {
    expect(await probe((p) => p.fs.readdir("/proc"))).toEqual([
      "1",
      "2",
      "cmdline",
      "cpuinfo",
      "filesystems",
      "loadavg",
      "meminfo",
      "mounts",
      "self",
      "stat",
      "swaps",
      "sys",
      "uptime",
      "version",
    ]);
  });

  it("points /proc/self at the caller", async () => {
    expect(await probe((p) => [p.fs.readlink("/proc/self"), p.fs.readText("/proc/self/comm")])).toEqual(["2", "probe\n"]);
  });

  it("gives cmdline and environ NUL-separated, as the kernel does", async () => {
    const [cmdline, environ] = (await probe((p) => [p.fs.readText("/proc/self/cmdline"), p.fs.readText("/proc/2/environ")])) as string[];
    expect(cmdline).toBe("probe\0arg one\0two\0");
    expect(environ.split("\0")).toContain("GREETING=hi");
    expect(environ.endsWith("\0")).toBe(true);
  });

  it("writes /proc/<pid>/stat as proc(5) lays it out", async () => {
    const stat = (await probe((p) => p.fs.readText("/proc/self/stat"))) as string;
    const fields = stat.trim().split(" ");
    expect(fields.length).toBe(52);
    // pid (comm) state ppid pgrp session tty_nr(pts/0 = 136<<8) tpgid
    expect(fields.slice(0, 8)).toEqual(["2", "(probe)", "R", "1", "2", "2", "34816", "2"]);
  });

  it("reports status with the memory the program weighs", async () => {
    const status = (await probe((p) => p.fs.readText("/proc/1/status"))) as string;
    expect(status).toMatch(/^Name:\tinit\nUmask:\t0022\nState:\tS \(sleeping\)\nTgid:\t1\n/);
    expect(status).toContain("\nPPid:\t0\n");
    expect(status).toContain("\nVmRSS:\t    1364 kB\n");
  });

  it("links cwd, exe, root and the open descriptors; a pipe's two ends share one inode", async () => {
    const links = await probe((p) => {
      const [r, w] = p.pipe();
      return ["cwd", "exe", "root", "fd/0", `fd/${r}`, `fd/${w}`].map((name) => p.fs.readlink(`/proc/self/${name}`));
    });
    expect(links).toEqual(["/root", "/bin/probe", "/", "/dev/pts/0", "pipe:[24061]", "pipe:[24061]"]);
  });

  it("shows the namespaces with the inode numbers of the initial ones", async () => {
    expect(await probe((p) => p.fs.readlink("/proc/1/ns/pid"))).toBe("pid:[4026531836]");
  });

  it("has system-wide files consistent with free, uptime and nproc", async () => {
    const files = (await probe((p) =>
      ["uptime", "loadavg", "version", "cpuinfo", "meminfo", "mounts"].map((f) => p.fs.readText(`/proc/${f}`)),
    )) as string[];
    expect(files[0]).toBe("0.00 0.00\n");
    expect(files[1]).toBe("0.00 0.00 0.00 1/2 2\n");
    expect(files[2]).toMatch(/^Linux version 6\.8\.0-1021-aws \(buildd@.*\) #23-Ubuntu SMP Mon Dec {2}9 23:59:34 UTC 2024\n$/);
    expect(files[3].match(/^processor\t: \d+$/gm)?.length).toBe(8);
    expect(files[4]).toMatch(/^MemTotal: {8}4010232 kB\nMemFree: {9}\d+ kB\nMemAvailable: {4}\d+ kB\n/);
    expect(files[5]).toBe(
      "/dev/vda1 / ext4 rw,relatime 0 0\nproc /proc proc rw,relatime 0 0\ntmpfs /dev tmpfs rw,relatime 0 0\ndevpts /dev/pts devpts rw,relatime 0 0\nshm /dev/shm tmpfs rw,relatime 0 0\n",
    );
  });

  it("refuses to be changed as Linux's procfs does", async () => {
    expect(await probe((p) => p.fs.mkdir("/proc/foo"))).toBe("ENOENT: No such file or directory");
    expect(await probe((p) => p.fs.unlink("/proc/uptime"))).toBe("EPERM: Operation not permitted");
    expect(await probe((p) => p.fs.writeFile("/proc/uptime", "x"))).toBe("EIO: Input/output error");
  });

  it("sets the hostname through /proc/sys/kernel/hostname", async () => {
    expect(
      await probe((p) => {
        p.fs.writeFile("/proc/sys/kernel/hostname", "box\n");
        return [p.hostname, p.fs.readText("/proc/sys/kernel/pid_max")];
      }),
    ).toEqual(["box", "4194304\n"]);
  });
});

describe("/dev and the mount table", () => {
  it("lists what Docker puts in a container's /dev", async () => {
    expect(await probe((p) => p.fs.readdir("/dev"))).toEqual([
      "core",
      "fd",
      "full",
      "mqueue",
      "null",
      "ptmx",
      "pts",
      "random",
      "shm",
      "stderr",
      "stdin",
      "stdout",
      "tty",
      "urandom",
      "zero",
    ]);
    expect(await probe((p) => p.fs.readdir("/dev/pts"))).toEqual(["0", "ptmx"]);
  });

  it("gives device nodes their type, mode and number", async () => {
    const stats = (await probe((p) => [p.fs.stat("/dev/null"), p.fs.stat("/dev/pts/0")])) as Array<Record<string, unknown>>;
    expect([stats[0].type, stats[0].mode, stats[0].rdev]).toEqual(["chardev", 0o666, { major: 1, minor: 3 }]);
    expect([stats[1].type, stats[1].mode, stats[1].gid, stats[1].rdev]).toEqual(["chardev", 0o620, 5, { major: 136, minor: 0 }]);
  });

  it("follows links across mounts: /dev/stdout -> /proc/self/fd/1 -> /dev/pts/0", async () => {
    expect(await probe((p) => p.fs.realpath("/dev/stdout"))).toBe("/dev/pts/0");
  });

  it("keeps files in /dev/shm, a tmpfs of its own, and will not rename across mounts", async () => {
    expect(
      await probe((p) => {
        p.fs.writeFile("/dev/shm/data", "x");
        return [p.fs.readdir("/dev/shm"), p.fs.statfs("/dev/shm").type];
      }),
    ).toEqual([["data"], "tmpfs"]);
    expect(
      await probe((p) => {
        p.fs.writeFile("/dev/shm/data", "x");
        p.fs.rename("/dev/shm/data", "/tmp/data");
      }),
    ).toBe("EXDEV: Invalid cross-device link");
  });

  it("reads zeros from /dev/zero and seeded bytes below 0x80 from /dev/urandom", async () => {
    const [zero, random, again] = (await probe(async (p) => {
      const read = async (path: string) => {
        const fd = p.open(path, "r");
        const chunk = (await p.read(fd)) ?? "";
        p.close(fd);
        return chunk;
      };
      return [await read("/dev/zero"), await read("/dev/urandom"), await read("/dev/urandom")];
    })) as string[];
    expect(zero).toBe("\0".repeat(4096));
    expect([...random].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(random).not.toBe(again);
  });

  it("discards writes to /dev/null and fails them on /dev/full", async () => {
    expect(
      await probe(async (p) => {
        p.fs.writeFile("/dev/null", "gone");
        const fd = p.open("/dev/full", "w");
        await p.write(fd, "x");
      }),
    ).toBe("ENOSPC: No space left on device");
  });
});
