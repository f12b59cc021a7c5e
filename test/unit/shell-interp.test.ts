/**
 * The interpreter as a learner meets it: scripts with their output and status (table),
 * scripts from files and standard input, programs run through PATH, the standalone
 * echo/printf/test, and the interactive shell typed into through the simulator.
 * Expected texts were checked against GNU bash 5.2 and GNU coreutils 9.1.
 */
import { describe, expect, it } from "vitest";
import type { MemFileSystem } from "../../src/engine/fs/memfs";
import { binaryContent, type Program } from "../../src/engine/kernel/exec";
import { programs as allPrograms } from "../../src/engine/programs";
import { complete } from "../../src/engine/shell/interp/complete";
import { initVariables } from "../../src/engine/shell/interp/environment";
import { expandPrompt } from "../../src/engine/shell/interp/prompt";
import { Runner } from "../../src/engine/shell/interp/runner";
import { ShellState } from "../../src/engine/shell/interp/state";
import { parseScript } from "../../src/sim/script";
import { Simulation } from "../../src/sim/simulation";
import { run, sh } from "./harness";

interface Case {
  script: string;
  stdout: string;
  stderr?: string;
  status?: number;
}

const table: Case[] = [
  { script: "echo hello world", stdout: "hello world\n" },
  { script: "x=5; echo $((x*2)) ${x}y", stdout: "10 5y\n" },
  { script: "for i in 1 2 3; do echo $i; done | cat", stdout: "1\n2\n3\n" },
  { script: "echo $(echo sub) `echo bq`", stdout: "sub bq\n" },
  { script: "f() { echo in f $1; return 3; }; f arg; echo $?", stdout: "in f arg\n3\n" },
  { script: "foo", stdout: "", stderr: "bash: line 1: foo: command not found\n", status: 127 },
  { script: "cd /nope", stdout: "", stderr: "bash: line 1: cd: /nope: No such file or directory\n", status: 1 },
  { script: "echo a > /nope/f", stdout: "", stderr: "bash: line 1: /nope/f: No such file or directory\n", status: 1 },
  {
    script: "echo a; fi",
    stdout: "",
    stderr: "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `echo a; fi'\n",
    status: 2,
  },
  { script: "if true", stdout: "", stderr: "bash: -c: line 2: syntax error: unexpected end of file\n", status: 2 },
  { script: "echo ok\necho 'open", stdout: "ok\n", stderr: "bash: -c: line 2: unexpected EOF while looking for matching `''\n", status: 2 },
  { script: 'x=$(cat <<EOF\nheredoc in subst\nEOF\n); echo "$x"', stdout: "heredoc in subst\n" },
  { script: 'echo "$(< /etc/hostname)"', stdout: "node1\n" },
  { script: 'f() { echo "$FUNCNAME ${FUNCNAME[@]}"; }; g() { f; }; g', stdout: "f f g main\n" },
  { script: "ref=HOME; echo ${!ref}; a=(x y); r='a[1]'; echo ${!r}; echo ${!BASH_V*}", stdout: "/root\ny\nBASH_VERSINFO BASH_VERSION\n" },
  { script: "echo $BASH_VERSION ${BASH_VERSINFO[5]}", stdout: "5.2.26(1)-release x86_64-alpine-linux-musl\n" },
  { script: "echo ${x:?oops}; echo never", stdout: "", stderr: "bash: line 1: x: oops\n", status: 127 },
  {
    script: "echo $((1/0)); echo same line\necho next $?",
    stdout: "next 1\n",
    stderr: 'bash: line 1: 1/0: division by 0 (error token is "0")\n',
  },
  { script: "f() { nosuch; }; f", stdout: "", stderr: "environment: line 1: nosuch: command not found\n", status: 127 },
  { script: "sleep 5 & kill $!; wait $!; echo $?", stdout: "143\n" },
  { script: "true | (exit 4); echo ${PIPESTATUS[@]}", stdout: "0 4\n" },
  { script: "echo hi | tee /tmp/t > /dev/null; cat /tmp/t", stdout: "hi\n" },
  { script: "type -t cat; command -v cat; type cat", stdout: "file\n/bin/cat\ncat is /bin/cat\n" },
  {
    script: "ls /nonexistent 2>&1 | cat; echo ${PIPESTATUS[0]}",
    stdout: "ls: cannot access '/nonexistent': No such file or directory\n2\n",
  },
  { script: "exec echo replaced; echo never", stdout: "replaced\n" },
  { script: "trap 'echo trapped' USR1; kill -USR1 $$; echo after", stdout: "trapped\nafter\n" },
  { script: "trap 'echo cleanup' EXIT; exit 4", stdout: "cleanup\n", status: 4 },
  { script: "sh -c 'nosuch'", stdout: "", stderr: "sh: line 1: nosuch: command not found\n", status: 127 },
];

describe("shell interpreter (bash -c)", () => {
  for (const c of table) {
    it(c.script.replace(/\n/g, "\\n"), async () => {
      const result = await sh(c.script);
      expect(result.stdout).toBe(c.stdout);
      if (c.stderr !== undefined) expect(result.stderr).toBe(c.stderr);
      expect(result.status).toBe(c.status ?? 0);
    });
  }

  it("keeps a busy loop cooperative and finishes it", async () => {
    const result = await sh("i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; echo $i");
    expect(result.stdout).toBe("3000\n");
  });

  it("execs the single command of bash -c in place, as bash does, and forks otherwise", async () => {
    const parent: Program = async (proc) => {
      const me = proc.processes().find((p) => p.pid === proc.pid);
      const up = proc.processes().find((p) => p.pid === me?.ppid);
      await proc.stdout.write(`${up?.comm}\n`);
      return 0;
    };
    const programs = new Map([...allPrograms, ["parent", parent]]);
    const setup = (fs: MemFileSystem) => {
      fs.writeFile("/bin/parent", binaryContent("parent"));
      fs.chmod("/bin/parent", 0o755);
    };
    expect((await run(["bash", "-c", "parent"], { programs, setup })).stdout).toBe("init\n");
    expect((await run(["bash", "-c", "parent; true"], { programs, setup })).stdout).toBe("bash\n");
    expect((await run(["bash", "-c", "(parent)"], { programs, setup })).stdout).toBe("bash\n");
  });

  it("creates files through redirections with the umask applied", async () => {
    const result = await sh("umask 027; echo x > f; umask 077; echo y > g");
    expect(result.fs.stat("/root/f").mode & 0o777).toBe(0o640);
    expect(result.fs.stat("/root/g").mode & 0o777).toBe(0o600);
  });
});

describe("shell scripts", () => {
  it("runs a script file with its arguments, naming it in errors", async () => {
    const result = await run(["bash", "x.sh", "arg"], {
      files: { "/root/x.sh": 'echo "in script $0 $1"\nnosuch\nexit 3\n' },
    });
    expect(result.stdout).toBe("in script x.sh arg\n");
    expect(result.stderr).toBe("x.sh: line 2: nosuch: command not found\n");
    expect(result.status).toBe(3);
  });

  it("stops a script at a syntax error after running what came before", async () => {
    const result = await run(["bash", "e.sh"], { files: { "/root/e.sh": "echo a\nfi\necho b\n" } });
    expect(result.stdout).toBe("a\n");
    expect(result.stderr).toBe("e.sh: line 2: syntax error near unexpected token `fi'\ne.sh: line 2: `fi'\n");
    expect(result.status).toBe(2);
  });

  it("reports a missing script and a directory as bash does", async () => {
    expect(await run(["bash", "/nonexist"])).toMatchObject({ stderr: "bash: /nonexist: No such file or directory\n", status: 127 });
    expect(await run(["bash", "/tmp"])).toMatchObject({ stderr: "/tmp: /tmp: Is a directory\n", status: 126 });
  });

  it("reads a script from standard input, sharing it with read", async () => {
    const result = await run(["bash"], { stdin: 'read x\necho "got $x"\nhullo\necho end\n' });
    expect(result.stdout).toBe("end\n");
    expect(result.stderr).toBe("bash: line 2: hullo: command not found\n");
  });

  it("runs bash -s with positional parameters from standard input", async () => {
    const result = await run(["bash", "-s", "x", "y"], { stdin: "echo $0 $1 $2\n" });
    expect(result.stdout).toBe("bash x y\n");
  });

  it("runs an executable text file without #! as a shell script, and refuses others", async () => {
    const setup = (fs: MemFileSystem) => {
      fs.writeFile("/root/nox", "echo from nox $1\n");
      fs.chmod("/root/nox", 0o755);
      fs.writeFile("/root/noexec", "echo hi\n");
      fs.chmod("/root/noexec", 0o644);
      fs.writeFile("/root/shebang", "#!/bin/bash\necho from shebang $0\n");
      fs.chmod("/root/shebang", 0o755);
    };
    expect((await sh("./nox arg; echo $?", { setup })).stdout).toBe("from nox arg\n0\n");
    expect(await sh("./noexec", { setup })).toMatchObject({ stderr: "bash: line 1: ./noexec: Permission denied\n", status: 126 });
    expect(await sh("/tmp", { setup })).toMatchObject({ stderr: "bash: line 1: /tmp: Is a directory\n", status: 126 });
    expect((await sh("./shebang", { setup })).stdout).toBe("from shebang ./shebang\n");
  });

  it("prints bash --version as Alpine's bash 5.2.26", async () => {
    const result = await run(["bash", "--version"]);
    expect(result.stdout.split("\n")[0]).toBe("GNU bash, version 5.2.26(1)-release (x86_64-alpine-linux-musl)");
  });

  it("rejects an unknown option with the usage text", async () => {
    const result = await run(["bash", "-z"]);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n").slice(0, 2)).toEqual(["bash: -z: invalid option", "Usage:\tbash [GNU long option] [option] ..."]);
  });
});

describe("standalone echo, printf, test and [", () => {
  it("echo interprets -n and -e", async () => {
    expect((await run(["echo", "-e", "a\\tb"])).stdout).toBe("a\tb\n");
    expect((await run(["echo", "-n", "x"])).stdout).toBe("x");
  });

  it("printf formats and reports bad numbers with coreutils' wording", async () => {
    expect((await run(["printf", "%s=%05.1f\\n", "pi", "3.14159"])).stdout).toBe("pi=003.1\n");
    const bad = await run(["printf", "%d\\n", "abc"]);
    expect(bad.stdout).toBe("0\n");
    expect(bad.stderr).toBe("printf: 'abc': expected a numeric value\n");
    expect(bad.status).toBe(1);
  });

  it("test and [ evaluate, with coreutils' messages", async () => {
    expect((await run(["test", "-d", "/"])).status).toBe(0);
    expect((await run(["[", "1", "=", "2", "]"])).status).toBe(1);
    expect(await run(["/bin/[", "1", "=", "1"])).toMatchObject({ stderr: "/bin/[: missing ']'\n", status: 2 });
    expect(await run(["test", "a", "-eq", "1"])).toMatchObject({ stderr: "test: invalid integer 'a'\n", status: 2 });
  });
});

describe("interactive shell", () => {
  async function session(lines: string) {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(parseScript(lines));
    return sim;
  }

  it("shows prompts, reports statuses and keeps history as bash's cmdhist does", async () => {
    const sim = await session("echo one\nfalse\nfor i in 1 2\ndo\necho $i\ndone\nhistory\n");
    expect(sim.entries.slice(0, 2).map((e) => [e.output, e.exit])).toEqual([
      ["one\n", 0],
      ["", 1],
    ]);
    const history = sim.entries[sim.entries.length - 1].output;
    expect(history).toBe("    1  echo one\n    2  false\n    3  for i in 1 2; do echo $i; done\n    4  history\n");
  });

  it("prints interactive errors without line numbers", async () => {
    const sim = await session("nosuch\nfi\necho ${nope:?gone}\necho $?\n");
    expect(sim.entries.map((e) => e.output)).toEqual([
      "bash: nosuch: command not found\n",
      "bash: syntax error near unexpected token `fi'\n",
      "bash: nope: gone\n",
      "1\n",
    ]);
  });

  it("announces background jobs and their end before the next prompt", async () => {
    const sim = await session("sleep 1 &\nsleep 2\njobs\n");
    expect(sim.entries[0].output).toMatch(/^\[1\] \d+\n$/);
    expect(sim.entries[1].output).toBe("[1]+  Done                    sleep 1\n");
    expect(sim.entries[2].output).toBe("");
  });

  it("lists running jobs and kills them by job spec", async () => {
    const sim = await session("sleep 50 &\njobs\nkill %1\necho next\n");
    expect(sim.entries[1].output).toBe("[1]+  Running                 sleep 50 &\n");
    expect(sim.entries[3].output).toBe("next\n[1]+  Terminated              sleep 50\n");
  });

  it("interrupts a loop in the shell and a foreground program with ^C, status 130", async () => {
    const sim = await session("while true; do :; done\n#! key ctrl-c\necho $?\nsleep 100\n#! key ctrl-c\necho $?\n");
    // bash ends the ^C line with a newline whether it interrupted itself or a foreground job.
    expect(sim.entries.map((e) => e.output)).toEqual(["", "\n", "130\n", "", "\n", "130\n"]);
  });

  it("reads continuation lines with PS2 and here-documents", async () => {
    const sim = await session("x=5\ncat <<EOF\nvalue $x\nEOF\n");
    expect(sim.entries[sim.entries.length - 1].output).toBe("value 5\n");
    expect(sim.transcriptText()).toContain("> value $x\n> EOF\n");
  });

  it("expands !! and !$ and reports unknown events, echoing the expanded line", async () => {
    const sim = await session("echo hello world\n!!\necho !$\necho !nosuch\necho 'a!b' \"c!\"\n");
    expect(sim.entries.map((e) => e.output)).toEqual([
      "hello world\n",
      "echo hello world\nhello world\n",
      "echo world\nworld\n",
      "bash: !nosuch: event not found\n",
      "a!b c!\n",
    ]);
  });

  it("continues a line that ends in a backslash", async () => {
    const sim = await session("echo a \\\nb\n");
    expect(sim.entries[1].output).toBe("a b\n");
  });

  it("says logout when a login shell exits", async () => {
    const sim = await session("exit\n");
    expect(sim.entries[0].output).toBe("logout\n");
  });

  it("expands aliases typed at the prompt", async () => {
    const sim = await session("alias ll='echo listing'\nll -a\n");
    expect(sim.entries[1].output).toBe("listing -a\n");
  });
});

describe("completion and prompts", () => {
  /** Runs `body` with a Runner on a fresh host, as an interactive bash would have it. */
  async function withRunner(body: (runner: Runner) => Promise<string>, files: Record<string, string> = {}): Promise<string> {
    const probe: Program = async (proc) => {
      const state = new ShellState();
      state.interactive = true;
      initVariables(state, proc);
      await proc.stdout.write(await body(new Runner(proc, state, { shell: async () => 0 })));
      return 0;
    };
    const programs = new Map([...allPrograms, ["probe", probe]]);
    const setup = (fs: MemFileSystem) => {
      fs.writeFile("/bin/probe", binaryContent("probe"));
      fs.chmod("/bin/probe", 0o755);
    };
    return (await run(["probe"], { programs, setup, files, env: { USER: "root" } })).stdout;
  }

  it("completes command names, files (directories with a slash) and variables", async () => {
    const out = await withRunner(
      async (runner) =>
        [
          complete(runner, "ech", 3).sort().join(","),
          complete(runner, "cat /etc/host", 13).sort().join(","),
          complete(runner, "cd /r", 5).sort().join(","),
          complete(runner, "echo $HOS", 9).sort().join(","),
        ].join("\n"),
      {},
    );
    expect(out.split("\n")).toEqual(["echo", "/etc/hostname,/etc/hosts", "/root/,/run/", "$HOSTNAME,$HOSTTYPE"]);
  });

  it("expands prompt escapes as bash's decode_prompt_string", async () => {
    const out = await withRunner(async (runner) => {
      runner.setVariable("PS1", "\\u@\\h:\\w\\$ [\\#] \\[\\e[1m\\]$((1+1))\\] \\s-\\v \\A");
      runner.setVariable("PWD", "/root/src");
      return expandPrompt(runner, "PS1");
    });
    expect(out).toBe("root@node1:~/src# [1] \x01\x1b[1m\x022\x02 bash-5.2 00:00");
  });
});
