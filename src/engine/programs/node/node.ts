import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { realMs } from "../../kernel/realtime";
import { serveHttpTask } from "../../net/http";
import { npmCli } from "../npm/npm";
import { PRELUDE } from "./prelude";
import { discardQuickjs, isQuickjsAbort, quickjs } from "./quickjs";
import { type UncaughtError, uncaughtReport } from "./report";
import { nodeVersion } from "./version";

/** CommonJS's module wrapper, kept on the file's first line so line numbers stay the file's. */
const WRAPPER = "globalThis.__compiled = (function (exports, require, module, __filename, __dirname) {";

interface Response {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  body: string;
}

/**
 * QuickJS's stack limit: deep recursion throws its "stack overflow" long before the
 * WebAssembly frames under it could exhaust the host's (the page's worker's) stack.
 */
const MAX_STACK_BYTES = 256 * 1024;

/**
 * QuickJS runs a call to the end without yielding, so a busy loop would hold the whole
 * engine (every host, the terminal, Ctrl-C). Past this much real time in one call the
 * runtime's interrupt handler stops it, as the Python model's budget does; real time is
 * the right clock here, since it is the page's responsiveness that is at stake.
 */
export const NODE_BUDGET = { interruptMs: 4000 };

/** What one node process shares between its JavaScript and the kernel. */
class Loop {
  output: Array<{ fd: 1 | 2; text: string }> = [];
  exitCode: number | null = null;
  listens: Array<{ id: string; port: number; host: string }> = [];
  servers = new Map<string, { fd: number; done: Promise<void> }>();
  responses = new Map<string, (r: Response) => void>();
  private wake: (() => void) | null = null;

  write(fd: 1 | 2, text: string): void {
    const last = this.output[this.output.length - 1];
    if (last?.fd === fd) last.text += text;
    else this.output.push({ fd, text });
  }

  async flush(proc: Process): Promise<void> {
    const out = this.output;
    this.output = [];
    for (const { fd, text } of out) await (fd === 1 ? proc.stdout : proc.stderr).write(text);
  }

  /** A timer or a listen from a request handler: the main loop looks again. */
  poke(): void {
    this.wake?.();
  }

  waitForPoke(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }
}

/**
 * node: Node.js's command line over QuickJS. `node index.js` runs the learner's file as a
 * CommonJS module, `node -e CODE` a string, `node --version` prints the release this node
 * stands for; then the event loop runs timers on the kernel's clock and http servers on the
 * process's sockets until nothing is left to do. An uncaught exception prints Node's report
 * and exits 1; process.exit(n) exits n.
 */
export const node: Program = async (proc) => {
  const version = nodeVersion(proc);
  const args = proc.argv.slice(1);
  const first = args[0];
  if (first === "-v" || first === "--version") {
    await proc.stdout.write(`v${version}\n`);
    return 0;
  }
  let file: string | null = null;
  let code: string | null = null;
  let rest: string[];
  if (first === "-e" || first === "--eval") {
    code = args[1] ?? "";
    rest = args.slice(2);
  } else if (first === undefined || first === "-") {
    code = await proc.stdin.readAll();
    rest = args.slice(1);
  } else if (first.startsWith("-")) {
    await proc.stderr.write(`${proc.argv[0] ?? "node"}: bad option: ${first}\n`);
    return 9;
  } else {
    file = proc.resolve(first);
    if (!proc.fs.exists(file) && proc.fs.exists(`${file}.js`)) file = `${file}.js`;
    rest = args.slice(1);
    // npm's bin/npm-cli.js, as the npm symlink's #! line runs it: npm's command line.
    const real = realFile(proc, file);
    if (/\/node_modules\/npm\/bin\/npm-cli\.js$/.test(real)) return npmCli(proc, rest, real);
  }
  const execPath = proc.which(proc.argv[0] ?? "node") ?? "/usr/local/bin/node";
  const argv = [execPath, ...(file ? [file] : []), ...rest];

  const module = await quickjs();
  const runtime = module.newRuntime();
  // Deep recursion must end in QuickJS's own "stack overflow" exception, well before the
  // WebAssembly frames exhaust the host's stack (which would take the engine down).
  runtime.setMaxStackSize(MAX_STACK_BYTES);
  let sliceStart = realMs();
  let overran = false;
  runtime.setInterruptHandler(() => {
    if (realMs() - sliceStart <= NODE_BUDGET.interruptMs) return false;
    overran = true;
    return true;
  });
  const ctx = runtime.newContext();
  const loop = new Loop();
  try {
    installHost(proc, ctx, loop, { argv, env: proc.env, pid: proc.pid, cwd: proc.cwd, version });
    ctx.unwrapResult(ctx.evalCode(PRELUDE, "node:internal/bootstrap")).dispose();
    const sources = (path: string) => {
      if (path === "[eval]") return (code ?? "").split("\n");
      try {
        return proc.fs.readText(path).split("\n");
      } catch {
        return null;
      }
    };
    const fail = async (error: UncaughtError) => {
      await loop.flush(proc);
      if (overran) {
        // As if interrupted with Ctrl-C: node dies of SIGINT, silently (128 + 2).
        await proc.stderr.write(
          `(stevedore: this program computed for ${NODE_BUDGET.interruptMs / 1000} s without returning to the event loop, so it was interrupted)\n`,
        );
        return 130;
      }
      await proc.stderr.write(uncaughtReport(error, version, sources, error.fileName ? 0 : WRAPPER.length));
      return 1;
    };
    const step = (fn: () => Result): UncaughtError | null => {
      sliceStart = realMs();
      const failure = call(ctx, fn);
      if (failure) return failure;
      const jobs = runtime.executePendingJobs();
      if (jobs.error) return dumpError(ctx, jobs.error);
      return null;
    };

    if (!file) {
      const err = step(() => callGlobal(ctx, "__eval", code ?? ""));
      if (err) return await fail({ ...err, stack: err.stack.replaceAll("<input>", "[eval]") });
    } else {
      if (!proc.fs.exists(file)) return await missingModule(proc, file, version);
      const err = step(() => callGlobal(ctx, "__main", file as string));
      if (err) return await fail(err);
    }
    await loop.flush(proc);
    if (loop.exitCode !== null) return loop.exitCode;

    // The event loop: timers on the virtual clock, servers answering through JavaScript.
    for (;;) {
      const opened = await openServers(proc, ctx, loop, step);
      if (opened !== null) return await fail(opened);
      await loop.flush(proc);
      if (loop.exitCode !== null) return loop.exitCode;
      const due = number(ctx, () => callGlobal(ctx, "__timers.next"));
      if (due >= 0) {
        const wait = due - proc.now();
        // With servers up, a request may add an earlier timer: look again at least every 50 ms.
        if (wait > 0) await proc.sleep(loop.servers.size > 0 ? Math.min(wait, 50) : wait);
        const now = proc.now();
        const err = step(() => callGlobal(ctx, "__timers.fire", now));
        if (err) return await fail(err);
        continue;
      }
      if (loop.servers.size === 0 && loop.listens.length === 0) return exitStatus(ctx);
      await Promise.race([loop.waitForPoke(), ...[...loop.servers.values()].map((s) => s.done)]);
      for (const [id, s] of loop.servers) if (!proc.hasFd(s.fd)) loop.servers.delete(id);
    }
  } finally {
    release(ctx, runtime);
  }
};

/**
 * Frees a process's context and runtime. JS_FreeRuntime asserts that no object outlived
 * the runtime; when one did, the module aborted and is unusable: the next process gets a new one.
 */
function release(ctx: QuickJSContext, runtime: QuickJSRuntime): void {
  try {
    ctx.dispose();
    runtime.dispose();
  } catch (err) {
    if (!isQuickjsAbort(err)) throw err;
    discardQuickjs();
  }
}

/** process.exitCode when the loop runs dry. */
function exitStatus(ctx: QuickJSContext): number {
  return number(ctx, () => ctx.evalCode("Number(process.exitCode) || 0")) & 0xff;
}

async function missingModule(proc: Process, path: string, version: string): Promise<number> {
  // lib/internal/modules/cjs/loader.js: Module._resolveFilename's MODULE_NOT_FOUND, thrown from the entry point.
  await proc.stderr.write(
    `node:internal/modules/cjs/loader\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader)\n    at node:internal/main/run_main_module {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}\n`,
  );
  return 1;
}

/** Binds the sockets servers asked for since the last look, and starts answering on them. */
async function openServers(
  proc: Process,
  ctx: QuickJSContext,
  loop: Loop,
  step: (fn: () => Result) => UncaughtError | null,
): Promise<UncaughtError | null> {
  while (loop.listens.length > 0) {
    const { id, port, host } = loop.listens.shift() as { id: string; port: number; host: string };
    let fd: number;
    try {
      fd = proc.listen(
        host === "" || host === "::" || host === "localhost" ? (host === "localhost" ? "127.0.0.1" : "0.0.0.0") : host,
        port,
      );
    } catch (err) {
      if (!isSysError(err, "EADDRINUSE")) throw err;
      return {
        name: "Error",
        message: `listen EADDRINUSE: address already in use :::${port}`,
        stack: "",
      };
    }
    const done = serveHttpTask(proc, fd, async (req, res) => {
      const token = `${id}.${req.method}.${proc.now()}.${Math.floor(proc.random.next() * 1e9)}`;
      const answered = new Promise<Response>((resolve) => loop.responses.set(token, resolve));
      const err = step(() =>
        callGlobal(
          ctx,
          "__dispatch",
          id,
          token,
          req.method,
          req.target,
          JSON.stringify([...req.headers.entries()]),
          req.body,
          req.remote?.address ?? "127.0.0.1",
          req.version.replace("HTTP/", ""),
        ),
      );
      if (err) {
        // An exception in a request listener is uncaught in Node: the process dies with it.
        await loop.flush(proc);
        await proc.stderr.write(uncaughtReport(err, nodeVersion(proc), () => null, WRAPPER.length));
        proc.exit(1);
      }
      await loop.flush(proc);
      const answer = await answered;
      loop.responses.delete(token);
      const date = new Date(proc.now()).toUTCString();
      const headers: Array<[string, string]> = [...answer.headers];
      const has = (name: string) => headers.some(([k]) => k.toLowerCase() === name);
      // Node's defaults: Date, Connection, and the body's length when the response is sent in one piece.
      if (!has("date")) headers.push(["Date", date]);
      // Node keeps an HTTP/1.1 connection open unless the client asked to close it.
      const close = req.version === "HTTP/1.0" || /close/i.test(req.headers.get("connection") ?? "");
      if (close) headers.push(["Connection", "close"]);
      else headers.push(["Connection", "keep-alive"], ["Keep-Alive", "timeout=5"]);
      if (!has("content-length")) headers.push(["Content-Length", String(new TextEncoder().encode(answer.body).length)]);
      res.writeHead(answer.status, headers, answer.reason || undefined);
      await res.end(req.method === "HEAD" ? "" : answer.body);
    });
    loop.servers.set(id, { fd, done });
    const err = step(() => callGlobal(ctx, "__listening", id, port));
    if (err) return err;
  }
  return null;
}

function installHost(proc: Process, ctx: QuickJSContext, loop: Loop, info: object): void {
  const fsResult = (fn: () => unknown): string => {
    try {
      return JSON.stringify({ value: fn() ?? null });
    } catch (err) {
      if (!isSysError(err)) throw err;
      return JSON.stringify({ error: err.code });
    }
  };
  const host = ctx.newFunction("__host", (...handles) => {
    const [op, a = "", b = ""] = handles.map((h) => ctx.getString(h));
    const text = (s: string) => ctx.newString(s);
    switch (op) {
      case "info":
        return text(JSON.stringify(info));
      case "write":
        loop.write(a === "2" ? 2 : 1, b);
        return undefined;
      case "now":
        return text(String(proc.now()));
      case "random":
        return text(String(proc.random.next()));
      case "hostname":
        return text(proc.hostname);
      case "exit":
        loop.exitCode = Number(a) & 0xff;
        return undefined;
      case "timer":
        loop.poke();
        return undefined;
      case "listen":
        loop.listens.push({ id: a, port: Number(b), host: handles[3] ? ctx.getString(handles[3]) : "" });
        loop.poke();
        return undefined;
      case "close": {
        const server = loop.servers.get(a);
        if (server && proc.hasFd(server.fd)) proc.close(server.fd);
        loop.poke();
        return undefined;
      }
      case "respond":
        loop.responses.get(a)?.(JSON.parse(b) as Response);
        return undefined;
      case "readFile":
        return text(fsResult(() => proc.fs.readText(proc.resolve(a))));
      case "writeFile":
        return text(fsResult(() => proc.fs.writeFile(proc.resolve(a), b)));
      case "appendFile":
        return text(
          fsResult(() => {
            const path = proc.resolve(a);
            proc.fs.writeFile(path, (proc.fs.exists(path) ? proc.fs.readText(path) : "") + b);
          }),
        );
      case "readdir":
        return text(fsResult(() => proc.fs.readdir(proc.resolve(a))));
      case "mkdir":
        return text(fsResult(() => proc.fs.mkdir(proc.resolve(a))));
      case "exists":
        return text(proc.fs.exists(proc.resolve(a)) ? "1" : "0");
      case "isFile":
        return text(isFile(proc, proc.resolve(a)) ? "1" : "0");
      case "compile": {
        const result = ctx.evalCode(`${WRAPPER}${b}\n});`, a);
        if (result.error) return { error: result.error };
        result.value.dispose();
        return text("1");
      }
      default:
        return undefined;
    }
  });
  ctx.setProp(ctx.global, "__host", host);
  host.dispose();
}

function realFile(proc: Process, path: string): string {
  try {
    return proc.fs.realpath(path);
  } catch {
    return path;
  }
}

function isFile(proc: Process, path: string): boolean {
  try {
    return proc.fs.stat(path).type === "file";
  } catch {
    return false;
  }
}

/** Calls the global function at `path` (dotted) with string or number arguments. */
function callGlobal(ctx: QuickJSContext, path: string, ...args: Array<string | number>): Result {
  const names = path.split(".");
  let owner = ctx.global;
  const owned: QuickJSHandle[] = [];
  for (const name of names.slice(0, -1)) {
    owner = ctx.getProp(owner, name);
    owned.push(owner);
  }
  const fn = ctx.getProp(owner, names[names.length - 1] as string);
  const handles = args.map((a) => (typeof a === "number" ? ctx.newNumber(a) : ctx.newString(a)));
  try {
    const result = ctx.callFunction(fn, owner, ...handles);
    return result.error ? { error: result.error } : { value: result.value };
  } finally {
    for (const h of [fn, ...handles, ...owned]) h.dispose();
  }
}

type Result = { value: QuickJSHandle; error?: undefined } | { error: QuickJSHandle; value?: undefined };

/** Runs `fn`; a JavaScript exception comes back as what Node would report. */
function call(ctx: QuickJSContext, fn: () => Result): UncaughtError | null {
  const result = fn();
  if (result.error) return dumpError(ctx, result.error);
  result.value.dispose();
  return null;
}

function dumpError(ctx: QuickJSContext, handle: QuickJSHandle): UncaughtError {
  const value = ctx.dump(handle);
  handle.dispose();
  return fromDumped(value);
}

function fromDumped(value: unknown): UncaughtError {
  if (value && typeof value === "object" && "name" in value) {
    const v = value as { name: string; message?: string; stack?: string; fileName?: string; lineNumber?: number };
    return { name: v.name, message: v.message ?? "", stack: v.stack ?? "", fileName: v.fileName, lineNumber: v.lineNumber };
  }
  return { name: "", message: "", stack: "", value: String(value) };
}

function number(ctx: QuickJSContext, fn: () => Result): number {
  const handle = ctx.unwrapResult(fn() as ReturnType<QuickJSContext["evalCode"]>);
  const n = ctx.getNumber(handle);
  handle.dispose();
  return n;
}
