import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import type { Termios } from "../../src/engine/kernel/tty";
import { less } from "../../src/engine/programs/less";
import { run } from "./harness";

/**
 * less 590 and util-linux 2.38 more, driven on a 40x10 terminal. The screens expected
 * below are what the real pagers showed for the same keys on a pty of that size (captured
 * with a Python pty harness); they are compared as a terminal would display them, since
 * the escape sequences that get there differ (less optimises its redraws, Stevedore
 * repaints). Highlights and standout prompts are checked in the raw output.
 */
const lines50 = Array.from({ length: 50 }, (_, i) => `line ${i + 1}\n`).join("");
const files = { "/t/f.txt": lines50, "/t/s.txt": "1\n2\n3\n", "/t/w.txt": `a\tb\n${"x".repeat(50)}\n`, "/t/dir/": "" };

/** Just enough of a VT100 to see what the pager left on the screen. */
function screen(output: string, rows = 10, cols = 40): string[] {
  const grid: string[][] = Array.from({ length: rows }, () => []);
  let row = 0;
  let col = 0;
  const clear = () => {
    for (const line of grid) line.length = 0;
  };
  for (let i = 0; i < output.length; i++) {
    const ch = output[i];
    if (ch === "\x1b") {
      const seq = /^\x1b(\[[?0-9;]*[A-Za-z@~]|[=>M])/.exec(output.slice(i));
      if (!seq) continue;
      i += seq[0].length - 1;
      const body = seq[1];
      if (body === "[H") row = col = 0;
      else if (body === "[2J" || body === "[?1049h" || body === "[?1049l") clear();
      else if (body === "[K") grid[row].length = col;
      continue;
    }
    if (ch === "\r") col = 0;
    else if (ch === "\n") {
      // The harness has turned the tty's \r\n back into \n.
      col = 0;
      if (row === rows - 1) {
        grid.shift();
        grid.push([]);
      } else row++;
    } else if (ch === "\b") col = Math.max(0, col - 1);
    else if (ch >= " ") {
      if (col >= cols) {
        col = 0;
        if (row === rows - 1) {
          grid.shift();
          grid.push([]);
        } else row++;
      }
      while (grid[row].length < col) grid[row].push(" ");
      grid[row][col++] = ch;
    }
  }
  return grid.map((line) => line.join("").trimEnd());
}

const programs = new Map(Object.entries(less));

function page(argv: string[], input: string) {
  return run(argv, { files, cwd: "/t", programs, tty: { cols: 40, rows: 10, input } });
}

const numbered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

describe("less on a terminal", () => {
  const cases: Array<[string, string[], string, string[]]> = [
    ["the first page and the file name", ["less", "f.txt"], "q", [...numbered(1, 9), "f.txt"]],
    ["space for the next page", ["less", "f.txt"], " q", [...numbered(10, 18), ":"]],
    ["j, Enter, k and b", ["less", "f.txt"], "j\rkbq", [...numbered(1, 9), ":"]],
    ["j and the down arrow", ["less", "f.txt"], "j\x1b[B\x1bOBq", [...numbered(4, 12), ":"]],
    ["G for the end", ["less", "f.txt"], "Gq", [...numbered(42, 50), "(END)"]],
    ["g back to the top", ["less", "f.txt"], "Ggq", [...numbered(1, 9), ":"]],
    ["d for half a page", ["less", "f.txt"], "dq", [...numbered(5, 13), ":"]],
    ["a search puts the match on the top line", ["less", "f.txt"], "/2\rq", [...numbered(2, 10), ":"]],
    ["n finds the next match", ["less", "f.txt"], "/2\rnq", [...numbered(12, 20), ":"]],
    ["a failed search", ["less", "f.txt"], "/zz\r", [...numbered(1, 9), "Pattern not found  (press RETURN)"]],
    ["a file that fits", ["less", "s.txt"], "q", ["1", "2", "3", "s.txt (END)", "", "", "", "", "", ""]],
    ["several files", ["less", "f.txt", "s.txt"], "q", [...numbered(1, 9), "f.txt (file 1 of 2)"]],
    ["the end of the first of two", ["less", "f.txt", "s.txt"], "Gq", [...numbered(42, 50), "(END) - Next: s.txt"]],
    ["tabs and long lines", ["less", "w.txt"], "q", ["a       b", "x".repeat(40), "x".repeat(10), "w.txt (END)", "", "", "", "", "", ""]],
    ["line numbers", ["less", "-N", "s.txt"], "q", ["      1 1", "      2 2", "      3 3", "s.txt (END)", "", "", "", "", "", ""]],
  ];
  it.each(cases)("%s", async (_name, argv, input, expected) => {
    const result = await page(argv, input);
    // The screen as it was just before q: leaving erases the prompt, then the alternate screen.
    const end = result.stdout.lastIndexOf("\r\x1b[K\x1b[?1l");
    const shown = screen(end < 0 ? result.stdout : result.stdout.slice(0, end));
    expect(shown).toEqual(expected);
  });

  it("takes the alternate screen and gives it back on q", async () => {
    const result = await page(["less", "s.txt"], "q");
    expect(result.stdout.startsWith("\x1b[?1049h")).toBe(true);
    expect(result.stdout.endsWith("\x1b[?1049l")).toBe(true);
    expect(result.status).toBe(0);
  });

  it("shows the prompt and matches in standout", async () => {
    const result = await page(["less", "f.txt"], "/2\rq");
    expect(result.stdout).toContain("\x1b[7mf.txt\x1b[27m");
    expect(result.stdout).toContain("line \x1b[7m2\x1b[27m");
  });

  it("rings the bell going past the end", async () => {
    const result = await page(["less", "f.txt"], "G q");
    expect(result.stdout).toContain("\x07");
  });

  it("refuses a directory and a missing file", async () => {
    expect((await page(["less", "dir"], "")).stdout).toBe("dir is a directory\n");
    const missing = await page(["less", "nothere"], "");
    expect(missing.stdout).toBe("nothere: No such file or directory\n");
    expect(missing.status).toBe(1);
  });

  it("wants a file name when stdin is the terminal", async () => {
    const result = await page(["less"], "");
    expect(result.stdout).toBe('Missing filename ("less --help" for help)\n');
  });
});

describe("more on a terminal", () => {
  const cases: Array<[string, string[], string, string[]]> = [
    ["the first screen and the percentage", ["more", "f.txt"], "q", [...numbered(1, 9), ""]],
    ["space, Enter and b", ["more", "f.txt"], " \rb", [...numbered(1, 9), "--More--(16%)"]],
    ["a search shows two lines before the match", ["more", "f.txt"], "/25\rq", ["...skipping", ...numbered(23, 30), ""]],
    ["= tells the line number", ["more", "f.txt"], "=", [...numbered(1, 9), "9"]],
  ];
  it.each(cases)("%s", async (_name, argv, input, expected) => {
    const result = await page(argv, input);
    expect(screen(result.stdout)).toEqual(expected);
  });

  it("prints --More--(NN%) in standout with the share of bytes shown", async () => {
    const result = await page(["more", "f.txt"], " \rq");
    expect(result.stdout).toContain("\x1b[7m--More--(16%)\x1b[27m");
    expect(result.stdout).toContain("\x1b[7m--More--(34%)\x1b[27m");
    expect(result.stdout).toContain("\x1b[7m--More--(36%)\x1b[27m");
  });

  it("exits at the end of the file", async () => {
    const result = await page(["more", "f.txt"], "      ");
    expect(screen(result.stdout)).toEqual([...numbered(42, 50), ""]);
    expect(result.status).toBe(0);
  });

  it("prints a short file and exits", async () => {
    const result = await page(["more", "s.txt"], "");
    expect(result.stdout).toBe("1\n2\n3\n");
  });

  it("puts a header before each of several files", async () => {
    const result = await page(["more", "s.txt", "f.txt"], "");
    expect(screen(result.stdout).slice(0, 7)).toEqual([
      "::::::::::::::",
      "s.txt",
      "::::::::::::::",
      "1",
      "2",
      "3",
      "--More--(Next file: f.txt)",
    ]);
  });

  it("complains without a file when stdin is the terminal", async () => {
    const result = await page(["more"], "");
    expect(result.stdout).toBe("more: bad usage\nTry 'more --help' for more information.\n");
    expect(result.status).toBe(1);
  });
});

/** Runs a pager with a pipe on stdin, as `cmd | less` does, then reports the terminal's modes. */
const piped: Program = async (p) => {
  const [r, w] = p.pipe();
  const pager = p.argv[1];
  const pid = p.spawn({ argv: [pager], program: less[pager], fds: { 0: r } });
  p.close(r);
  await p.write(w, lines50);
  p.close(w);
  const status = await p.wait(pid);
  const termios = p.ttyOf(1)?.termios as Termios;
  await p.stdout.write(`[exit ${status.code} icanon=${termios.icanon} echo=${termios.echo}]`);
  return 0;
};

/** Starts a pager, kills it while it waits for a key, then reports the terminal's modes. */
const killed: Program = async (p) => {
  const pid = p.spawn({ argv: ["less", "/t/f.txt"], program: less.less });
  await p.sleep(100);
  p.kill(pid, 15);
  const status = await p.wait(pid);
  const termios = p.ttyOf(1)?.termios as Termios;
  await p.stdout.write(`[signal ${status.signal} icanon=${termios.icanon} echo=${termios.echo}]`);
  return 0;
};

describe("pagers reading a pipe", () => {
  const table = new Map(Object.entries({ ...less, piped, killed }));

  it("less takes its keys from /dev/tty and starts with a plain : prompt", async () => {
    const result = await run(["piped", "less"], { files, programs: table, tty: { cols: 40, rows: 10, input: " q" } });
    const output = result.stdout;
    expect(output).toContain("line 9\n:\x1b[K");
    expect(output.endsWith("[exit 0 icanon=true echo=true]")).toBe(true);
    expect(screen(output.slice(0, output.lastIndexOf("\r\x1b[K\x1b[?1l")))).toEqual([...numbered(10, 18), ":"]);
  });

  it("more shows no percentage for a pipe", async () => {
    const result = await run(["piped", "more"], { files, programs: table, tty: { cols: 40, rows: 10, input: "q" } });
    expect(result.stdout).toContain("\x1b[7m--More--\x1b[27m");
    expect(result.stdout.endsWith("[exit 0 icanon=true echo=true]")).toBe(true);
  });

  it("the terminal is restored when the pager is killed", async () => {
    const result = await run(["killed"], { files, programs: table, tty: { cols: 40, rows: 10 } });
    expect(result.stdout.endsWith("[signal 15 icanon=true echo=true]")).toBe(true);
  });
});

describe("pagers off a terminal", () => {
  // `less f | cat` and `more a b | cat` with less 590 and util-linux 2.38 more.
  const cases: Array<[string[], string, string, string]> = [
    [["less", "s.txt"], "", "1\n2\n3\n", ""],
    [["less"], "from stdin\n", "from stdin\n", ""],
    [["less", "nothere", "s.txt"], "", "1\n2\n3\n", "nothere: No such file or directory\n"],
    [["less", "dir"], "", "", "dir is a directory\n"],
    [["more", "s.txt"], "", "1\n2\n3\n", ""],
    [
      ["more", "s.txt", "s.txt"],
      "",
      "::::::::::::::\ns.txt\n::::::::::::::\n1\n2\n3\n::::::::::::::\ns.txt\n::::::::::::::\n1\n2\n3\n",
      "",
    ],
    [["more", "nothere"], "", "", "more: cannot open nothere: No such file or directory\n"],
    [["more", "dir"], "", "\n*** dir: directory ***\n\n", ""],
  ];
  it.each(cases)("%j", async (argv, stdin, stdout, stderr) => {
    const result = await run(argv, { files, cwd: "/t", programs, stdin });
    expect(result.stdout).toBe(stdout);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(0);
  });
});
