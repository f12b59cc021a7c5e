/**
 * The shell as dash 0.5.12, Debian's and Ubuntu's /bin/sh (`docker exec -it web sh` in the
 * nginx, python, node or redis images). Each expectation is read from dash's sources
 * (git.kernel.org/pub/scm/utils/dash/dash.git, mirrored at github.com/tklauser/dash):
 * - error.c exvwarning2: `%s: %d: ` (arg0 and the line) before every error message,
 *   errmsg(ENOENT, E_EXEC) "not found", E_OPEN "No such file", E_CREAT "Directory nonexistent";
 * - exec.c shellexec: status 127 for a command not found; describe_command for `type`;
 * - var.c: PS1 "$ ", or "# " for root, and no $RANDOM (only LINENO is computed);
 * - bltin/printf.c echocmd / conv_escape_str: `-n` only, escapes always interpreted;
 * - bltin/test.c: no `==`, `syntax(op, "unexpected operator")`, atomax10's `Illegal number`;
 * - builtins.def.in: no source, declare, shopt...; local; `.`; set and local are special,
 *   so their errors end a non-interactive shell (eval.c evalcommand);
 * - options.c: no pipefail in 0.5.12 (it came with "jobs: Implement pipefail option",
 *   after 0.5.12), so `set -o pipefail` is `Illegal option -o pipefail`;
 * - miscbltin.c readcmd: nextopt("p:r"), `arg count` without a name;
 * - mktokens: no [[, function, select or time keywords; no arrays, no brace expansion;
 * - arith_yacc.c yyerror: `arithmetic expression: expecting primary: "2**3"`;
 * - parser.c: `Syntax error: "(" unexpected`; main.c cmdloop: a newline at end of input.
 */
import { describe, expect, it } from "vitest";
import { run } from "./harness";

/** The terminal's text without the bracketed-paste switches and prompt marks (OSC 133). */
function shown(text: string): string {
  return text.replace(/\x1b\[\?2004[hl]|\x1b\]133;[^\x07]*\x07/g, "");
}

describe("dash: messages", () => {
  it("says `sh: 1: foo: not found` with status 127", async () => {
    const r = await run(["dash", "-c", "foo"]);
    expect(r.stderr).toBe("dash: 1: foo: not found\n");
    expect(r.status).toBe(127);
  });

  it("stays dash in subshells and pipelines", async () => {
    const r = await run(["dash", "-c", "nosuch | cat; (alsonot); echo $(echo {a,b})"]);
    expect(r.stderr).toBe("dash: 1: nosuch: not found\ndash: 1: alsonot: not found\n");
    expect(r.stdout).toBe("{a,b}\n");
  });

  it("names the script and its line", async () => {
    const r = await run(["dash", "/s.sh"], { files: { "/s.sh": "#!/bin/sh\necho one\nnosuch\n" } });
    expect(r.stdout).toBe("one\n");
    expect(r.stderr).toBe("/s.sh: 3: nosuch: not found\n");
    expect(r.status).toBe(127);
  });

  it("says [[ is not found, and ./x is not found too, under the name it was given", async () => {
    const r = await run(["dash", "-c", "[[ 1 ]]; ./nope", "sh"]);
    expect(r.stderr).toBe("sh: 1: [[: not found\nsh: 1: ./nope: not found\n");
  });

  it("words redirection failures as dash does", async () => {
    const r = await run(["dash", "-c", "cat < /nope; echo x > /no/dir/f"]);
    expect(r.stderr).toBe("dash: 1: cannot open /nope: No such file\ndash: 1: cannot create /no/dir/f: Directory nonexistent\n");
  });

  it("has no long options: --version is `Illegal option --`", async () => {
    const d = await run(["dash", "--version"]);
    expect(d.stderr).toBe("dash: 0: Illegal option --\n");
    expect(d.stdout).toBe("");
    expect(d.status).toBe(2);
  });

  it("reports a script it cannot open on line 0, status 2", async () => {
    const r = await run(["dash", "/missing.sh"]);
    expect(r.stderr).toBe("dash: 0: cannot open /missing.sh: No such file\n");
    expect(r.status).toBe(2);
  });

  it("words syntax errors as dash's parser does", async () => {
    expect((await run(["dash", "-c", "a=(1 2)"])).stderr).toBe('dash: 1: Syntax error: "(" unexpected\n');
    expect((await run(["dash", "-c", "echo 'abc"])).stderr).toBe("dash: 1: Syntax error: Unterminated quoted string\n");
    // parser.c synexpect: the word that was wanted, on the line where the input ended.
    expect((await run(["dash", "-c", "if true; then echo"])).stderr).toBe(
      'dash: 1: Syntax error: end of file unexpected (expecting "fi")\n',
    );
    expect((await run(["dash", "-c", "{ echo"])).stderr).toBe('dash: 1: Syntax error: end of file unexpected (expecting "}")\n');
    const script = await run(["dash", "/s.sh"], { files: { "/s.sh": "echo start\nwhile true; do\n  echo x\n" } });
    expect(script.stderr).toBe('/s.sh: 4: Syntax error: end of file unexpected (expecting "done")\n');
    const fn = await run(["dash", "-c", "function f { echo x; }"]);
    expect(fn.stderr).toBe('dash: 1: Syntax error: "}" unexpected\n');
    expect(fn.status).toBe(2);
  });
});

describe("dash: the interactive prompt", () => {
  it("prompts `# ` for root, numbers lines in errors, and ends with a newline at EOF", async () => {
    const r = await run(["dash", "-i"], { cwd: "/", env: { PWD: "/" }, tty: { cols: 80, input: "echo hi\nfoo\necho $-\n\x04" } });
    expect(shown(r.stdout)).toBe("# echo hi\nhi\n# foo\ndash: 2: foo: not found\n# echo $-\nsmi\n# \n");
    expect(r.stdout).not.toContain("dash-");
    expect(r.stdout).not.toMatch(/^exit$/m);
  });

  it("leaves PS1 unexpanded of bash's backslash escapes", async () => {
    const r = await run(["dash", "-i"], { env: { PS1: "\\u$ " }, tty: { cols: 80, input: "exit\n" } });
    expect(r.stdout).toContain("\\u$ ");
  });
});

describe("dash: builtins", () => {
  it("has echo interpret backslash escapes, with only -n as an option", async () => {
    const r = await run(["dash", "-c", 'echo "a\\tb\\0101\\101"; echo -e x; echo -n "no\\c"; echo " more"']);
    expect(r.stdout).toBe("a\tbAA\n-e x\nno more\n");
  });

  it("has no source, but . works", async () => {
    const r = await run(["dash", "-c", "source /lib.sh; . /lib.sh; echo $V"], { files: { "/lib.sh": "V=loaded\n" } });
    expect(r.stderr).toBe("dash: 1: source: not found\n");
    expect(r.stdout).toBe("loaded\n");
  });

  it("has local in functions, and refuses it outside one as a special builtin", async () => {
    const ok = await run(["dash", "-c", "v=out; f() { local v=in; echo $v; }; f; echo $v"]);
    expect(ok.stdout).toBe("in\nout\n");
    const bad = await run(["dash", "-c", "local x=1; echo after"]);
    expect(bad.stderr).toBe("dash: 1: local: not in a function\n");
    expect(bad.stdout).toBe("");
    expect(bad.status).toBe(2);
  });

  it("describes commands as dash's type does", async () => {
    const r = await run([
      "dash",
      "-c",
      "type ls cd set if; f() { :; }; alias ll='ls -l'; type f ll nosuch; echo $?; ls / >/dev/null; type ls",
    ]);
    expect(r.stdout).toBe(
      [
        "ls is /bin/ls",
        "cd is a shell builtin",
        "set is a special shell builtin",
        "if is a shell keyword",
        "f is a shell function",
        "ll is an alias for ls -l",
        "nosuch: not found",
        "127",
        "ls is a tracked alias for /bin/ls",
        "",
      ].join("\n"),
    );
  });

  it("refuses set -o pipefail (not in 0.5.12) and ends the script", async () => {
    const r = await run(["dash", "-c", "set -o pipefail; echo after"]);
    expect(r.stderr).toBe("dash: 1: set: Illegal option -o pipefail\n");
    expect(r.stdout).toBe("");
    expect(r.status).toBe(2);
    // expand.c lists $- from the last option letter to the first: u before e, and no c.
    const e = await run(["dash", "-c", 'echo "[$-]"; set -eu; echo $-']);
    expect(e.stdout).toBe("[]\nue\n");
  });

  it("lists variables as var.c showvars does, single-quoted as mystring.c single_quote", async () => {
    const r = await run(
      ["dash", "-c", "export A=\"it's\" B; readonly R=1; export | grep -e ' A' -e ' B' -e ' PATH'; readonly -p; set | grep '^A='"],
      {
        env: { PATH: "/bin:/usr/bin" },
      },
    );
    expect(r.stdout).toBe(
      ["export A='it'\"'\"'s'", "export B", "export PATH='/bin:/usr/bin'", "readonly R='1'", "A='it'\"'\"'s'", ""].join("\n"),
    );
  });

  it("says `can't cd to` (cd.c) with status 2, and ends a script on `can't shift that many`", async () => {
    const cd = await run(["dash", "-c", "cd /nope; echo $?; cd /etc extra; pwd"]);
    expect(cd.stderr).toBe("dash: 1: cd: can't cd to /nope\n");
    expect(cd.stdout).toBe("2\n/etc\n");
    const shift = await run(["dash", "-c", "shift 2; echo after", "sh", "one"]);
    expect(shift.stderr).toBe("sh: 1: shift: can't shift that many\n");
    expect(shift.stdout).toBe("");
    expect(shift.status).toBe(2);
  });

  it("reads with -r and -p only, and needs a variable name", async () => {
    const r = await run(["dash", "-c", "read -r a b; echo $b; read -n 1 x; echo $?; read; echo $?"], { stdin: "one two\n" });
    expect(r.stdout).toBe("two\n2\n2\n");
    expect(r.stderr).toBe("dash: 1: read: Illegal option -n\ndash: 1: read: arg count\n");
  });
});

describe("dash: test and [", () => {
  it("has no == operator", async () => {
    const r = await run(["dash", "-c", "[ a == b ]; echo $?; [ a = a ]; echo $?"]);
    expect(r.stderr).toBe("dash: 1: [: a: unexpected operator\n");
    expect(r.stdout).toBe("2\n0\n");
  });

  it("words an empty operand, a bad number and a missing ] as dash does", async () => {
    const r = await run(["dash", "-c", 'x=; [ $x = foo ]; [ 1 -eq abc ]; [ 1 = 1; [ -n "" -o 1 -lt 2 ]; echo $?']);
    expect(r.stderr).toBe("dash: 1: [: =: unexpected operator\ndash: 1: [: Illegal number: abc\ndash: 1: [: missing ]\n");
    expect(r.stdout).toBe("0\n");
  });

  it("evaluates ! and parentheses by test.c's rules", async () => {
    const r = await run(["dash", "-c", "[ ! -d / ]; echo $?; [ \\( a = a \\) ]; echo $?; test -f /etc; echo $?"]);
    expect(r.stdout).toBe("1\n0\n1\n");
  });
});

describe("dash: expansions", () => {
  it("has no brace expansion, no $RANDOM and no bash variables", async () => {
    const r = await run(["dash", "-c", 'echo {a,b} x${RANDOM}x "$BASH_VERSION" ${BASH-unset}']);
    expect(r.stdout).toBe("{a,b} xx  unset\n");
  });

  it("knows only POSIX's parameter expansions: the rest are `Bad substitution`, status 2", async () => {
    const ok = await run(["dash", "-c", "x=hello.txt; echo ${x%.txt} ${#x} ${y:-def} ${x#h}"]);
    expect(ok.stdout).toBe("hello 9 def ello.txt\n");
    const r = await run(["dash", "-c", "x=hello; echo ${x:0:2}; echo after"]);
    expect(r.stderr).toBe("dash: 1: Bad substitution\n");
    expect(r.stdout).toBe("");
    expect(r.status).toBe(2);
    expect((await run(["dash", "-c", "x=a; echo ${x^^}"])).stderr).toBe("dash: 1: Bad substitution\n");
  });

  it("has no $'...' quoting: the $ stays, and echo reads the escapes", async () => {
    const r = await run(["dash", "-c", "echo $'a\\tb'"]);
    expect(r.stdout).toBe("$a\tb\n");
  });

  it("does arithmetic without **", async () => {
    expect((await run(["dash", "-c", "echo $((2+3*4))"])).stdout).toBe("14\n");
    const r = await run(["dash", "-c", "echo $((2**3)); echo after"]);
    expect(r.stderr).toBe('dash: 1: arithmetic expression: expecting primary: "2**3"\n');
    expect(r.stdout).toBe("");
    expect(r.status).toBe(2);
    const zero = await run(["dash", "-c", "echo $((1/0))"]);
    expect(zero.stderr).toBe('dash: 1: arithmetic expression: division by zero: "1/0"\n');
  });

  it("takes a here-document ended by end of file without bash's warning", async () => {
    const r = await run(["dash", "/h.sh"], { files: { "/h.sh": "cat <<EOF\nline\n" } });
    expect(r.stdout).toBe("line\n");
    expect(r.stderr).toBe("");
  });

  it("runs scripts written for sh: functions, case, loops, $(...), here-documents", async () => {
    const script = [
      "#!/bin/sh",
      "set -e",
      'greet() { echo "hello $1"; }',
      'for f in a b; do case "$f" in a) greet A ;; *) echo "other $f" ;; esac; done',
      'n=0; while [ "$n" -lt 3 ]; do n=$((n + 1)); done; echo "n=$n"',
      'if [ -z "${UNSET:-}" ]; then echo "$(echo sub)"; fi',
      "cat <<EOF",
      "doc $n",
      "EOF",
      'exec "$@"',
    ].join("\n");
    const r = await run(["dash", "/entry.sh", "echo", "done"], { files: { "/entry.sh": script } });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("hello A\nother b\nn=3\nsub\ndoc 3\ndone\n");
  });
});

describe("bash stays bash", () => {
  it("keeps bash's messages, arrays and brace expansion", async () => {
    const r = await run(["bash", "-c", "a=(x y); echo ${a[1]} {1,2}; [[ a == a ]] && echo yes; nosuch"]);
    expect(r.stdout).toBe("y 1 2\nyes\n");
    expect(r.stderr).toBe("bash: line 1: nosuch: command not found\n");
  });
});
