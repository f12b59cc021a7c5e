import { describe, expect, it } from "vitest";
import type { Command, Script, SimpleCommand, Word } from "../../src/engine/shell/syntax/ast";
import { IncompleteInput, ShellSyntaxError } from "../../src/engine/shell/syntax/errors";
import { Parser, parse } from "../../src/engine/shell/syntax/parser";

const lit = (value: string): Word => ({ parts: [{ type: "lit", value }] });
const first = (src: string): Command => parse(src).commands[0].command;
const simple = (src: string): SimpleCommand => first(src) as SimpleCommand;

describe("shell parser: commands", () => {
  it("parses a simple command into words, assignments and redirections", () => {
    expect(simple("FOO=bar echo hi 2>/dev/null >out")).toEqual({
      type: "simple",
      assigns: [{ name: "FOO", append: false, value: lit("bar") }],
      words: [lit("echo"), lit("hi")],
      redirs: [
        { fd: 2, op: ">", target: lit("/dev/null") },
        { op: ">", target: lit("out") },
      ],
      line: 1,
    });
  });

  it("nests pipelines inside and-or lists, left to right", () => {
    const cmd = first("a | b && c || d");
    expect(cmd.type).toBe("andor");
    if (cmd.type !== "andor") return;
    expect(cmd.op).toBe("||");
    expect(cmd.right).toMatchObject({ type: "simple", words: [lit("d")] });
    expect(cmd.left).toMatchObject({
      type: "andor",
      op: "&&",
      left: { type: "pipeline", commands: [{ words: [lit("a")] }, { words: [lit("b")] }] },
    });
  });

  it("marks background statements, negation, |& and time", () => {
    const script = parse("sleep 1 & ! true; a |& b; time c");
    expect(script.commands.map((s) => s.background)).toEqual([true, false, false, false]);
    expect(script.commands[0].text).toBe("sleep 1");
    expect(script.commands[1].command).toMatchObject({ type: "pipeline", bang: true });
    expect(script.commands[2].command).toMatchObject({ type: "pipeline", stderr: [true] });
    expect(script.commands[3].command).toMatchObject({ type: "pipeline", time: true });
  });

  const compound: Array<[string, string, Record<string, unknown>]> = [
    ["if", "if a; then b; elif c; then d; else e; fi", { type: "if", clauses: [{}, {}], elseBody: { commands: [{}] } }],
    ["while", "while a; do b; done", { type: "while", until: false }],
    ["until", "until a; do b; done", { type: "while", until: true }],
    ["for in", "for x in 1 2; do echo $x; done", { type: "for", name: "x", items: [lit("1"), lit("2")] }],
    ["for without in", "for x; do :; done", { type: "for", name: "x", items: undefined }],
    ["arithmetic for", "for ((i=0; i<3; i++)); do :; done", { type: "arithfor", init: lit("i=0"), cond: lit(" i<3"), step: lit(" i++") }],
    ["case", "case $x in a|b) one;; *) two;& c) three;;& esac", { type: "case" }],
    ["group with redirect", "{ a; b; } > f", { type: "group", redirs: [{ op: ">", target: lit("f") }] }],
    ["subshell", "(a; b)", { type: "subshell", body: { commands: [{}, {}] } }],
    ["arithmetic command", "(( x > 1 ))", { type: "arithcmd", expr: lit(" x > 1 ") }],
    ["function", "f() { echo hi; }", { type: "func", name: "f", body: { type: "group" } }],
    ["function keyword", "function g { :; }", { type: "func", name: "g" }],
    ["test", "[[ -f x && $a == b* ]]", { type: "test", expr: { type: "and" } }],
    ["loop redirect", "while read l; do :; done < in", { type: "while", redirs: [{ op: "<" }] }],
  ];
  for (const [name, src, shape] of compound) {
    it(`parses ${name}`, () => expect(first(src)).toMatchObject(shape));
  }

  it("keeps case terminators and patterns", () => {
    const cmd = first("case $x in a|b) one;; *) two;& c) three;;& esac");
    if (cmd.type !== "case") throw new Error("not a case");
    expect(cmd.items.map((i) => [i.patterns.length, i.terminator])).toEqual([
      [2, ";;"],
      [1, ";&"],
      [1, ";;&"],
    ]);
  });

  it("parses [[ ]] with unary, binary, regex and grouping", () => {
    const cmd = first("[[ ! -e f || ( $x =~ ^a(b|c)$ ) ]]");
    expect(cmd).toMatchObject({
      type: "test",
      expr: {
        type: "or",
        left: { type: "not", expr: { type: "unary", op: "-e", operand: lit("f") } },
        right: { type: "paren", expr: { type: "binary", op: "=~", right: lit("^a(b|c)$") } },
      },
    });
  });

  it("reads array assignments and declaration arguments", () => {
    expect(simple("a=(x 'y z' [5]=w) b+=(v)").assigns).toEqual([
      {
        name: "a",
        append: false,
        array: [{ value: lit("x") }, { value: { parts: [{ type: "sq", value: "y z" }] } }, { index: lit("5"), value: lit("w") }],
      },
      { name: "b", append: true, array: [{ value: lit("v") }] },
    ]);
    const local = simple("local x=(1 2) y=3");
    expect(local.words.map((w) => w.parts[0])).toEqual([
      { type: "lit", value: "local" },
      { type: "lit", value: "x" },
      { type: "lit", value: "y" },
    ]);
    expect(local.assignArgs?.[1]).toMatchObject({ name: "x", array: [{}, {}] });
    expect(local.assignArgs?.[2]).toMatchObject({ name: "y", value: lit("3") });
  });

  it("reads here-documents after the line, expanding only unquoted ones", () => {
    const script = parse("cat <<EOF; cat <<'RAW'\nhi $x\nEOF\n$y\nRAW\necho after");
    const a = script.commands[0].command as SimpleCommand;
    const b = script.commands[1].command as SimpleCommand;
    expect(a.redirs[0].heredoc).toEqual({
      parts: [
        { type: "lit", value: "hi " },
        { type: "param", name: "x", short: true },
        { type: "lit", value: "\n" },
      ],
    });
    expect(b.redirs[0].heredoc).toEqual({ parts: [{ type: "sq", value: "$y\n" }] });
    expect(script.commands[2].line).toBe(6);
  });

  it("strips leading tabs from <<- bodies", () => {
    const cmd = simple("cat <<-E\n\t\tone\n\tE\n");
    expect(cmd.redirs[0].heredoc).toEqual({ parts: [{ type: "lit", value: "one\n" }] });
  });

  it("treats # as a comment only at the start of a word", () => {
    expect(simple("echo a#b # gone").words).toEqual([lit("echo"), lit("a#b")]);
  });

  it("joins backslash-newline continuations", () => {
    expect(simple("echo a\\\nb").words).toEqual([lit("echo"), lit("ab")]);
  });

  it("expands aliases while parsing when given a table", () => {
    const aliases: Record<string, string> = { ll: "ls -l", ls: "ls --color" };
    const script = new Parser("ll /tmp", { alias: (n) => aliases[n], atEof: true }).parseAll();
    expect((script.commands[0].command as SimpleCommand).words).toEqual([lit("ls"), lit("--color"), lit("-l"), lit("/tmp")]);
  });

  it("gives one complete line at a time, for bash's read-then-run loop", () => {
    const parser = new Parser("echo 1; echo 2\nif x\nthen y\nfi\necho 3\n", { atEof: true });
    const counts: number[] = [];
    for (let s: Script | null = parser.next(); s; s = parser.next()) counts.push(s.commands.length);
    expect(counts).toEqual([2, 1, 1]);
  });
});

describe("shell parser: words", () => {
  const word = (src: string): Word => simple(`echo ${src}`).words[1];

  const cases: Array<[string, Word["parts"]]> = [
    ["'a b'", [{ type: "sq", value: "a b" }]],
    [
      '"x $y z"',
      [
        {
          type: "dq",
          parts: [
            { type: "lit", value: "x " },
            { type: "param", name: "y", short: true },
            { type: "lit", value: " z" },
          ],
        },
      ],
    ],
    ["$'a\\tb'", [{ type: "sq", value: "a\tb" }]],
    [
      "a\\ b",
      [
        { type: "lit", value: "a" },
        { type: "sq", value: " " },
        { type: "lit", value: "b" },
      ],
    ],
    ["${#x}", [{ type: "param", name: "x", length: true }]],
    ["${!ref}", [{ type: "param", name: "ref", indirect: true }]],
    ["${a[@]}", [{ type: "param", name: "a", index: lit("@") }]],
    ["${x:-d}", [{ type: "param", name: "x", op: { kind: "default", colon: true, word: lit("d") } }]],
    ["${x=d}", [{ type: "param", name: "x", op: { kind: "assign", colon: false, word: lit("d") } }]],
    ["${x##*/}", [{ type: "param", name: "x", op: { kind: "trim", from: "prefix", longest: true, pattern: lit("*/") } }]],
    ["${x%.*}", [{ type: "param", name: "x", op: { kind: "trim", from: "suffix", longest: false, pattern: lit(".*") } }]],
    ["${x//a/b}", [{ type: "param", name: "x", op: { kind: "replace", all: true, anchor: "", pattern: lit("a"), replacement: lit("b") } }]],
    ["${x:1:2}", [{ type: "param", name: "x", op: { kind: "substring", offset: lit("1"), length: lit("2") } }]],
    ["${x^^}", [{ type: "param", name: "x", op: { kind: "case", upper: true, all: true, pattern: undefined } }]],
    ["${x!}", [{ type: "param", name: "", op: { kind: "bad", text: "${x!}" } }]],
    [
      "$1$#$?",
      [
        { type: "param", name: "1", short: true },
        { type: "param", name: "#", short: true },
        { type: "param", name: "?", short: true },
      ],
    ],
    ["$((1 + 2))", [{ type: "arith", expr: lit("1 + 2") }]],
    ["$", [{ type: "lit", value: "$" }]],
  ];
  for (const [src, parts] of cases) {
    it(`reads ${src}`, () => expect(word(src).parts).toEqual(parts));
  }

  it("parses command substitutions as scripts, including nested quotes and case", () => {
    const part = word('"$(echo "a b"; case x in x) y;; esac)"').parts[0];
    expect(part.type).toBe("dq");
    if (part.type !== "dq") return;
    const sub = part.parts[0];
    expect(sub.type).toBe("cmdsubst");
    if (sub.type !== "cmdsubst") return;
    expect(sub.body.commands.map((s) => s.command.type)).toEqual(["simple", "case"]);
  });

  it("tells $(( arithmetic from $( (subshell) ) by where the parentheses close", () => {
    expect(word("$((1+2))").parts[0].type).toBe("arith");
    const sub = word("$( (echo a); echo b )").parts[0];
    expect(sub.type).toBe("cmdsubst");
  });

  it("unescapes backquoted substitutions before parsing them", () => {
    const sub = word("`echo \\`echo in\\``").parts[0];
    if (sub.type !== "cmdsubst") throw new Error("not a substitution");
    expect(sub.backquote).toBe(true);
    const inner = (sub.body.commands[0].command as SimpleCommand).words[1].parts[0];
    expect(inner.type).toBe("cmdsubst");
  });
});

describe("shell parser: errors and incomplete input", () => {
  // Messages and line numbers as GNU bash 5.2 reports them (checked with bash -c and scripts).
  const incomplete: Array<[string, string, number]> = [
    ["if true", "syntax error: unexpected end of file", 2],
    ["echo a |", "syntax error: unexpected end of file", 2],
    ["echo a &&", "syntax error: unexpected end of file", 2],
    ["for i in 1; do", "syntax error: unexpected end of file", 2],
    ["case x in", "syntax error: unexpected end of file", 2],
    ["{ echo", "syntax error: unexpected end of file", 2],
    ["(echo a", "syntax error: unexpected end of file", 2],
    ["f() {", "syntax error: unexpected end of file", 2],
    ["echo 'abc", "unexpected EOF while looking for matching `''", 1],
    ['echo "a\nb', "unexpected EOF while looking for matching `\"'", 1],
    ["echo $(", "unexpected EOF while looking for matching `)'", 2],
    ["echo ${x", "unexpected EOF while looking for matching `}'", 1],
    ["echo `a", "unexpected EOF while looking for matching ``'", 1],
    ["cat <<EOF\nabc", "syntax error: unexpected end of file", 3],
    ["echo $((1 +", "unexpected EOF while looking for matching `)'", 1],
    ["echo ${a[1", "unexpected EOF while looking for matching `}'", 1],
  ];
  for (const [src, message, line] of incomplete) {
    it(`reports ${JSON.stringify(src)} as incomplete`, () => {
      let error: unknown;
      try {
        new Parser(src).parseAll();
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(IncompleteInput);
      expect((error as IncompleteInput).message).toBe(message);
      expect((error as IncompleteInput).line).toBe(line);
    });
  }

  const errors: Array<[string, string, string]> = [
    ["fi", "syntax error near unexpected token `fi'", "fi"],
    ["echo a; fi", "syntax error near unexpected token `fi'", "echo a; fi"],
    ["echo a)", "syntax error near unexpected token `)'", "echo a)"],
    ["for", "syntax error near unexpected token `newline'", "for"],
    ["echo >", "syntax error near unexpected token `newline'", "echo >"],
    ["; ls", "syntax error near unexpected token `;'", "; ls"],
    ["if then fi", "syntax error near unexpected token `then'", "if then fi"],
    ["while true; do done", "syntax error near unexpected token `done'", "while true; do done"],
    ["echo a ;; b", "syntax error near unexpected token `;;'", "echo a ;; b"],
    ["case", "syntax error near unexpected token `newline'", "case"],
    ["function", "syntax error near unexpected token `newline'", "function"],
  ];
  for (const [src, message, lineText] of errors) {
    it(`reports ${JSON.stringify(src)} as a syntax error`, () => {
      let error: unknown;
      try {
        new Parser(src).parseAll();
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ShellSyntaxError);
      expect(error).not.toBeInstanceOf(IncompleteInput);
      expect((error as ShellSyntaxError).message).toBe(message);
      expect((error as ShellSyntaxError).lineText).toBe(lineText);
    });
  }

  it("accepts a here-document cut by the end of a script, with bash's warning", () => {
    const parser = new Parser("cat <<EOF\nabc\n", { atEof: true });
    const script = parser.parseAll();
    expect((script.commands[0].command as SimpleCommand).redirs[0].heredoc).toEqual({ parts: [{ type: "lit", value: "abc\n" }] });
    expect(parser.warnings).toEqual([{ line: 2, message: "warning: here-document at line 1 delimited by end-of-file (wanted `EOF')" }]);
  });
});
