// python over MicroPython, as CPython's command line behaves. Expected texts from CPython
// 3.6's Python/pythonrun.c (print_error_text: file and line, the source line, a caret under
// the offending token, no "Traceback" header for a SyntaxError; handle_system_exit:
// sys.exit(n) exits n, a string argument is printed to stderr with status 1) and
// Modules/main.c ("can't open file '%s': [Errno %d] %s", status 2).
import { describe, expect, it } from "vitest";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { run } from "../harness";

const PY = "/usr/local/bin/python3";
const py = (argv: string[], files: Record<string, string> = {}, env: Record<string, string> = {}) =>
  run([PY, ...argv], {
    files,
    env: { PYTHON_VERSION: "3.6.1", ...env },
    setup: (fs) => {
      fs.mkdir("/usr/local/lib/python3.6/site-packages", { recursive: true });
      fs.writeFile(PY, binaryContent("python3"), { mode: 0o755 });
    },
  });

describe("python", () => {
  it("runs the learner's program with a real interpreter", async () => {
    const r = await py(["app.py", "x"], {
      "/root/app.py": [
        "import os, socket, sys",
        "def fib(n):",
        "    return n if n < 2 else fib(n - 1) + fib(n - 2)",
        'print("hello world", fib(20))',
        'print(socket.gethostname(), os.environ["HOME"], os.getenv("NOPE", "-"), sys.argv)',
        'print(os.path.join("/app", "static"), os.path.basename("/app/app.py"))',
      ].join("\n"),
    });
    expect(r.stdout).toBe("hello world 6765\nnode1 /root - ['app.py', 'x']\n/app/static app.py\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("reports a syntax error as CPython does, with status 1", async () => {
    const r = await py(["app.py"], { "/root/app.py": 'print("ok")\nx = 1\nif x\n    print(x)\n' });
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe('  File "app.py", line 3\n    if x\n       ^\nSyntaxError: invalid syntax\n');
    expect(r.status).toBe(1);
  });

  it("prints the traceback of an uncaught exception with the source lines", async () => {
    const r = await py(["app.py"], { "/root/app.py": 'def f():\n    raise ValueError("boom")\nprint("before")\nf()\n' });
    expect(r.stdout).toBe("before\n");
    expect(r.stderr).toBe(
      'Traceback (most recent call last):\n  File "app.py", line 4, in <module>\n    f()\n  File "app.py", line 2, in f\n    raise ValueError("boom")\nValueError: boom\n',
    );
    expect(r.status).toBe(1);
  });

  it("names a missing module as CPython 3.6 does", async () => {
    const r = await py(["app.py"], { "/root/app.py": "from flask import Flask\n" });
    expect(r.stderr).toBe(
      "Traceback (most recent call last):\n  File \"app.py\", line 1, in <module>\n    from flask import Flask\nModuleNotFoundError: No module named 'flask'\n",
    );
  });

  it("exits with sys.exit's status", async () => {
    expect((await py(["-c", "import sys; sys.exit(3)"])).status).toBe(3);
    expect((await py(["-c", "import sys; sys.exit()"])).status).toBe(0);
    const r = await py(["-c", "import sys; sys.exit('bye')"]);
    expect([r.stderr, r.status]).toEqual(["bye\n", 1]);
  });

  it("prints the image's CPython version", async () => {
    expect((await py(["--version"])).stdout).toBe("Python 3.6.1\n");
    expect((await py(["-V"], {}, { PYTHON_VERSION: "3.13.2" })).stdout).toBe("Python 3.13.2\n");
  });

  it("cannot open a missing script", async () => {
    const r = await py(["nope.py"]);
    expect([r.stderr, r.status]).toEqual(["/usr/local/bin/python3: can't open file 'nope.py': [Errno 2] No such file or directory\n", 2]);
  });

  it("imports the script's own modules", async () => {
    const r = await py(["app.py"], { "/root/app.py": "import greet\ngreet.hi()\n", "/root/greet.py": 'def hi():\n    print("hi")\n' });
    expect(r.stdout).toBe("hi\n");
  });

  it("keeps the page out of reach: the js module is the process's sandbox", async () => {
    const r = await py(["-c", "import js\nprint(hasattr(js, 'document'), hasattr(js, 'process'), js.hostname)"]);
    expect(r.stdout).toBe("False False node1\n");
  });
});
