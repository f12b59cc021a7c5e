import { describe, expect, it } from "vitest";
import type { Program } from "../../src/engine/kernel/exec";
import { programs } from "../../src/engine/programs";
import { grep } from "../../src/engine/programs/grep";
import { PosixRegExp, translate } from "../../src/engine/programs/grep/regex";
import { run } from "./harness";

interface Case {
  argv: string[];
  stdin?: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
  stdout: string;
  stderr?: string;
  status: number;
}

const TREE = {
  "d/a.txt": "hello world\nfoo\nhello again\n",
  "d/sub/c.txt": "hello\n",
  n: "1\n2\nx3\n4\n5\n6\nx7\n8\n9\n10\n11\nx12\n",
  t: "a{1\nab\na+b\naab\n*x\nfoo bar\nFoo Bar\nhello world\n",
};

/** Every expectation below was produced by GNU grep 3.8 (Debian 12, LC_ALL=C.UTF-8) on the same files. */
const CASES: Case[] = [
  { argv: ["grep", "-e", "a{1", "t"], files: TREE, stdout: "a{1\n", status: 0 },
  { argv: ["grep", "-e", "*x", "t"], files: TREE, stdout: "*x\n", status: 0 },
  { argv: ["grep", "-e", "a**", "t"], files: TREE, stdout: "a{1\nab\na+b\naab\n*x\nfoo bar\nFoo Bar\nhello world\n", status: 0 },
  { argv: ["grep", "-e", "+x", "t"], files: TREE, stdout: "", status: 1 },
  { argv: ["grep", "-e", "a|b", "t"], files: TREE, stdout: "", status: 1 },
  { argv: ["grep", "-e", "x\\|foo", "t"], files: TREE, stdout: "*x\nfoo bar\n", status: 0 },
  { argv: ["grep", "-e", "\\(a\\)\\1", "t"], files: TREE, stdout: "aab\n", status: 0 },
  { argv: ["grep", "-e", "a\\{2\\}", "t"], files: TREE, stdout: "aab\n", status: 0 },
  { argv: ["grep", "-e", ".\\+b", "t"], files: TREE, stdout: "ab\na+b\naab\nfoo bar\n", status: 0 },
  { argv: ["grep", "-e", "a\\?b", "t"], files: TREE, stdout: "ab\na+b\naab\nfoo bar\n", status: 0 },
  { argv: ["grep", "-e", "^*x", "t"], files: TREE, stdout: "*x\n", status: 0 },
  { argv: ["grep", "-e", "[]a]", "t"], files: TREE, stdout: "a{1\nab\na+b\naab\nfoo bar\nFoo Bar\n", status: 0 },
  { argv: ["grep", "-e", "[[:upper:]]", "t"], files: TREE, stdout: "Foo Bar\n", status: 0 },
  { argv: ["grep", "-e", "\\<foo\\>", "t"], files: TREE, stdout: "foo bar\n", status: 0 },
  { argv: ["grep", "-e", "o\\b", "t"], files: TREE, stdout: "foo bar\nFoo Bar\nhello world\n", status: 0 },
  { argv: ["grep", "-e", "\\w\\+ B", "t"], files: TREE, stdout: "Foo Bar\n", status: 0 },
  { argv: ["grep", "-E", "-e", "a{1", "t"], files: TREE, stdout: "a{1\n", status: 0 },
  { argv: ["grep", "-E", "-e", "+x", "t"], files: TREE, stdout: "*x\n", stderr: "grep: warning: + at start of expression\n", status: 0 },
  { argv: ["grep", "-E", "-e", "a+?", "t"], files: TREE, stdout: "a{1\nab\na+b\naab\n*x\nfoo bar\nFoo Bar\nhello world\n", status: 0 },
  { argv: ["grep", "-E", "-e", "(a)\\1", "t"], files: TREE, stdout: "aab\n", status: 0 },
  { argv: ["grep", "-E", "-e", ")", "t"], files: TREE, stdout: "", status: 1 },
  { argv: ["grep", "-E", "-e", "a{1}{2}", "t"], files: TREE, stdout: "aab\n", status: 0 },
  { argv: ["grep", "-E", "-e", "foo|bar", "t"], files: TREE, stdout: "foo bar\n", status: 0 },
  { argv: ["grep", "-E", "-e", "(foo|hello) (bar|world)", "t"], files: TREE, stdout: "foo bar\nhello world\n", status: 0 },
  { argv: ["grep", "-E", "-e", "[0-9]+$", "t"], files: TREE, stdout: "a{1\n", status: 0 },
  { argv: ["grep", "-E", "-e", "a|", "t"], files: TREE, stdout: "a{1\nab\na+b\naab\n*x\nfoo bar\nFoo Bar\nhello world\n", status: 0 },
  { argv: ["grep", "-e", "[a", "t"], files: TREE, stdout: "", stderr: "grep: Unmatched [, [^, [:, [., or [=\n", status: 2 },
  { argv: ["grep", "-e", "a\\", "t"], files: TREE, stdout: "", stderr: "grep: Trailing backslash\n", status: 2 },
  { argv: ["grep", "-e", "\\(", "t"], files: TREE, stdout: "", stderr: "grep: Unmatched ( or \\(\n", status: 2 },
  { argv: ["grep", "-e", "\\)", "t"], files: TREE, stdout: "", stderr: "grep: Unmatched ) or \\)\n", status: 2 },
  { argv: ["grep", "-e", "a\\{1", "t"], files: TREE, stdout: "", stderr: "grep: Unmatched \\{\n", status: 2 },
  { argv: ["grep", "-e", "a\\{2,1\\}", "t"], files: TREE, stdout: "", stderr: "grep: Invalid content of \\{\\}\n", status: 2 },
  { argv: ["grep", "-e", "[[:foo:]]", "t"], files: TREE, stdout: "", stderr: "grep: Invalid character class name\n", status: 2 },
  { argv: ["grep", "-e", "[z-a]", "t"], files: TREE, stdout: "", stderr: "grep: Invalid range end\n", status: 2 },
  { argv: ["grep", "-e", "\\(a\\)\\2", "t"], files: TREE, stdout: "", stderr: "grep: Invalid back reference\n", status: 2 },
  { argv: ["grep", "-E", "(", "t"], files: TREE, stdout: "", stderr: "grep: Unmatched ( or \\(\n", status: 2 },
  { argv: ["grep", "-n", "-C1", "x", "n"], files: TREE, stdout: "2-2\n3:x3\n4-4\n--\n6-6\n7:x7\n8-8\n--\n11-11\n12:x12\n", status: 0 },
  {
    argv: ["grep", "-n", "-A1", "-B2", "x", "n"],
    files: TREE,
    stdout: "1-1\n2-2\n3:x3\n4-4\n5-5\n6-6\n7:x7\n8-8\n--\n10-10\n11-11\n12:x12\n",
    status: 0,
  },
  { argv: ["grep", "-m2", "-A1", "x", "n"], files: TREE, stdout: "x3\n4\n--\nx7\n8\n", status: 0 },
  { argv: ["grep", "-vc", "x", "n"], files: TREE, stdout: "9\n", status: 0 },
  { argv: ["grep", "-b", "x", "n"], files: TREE, stdout: "4:x3\n13:x7\n26:x12\n", status: 0 },
  { argv: ["grep", "-ob", "x", "n"], files: TREE, stdout: "4:x\n13:x\n26:x\n", status: 0 },
  { argv: ["grep", "-2", "-n", "x3", "n"], files: TREE, stdout: "1-1\n2-2\n3:x3\n4-4\n5-5\n", status: 0 },
  { argv: ["grep", "--no-group-separator", "-A1", "x", "n"], files: TREE, stdout: "x3\n4\nx7\n8\nx12\n", status: 0 },
  { argv: ["grep", "--group-separator=XX", "-A1", "x", "n"], files: TREE, stdout: "x3\n4\nXX\nx7\n8\nXX\nx12\n", status: 0 },
  { argv: ["grep", "-o", "-C1", "x", "n"], files: TREE, stdout: "x\n--\nx\n--\nx\n", status: 0 },
  { argv: ["grep", "-m0", "x", "n"], files: TREE, stdout: "", status: 1 },
  { argv: ["grep", "-r", "hello", "d/sub"], files: TREE, stdout: "d/sub/c.txt:hello\n", status: 0 },
  { argv: ["grep", "-r", "hello", "d/a.txt"], files: TREE, stdout: "hello world\nhello again\n", status: 0 },
  { argv: ["grep", "-rh", "hello", "d/sub"], files: TREE, stdout: "hello\n", status: 0 },
  { argv: ["grep", "-rn", "--include=*.txt", "hello", "d/sub"], files: TREE, stdout: "d/sub/c.txt:1:hello\n", status: 0 },
  { argv: ["grep", "-r", "--exclude-dir=sub", "hello", "d"], files: TREE, stdout: "d/a.txt:hello world\nd/a.txt:hello again\n", status: 0 },
  { argv: ["grep", "hello", "d"], files: TREE, stdout: "", stderr: "grep: d: Is a directory\n", status: 2 },
  {
    argv: ["grep", "hello", "d", "d/a.txt"],
    files: TREE,
    stdout: "d/a.txt:hello world\nd/a.txt:hello again\n",
    stderr: "grep: d: Is a directory\n",
    status: 2,
  },
  { argv: ["grep", "-c", "hello", "d/a.txt", "d/sub/c.txt"], files: TREE, stdout: "d/a.txt:2\nd/sub/c.txt:1\n", status: 0 },
  { argv: ["grep", "-L", "hello", "d/a.txt", "n"], files: TREE, stdout: "n\n", status: 0 },
  { argv: ["grep", "-L", "zzz", "d/a.txt"], files: TREE, stdout: "d/a.txt\n", status: 1 },
  {
    argv: ["grep", "-l", "hello", "d/a.txt", "n", "nofile"],
    files: TREE,
    stdout: "d/a.txt\n",
    stderr: "grep: nofile: No such file or directory\n",
    status: 2,
  },
  { argv: ["grep", "hello", "nofile"], files: TREE, stdout: "", stderr: "grep: nofile: No such file or directory\n", status: 2 },
  { argv: ["grep", "-s", "hello", "nofile"], files: TREE, stdout: "", status: 2 },
  {
    argv: ["grep", "-q", "hello", "nofile", "d/a.txt"],
    files: TREE,
    stdout: "",
    stderr: "grep: nofile: No such file or directory\n",
    status: 0,
  },
  { argv: ["grep", "-q", "zzz", "nofile"], files: TREE, stdout: "", stderr: "grep: nofile: No such file or directory\n", status: 2 },
  {
    argv: ["grep", "-A1", "hello", "d/a.txt", "d/sub/c.txt"],
    files: TREE,
    stdout: "d/a.txt:hello world\nd/a.txt-foo\nd/a.txt:hello again\n--\nd/sub/c.txt:hello\n",
    status: 0,
  },
  { argv: ["grep", "-x", "-e", "", "-e", "hello", "d/sub/c.txt"], files: TREE, stdout: "hello\n", status: 0 },
  { argv: ["grep", "-f", "/dev/null", "d/a.txt"], files: TREE, stdout: "", status: 1 },
  { argv: ["grep", "-e", "hello", "-e", "foo", "d/a.txt"], files: TREE, stdout: "hello world\nfoo\nhello again\n", status: 0 },
  { argv: ["grep", "-F", "a+b", "t"], files: TREE, stdout: "a+b\n", status: 0 },
  { argv: ["grep", "-Fx", "ab", "t"], files: TREE, stdout: "ab\n", status: 0 },
  { argv: ["grep", "-i", "foo bar", "t"], files: TREE, stdout: "foo bar\nFoo Bar\n", status: 0 },
  { argv: ["grep", "-iw", "BAR", "t"], files: TREE, stdout: "foo bar\nFoo Bar\n", status: 0 },
  { argv: ["grep", "-x", "ab", "t"], files: TREE, stdout: "ab\n", status: 0 },
  { argv: ["grep", "-h", "hello", "d/a.txt", "d/sub/c.txt"], files: TREE, stdout: "hello world\nhello again\nhello\n", status: 0 },
  { argv: ["grep", "-d", "skip", "hello", "d", "d/a.txt"], files: TREE, stdout: "d/a.txt:hello world\nd/a.txt:hello again\n", status: 0 },
  {
    argv: ["grep"],
    files: TREE,
    stdout: "",
    stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    status: 2,
  },
  {
    argv: ["grep", "-Q", "x"],
    files: TREE,
    stdout: "",
    stderr: "grep: invalid option -- 'Q'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    status: 2,
  },
  {
    argv: ["grep", "--foo", "x"],
    files: TREE,
    stdout: "",
    stderr: "grep: unrecognized option '--foo'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    status: 2,
  },
  { argv: ["grep", "-A", "x", "x", "n"], files: TREE, stdout: "", stderr: "grep: x: invalid context length argument\n", status: 2 },
  { argv: ["grep", "-m", "x", "x", "n"], files: TREE, stdout: "", stderr: "grep: invalid max count\n", status: 2 },
  { argv: ["grep", "-P", "o(?= )", "t"], files: TREE, stdout: "foo bar\nFoo Bar\nhello world\n", status: 0 },
  { argv: ["grep", "-ow", "foo"], stdin: "foo foobar barfoo foo\n", stdout: "foo\nfoo\n", status: 0 },
  { argv: ["grep", "-oin", "foo"], stdin: "Foo fOO\n", stdout: "1:Foo\n1:fOO\n", status: 0 },
  { argv: ["grep", "-E", "-o", "ab|abcd"], stdin: "abcd\n", stdout: "abcd\n", status: 0 },
  { argv: ["grep", "-E", "-o", "(ab|abcd)(e|cde)*"], stdin: "abcde\n", stdout: "abcde\n", status: 0 },
  { argv: ["grep", "-Hn", "x"], stdin: "x\ny\nx\n", stdout: "(standard input):1:x\n(standard input):3:x\n", status: 0 },
  { argv: ["grep", "--label=foo", "-c", "-H", "x"], stdin: "x\n", stdout: "foo:1\n", status: 0 },
  { argv: ["grep", "b"], stdin: "a\nb", stdout: "b\n", status: 0 },
  { argv: ["grep", "-c", "x"], stdout: "0\n", status: 1 },
  { argv: ["grep", "-n", "é", "-b", "-o"], stdin: "café é\n", stdout: "1:3:é\n1:6:é\n", status: 0 },
  {
    argv: ["grep", "--color=always", "-n", "hello", "d/a.txt", "d/sub/c.txt"],
    files: TREE,
    stdout:
      "\u001b[35m\u001b[Kd/a.txt\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[32m\u001b[K1\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[01;31m\u001b[Khello\u001b[m\u001b[K world\n\u001b[35m\u001b[Kd/a.txt\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[32m\u001b[K3\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[01;31m\u001b[Khello\u001b[m\u001b[K again\n\u001b[35m\u001b[Kd/sub/c.txt\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[32m\u001b[K1\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K\u001b[01;31m\u001b[Khello\u001b[m\u001b[K\n",
    status: 0,
  },
  { argv: ["grep", "--color=always", "-C1", "x7", "n"], files: TREE, stdout: "6\n\u001b[01;31m\u001b[Kx7\u001b[m\u001b[K\n8\n", status: 0 },
  {
    argv: ["grep", "-v", "--color=always", "-A1", "x", "n"],
    files: TREE,
    stdout:
      "1\n2\n\u001b[01;31m\u001b[Kx\u001b[m\u001b[K3\n4\n5\n6\n\u001b[01;31m\u001b[Kx\u001b[m\u001b[K7\n8\n9\n10\n11\n\u001b[01;31m\u001b[Kx\u001b[m\u001b[K12\n",
    status: 0,
  },
  {
    argv: ["grep", "--color=always", "-o", "l", "d/a.txt"],
    files: TREE,
    stdout:
      "\u001b[01;31m\u001b[Kl\u001b[m\u001b[K\n\u001b[01;31m\u001b[Kl\u001b[m\u001b[K\n\u001b[01;31m\u001b[Kl\u001b[m\u001b[K\n\u001b[01;31m\u001b[Kl\u001b[m\u001b[K\n\u001b[01;31m\u001b[Kl\u001b[m\u001b[K\n",
    status: 0,
  },
  {
    argv: ["grep", "--color=always", "-c", "hello", "d/a.txt", "n"],
    files: TREE,
    stdout:
      "\u001b[35m\u001b[Kd/a.txt\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K2\n\u001b[35m\u001b[Kn\u001b[m\u001b[K\u001b[36m\u001b[K:\u001b[m\u001b[K0\n",
    status: 0,
  },
  {
    argv: ["grep", "--color=always", "a"],
    stdin: "a:b\n",
    env: { GREP_COLORS: "mt=01;32" },
    stdout: "\u001b[01;32m\u001b[Ka\u001b[m\u001b[K:b\n",
    status: 0,
  },
  {
    argv: ["grep", "--color=always", "a"],
    stdin: "xaya\n",
    env: { GREP_COLORS: "sl=1:ms=4" },
    stdout: "\u001b[1m\u001b[Kx\u001b[4m\u001b[Ka\u001b[m\u001b[K\u001b[1m\u001b[Ky\u001b[4m\u001b[Ka\u001b[m\u001b[K\n",
    status: 0,
  },
  { argv: ["grep", "--color=auto", "a"], stdin: "a\n", stdout: "a\n", status: 0 },
];

function inWorkdir(files: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { "/w/": "" };
  for (const [path, content] of Object.entries(files)) out[`/w/${path}`] = content;
  return out;
}

describe("grep against GNU grep 3.8", () => {
  it.each(CASES)("$argv", async (c) => {
    const result = await run(c.argv, { stdin: c.stdin ?? "", files: inWorkdir(c.files), cwd: "/w", env: c.env });
    expect({ stdout: result.stdout, stderr: result.stderr, status: result.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr ?? "",
      status: c.status,
    });
  });
});

describe("grep on a terminal", () => {
  it("colors matches with --color=auto when stdout is a tty", async () => {
    const result = await run(["grep", "--color=auto", "ell", "/w/f"], { files: { "/w/f": "hello\n" }, tty: { cols: 80 } });
    expect(result.stdout).toBe("h\x1b[01;31m\x1b[Kell\x1b[m\x1b[Ko\n");
  });

  it("stops at the first match with -q even when later files are missing", async () => {
    const result = await run(["grep", "-q", "a", "-", "/nonexistent"], { stdin: "a\n" });
    expect(result).toMatchObject({ stdout: "", stderr: "", status: 0 });
  });

  it("names files found by grep -r without the ./ of the implicit operand", async () => {
    const result = await run(["grep", "-r", "x"], { files: { "/w/a/b": "x\n" }, cwd: "/w" });
    expect(result.stdout).toBe("a/b:x\n");
  });

  it("skips symlinks met while recursing with -r but follows them with -R", async () => {
    // A wrapper makes the symlink (the harness only writes files), then execs grep.
    const withLink =
      (flag: string): Program =>
      async (proc) => {
        proc.fs.symlink("f", "/w/d/l");
        const pid = proc.spawn({ argv: ["grep", flag, "x", "/w/d"], program: grep.grep, fds: { 1: 1, 2: 2 } });
        return (await proc.wait(pid)).code;
      };
    const table = (program: Program) => new Map([...programs, ["wrapper", program]]);
    const files = { "/w/d/f": "x\n" };
    expect((await run(["wrapper"], { files, programs: table(withLink("-r")) })).stdout).toBe("/w/d/f:x\n");
    expect((await run(["wrapper"], { files, programs: table(withLink("-R")) })).stdout).toBe("/w/d/f:x\n/w/d/l:x\n");
  });
});

describe("POSIX regex translation", () => {
  const basic = (re: string) => translate(re, { syntax: "basic" }).source;
  const extended = (re: string) => translate(re, { syntax: "extended" }).source;

  it.each([
    ["a\\{2,3\\}", "a{2,3}"],
    ["\\(ab\\)*", "(ab)*"],
    ["a+?(x)", "a\\+\\?\\(x\\)"],
    ["*a", "\\*a"],
    ["a^b$c", "a\\^b\\$c"],
    ["^a$", "^a$"],
    ["a**", "(?:a*)*"],
    ["[]a-c[:digit:]]", "[\\]a-c0-9]"],
    ["[^\\]", "[^\\\\]"],
  ])("BRE %s becomes %s", (posix, js) => {
    expect(basic(posix)).toBe(js);
  });

  it.each([
    ["a{2}", "a{2}"],
    ["a{", "a\\{"],
    ["a+?", "(?:a+)?"],
    ["(a|b)\\1", "(a|b)\\1"],
    ["x)", "x\\)"],
  ])("ERE %s becomes %s", (posix, js) => {
    expect(extended(posix)).toBe(js);
  });

  it("finds the leftmost-longest match where JS alternation would stop short", () => {
    const re = new PosixRegExp("(ab|abcd)(e|cde)*", { syntax: "extended" });
    const m = re.exec("xabcde");
    expect(m && [m.index, m.end]).toEqual([1, 6]);
  });

  it("reads \\n and \\t as characters for sed and awk only", () => {
    expect(new PosixRegExp("a\\nb", { syntax: "basic", charEscapes: true }).test("a\nb")).toBe(true);
    expect(new PosixRegExp("a\\tb", { syntax: "basic" }).test("atb")).toBe(true);
  });
});
