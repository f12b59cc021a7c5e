import { describe, expect, it } from "vitest";
import { MemFileSystem } from "../../src/engine/fs/memfs";
import { decodeEscapes } from "../../src/engine/shell/escapes";
import { type ArithEnv, ArithError, evaluateArith } from "../../src/engine/shell/expand/arith";
import { expandBraces } from "../../src/engine/shell/expand/brace";
import { ExpansionError } from "../../src/engine/shell/expand/errors";
import { Expander, type ExpandHost, type VarValue } from "../../src/engine/shell/expand/expand";
import { globPaths } from "../../src/engine/shell/expand/glob";
import { matchPattern } from "../../src/engine/shell/expand/pattern";
import type { SimpleCommand, Word } from "../../src/engine/shell/syntax/ast";
import { parse } from "../../src/engine/shell/syntax/parser";

function arithEnv(vars: Record<string, string> = {}): ArithEnv {
  return {
    get: (name) => vars[name],
    set: (name, value) => {
      vars[name] = value;
    },
  };
}

describe("arithmetic", () => {
  // Every value and message below was printed by GNU bash 5.2 for `echo $((expr))` with x=5.
  const values: Array<[string, string]> = [
    ["1+2*3", "7"],
    ["(1+2)*3", "9"],
    ["7/2", "3"],
    ["-7/2", "-3"],
    ["-5 % 3", "-2"],
    ["2**10", "1024"],
    ["2**63", "-9223372036854775808"],
    ["9223372036854775807 + 1", "-9223372036854775808"],
    ["1<<65", "2"],
    ["0x1F + 010 + 2#101", "44"],
    ["64#@", "62"],
    ["36#z", "35"],
    ["0x", "0"],
    ["!0 , ~5", "-6"],
    ["5&3 | 8 ^ 1", "9"],
    ["1 && 0 || 1", "1"],
    ["0 ? 7 : 8", "8"],
    ["x++ + ++x", "12"],
    ["y=x+=3", "8"],
    ["x > 2 ? x * 10 : 0", "50"],
    ["1 < 2 == 1", "1"],
    ["", "0"],
  ];
  for (const [expr, expected] of values) {
    it(`evaluates ${expr || "(empty)"}`, () => {
      expect(evaluateArith(expr, arithEnv({ x: "5" })).toString()).toBe(expected);
    });
  }

  it("evaluates variables that hold expressions, and assigns", () => {
    const vars: Record<string, string> = { s: "2+3" };
    expect(evaluateArith("s * 2", arithEnv(vars))).toBe(10n);
    expect(evaluateArith("n = 4, n *= 3", arithEnv(vars))).toBe(12n);
    expect(vars.n).toBe("12");
  });

  it("skips side effects in branches not taken", () => {
    const vars: Record<string, string> = {};
    expect(evaluateArith("0 && (a = 1), 1 || (b = 1 / 0), 1 ? 2 : (c = 3)", arithEnv(vars))).toBe(2n);
    expect(vars).toEqual({});
  });

  const errors: Array<[string, string]> = [
    ["1+", '1+: syntax error: operand expected (error token is "+")'],
    ["1/0", '1/0: division by 0 (error token is "0")'],
    ["08", '08: value too great for base (error token is "08")'],
    ["x=08", 'x=08: value too great for base (error token is "08")'],
    ["2**-1", '2**-1: exponent less than 0 (error token is "1")'],
    ["1 +* 2", '1 +* 2: syntax error: operand expected (error token is "* 2")'],
    ["a b", 'a b: syntax error in expression (error token is "b")'],
    ["3 ? 4", '3 ? 4: `:\' expected for conditional expression (error token is "4")'],
    ["= 3", '= 3: syntax error: operand expected (error token is "= 3")'],
    ["2#102", '2#102: value too great for base (error token is "2#102")'],
    ["'1'", "'1': syntax error: operand expected (error token is \"'1'\")"],
  ];
  for (const [expr, message] of errors) {
    it(`reports ${expr} as bash does`, () => {
      expect(() => evaluateArith(expr, arithEnv())).toThrow(ArithError);
      expect(() => evaluateArith(expr, arithEnv())).toThrow(message);
    });
  }
});

describe("brace expansion", () => {
  const expand = (src: string) => {
    const word = (parse(`echo ${src}`).commands[0].command as SimpleCommand).words[1];
    return expandBraces(word.parts).map((parts) =>
      parts.map((p) => (p.type === "lit" || p.type === "sq" ? p.value : `<${p.type}>`)).join(""),
    );
  };
  // Checked against GNU bash 5.2 (echo of each word).
  const cases: Array<[string, string[]]> = [
    ["{1..5}", ["1", "2", "3", "4", "5"]],
    ["{5..1}", ["5", "4", "3", "2", "1"]],
    ["{01..10..3}", ["01", "04", "07", "10"]],
    ["{a..e}", ["a", "b", "c", "d", "e"]],
    ["{z..w}", ["z", "y", "x", "w"]],
    ["a{b,c,d}e", ["abe", "ace", "ade"]],
    ["{x,y}{1,2}", ["x1", "x2", "y1", "y2"]],
    ["{a,b{c,d}}", ["a", "bc", "bd"]],
    ["x{,y}", ["x", "xy"]],
    ["{a}", ["{a}"]],
    ["{}", ["{}"]],
    ['"{a,b}"', ["<dq>"]],
    ["{$x,y}", ["<param>", "y"]],
    ["{1..$n}", ["{1..<param>}"]],
  ];
  for (const [src, words] of cases) {
    it(`expands ${src}`, () => expect(expand(src)).toEqual(words));
  }
});

describe("patterns", () => {
  const cases: Array<[string, string, boolean]> = [
    ["*.py", "app.py", true],
    ["*.py", "app.pyc", false],
    ["?", "x", true],
    ["?", "xy", false],
    ["[abc]", "b", true],
    ["[!abc]", "b", false],
    ["[^abc]", "d", true],
    ["[a-c]x", "bx", true],
    ["[[:digit:]][[:alpha:]]", "1z", true],
    ["[[:upper:]]*", "lower", false],
    ["\\*", "*", true],
    ["\\*", "x", false],
    ["[", "[", true],
    ["a[", "a[", true],
    ["*", "", true],
    ["[]]", "]", true],
    ["[a-]", "-", true],
  ];
  for (const [pattern, text, expected] of cases) {
    it(`${pattern} ${expected ? "matches" : "does not match"} ${JSON.stringify(text)}`, () => {
      expect(matchPattern(pattern, text)).toBe(expected);
    });
  }

  it("globs sorted, hiding dot files, matching directories with a trailing slash", () => {
    const fs = new MemFileSystem(() => 0);
    fs.mkdir("/w/sub", { recursive: true });
    for (const f of ["b.txt", "a.txt", ".hidden.txt", "c.log", "sub/x.txt"]) fs.writeFile(`/w/${f}`, "");
    expect(globPaths("*.txt", fs, "/w")).toEqual(["a.txt", "b.txt"]);
    expect(globPaths("*", fs, "/w")).toEqual(["a.txt", "b.txt", "c.log", "sub"]);
    expect(globPaths(".*", fs, "/w")).toEqual([".hidden.txt"]);
    expect(globPaths("*/", fs, "/w")).toEqual(["sub/"]);
    expect(globPaths("/w/s*/*.txt", fs, "/")).toEqual(["/w/sub/x.txt"]);
    expect(globPaths("*.none", fs, "/w")).toEqual([]);
    expect(globPaths("*", fs, "/w", { dotglob: true })).toEqual([".hidden.txt", "a.txt", "b.txt", "c.log", "sub"]);
  });
});

describe("escapes", () => {
  it("decodes the three dialects", () => {
    expect(decodeEscapes("a\\tb\\x41\\101\\u00e9\\cA\\q", "ansic").text).toBe("a\tbAAé\x01\\q");
    expect(decodeEscapes("\\0101\\101\\x41\\cstop", "echo")).toEqual({ text: "A\\101A", stop: true });
    expect(decodeEscapes("\\101\\0101", "printf").text).toBe("A\b1");
  });
});

/** A host with plain variables, for testing the expander without a shell. */
function fakeHost(vars: Record<string, VarValue>, positional: string[] = []): ExpandHost {
  const fs = new MemFileSystem(() => 0);
  fs.mkdir("/w", { recursive: true });
  for (const f of ["one.c", "two.c"]) fs.writeFile(`/w/${f}`, "");
  return {
    variable: (name) => vars[name],
    special: (name) => (name === "#" ? String(positional.length) : name === "?" ? "0" : positional[Number(name) - 1]),
    positional: () => positional,
    assign: (name, value) => {
      vars[name] = value;
    },
    names: () => Object.keys(vars),
    ifs: typeof vars.IFS === "string" ? vars.IFS : undefined,
    nounset: false,
    noglob: false,
    dotglob: false,
    nullglob: false,
    failglob: false,
    home: (user) => (user === "" ? "/home/me" : undefined),
    fs,
    cwd: "/w",
    commandSubstitution: async () => "substituted\n\n",
    processSubstitution: (_body, output) => (output ? "/dev/fd/62" : "/dev/fd/63"),
    arith: {
      get: (name) => {
        const v = vars[name];
        return typeof v === "string" ? v : undefined;
      },
      set: (name, value) => {
        vars[name] = value;
      },
    },
  };
}

describe("word expansion through hooks", () => {
  const words = (src: string): Word[] => (parse(`: ${src}`).commands[0].command as SimpleCommand).words.slice(1);
  const vars = (): Record<string, VarValue> => ({ x: "a  b", empty: "", arr: ["p", "q r"], path: "/u/l/f.tar.gz" });

  const cases: Array<[string, string[]]> = [
    ["$x", ["a", "b"]],
    ['"$x"', ["a  b"]],
    ["$empty", []],
    ['"$empty"', [""]],
    ['"$@"', ["1", "2 3"]],
    ["$@", ["1", "2", "3"]],
    ['"$*"', ["1 2 3"]],
    ['"x$@y"', ["x1", "2 3y"]],
    ['"${arr[@]}"', ["p", "q r"]],
    ["${#arr[@]}", ["2"]],
    ["${path##*/} ${path%%.*}", ["f.tar.gz", "/u/l/f"]],
    ["${nope:-a b}", ["a", "b"]],
    ['"${nope:-a b}"', ["a b"]],
    ["~ ~/x '~'", ["/home/me", "/home/me/x", "~"]],
    ["*.c", ["one.c", "two.c"]],
    ["'*.c'", ["*.c"]],
    ["*.none", ["*.none"]],
    ["$(cmd)x", ["substitutedx"]],
    ["<(cmd) >(cmd)", ["/dev/fd/63", "/dev/fd/62"]],
    ["$((1+${#x}))", ["5"]],
    ["{a,b}$empty", ["a", "b"]],
  ];
  for (const [src, expected] of cases) {
    it(`expands ${src}`, async () => {
      const expander = new Expander(fakeHost(vars(), ["1", "2 3"]));
      expect(await expander.fields(words(src))).toEqual(expected);
    });
  }

  it("splits on a custom IFS, keeping empty fields between non-white separators", async () => {
    const expander = new Expander(fakeHost({ IFS: ":", v: "a::b:" }));
    expect(await expander.fields(words("$v"))).toEqual(["a", "", "b"]);
  });

  it("assigns with ${x:=word} and fails with ${x:?message}", async () => {
    const v: Record<string, VarValue> = {};
    const expander = new Expander(fakeHost(v));
    expect(await expander.fields(words("${n:=set}"))).toEqual(["set"]);
    expect(v.n).toBe("set");
    await expect(expander.fields(words("${m:?is missing}"))).rejects.toThrow(new ExpansionError("m: is missing", 127, true));
    await expect(expander.fields(words("${x!}"))).rejects.toThrow("${x!}: bad substitution");
  });
});
