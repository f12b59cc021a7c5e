import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { findutils } from "../../src/engine/programs/findutils";
import { run } from "./harness";

/**
 * find against a small project tree. Every case was run with GNU findutils 4.9.0 on the
 * same tree (LC_ALL=C, stdin not a terminal, same modes and ages): the lines, messages
 * and exit statuses below are the real ones. GNU lists a directory in ext4 hash order;
 * Stevedore lists it in name order, which is the order kept here.
 */
const echo: Program = async (p) => {
  await p.stdout.write(`${p.argv.slice(1).join(" ")}\n`);
  return 0;
};
const falseProgram: Program = async () => 1;

const files = {
  "/w/src/app.js": "console.log(1)\n",
  "/w/src/lib/util.js": "x\n",
  "/w/src/lib/README.md": "",
  "/w/docs/guide.TXT": "g".repeat(1500),
  "/w/docs/notes.txt": "notes\n",
  "/w/empty.log": "",
  "/w/.hidden": "h\n",
  "/w/Dockerfile": "FROM alpine\n",
  "/w/run.sh": "#!/bin/sh\n",
  "/w/emptydir/": "",
};

/** Sets the modes, the symlink and the ages (seconds before now) the real run had, then runs argv. */
const fixture: Program = async (p) => {
  p.fs.chmod("/w/run.sh", 0o755);
  p.fs.chmod("/w/docs/notes.txt", 0o666);
  p.fs.symlink("src/app.js", "/w/link");
  const ages: Record<string, number> = {
    "src/app.js": 300,
    "src/lib/util.js": 3600,
    "docs/guide.TXT": 2 * 86400 + 600,
    "docs/notes.txt": 5 * 86400,
    Dockerfile: 1.5 * 86400,
    "src/lib/README.md": 30,
  };
  for (const [path, age] of Object.entries(ages)) p.fs.utimes(`/w/${path}`, p.now() - age * 1000, p.now() - age * 1000);
  await p.sleep(1000);
  const exe = p.executable(p.which(p.argv[1]) ?? "", p.argv.slice(1));
  const pid = p.spawn({ argv: exe.argv, program: exe.program });
  return (await p.wait(pid)).code;
};

const programs = new Map(Object.entries({ ...findutils, echo, false: falseProgram, fixture }));

function find(argv: string[]) {
  return run(["fixture", ...argv], { files, cwd: "/w", programs });
}

const cases: Array<[string[], string, string, number]> = [
  [
    ["find"],
    ".\n./.hidden\n./Dockerfile\n./docs\n./docs/guide.TXT\n./docs/notes.txt\n./empty.log\n./emptydir\n./link\n./run.sh\n./src\n./src/app.js\n./src/lib\n./src/lib/README.md\n./src/lib/util.js\n",
    "",
    0,
  ],
  [["find", ".", "-name", "*.txt"], "./docs/notes.txt\n", "", 0],
  [["find", "-iname", "*.txt"], "./docs/guide.TXT\n./docs/notes.txt\n", "", 0],
  [["find", "src", "docs", "-type", "f"], "src/app.js\nsrc/lib/README.md\nsrc/lib/util.js\ndocs/guide.TXT\ndocs/notes.txt\n", "", 0],
  [["find", "-type", "d"], ".\n./docs\n./emptydir\n./src\n./src/lib\n", "", 0],
  [["find", "-type", "l"], "./link\n", "", 0],
  [["find", "-type", "f,l", "-name", "*a*"], "./src/app.js\n", "", 0],
  [["find", "-maxdepth", "1"], ".\n./.hidden\n./Dockerfile\n./docs\n./empty.log\n./emptydir\n./link\n./run.sh\n./src\n", "", 0],
  [
    ["find", "-mindepth", "2"],
    "./docs/guide.TXT\n./docs/notes.txt\n./src/app.js\n./src/lib\n./src/lib/README.md\n./src/lib/util.js\n",
    "",
    0,
  ],
  [["find", "-mindepth", "1", "-maxdepth", "1", "-type", "d"], "./docs\n./emptydir\n./src\n", "", 0],
  [["find", "-empty"], "./empty.log\n./emptydir\n./src/lib/README.md\n", "", 0],
  [["find", "-size", "+1k"], ".\n./docs\n./docs/guide.TXT\n./emptydir\n./src\n./src/lib\n", "", 0],
  [["find", "-size", "-1"], "./empty.log\n./src/lib/README.md\n", "", 0],
  [["find", "-size", "2k"], "./docs/guide.TXT\n", "", 0],
  [["find", "-size", "12c"], "./Dockerfile\n", "", 0],
  [["find", "-type", "f", "-size", "0"], "./empty.log\n./src/lib/README.md\n", "", 0],
  [["find", "-path", "./src/*"], "./src/app.js\n./src/lib\n./src/lib/README.md\n./src/lib/util.js\n", "", 0],
  [
    ["find", "-path", "*lib*", "-prune", "-o", "-type", "f", "-print"],
    "./.hidden\n./Dockerfile\n./docs/guide.TXT\n./docs/notes.txt\n./empty.log\n./run.sh\n./src/app.js\n",
    "",
    0,
  ],
  [
    ["find", "!", "-name", "*.js", "-type", "f"],
    "./.hidden\n./Dockerfile\n./docs/guide.TXT\n./docs/notes.txt\n./empty.log\n./run.sh\n./src/lib/README.md\n",
    "",
    0,
  ],
  [
    ["find", "-not", "-type", "d", "-not", "-name", ".*"],
    "./Dockerfile\n./docs/guide.TXT\n./docs/notes.txt\n./empty.log\n./link\n./run.sh\n./src/app.js\n./src/lib/README.md\n./src/lib/util.js\n",
    "",
    0,
  ],
  [["find", "(", "-name", "*.md", "-o", "-name", "*.log", ")", "-print"], "./empty.log\n./src/lib/README.md\n", "", 0],
  [["find", "-name", "*.js", "-o", "-name", "Dockerfile"], "./Dockerfile\n./src/app.js\n./src/lib/util.js\n", "", 0],
  [["find", "-name", "app.js", "-print", "-o", "-name", "util.js"], "./src/app.js\n", "", 0],
  [
    ["find", "-print0", "-name", "x"],
    ".\u0000./.hidden\u0000./Dockerfile\u0000./docs\u0000./docs/guide.TXT\u0000./docs/notes.txt\u0000./empty.log\u0000./emptydir\u0000./link\u0000./run.sh\u0000./src\u0000./src/app.js\u0000./src/lib\u0000./src/lib/README.md\u0000./src/lib/util.js\u0000",
    "",
    0,
  ],
  [
    ["find", "-newer", "src/app.js"],
    ".\n./.hidden\n./docs\n./empty.log\n./emptydir\n./link\n./run.sh\n./src\n./src/lib\n./src/lib/README.md\n",
    "",
    0,
  ],
  [
    ["find", "-mmin", "-10"],
    ".\n./.hidden\n./docs\n./empty.log\n./emptydir\n./link\n./run.sh\n./src\n./src/app.js\n./src/lib\n./src/lib/README.md\n",
    "",
    0,
  ],
  [["find", "-mmin", "+10"], "./Dockerfile\n./docs/guide.TXT\n./docs/notes.txt\n./src/lib/util.js\n", "", 0],
  [
    ["find", "-mtime", "0", "-type", "f"],
    "./.hidden\n./empty.log\n./run.sh\n./src/app.js\n./src/lib/README.md\n./src/lib/util.js\n",
    "",
    0,
  ],
  [["find", "-mtime", "+1"], "./docs/guide.TXT\n./docs/notes.txt\n", "", 0],
  [
    ["find", "-mtime", "-3", "-type", "f"],
    "./.hidden\n./Dockerfile\n./docs/guide.TXT\n./empty.log\n./run.sh\n./src/app.js\n./src/lib/README.md\n./src/lib/util.js\n",
    "",
    0,
  ],
  [["find", "-perm", "755", "-type", "f"], "./run.sh\n", "", 0],
  [["find", "-perm", "-u+x", "-type", "f"], "./run.sh\n", "", 0],
  [["find", "-perm", "/o+w"], "./docs/notes.txt\n./link\n", "", 0],
  [["find", "-user", "root", "-name", "Dockerfile"], "./Dockerfile\n", "", 0],
  [["find", "-regex", ".*\\.\\(js\\|md\\)"], "./src/app.js\n./src/lib/README.md\n./src/lib/util.js\n", "", 0],
  [["find", "-regextype", "posix-extended", "-regex", ".*/[a-z]+\\.(js|md)"], "./src/app.js\n./src/lib/util.js\n", "", 0],
  [["find", "-name", "*.txt", "-exec", "echo", "found", "{}", ";"], "found ./docs/notes.txt\n", "", 0],
  [["find", "-name", "*.txt", "-exec", "echo", "{}", "+"], "./docs/notes.txt\n", "", 0],
  [["find", "docs", "-exec", "echo", "<{}>", ";"], "<docs>\n<docs/guide.TXT>\n<docs/notes.txt>\n", "", 0],
  [["find", "-name", "*.txt", "-exec", "nosuch", "{}", ";"], "", "find: 'nosuch': No such file or directory\n", 0],
  [["find", "-name", "*.txt", "-exec", "nosuch", "{}", "+"], "", "find: 'nosuch': No such file or directory\n", 1],
  [["find", "-name", "*.txt", "-exec", "false", ";", "-print"], "", "", 0],
  [["find", "-name", "*.txt", "-exec", "false", "{}", "+"], "", "", 1],
  [["find", "nothere"], "", "find: 'nothere': No such file or directory\n", 1],
  [
    ["find", "nothere", "src"],
    "src\nsrc/app.js\nsrc/lib\nsrc/lib/README.md\nsrc/lib/util.js\n",
    "find: 'nothere': No such file or directory\n",
    1,
  ],
  [["find", ""], "", "find: '': No such file or directory\n", 1],
  [["find", "src/", "-maxdepth", "1"], "src/\nsrc/app.js\nsrc/lib\n", "", 0],
  [["find", "./src//", "-maxdepth", "1", "-name", "src"], "./src//\n", "", 0],
  [["find", "-name"], "", "find: missing argument to `-name'\n", 1],
  [["find", "-bogus"], "", "find: unknown predicate `-bogus'\n", 1],
  [["find", "-type", "x"], "", "find: Unknown argument to -type: x\n", 1],
  [["find", "-type", "fd"], "", "find: Must separate multiple arguments to -type using: ','\n", 1],
  [["find", "-type", ""], "", "find: Arguments to -type should contain at least one letter\n", 1],
  [["find", "-maxdepth", "x"], "", "find: Expected a positive decimal integer argument to -maxdepth, but got 'x'\n", 1],
  [["find", "-size", "3q"], "", "find: invalid -size type `q'\n", 1],
  [["find", "-size", "1.5k"], "", "find: Invalid argument `1.5k' to -size\n", 1],
  [["find", "-mtime", "abc"], "", "find: invalid argument `abc' to `-mtime'\n", 1],
  [["find", "-newer", "nothere"], "", "find: 'nothere': No such file or directory\n", 1],
  [["find", "-user", "nobodyx"], "", "find: 'nobodyx' is not the name of a known user\n", 1],
  [["find", "-group", "nogrp"], "", "find: 'nogrp' is not the name of an existing group\n", 1],
  [["find", "-perm", "999"], "", "find: invalid mode '999'\n", 1],
  [["find", "(", "-name", "a"], "", "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n", 1],
  [["find", "-name", "a", ")"], "", "find: you have too many ')'\n", 1],
  [["find", "(", ")"], "", "find: invalid expression; empty parentheses are not allowed.\n", 1],
  [
    ["find", "("],
    "",
    "find: invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '('\n",
    1,
  ],
  [["find", "-o"], "", "find: invalid expression; you have used a binary operator '-o' with nothing before it.\n", 1],
  [["find", "-name", "a", "-o"], "", "find: expected an expression after '-o'\n", 1],
  [["find", "!"], "", "find: expected an expression after '!'\n", 1],
  [["find", "!", ")"], "", "find: expected an expression between '!' and ')'\n", 1],
  [["find", "-name", "a", "-o", ")"], "", "find: expected an expression between '-o' and ')'\n", 1],
  [["find", "-print", "-o"], "", "find: invalid expression\n", 1],
  [["find", "-empty", "extra"], "", "find: paths must precede expression: `extra'\n", 1],
  [["find", "-exec", "echo", "{}"], "", "find: missing argument to `-exec'\n", 1],
  [["find", "-exec", "echo", "{}", "{}", "+"], "", "find: Only one instance of {} is supported with -exec ... +\n", 1],
  [
    ["find", "-delete", "-prune"],
    "",
    "find: The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.\n",
    1,
  ],
  [["find", ")"], "", "find: ')': No such file or directory\n", 1],
  [["find", "-maxdepth", "0", "-o", "-print"], "", "", 0],
  [["find", "src", "-name", "*.js", "-quit"], "", "", 0],
  [["find", "src", "-print", "-quit"], "src\n", "", 0],
  [["find", "-name", "*.md", "-delete", "-print"], "./src/lib/README.md\n", "", 0],
  [["find", "emptydir", "docs", "-delete"], "", "", 0],
  [["find", "src", "-depth"], "src/app.js\nsrc/lib/README.md\nsrc/lib/util.js\nsrc/lib\nsrc\n", "", 0],
  [["find", "-lname", "src*"], "./link\n", "", 0],
  [["find", "-L", "-type", "f", "-name", "link"], "./link\n", "", 0],
  [["find", "-H", "link"], "link\n", "", 0],
  [["find", "link", "-type", "f"], "", "", 0],
];

describe("find", () => {
  it.each(cases)("%j", async (argv, stdout, stderr, status) => {
    const result = await find(argv);
    expect(result.stdout).toBe(stdout);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(status);
  });
});

/**
 * The -mtime/-mmin windows, checked with GNU find 4.9.0 on files touched at these ages
 * (seconds; -30 is in the future): -mtime N is "N days, rounded down", -N is "less than
 * N days and a second", +N is "more than N+1 days"; -mmin N is "N-1 to N minutes".
 */
describe("find time windows", () => {
  const ages = [-30, 0.5, 30, 59.5, 60.5, 119.5, 120.5, 86399.5, 86400.5, 129600, 172799.5, 172800.5, 259200.5];
  const aged: Program = async (p) => {
    for (const age of ages) {
      p.fs.writeFile(`/m/f${age}`, "");
      p.fs.utimes(`/m/f${age}`, p.now() - age * 1000, p.now() - age * 1000);
    }
    const pid = p.spawn({ argv: ["find", ...p.argv.slice(1)], program: findutils.find });
    return (await p.wait(pid)).code;
  };
  const windows: Array<[string, string, number[]]> = [
    ["-mmin", "0", [-30]],
    ["-mmin", "1", [0.5, 30, 59.5]],
    ["-mmin", "2", [60.5, 119.5]],
    ["-mmin", "-1", [-30, 0.5, 30, 59.5]],
    ["-mmin", "+1", [60.5, 119.5, 120.5, 86399.5, 86400.5, 129600, 172799.5, 172800.5, 259200.5]],
    ["-mmin", "-0", [-30]],
    ["-mmin", "1.5", [30, 59.5, 60.5]],
    ["-mtime", "0", [0.5, 30, 59.5, 60.5, 119.5, 120.5, 86399.5]],
    ["-mtime", "1", [86400.5, 129600, 172799.5]],
    ["-mtime", "2", [172800.5]],
    ["-mtime", "-1", [-30, 0.5, 30, 59.5, 60.5, 119.5, 120.5, 86399.5, 86400.5]],
    ["-mtime", "+0", [86400.5, 129600, 172799.5, 172800.5, 259200.5]],
    ["-mtime", "+1", [172800.5, 259200.5]],
    ["-mtime", "-0", [-30, 0.5]],
    ["-mtime", "0.5", [86399.5, 86400.5]],
  ];
  it.each(windows)("%s %s", async (test, value, expected) => {
    const result = await run(["aged", "/m", "-type", "f", test, value], {
      files: { "/m/": "" },
      programs: new Map(Object.entries({ ...findutils, aged })),
    });
    const found = result.stdout
      .split("\n")
      .filter(Boolean)
      .map((path) => Number(path.slice("/m/f".length)))
      .sort((a, b) => a - b);
    expect(found).toEqual(expected);
  });
});

describe("find on a terminal", () => {
  // GNU find turns warnings on when stdin is a terminal (checked with script(1) around find 4.9.0).
  it("warns about a global option after a test", async () => {
    const result = await run(["find", ".", "-name", "a", "-type", "d", "-maxdepth", "1"], {
      files: { "/w/a/": "", "/w/b/": "" },
      cwd: "/w",
      programs,
      tty: { cols: 200 },
    });
    expect(result.stdout).toBe(
      "find: warning: you have specified the global option -maxdepth after the argument -name, but global options are not positional, i.e., -maxdepth affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n./a\n",
    );
  });

  it("warns that -name never matches a slash", async () => {
    const result = await run(["find", ".", "-maxdepth", "0", "-name", "x/y"], {
      cwd: "/w",
      files: { "/w/": "" },
      programs,
      tty: { cols: 200 },
    });
    expect(result.stdout).toBe(
      "find: warning: '-name' matches against basenames only, but the given pattern contains a directory separator ('/'), thus the expression will evaluate to false all the time.  Did you mean '-wholename'?\n",
    );
  });

  it("stays quiet about both when stdin is not a terminal", async () => {
    const result = await run(["find", ".", "-name", "x/y", "-maxdepth", "0"], { cwd: "/w", files: { "/w/": "" }, programs });
    expect(result.stderr).toBe("");
  });
});

describe("find -ok", () => {
  // `echo y | find . -maxdepth 0 -ok echo {} \;` with GNU find 4.9.0.
  it("asks on stderr and runs the command on yes", async () => {
    const result = await run(["find", ".", "-maxdepth", "0", "-ok", "echo", "{}", ";"], {
      cwd: "/w",
      files: { "/w/": "" },
      programs,
      stdin: "y\n",
    });
    expect(result.stderr).toBe("< echo ... . > ? ");
    expect(result.stdout).toBe(".\n");
  });

  it("is false on no", async () => {
    const result = await run(["find", ".", "-maxdepth", "0", "-ok", "echo", "{}", ";", "-print"], {
      cwd: "/w",
      files: { "/w/": "" },
      programs,
      stdin: "n\n",
    });
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });
});

/** -printf, each format run with GNU find 4.9.0 (LC_ALL=C TZ=UTC) on the same files. */
describe("find -printf", () => {
  const tree = {
    "/t/README.md": "",
    "/t/src/main.go": "",
    "/t/src/lib/util.go": "",
    "/t/docs/img/": "",
    "/t/docs/index.md": "",
  };
  const setup: Program = async (p) => {
    const when = Date.UTC(2024, 2, 5, 7, 8, 9, 123);
    p.fs.utimes("/t/README.md", when, when);
    p.fs.symlink("missing", "/t/broken");
    const pid = p.spawn({ argv: ["find", ...p.argv.slice(1)], program: findutils.find });
    return (await p.wait(pid)).code;
  };
  const table = new Map(Object.entries({ ...findutils, setup }));
  const formats: Array<[string[], string, string, number]> = [
    [
      [".", "-maxdepth", "1", "-name", "README.md", "-printf", "[%p|%f|%h|%P|%H|%s|%m|%M|%u|%U|%g|%G|%d|%y|%Y|%n|%k|%b]\\n"],
      "[./README.md|README.md|.|README.md|.|0|644|-rw-r--r--|root|0|root|0|1|f|f|1|0|0]\n",
      "",
      0,
    ],
    [
      ["src", "-printf", "%d %y %-10f|%5s|%.3p|%P|%H\\n"],
      "0 d src       | 4096|src||src\n1 d lib       | 4096|src|lib|src\n2 f util.go   |    0|src|lib/util.go|src\n1 f main.go   |    0|src|main.go|src\n",
      "",
      0,
    ],
    [[".", "-name", "broken", "-printf", "%l %y %Y\\n"], "missing l N\n", "", 0],
    [
      [".", "-maxdepth", "1", "-name", "README.md", "-printf", "%t|%TY-%Tm-%Td %TH:%TM|%TT|%TS|%T@|%TF|%TD|%Ta %Tb %TA %TB|%Ty|%T+\\n"],
      "Tue Mar  5 07:08:09.1230000000 2024|2024-03-05 07:08|07:08:09.1230000000|09.1230000000|1709622489.1230000000|2024-03-05|03/05/24|Tue Mar Tuesday March|24|2024-03-05+07:08:09.1230000000\n",
      "",
      0,
    ],
    [[".", "-maxdepth", "0", "-printf", "a\\tb\\\\c%%\\0x\\101\\cnot\\n"], "a\tb\\c%\u0000xA", "", 0],
    [[".", "-maxdepth", "0", "-printf", "%z\\n"], "%z\n", "find: warning: unrecognized format directive `%z'\n", 0],
    [[".", "-maxdepth", "0", "-printf", "abc%"], "", "find: error: % at end of format string\n", 1],
    [["docs", "-printf", "%05s %-6k|%b\\n"], " 4096 4     |8\n 4096 4     |8\n    0 0     |0\n", "", 0],
  ];
  it.each(formats)("%j", async (argv, stdout, stderr, status) => {
    const result = await run(["setup", ...argv], { files: tree, cwd: "/t", programs: table });
    expect(result.stdout).toBe(stdout);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(status);
  });
});

describe("find -L", () => {
  // mkdir -p a; ln -s .. a/up; find -L . (GNU find 4.9.0): the loop is reported, not visited.
  it("reports a symbolic link back up the tree as a loop", async () => {
    const looped: Program = async (p) => {
      p.fs.symlink("..", "/l/a/up");
      const pid = p.spawn({ argv: ["find", "-L", "."], program: findutils.find });
      return (await p.wait(pid)).code;
    };
    const result = await run(["looped"], {
      files: { "/l/a/": "" },
      cwd: "/l",
      programs: new Map(Object.entries({ ...findutils, looped })),
    });
    expect(result.stdout).toBe(".\n./a\n");
    expect(result.stderr).toBe("find: File system loop detected; './a/up' is part of the same file system loop as '.'.\n");
    expect(result.status).toBe(1);
  });
});
