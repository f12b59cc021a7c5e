import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { findutils } from "../../src/engine/programs/findutils";
import { shellQuote } from "../../src/engine/programs/findutils/xargs/quote";
import { run } from "./harness";

/**
 * xargs, table-driven: argv, standard input, then stdout, stderr and exit status exactly
 * as GNU findutils 4.9.0's xargs gave them (LC_ALL=C.UTF-8), with /bin/echo and two
 * helper scripts on PATH: `exitwith N` (exit N) and `killself` (kill -9 $$). Quotes around
 * file names are the C locale's ASCII ones, which Stevedore's tools print everywhere.
 */
const echo: Program = async (p) => {
  await p.stdout.write(`${p.argv.slice(1).join(" ")}\n`);
  return 0;
};
const exitwith: Program = async (p) => Number(p.argv[1] ?? 0);
const killself: Program = async (p) => {
  p.kill(p.pid, 9);
  await p.sleep(10);
  return 0;
};
const programs = new Map(Object.entries({ ...findutils, echo, exitwith, killself }));

const cases: Array<[string[], string, string, string, number]> = [
  [["xargs"], "a b\nc \"d e\" 'f g' h\\ i\n", "a b c d e f g h i\n", "", 0],
  [["xargs", "echo", "x"], "a\n\n  b   c\n", "x a b c\n", "", 0],
  [["xargs", "-t", "echo", "x"], "a b\nc\n", "x a b c\n", "echo x a b c\n", 0],
  [["xargs", "-n", "2"], "a b c d e\n", "a b\nc d\ne\n", "", 0],
  [["xargs", "-n1", "-t"], "a b\n", "a\nb\n", "echo a\necho b\n", 0],
  [["xargs", "-L", "1"], "a \nb\nc d\n\n e\n", "a b\nc d\ne\n", "", 0],
  [["xargs", "-L", "2", "echo", "+"], "1\n2\n3 4\n5\n", "+ 1 2\n+ 3 4 5\n", "", 0],
  [["xargs", "-I", "{}", "echo", "[{}]", "{}{}"], "a\nb c\n", "[a] aa\n[b c] b cb c\n", "", 0],
  [["xargs", "-I{}", "echo", "<{}>"], '  a "b  c"  d\\ e  \n\n', "<a b  c  d e  >\n", "", 0],
  [["xargs", "-i", "echo", "-{}-"], "x\ny\n", "-x-\n-y-\n", "", 0],
  [["xargs", "-I", "X", "echo", "X"], "", "", "", 0],
  [["xargs", "-0", "-n1", "echo"], "a\u0000b c\u0000", "a\nb c\n", "", 0],
  [["xargs", "-0"], "a\u0000\u0000b\u0000", "a  b\n", "", 0],
  [
    ["xargs", "--null", "-t", "echo"],
    "a'b\u0000it's $x\u0000a\tb\u0000\u0000#x\u0000~\u0000a b\u0000{\u0000ok\u0000",
    "a'b it's $x a\tb  #x ~ a b { ok\n",
    "echo \"a'b\" 'it'\\''s $x' 'a'$'\\t''b' '' '#x' '~' 'a b' '{' ok\n",
    0,
  ],
  [["xargs", "-d", ",", "-n1"], "a,b,c\n", "a\nb\nc\n\n", "", 0],
  [["xargs", "-d", "\\n"], "a b\nc\n", "a b c\n", "", 0],
  [
    ["xargs", "-d", "ab"],
    "x",
    "",
    "xargs: Invalid input delimiter specification ab: the delimiter must be either a single character or an escape sequence starting with \\.\n",
    1,
  ],
  [["xargs", "echo", "hi"], "", "hi\n", "", 0],
  [["xargs", "-r", "echo", "hi"], "", "", "", 0],
  [["xargs", "--no-run-if-empty", "echo", "hi"], "  \n", "", "", 0],
  [["xargs", "nosuch"], "a\n", "", "xargs: nosuch: No such file or directory\n", 127],
  [["xargs", "exitwith", "1"], "a\n", "", "", 123],
  [["xargs", "-n1", "exitwith"], "0 2 0\n", "", "", 123],
  [["xargs", "-n1", "exitwith"], "255 0\n", "", "xargs: exitwith: exited with status 255; aborting\n", 124],
  [["xargs", "killself"], "a\n", "", "xargs: killself: terminated by signal 9\n", 125],
  [["xargs", "/etc/passwd"], "a\n", "", "xargs: /etc/passwd: Permission denied\n", 126],
  [["xargs"], "a 'b\n", "a\n", "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n", 1],
  [
    ["xargs"],
    'a "b\nc"\n',
    "a\n",
    "xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n",
    1,
  ],
  [["xargs", "-n", "0"], "", "", "xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n", 1],
  [["xargs", "-n", "x"], "", "", "xargs: invalid number \"x\" for -n option\nTry 'xargs --help' for more information.\n", 1],
  [["xargs", "-L", "0"], "", "", "xargs: value 0 for -L option should be >= 1\nTry 'xargs --help' for more information.\n", 1],
  [["xargs", "-Q"], "", "", "xargs: invalid option -- 'Q'\nTry 'xargs --help' for more information.\n", 1],
  [["xargs", "--bogus"], "", "", "xargs: unrecognized option '--bogus'\nTry 'xargs --help' for more information.\n", 1],
  [["xargs", "-s", "5"], "a\n", "", "xargs: argument line too long\n", 1],
  [["xargs", "-s", "20"], "aaaa bbbb cccc dddd\n", "aaaa bbbb cccc\ndddd\n", "", 0],
  [["xargs", "-E", "EOF"], "x\nEOF\ny\n", "x\n", "", 0],
  [["xargs", "-E", "EOF"], "x 'EOF' y\n", "x\n", "", 0],
  [["xargs", "-a", "nothere"], "", "", "xargs: Cannot open input file 'nothere': No such file or directory\n", 1],
  [
    ["xargs", "-L", "1", "-n", "1", "echo"],
    "a b\nc d\n",
    "a\nb\nc\nd\n",
    "xargs: warning: options --max-lines and --max-args/-n are mutually exclusive, ignoring previous --max-lines value\n",
    0,
  ],
  [
    ["xargs", "-n", "1", "-L", "1", "echo"],
    "a b\nc d\n",
    "a b\nc d\n",
    "xargs: warning: options --max-args and -L are mutually exclusive, ignoring previous --max-args value\n",
    0,
  ],
];

describe("xargs", () => {
  it.each(cases)("%j with %j", async (argv, stdin, stdout, stderr, status) => {
    const result = await run(argv, { stdin, programs, cwd: "/tmp" });
    expect(result.stdout).toBe(stdout);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(status);
  });

  it("gives its commands /dev/null as standard input", async () => {
    const reader: Program = async (p) => {
      const text = await p.stdin.readAll();
      await p.stdout.write(`read ${JSON.stringify(text)}\n`);
      return 0;
    };
    const result = await run(["xargs", "reader"], { stdin: "a\n", programs: new Map([...programs, ["reader", reader]]) });
    expect(result.stdout).toBe('read ""\n');
  });

  it("reads items from the -a file", async () => {
    const result = await run(["xargs", "-a", "/tmp/list", "echo", "got"], { files: { "/tmp/list": "x y\nz\n" }, programs });
    expect(result.stdout).toBe("got x y z\n");
  });

  it("starts a new command line when the next item would pass -s", async () => {
    // printf 'aaaa bbbb cccc\n' | xargs -s 15 (GNU xargs 4.9.0): "echo\0aaaa\0bbbb\0" is exactly 15 bytes.
    const result = await run(["xargs", "-s", "15"], { stdin: "aaaa bbbb cccc\n", programs });
    expect(result.stdout).toBe("aaaa bbbb\ncccc\n");
  });
});

/** quotearg's shell-escape style as `xargs -t` prints arguments (each checked with GNU xargs 4.9.0 -0 -t, C.UTF-8). */
describe("xargs -t quoting", () => {
  const quoted: Array<[string, string]> = [
    ["plain", "plain"],
    ["", "''"],
    ["a b", "'a b'"],
    ["a'b", `"a'b"`],
    ['a"b', `'a"b'`],
    ["a$b", "'a$b'"],
    ["a*b", "'a*b'"],
    ["a~b", "a~b"],
    ["~a", "'~a'"],
    ["a#b", "a#b"],
    ["#a", "'#a'"],
    ["a,b:c@d%e+f-g", "a,b:c@d%e+f-g"],
    ["a!b", "'a!b'"],
    ["a'b$c", `'a'\\''b$c'`],
    ["a'b c", `"a'b c"`],
    ["a'b*c", `'a'\\''b*c'`],
    ["#a'b", `"#a'b"`],
    ["a'\tb", `'a'\\'''$'\\t''b'`],
    ["a\nb", `'a'$'\\n''b'`],
    ["{", "'{'"],
    ["{}", "{}"],
    ["a{}", "a{}"],
    ["é", "é"],
    ["a'bé", `"a'bé"`],
  ];
  it.each(quoted)("%j", (arg, expected) => {
    expect(shellQuote(arg)).toBe(expected);
  });
});
