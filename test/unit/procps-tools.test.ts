import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { programs } from "../../src/engine/programs";
import { run } from "./harness";

/**
 * The session of procps-ps.test.ts: sleep 1000, sleep 2000 and tail -f /dev/null under a
 * session leader on pts/0, 65 s after boot; `busy` adds a process that never stops computing.
 * Outputs marked "checked" were compared with procps-ng 4.0.2 reading a copy of this /proc.
 */
async function session(cmds: string[][], options: { busy?: boolean; waitMs?: number } = {}): Promise<string[]> {
  const outputs: string[] = [];
  const spin: Program = async (q) => {
    for (;;) await q.checkpoint();
  };
  const scenario: Program = async (p) => {
    for (const argv of [
      ["sleep", "1000"],
      ["sleep", "2000"],
      ["tail", "-f", "/dev/null"],
    ]) {
      const exe = p.executable(p.which(argv[0]) as string, argv);
      p.spawn({ argv: exe.argv, program: exe.program });
    }
    if (options.busy) p.spawn({ argv: ["spin"], program: spin });
    await p.sleep(options.waitMs ?? 65_000);
    for (const args of cmds) {
      const exe = p.executable(p.which(args[0]) as string, args);
      const [r, w] = p.pipe();
      const pid = p.spawn({ argv: exe.argv, program: exe.program, fds: { 1: w, 2: w } });
      p.close(w);
      let out = "";
      for (let chunk = await p.read(r); chunk !== null; chunk = await p.read(r)) out += chunk;
      p.close(r);
      outputs.push(`${out}[${(await p.wait(pid)).code}]\n`);
    }
    return 0;
  };
  await run(["scenario"], { programs: new Map([...programs, ["scenario", scenario]]), tty: { cols: 80 }, timeout: 900_000 });
  return outputs;
}

describe("free, uptime, pgrep, pidof, kill", () => {
  const CASES: Array<[string[], string]> = [
    [
      ["free"],
      "               total        used        free      shared  buff/cache   available\nMem:         4010232      171520     3327220        1172      511492     3838712\nSwap:              0           0           0\n[0]\n",
    ],
    [
      ["free", "-h"],
      "               total        used        free      shared  buff/cache   available\nMem:           3.8Gi       167Mi       3.2Gi       1.1Mi       499Mi       3.7Gi\nSwap:             0B          0B          0B\n[0]\n",
    ],
    [
      ["free", "-m", "-t", "-w"],
      "               total        used        free      shared     buffers       cache   available\nMem:            3916         167        3249           1          37         462        3748\nSwap:              0           0           0\nTotal:          3916         167        3249\n[0]\n",
    ],
    [["free", "-s", "x"], "free: seconds argument failed: 'x': Invalid argument\n[1]\n"],
    [["uptime"], " 00:01:05 up 1 min,  0 user,  load average: 0.00, 0.00, 0.00\n[0]\n"],
    [["uptime", "-p"], "up 1 minute\n[0]\n"],
    [["uptime", "-s"], "2026-01-01 00:00:00\n[0]\n"],
    [["pgrep", "-l", "sleep"], "3 sleep\n4 sleep\n[0]\n"],
    [["pgrep", "-a", "-f", "2000"], "4 sleep 2000\n[0]\n"],
    [["pgrep", "-d,", "sleep"], "3,4\n[0]\n"],
    [["pgrep", "-n", "sleep"], "4\n[0]\n"],
    [["pgrep", "-x", "slee"], "[1]\n"],
    [["pgrep", "-u", "nosuch", "x"], "pgrep: invalid user name: nosuch\n[2]\n"],
    [["pgrep", "("], "pgrep: regex error: Unmatched ( or \\(\n[2]\n"],
    [["pgrep"], "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n[2]\n"],
    [["pidof", "sleep"], "4 3\n[0]\n"],
    [["pidof", "-s", "sleep"], "4\n[0]\n"],
    [["pidof", "nothing"], "[1]\n"],
    [["kill", "99"], "kill: (99): No such process\n[1]\n"],
    [["kill", "-s", "FOO", "1"], "kill: (1): Invalid argument\n[1]\n"],
    [["kill", "abc"], "kill: failed to parse argument: 'abc'\n[1]\n"],
    [["kill", "-l", "9"], "KILL\n[0]\n"],
    [["kill", "-l", "SIGTERM"], "15\n[0]\n"],
    [["kill", "-l", "99"], "kill: unknown signal name 99\n[0]\n"],
    [
      ["kill", "-L"],
      " 1 HUP      2 INT      3 QUIT     4 ILL      5 TRAP     6 ABRT     7 BUS\n 8 FPE      9 KILL    10 USR1    11 SEGV    12 USR2    13 PIPE    14 ALRM\n15 TERM    16 STKFLT  17 CHLD    18 CONT    19 STOP    20 TSTP    21 TTIN\n22 TTOU    23 URG     24 XCPU    25 XFSZ    26 VTALRM  27 PROF    28 WINCH\n29 POLL    30 PWR     31 SYS     \n[0]\n",
    ],
  ];

  it("print what procps-ng 4.0.2 prints (checked)", async () => {
    const outputs = await session(CASES.map(([args]) => args));
    for (const [i, [args, expected]] of CASES.entries()) expect(outputs[i], args.join(" ")).toBe(expected);
  });

  it("kill sends the signal, pkill -e names what it killed", async () => {
    const outputs = await session([
      ["kill", "-9", "3"],
      ["pkill", "-e", "tail"],
      ["pgrep", "-l", "sleep|tail"],
      ["pgrep", "-l", "-r", "S", "sleep|tail"],
      ["kill", "-0", "4"],
    ]);
    // The killed ones are zombies until their parent reaps them: pgrep still lists them.
    expect(outputs).toEqual(["[0]\n", "tail killed (pid 5)\n[0]\n", "3 sleep\n4 sleep\n5 tail\n[0]\n", "4 sleep\n[0]\n", "[0]\n"]);
  });
});

describe("top", () => {
  it("prints procps-ng 4.0.2's batch frame (checked)", async () => {
    const [frame] = await session([["top", "-b", "-n", "1"]]);
    expect(frame.replace(/0:00\.0\d scenario/, "0:00.00 scenario")).toBe(`top - 00:01:05 up 1 min,  0 user,  load average: 0.00, 0.00, 0.00
Tasks:   6 total,   1 running,   5 sleeping,   0 stopped,   0 zombie
%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st 
MiB Mem :   3916.2 total,   3245.3 free,    171.4 used,    499.5 buff/cache     
MiB Swap:      0.0 total,      0.0 free,      0.0 used.   3744.9 avail Mem 

    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND
      1 root      20   0    2404   1364   1024 S   0.0   0.0   0:00.00 init
      2 root      20   0    2400   1200    900 S   0.0   0.0   0:00.00 scenario
      3 root      20   0    2920   1820   1364 S   0.0   0.0   0:00.00 sleep
      4 root      20   0    2920   1820   1364 S   0.0   0.0   0:00.00 sleep
      5 root      20   0    2952   1716   1288 S   0.0   0.0   0:00.00 tail
      6 root      20   0    9056   5184   3888 R   0.0   0.1   0:00.00 top
[0]
`);
  });

  it("cuts the summary at -w and keeps the columns that fit (checked)", async () => {
    const [frame] = await session([["top", "-b", "-n", "1", "-w", "60", "-p", "4,5"]]);
    expect(frame.split("\n").slice(0, 2)).toEqual([
      "top - 00:01:05 up 1 min,  0 user,  load average: 0.00, 0.00,",
      "Tasks:   2 total,   0 running,   2 sleeping,   0 stopped,   ",
    ]);
    expect(frame.split("\n").slice(6, 9)).toEqual([
      "    PID USER      PR  NI    VIRT    RES    SHR S  %CPU",
      "      4 root      20   0    2920   1820   1364 S   0.0",
      "      5 root      20   0    2952   1716   1288 S   0.0",
    ]);
  });

  it("shows a busy process near 100% of one CPU, first, and the load rising", async () => {
    const [frames] = await session([["top", "-b", "-n", "2", "-d", "1"]], { busy: true, waitMs: 90_000 });
    const [first, second] = frames.split("\n\ntop - ");
    expect(first).toMatch(/load average: 0\.7\d, 0\.2\d, 0\.\d\d/);
    expect(first.split("\n")[7]).toMatch(/^ {6}6 root {6}20 {3}0 {4}2400 {3}1200 {4}900 R +(9\d|100)\.\d +0\.0 +1:30\.\d\d spin$/);
    expect(second.split("\n")[2]).toMatch(/^%Cpu\(s\): 12\.\d us, {2}0\.0 sy/);
    expect(second).toContain("Tasks:   7 total,   2 running,   5 sleeping");
  });

  it("runs full screen on a terminal until q, and gives the terminal back", async () => {
    const result = await run(["top", "-d", "5"], { tty: { cols: 80, rows: 12, input: "q" } });
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith("\x1b[?1h\x1b=\x1b[?25l\x1b[H\x1b[2Jtop - 00:00:00 up 0 min,  0 user,")).toBe(true);
    expect(result.stdout).toContain(
      "\x1b[7m    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND  \x1b(B\x1b[m\x1b[K",
    );
    expect(result.stdout.endsWith("\x1b[?1l\x1b>\x1b[13;1H\n\x1b[?12l\x1b[?25h\x1b[K")).toBe(true);
    const tty = result.kernel.pty("pts/0");
    expect(tty?.termios.icanon).toBe(true);
    expect(tty?.termios.echo).toBe(true);
  });

  it("ends with status 0 on Ctrl-C", async () => {
    const result = await run(["top"], { tty: { cols: 80, rows: 24, input: "\x03" } });
    expect(result.status).toBe(0);
    expect(result.kernel.pty("pts/0")?.termios.icanon).toBe(true);
  });

  it("refuses to run interactively without a terminal, and reports bad options as 4.0.2 does", async () => {
    expect((await run(["top"])).stderr).toBe("top: failed tty get\n");
    const bad = await run(["top", "-b", "-n", "abc"]);
    expect([bad.stderr, bad.status]).toEqual(["top: bad iterations argument 'abc'\n", 1]);
    const unknown = await run(["top", "-b", "-o", "FOO"]);
    expect([unknown.stderr, unknown.status]).toEqual(["top: unrecognized field name 'FOO'\n", 1]);
  });
});

describe("watch", () => {
  it("redraws the command's output under a right-aligned header until Ctrl-C", async () => {
    const result = await run(["watch", "-n", "1", "-x", "uptime"], { tty: { cols: 80, rows: 10, input: "\x03" } });
    expect(result.status).toBe(0);
    expect(result.stdout.startsWith("\x1b[?1049h\x1b[22;0;0t\x1b[H\x1b[2J")).toBe(true);
    // procps-ng 4.0.2 with 80 columns puts "node1: <date>" at column 50 so the date ends on column 80.
    expect(result.stdout).toContain("\x1b[1;1HEvery 1.0s: uptime\x1b[1;50Hnode1: Thu Jan  1 00:00:00 2026");
    expect(result.stdout).toContain("\x1b[3;1H 00:00:00 up 0 min,  0 user,  load average: 0.00, 0.00, 0.00");
    expect(result.stdout.endsWith("\x1b[10;1H\x1b[?1049l\x1b[23;0;0t")).toBe(true);
  });

  it("runs again every interval on the virtual clock", async () => {
    const result = await run(["watch", "-t", "-n", "2", "-x", "uptime"], { tty: { cols: 80, rows: 10 }, timeout: 5_000 });
    const draws = result.stdout.match(/up 0 min/g) ?? [];
    expect(draws.length).toBe(3);
    expect(result.stdout).toContain(" 00:00:04 up 0 min");
  });

  it("says how to use it when the command is missing", async () => {
    const result = await run(["watch"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Usage:\n watch [options] command\n");
  });
});
