// node over QuickJS, as Node.js 22's command line behaves. Expected texts: Node's uncaught
// exception report (src/node_errors.cc PrintException / GetErrorSource: "file:line", the source
// line, a caret under the column, a blank line, the stack, then "\nNode.js v<version>" from
// lib/internal/process/execution.js), `node --version` ("v" + the release), os.hostname()
// from uname(2)'s nodename (the UTS namespace).
import { describe, expect, it } from "vitest";
import { binaryContent } from "../../../src/engine/kernel/exec";
import { run } from "../harness";

const NODE = "/usr/local/bin/node";
const node = (argv: string[], files: Record<string, string> = {}, env: Record<string, string> = { NODE_VERSION: "22.15.1" }) =>
  run([NODE, ...argv], {
    files,
    env,
    setup: (fs) => fs.writeFile(NODE, binaryContent("node"), { mode: 0o755 }),
  });

describe("node", () => {
  it("runs the learner's file: require('os'), console, process", async () => {
    const r = await node(["/app/index.js", "a"], {
      "/app/index.js": [
        'var os = require("os");',
        "var hostname = os.hostname();",
        'console.log("hello from " + hostname);',
        "console.log(process.argv.slice(1), process.env.HOME, os.platform(), { a: 1, b: 'x' });",
        'console.error("to stderr");',
        'var lib = require("./lib");',
        "console.log(lib.twice(21), [1, 2].map((x) => x * 2));",
      ].join("\n"),
      "/app/lib.js": "exports.twice = function (n) { return n * 2; };\n",
    });
    expect(r.stdout).toBe("hello from node1\n[ '/app/index.js', 'a' ] /root linux { a: 1, b: 'x' }\n42 [ 2, 4 ]\n");
    expect(r.stderr).toBe("to stderr\n");
    expect(r.status).toBe(0);
  });

  it("prints the image's release for --version, from NODE_VERSION or Alpine's nodejs package", async () => {
    expect((await node(["--version"])).stdout).toBe("v22.15.1\n");
    const apk = await node(["-v"], { "/lib/apk/db/installed": "P:musl\nV:1.2.5-r9\n\nP:nodejs\nV:22.15.1-r0\n\n" }, {});
    expect(apk.stdout).toBe("v22.15.1\n");
    expect((await node(["--version"], {}, { NODE_VERSION: "23.7.0" })).stdout).toBe("v23.7.0\n");
  });

  it("reports a syntax error with the line and a caret, status 1", async () => {
    const r = await node(["index.js"], { "/root/index.js": 'console.log("ok");\nvar x = {;\n' });
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^\/root\/index\.js:2\nvar x = \{;\n {9}\^\n\nSyntaxError: .+\n\nNode\.js v22\.15\.1\n$/);
    expect(r.status).toBe(1);
  });

  it("reports an uncaught exception with its stack, after what was printed", async () => {
    const r = await node(["index.js"], {
      "/root/index.js": 'console.log("before");\nfunction f() {\n  throw new Error("boom");\n}\nf();\n',
    });
    expect(r.stdout).toBe("before\n");
    expect(r.stderr).toMatch(
      /^\/root\/index\.js:3\n {2}throw new Error\("boom"\);\n {2}\^\n\nError: boom\n {4}at f \(\/root\/index\.js:3:\d+\)\n {4}at Object\.<anonymous> \(\/root\/index\.js:5:\d+\)\n\nNode\.js v22\.15\.1\n$/,
    );
    expect(r.status).toBe(1);
  });

  it("exits with process.exit's status and reads and writes files", async () => {
    const r = await node(["index.js"], {
      "/root/index.js": [
        'var fs = require("fs");',
        'fs.writeFileSync("/tmp/out.txt", "written");',
        'console.log(fs.readFileSync("/tmp/out.txt", "utf8"), fs.existsSync("/nope"));',
        "try { fs.readFileSync('/nope') } catch (e) { console.log(e.code, e.message) }",
        "process.exit(3);",
        'console.log("not reached");',
      ].join("\n"),
    });
    expect(r.stdout).toBe("written false\nENOENT ENOENT: no such file or directory, open '/nope'\n");
    expect(r.status).toBe(3);
  });

  it("runs timers on the virtual clock in order", async () => {
    const r = await node(["-e", 'setTimeout(() => console.log("b"), 20); setTimeout(() => console.log("a"), 10); console.log("now")']);
    expect(r.stdout).toBe("now\na\nb\n");
    expect(r.status).toBe(0);
  });
});
