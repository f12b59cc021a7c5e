// python shares the kernel: its loops yield to the scheduler, Ctrl-C raises KeyboardInterrupt
// (uncaught: the traceback ending in "KeyboardInterrupt" and status 130, as CPython 3.8+
// reports a death by SIGINT), SIGTERM's default action ends it (143), time runs on the
// virtual clock, and a computation that cannot yield is interrupted after a budget.
import { afterEach, describe, expect, it } from "vitest";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { PythonInterpreter } from "../../../src/engine/programs/python/interpreter";
import { instrument } from "../../../src/engine/programs/python/preempt";
import { addPollHook } from "../../../src/engine/programs/python/wasm-hook";
import { sh } from "../harness";

const PY = "/usr/local/bin/python3";
const shell = (script: string, files: Record<string, string>, tty?: string) =>
  sh(script, {
    files,
    env: { PYTHON_VERSION: "3.6.1" },
    ...(tty === undefined ? {} : { tty: { cols: 80, input: tty } }),
    setup: (fs) => {
      fs.mkdir("/usr/local/lib/python3.6/site-packages", { recursive: true });
      fs.writeFile(PY, binaryContent("python3"), { mode: 0o755 });
    },
  });

const LOOP = 'print("start")\nwhile True:\n    pass\n';
const INTERRUPTED = 'Traceback (most recent call last):\n  File "/root/loop.py", line 3, in <module>\n    pass\nKeyboardInterrupt\n';

describe("python and the scheduler", () => {
  const budget = { ...PythonInterpreter.budget };
  afterEach(() => {
    PythonInterpreter.budget = { ...budget };
  });

  it("stops an endless loop on SIGINT with CPython's KeyboardInterrupt report and status 130", async () => {
    const r = await shell(`${PY} /root/loop.py & sleep 1; echo running; kill -INT $!; wait $!; echo "status $?"`, {
      "/root/loop.py": LOOP,
    });
    expect(r.stdout).toBe("start\nrunning\nstatus 130\n");
    expect(r.stderr).toBe(INTERRUPTED);
  });

  it("lets timeout(1) interrupt it, and SIGTERM's default action end it", async () => {
    const r = await shell(
      `timeout -s INT 1 ${PY} /root/loop.py; echo "timeout $?"; ${PY} /root/loop.py & sleep 1; kill $!; wait $!; echo "term $?"`,
      { "/root/loop.py": LOOP },
    );
    expect(r.stdout).toBe("start\ntimeout 124\nstart\nterm 143\n");
    expect(r.stderr).toBe(INTERRUPTED);
  });

  it("interrupts a computation that cannot yield once it overruns its budget", async () => {
    PythonInterpreter.budget = { interruptMs: 300, abandonMs: 300 };
    const r = await shell(`${PY} /root/f.py; echo "status $?"`, {
      "/root/f.py": "def f():\n    while True:\n        pass\nf()\n",
    });
    expect(r.stdout).toBe("status 130\n");
    expect(r.stderr).toMatch(
      /^Traceback \(most recent call last\):\n {2}File "\/root\/f\.py", line 4, in <module>\n {4}f\(\)\n {2}File "\/root\/f\.py", line 3, in f\n {4}pass\nKeyboardInterrupt\n\(stevedore: .*interrupted\)\n$/,
    );
  });

  it("abandons a computation that ignores the KeyboardInterrupt", async () => {
    PythonInterpreter.budget = { interruptMs: 200, abandonMs: 200 };
    const r = await shell(`${PY} /root/f.py; echo "status $?"`, {
      "/root/f.py":
        "def f():\n    while True:\n        try:\n            while True:\n                pass\n        except KeyboardInterrupt:\n            pass\nf()\n",
    });
    expect(r.stdout).toBe("status 137\n");
    expect(r.stderr).toMatch(/ignored KeyboardInterrupt; killed\n$/);
  });

  it("sleeps on the virtual clock, not the real one", async () => {
    const started = Date.now();
    const r = await shell(`${PY} /root/nap.py`, {
      "/root/nap.py": [
        "import time",
        "t0 = time.time()",
        "time.sleep(2)",
        "def nap():",
        "    time.sleep(3)",
        "nap()",
        "for i in range(2):",
        "    time.sleep(1)",
        "print(round(time.time() - t0))",
      ].join("\n"),
    });
    expect([r.stderr, r.status]).toEqual(["", 0]);
    expect(r.stdout).toBe("7\n");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("reads time.time() and datetime.now() from the kernel's clock", async () => {
    const r = await shell(`${PY} /root/clock.py`, {
      "/root/clock.py": [
        "import time, datetime",
        "start = datetime.datetime.now()",
        "print(time.time(), start, start.strftime('%a %d %b %Y'))",
        "time.sleep(30)",
        "print(datetime.datetime.now() - start)",
      ].join("\n"),
    });
    expect(r.stdout).toBe("1767225600.0 2026-01-01 00:00:00 Thu 01 Jan 2026\n0:00:30\n");
  });

  it("adds await points only where the grammar allows them", () => {
    const out = instrument(
      "while x:\n    time.sleep(1)\ndef f():\n    while y:\n        time.sleep(1)\nfor i in r: pass\nfor j in r:\n    print(j)\n",
    );
    expect(out).toBe(
      "while (await __stevedore_tick()) and (x):\n    await __stevedore_sleep(1)\ndef f():\n    while y:\n        time.sleep(1)\nfor i in r: await __stevedore_tick(); pass\nfor j in r:\n    await __stevedore_tick(); print(j)\n",
    );
  });

  it("adds a poll to every loop of the interpreter's binary, keeping it valid", async () => {
    const { readFileSync } = await import("node:fs");
    const bytes = new Uint8Array(readFileSync("node_modules/@micropython/micropython-webassembly-pyscript/micropython.wasm"));
    const hooked = addPollHook(bytes);
    expect(hooked).not.toBeNull();
    expect(WebAssembly.validate(hooked as Uint8Array<ArrayBuffer>)).toBe(true);
    expect((hooked as Uint8Array).length).toBeGreaterThan(bytes.length);
  });
});

describe("python's interactive interpreter", () => {
  it("prints CPython's banner and prompts, echoes values, reports errors and exits with exit()", async () => {
    const r = await shell(`${PY}; echo "status $?"`, {}, '1+1\nfor i in range(2): print(i)\n\n1/0\nexit\nprint("a",\n  "b")\nexit(3)\n');
    expect(r.stdout).toBe(
      [
        "Python 3.6.1 (default, Jun 17 2017, 21:41:02) ",
        "[GCC 5.3.0] on linux",
        'Type "help", "copyright", "credits" or "license" for more information.',
        ">>> 1+1",
        "for i in range(2): print(i)",
        "",
        "1/0",
        "exit",
        'print("a",',
        '  "b")',
        "exit(3)",
        "2",
        ">>> ... 0",
        "1",
        ">>> Traceback (most recent call last):",
        '  File "<stdin>", line 1, in <module>',
        "ZeroDivisionError: division by zero",
        ">>> Use exit() or Ctrl-D (i.e. EOF) to exit",
        ">>> ... a b",
        ">>> status 3",
        "",
      ].join("\n"),
    );
  });

  it("leaves on Ctrl-D", async () => {
    const r = await shell(`${PY}; echo "status $?"`, {}, "x = 1\n\u0004");
    expect(r.stdout).toMatch(/>>> x=?.*\n>>> \nstatus 0\n$/);
  });
});
