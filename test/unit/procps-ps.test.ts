import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { programs } from "../../src/engine/programs";
import { run } from "./harness";

/**
 * A login-like session on pts/0: `scenario` (a session leader) starts `sleep 1000`,
 * `sleep 2000` and `tail -f /dev/null`, waits 65 s, then runs each command with its output
 * on a pipe. Every expectation below was checked against procps-ng 4.0.2 run on a copy of
 * this very /proc (bind-mounted over /proc, clock set with libfaketime), rows sorted by PID.
 */
async function session(cmds: string[][], env: Record<string, string> = {}): Promise<string[]> {
  const outputs: string[] = [];
  const scenario: Program = async (p) => {
    for (const argv of [
      ["sleep", "1000"],
      ["sleep", "2000"],
      ["tail", "-f", "/dev/null"],
    ]) {
      const exe = p.executable(p.which(argv[0]) as string, argv);
      p.spawn({ argv: exe.argv, program: exe.program });
    }
    await p.sleep(65_000);
    for (const args of cmds) {
      const exe = p.executable(p.which(args[0]) as string, args);
      const [r, w] = p.pipe();
      const pid = p.spawn({ argv: exe.argv, program: exe.program, fds: { 1: w, 2: w }, env: { ...p.env, ...env } });
      p.close(w);
      let out = "";
      for (let chunk = await p.read(r); chunk !== null; chunk = await p.read(r)) out += chunk;
      p.close(r);
      outputs.push(`${out}[${(await p.wait(pid)).code}]\n`);
    }
    return 0;
  };
  await run(["scenario"], { programs: new Map([...programs, ["scenario", scenario]]), tty: { cols: 80 }, timeout: 600_000 });
  return outputs;
}

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

const CASES: Array<[string[], string]> = [
  [
    ["ps"],
    `    PID TTY          TIME CMD
      2 pts/0    00:00:00 scenario
      3 pts/0    00:00:00 sleep
      4 pts/0    00:00:00 sleep
      5 pts/0    00:00:00 tail
      6 pts/0    00:00:00 ps
[0]
`,
  ],
  [
    ["ps", "aux"],
    `USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
root           1  0.0  0.0   2404  1364 ?        Ss   00:00   0:00 /sbin/init
root           2  0.0  0.0   2400  1200 pts/0    Ss+  00:00   0:00 scenario
root           3  0.0  0.0   2920  1820 pts/0    S+   00:00   0:00 sleep 1000
root           4  0.0  0.0   2920  1820 pts/0    S+   00:00   0:00 sleep 2000
root           5  0.0  0.0   2952  1716 pts/0    S+   00:00   0:00 tail -f /dev/null
root           7  0.0  0.1   8680  4660 pts/0    R+   00:01   0:00 ps aux
[0]
`,
  ],
  [
    ["ps", "-ef"],
    `UID          PID    PPID  C STIME TTY          TIME CMD
root           1       0  0 00:00 ?        00:00:00 /sbin/init
root           2       1  0 00:00 pts/0    00:00:00 scenario
root           3       2  0 00:00 pts/0    00:00:00 sleep 1000
root           4       2  0 00:00 pts/0    00:00:00 sleep 2000
root           5       2  0 00:00 pts/0    00:00:00 tail -f /dev/null
root           8       2  0 00:01 pts/0    00:00:00 ps -ef
[0]
`,
  ],
  [
    ["ps", "-l"],
    `F S   UID     PID    PPID  C PRI  NI ADDR SZ WCHAN  TTY          TIME CMD
0 S     0       2       1  0  80   0 -   600 pipe_r pts/0    00:00:00 scenario
0 S     0       3       2  0  80   0 -   730 hrtime pts/0    00:00:00 sleep
0 S     0       4       2  0  80   0 -   730 hrtime pts/0    00:00:00 sleep
0 S     0       5       2  0  80   0 -   738 hrtime pts/0    00:00:00 tail
0 R     0       9       2  0  80   0 -  2170 -      pts/0    00:00:00 ps
[0]
`,
  ],
  [
    ["ps", "j"],
    `   PPID     PID    PGID     SID TTY        TPGID STAT   UID   TIME COMMAND
      1       2       2       2 pts/0          2 Ss+      0   0:00 scenario
      2       3       2       2 pts/0          2 S+       0   0:00 sleep 1000
      2       4       2       2 pts/0          2 S+       0   0:00 sleep 2000
      2       5       2       2 pts/0          2 S+       0   0:00 tail -f /dev/null
      2      10       2       2 pts/0          2 R+       0   0:00 ps j
[0]
`,
  ],
  [
    ["ps", "axf"],
    `    PID TTY      STAT   TIME COMMAND
      1 ?        Ss     0:00 /sbin/init
      2 pts/0    Ss+    0:00 scenario
      3 pts/0    S+     0:00  \\_ sleep 1000
      4 pts/0    S+     0:00  \\_ sleep 2000
      5 pts/0    S+     0:00  \\_ tail -f /dev/null
     11 pts/0    R+     0:00  \\_ ps axf
[0]
`,
  ],
  [
    ["ps", "-o", "pid,comm,args,etime,time,lstart,stime"],
    `    PID COMMAND         COMMAND                         ELAPSED     TIME                  STARTED STIME
      2 scenario        scenario                          01:05 00:00:00 Thu Jan  1 00:00:00 2026 00:00
      3 sleep           sleep 1000                        01:05 00:00:00 Thu Jan  1 00:00:00 2026 00:00
      4 sleep           sleep 2000                        01:05 00:00:00 Thu Jan  1 00:00:00 2026 00:00
      5 tail            tail -f /dev/null                 01:05 00:00:00 Thu Jan  1 00:00:00 2026 00:00
     12 ps              ps -o pid,comm,args,etime,t       00:00 00:00:00 Thu Jan  1 00:01:05 2026 00:01
[0]
`,
  ],
  [["ps", "-p", "1,3"], "    PID TTY          TIME CMD\n      1 ?        00:00:00 init\n      3 pts/0    00:00:00 sleep\n[0]\n"],
  [
    ["ps", "--sort=-rss", "-o", "pid,rss,vsz,comm"],
    "    PID   RSS    VSZ COMMAND\n     14  4660   8680 ps\n      3  1820   2920 sleep\n      4  1820   2920 sleep\n      5  1716   2952 tail\n      2  1200   2400 scenario\n[0]\n",
  ],
  [["ps", "-o", "pid=,comm=X"], "        X\n      2 scenario\n      3 sleep\n      4 sleep\n      5 tail\n     15 ps\n[0]\n"],
  [["ps", "-p", "abc"], `error: process ID list syntax error\n${USAGE}[1]\n`],
  [["ps", "-o", "bogus"], `error: unknown user-defined format specifier "bogus"\n${USAGE}[1]\n`],
  [["ps", "-p", "999"], "    PID TTY          TIME CMD\n[1]\n"],
];

describe("ps", () => {
  it("prints the formats procps-ng 4.0.2 prints", async () => {
    const outputs = await session(CASES.map(([args]) => args));
    for (const [i, [args, expected]] of CASES.entries()) expect(outputs[i], args.join(" ")).toBe(expected);
  });

  it("cuts lines at COLUMNS, or at a multiple of it when the columns need more, and -ww lifts it", async () => {
    // Checked against procps-ng 4.0.2: COLUMNS=40 lays `ps -ef` out on 80 columns (its
    // fixed columns need 56) and `ps -o pid,comm,args` on 40.
    const [ef, custom, wide] = await session(
      [
        ["ps", "-ef"],
        ["ps", "-o", "pid,comm,args", "-p", "5"],
        ["ps", "-fww", "-p", "5"],
      ],
      { COLUMNS: "40" },
    );
    expect(ef.split("\n")[5]).toBe("root           5       2  0 00:00 pts/0    00:00:00 tail -f /dev/null");
    expect(custom).toBe("    PID COMMAND         COMMAND\n      5 tail            tail -f /dev/nul\n[0]\n");
    expect(wide.split("\n")[1]).toBe("root           5       2  0 00:00 pts/0    00:00:00 tail -f /dev/null");
  });

  it("reads BSD options given with a dash as the BSD ones after the UNIX parse fails", async () => {
    const [dashed, plain] = await session([
      ["ps", "-aux"],
      ["ps", "aux"],
    ]);
    const withoutPs = (text: string) => text.split("\n").filter((line) => !line.includes(" ps "));
    expect(withoutPs(dashed)).toEqual(withoutPs(plain));
    expect(dashed).toContain("R+   00:01   0:00 ps -aux\n");
  });
});
