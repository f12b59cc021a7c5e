import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { tree } from "../../src/engine/programs/tree";
import { run } from "./harness";

/**
 * tree on a small project: stdout, stderr and exit status as tree v2.1.0 printed them on
 * the same files (LC_ALL=C.UTF-8, so names sort in code point order and lines are drawn
 * with the UTF-8 set).
 */
const files = {
  "/t/src/lib/util.go": "",
  "/t/src/main.go": "",
  "/t/docs/img/": "",
  "/t/docs/index.md": "",
  "/t/emptyd/": "",
  "/t/.git/objects/": "",
  "/t/README.md": "",
  "/t/.env": "",
  "/t/Makefile": "",
  "/t/run.sh": "x",
};

/** Adds what the files table cannot say (a mode, two symlinks), then runs tree. */
const fixture: Program = async (p) => {
  p.fs.chmod("/t/run.sh", 0o755);
  p.fs.symlink("src", "/t/linkdir");
  p.fs.symlink("missing", "/t/broken");
  const pid = p.spawn({ argv: p.argv.slice(1), program: tree.tree });
  return (await p.wait(pid)).code;
};

const programs = new Map(Object.entries({ ...tree, fixture }));

const cases: Array<[string[], string, string, number]> = [
  [
    ["tree"],
    ".\n├── Makefile\n├── README.md\n├── broken -> missing\n├── docs\n│   ├── img\n│   └── index.md\n├── emptyd\n├── linkdir -> src\n├── run.sh\n└── src\n    ├── lib\n    │   └── util.go\n    └── main.go\n\n7 directories, 7 files\n",
    "",
    0,
  ],
  [
    ["tree", "-a"],
    ".\n├── .env\n├── .git\n│   └── objects\n├── Makefile\n├── README.md\n├── broken -> missing\n├── docs\n│   ├── img\n│   └── index.md\n├── emptyd\n├── linkdir -> src\n├── run.sh\n└── src\n    ├── lib\n    │   └── util.go\n    └── main.go\n\n9 directories, 8 files\n",
    "",
    0,
  ],
  [
    ["tree", "-F"],
    "./\n├── Makefile\n├── README.md\n├── broken -> missing\n├── docs/\n│   ├── img/\n│   └── index.md\n├── emptyd/\n├── linkdir -> src/\n├── run.sh*\n└── src/\n    ├── lib/\n    │   └── util.go\n    └── main.go\n\n7 directories, 7 files\n",
    "",
    0,
  ],
  [["tree", "linkdir"], "linkdir\n├── lib\n│   └── util.go\n└── main.go\n\n2 directories, 2 files\n", "", 0],
  [["tree", "emptyd"], "emptyd\n\n0 directories, 0 files\n", "", 0],
  [["tree", "-f", "src/"], "src\n├── src/lib\n│   └── src/lib/util.go\n└── src/main.go\n\n2 directories, 2 files\n", "", 0],
  [["tree", "-d"], ".\n├── docs\n│   └── img\n├── emptyd\n├── linkdir -> src\n└── src\n    └── lib\n\n7 directories\n", "", 0],
  [
    ["tree", "-da"],
    ".\n├── .git\n│   └── objects\n├── docs\n│   └── img\n├── emptyd\n├── linkdir -> src\n└── src\n    └── lib\n\n9 directories\n",
    "",
    0,
  ],
  [
    ["tree", "-L", "1", "-f"],
    ".\n├── ./Makefile\n├── ./README.md\n├── ./broken -> missing\n├── ./docs\n├── ./emptyd\n├── ./linkdir -> src\n├── ./run.sh\n└── ./src\n\n5 directories, 4 files\n",
    "",
    0,
  ],
  [
    ["tree", "--dirsfirst", "-L", "1"],
    ".\n├── docs\n├── emptyd\n├── linkdir -> src\n├── src\n├── Makefile\n├── README.md\n├── broken -> missing\n└── run.sh\n\n5 directories, 4 files\n",
    "",
    0,
  ],
  [
    ["tree", "--filesfirst"],
    ".\n├── Makefile\n├── README.md\n├── broken -> missing\n├── run.sh\n├── docs\n│   ├── index.md\n│   └── img\n├── emptyd\n├── linkdir -> src\n└── src\n    ├── main.go\n    └── lib\n        └── util.go\n\n7 directories, 7 files\n",
    "",
    0,
  ],
  [
    ["tree", "-r", "-L", "1"],
    ".\n├── src\n├── run.sh\n├── linkdir -> src\n├── emptyd\n├── docs\n├── broken -> missing\n├── README.md\n└── Makefile\n\n5 directories, 4 files\n",
    "",
    0,
  ],
  [
    ["tree", "README.md", "src"],
    "README.md  [error opening dir]\nsrc\n├── lib\n│   └── util.go\n└── main.go\n\n2 directories, 3 files\n",
    "",
    0,
  ],
  [
    ["tree", "-i", "-L", "2"],
    ".\nMakefile\nREADME.md\nbroken -> missing\ndocs\nimg\nindex.md\nemptyd\nlinkdir -> src\nrun.sh\nsrc\nlib\nmain.go\n\n7 directories, 6 files\n",
    "",
    0,
  ],
  [["tree", "nothere"], "nothere  [error opening dir]\n\n0 directories, 0 files\n", "", 2],
  [["tree", "nothere", "docs"], "nothere  [error opening dir]\ndocs\n├── img\n└── index.md\n\n2 directories, 1 file\n", "", 2],
  [["tree", "-L"], "", "tree: Missing argument to -L option.\n", 1],
  [["tree", "-L", "0"], "", "tree: Invalid level, must be greater than 0.\n", 1],
  [["tree", "-L", "x"], "", "tree: Invalid level, must be greater than 0.\n", 1],
  [
    ["tree", "-z"],
    "",
    "tree: Invalid argument -`z'.\nusage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]\n\t[-T title] [-o filename] [-P pattern] [-I pattern] [--gitignore]\n\t[--gitfile[=]file] [--matchdirs] [--metafirst] [--ignore-case]\n\t[--nolinks] [--hintro[=]file] [--houtro[=]file] [--inodes] [--device]\n\t[--sort[=]<name>] [--dirsfirst] [--filesfirst] [--filelimit #] [--si]\n\t[--du] [--prune] [--charset[=]X] [--timefmt[=]format] [--fromfile]\n\t[--fflinks] [--info] [--infofile[=]file] [--noreport] [--version]\n\t[--help] [--] [directory ...]\n",
    1,
  ],
  [
    ["tree", "--bogus"],
    "",
    "tree: Invalid argument `--bogus'.\nusage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]\n\t[-T title] [-o filename] [-P pattern] [-I pattern] [--gitignore]\n\t[--gitfile[=]file] [--matchdirs] [--metafirst] [--ignore-case]\n\t[--nolinks] [--hintro[=]file] [--houtro[=]file] [--inodes] [--device]\n\t[--sort[=]<name>] [--dirsfirst] [--filesfirst] [--filelimit #] [--si]\n\t[--du] [--prune] [--charset[=]X] [--timefmt[=]format] [--fromfile]\n\t[--fflinks] [--info] [--infofile[=]file] [--noreport] [--version]\n\t[--help] [--] [directory ...]\n",
    1,
  ],
  [["tree", "--noreport", "docs"], "docs\n├── img\n└── index.md\n", "", 0],
  [["tree", "-aL", "1", "src"], "src\n├── lib\n└── main.go\n\n2 directories, 1 file\n", "", 0],
  [["tree", "--", "-L"], "-L  [error opening dir]\n\n0 directories, 0 files\n", "", 2],
  [["tree", "src", "-L", "1"], "src\n├── lib\n└── main.go\n\n2 directories, 1 file\n", "", 0],
  [["tree", "-d", "src/main.go"], "src/main.go  [error opening dir]\n\n0 directories\n", "", 0],
  [
    ["tree", "."],
    ".\n├── Makefile\n├── README.md\n├── broken -> missing\n├── docs\n│   ├── img\n│   └── index.md\n├── emptyd\n├── linkdir -> src\n├── run.sh\n└── src\n    ├── lib\n    │   └── util.go\n    └── main.go\n\n7 directories, 7 files\n",
    "",
    0,
  ],
  [["tree", "./src"], "./src\n├── lib\n│   └── util.go\n└── main.go\n\n2 directories, 2 files\n", "", 0],
];

describe("tree", () => {
  it.each(cases)("%j", async (argv, stdout, stderr, status) => {
    const result = await run(["fixture", ...argv], { files, cwd: "/t", programs });
    expect(result.stdout).toBe(stdout);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(status);
  });
});
