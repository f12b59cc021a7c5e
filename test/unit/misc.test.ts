import { describe, expect, it } from "vitest";
import { run } from "./harness";

type Case = { argv: string[]; env?: Record<string, string>; stdout: string; stderr?: string; status: number };

async function check(cases: Case[]): Promise<void> {
  for (const c of cases) {
    const result = await run(c.argv, { env: c.env });
    expect([result.stdout, result.stderr, result.status], c.argv.join(" ")).toEqual([c.stdout, c.stderr ?? "", c.status]);
  }
}

describe("which", () => {
  // Behaviour of debianutils' which (Debian 12), run by dash as on the reference machine.
  it("prints the first match on PATH, nothing and status 1 for a missing name", () =>
    check([
      { argv: ["which", "ls"], stdout: "/bin/ls\n", status: 0 },
      { argv: ["which", "top", "nope", "cat"], stdout: "/usr/bin/top\n/bin/cat\n", status: 1 },
      { argv: ["which", "nope"], stdout: "", status: 1 },
      { argv: ["which"], stdout: "", status: 1 },
      { argv: ["which", "/bin/ls", "./nope"], stdout: "/bin/ls\n", status: 1 },
      { argv: ["which", "-a", "ls"], env: { PATH: "/bin:/usr/bin:/bin" }, stdout: "/bin/ls\n/bin/ls\n", status: 0 },
      { argv: ["which", "ls"], env: { PATH: "/nowhere:" }, stdout: "", status: 1 },
      { argv: ["which", "-x", "ls"], stdout: "Usage: /usr/bin/which [-a] args\n", stderr: "Illegal option -x\n", status: 2 },
    ]));
});

describe("clear", () => {
  // ncurses 6.4's clear with the terminfo of each TERM (checked on Debian 12).
  it("writes the terminal's clear sequence, with E3 unless -x", () =>
    check([
      { argv: ["clear"], stdout: "\x1b[H\x1b[2J\x1b[3J", status: 0 },
      { argv: ["clear", "-x"], stdout: "\x1b[H\x1b[2J", status: 0 },
      { argv: ["clear"], env: { TERM: "vt100" }, stdout: "\x1b[H\x1b[J", status: 0 },
      { argv: ["clear"], env: { TERM: "linux" }, stdout: "\x1b[H\x1b[J\x1b[3J", status: 0 },
      { argv: ["clear", "-T", "screen"], stdout: "\x1b[H\x1b[J", status: 0 },
      { argv: ["clear"], env: { TERM: "dumb" }, stdout: "", status: 1 },
      { argv: ["clear"], env: { TERM: "foo" }, stdout: "", stderr: "'foo': unknown terminal type.\n", status: 1 },
      {
        argv: ["clear", "-q"],
        stdout: "",
        stderr:
          "clear: invalid option -- 'q'\nUsage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n  -x          do not try to clear scrollback\n",
        status: 1,
      },
    ]));
});

describe("hostname", () => {
  // Debian's hostname 3.23; names resolve through the host's /etc/hosts.
  it("shows the name, its address and its short and long forms", () =>
    check([
      { argv: ["hostname"], stdout: "node1\n", status: 0 },
      { argv: ["hostname", "-s"], stdout: "node1\n", status: 0 },
      { argv: ["hostname", "-f"], stdout: "node1\n", status: 0 },
      { argv: ["hostname", "-d"], stdout: "\n", status: 0 },
      { argv: ["hostname", "-i"], stdout: "192.168.0.18\n", status: 0 },
      { argv: ["hostname", "-I"], stdout: "192.168.0.18 \n", status: 0 },
      { argv: ["hostname", "-y"], stdout: "", stderr: "hostname: Local domain name not set\n", status: 1 },
      { argv: ["hostname", "-V"], stdout: "hostname 3.23\n", status: 0 },
    ]));

  it("sets the name of the UTS namespace, and refuses bad ones", async () => {
    const set = await run(["hostname", "box"]);
    expect(set.status).toBe(0);
    expect(set.kernel.initNs.uts.hostname).toBe("box");
    await check([
      { argv: ["hostname", "bad name!"], stdout: "", stderr: "hostname: the specified hostname is invalid\n", status: 1 },
      { argv: ["hostname", "x".repeat(65)], stdout: "", stderr: "hostname: name too long\n", status: 1 },
    ]);
  });

  it("prints its usage on stdout and exits 255 for a bad option", async () => {
    const result = await run(["hostname", "-x"]);
    expect([result.stderr, result.status]).toEqual(["hostname: invalid option -- 'x'\n", 255]);
    expect(result.stdout.startsWith("Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n")).toBe(true);
  });
});
