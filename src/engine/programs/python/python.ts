import type { FileType } from "../../fs/filesystem";
import { dirname } from "../../fs/path";
import { exitCodeOf, isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { type Process, TICK_US } from "../../kernel/process";
import { realMs } from "../../kernel/realtime";
import { Signal } from "../../kernel/signal";
import { serveHttpTask } from "../../net/http";
import { type PythonFailure, PythonInterpreter, PythonUnresponsive } from "./interpreter";
import { IO_MODULE, IoLog } from "./io";
import { pip } from "./pip";
import { DONE, instrument, MAIN_CORO, NEED_IO, PREEMPT_MODULE, preemptPrelude, scanLine } from "./preempt";
import { prelude, STDLIB, STDLIB_DIR } from "./stdlib";
import { cpythonTraceback, systemExit } from "./traceback";
import { pythonBuild, pythonVersion, replBanner, sitePackages } from "./version";

/** What `app.run()` asked for: a server whose every request calls back into Python. */
interface ServeRequest {
  host: string;
  port: number;
  /** Python's request handler: (method, path, query, headers JSON, body, client address) → response JSON. */
  handler: (...args: string[]) => string;
  /** Werkzeug's startup lines, logged once the socket is bound. */
  startup: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Werkzeug's log timestamp, `01/Jan/2026 00:00:03`, from the kernel clock. */
function logTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Time the program slept without blocking (time.sleep in a plain function), not yet waited. */
const debts = new WeakMap<PythonInterpreter, number>();

/** Writes what the program printed, waiting out on the virtual clock the sleeps between. */
async function flush(proc: Process, interp: PythonInterpreter): Promise<void> {
  for (const out of interp.takeOutput()) {
    if ("fd" in out) await (out.fd === 1 ? proc.stdout : proc.stderr).write(out.text);
    else {
      debts.set(interp, (debts.get(interp) ?? 0) - out.delay);
      await sleepInterruptible(proc, out.delay);
    }
  }
}

/** proc.sleep, where a caught signal (Ctrl-C) only cuts the sleep short. */
async function sleepInterruptible(proc: Process, ms: number): Promise<void> {
  try {
    await proc.sleep(ms);
  } catch (err) {
    if (!isSysError(err, "EINTR")) throw err;
  }
}

/** Copies the .py files under `dir` (recursively) into the interpreter's own filesystem. */
function mirror(proc: Process, interp: PythonInterpreter, dir: string, depth = 0): void {
  let names: string[];
  try {
    names = proc.fs.readdir(dir);
  } catch {
    return;
  }
  interp.enter((mp) => mp.FS.mkdirTree(dir));
  for (const name of names) {
    const path = `${dir === "/" ? "" : dir}/${name}`;
    let kind: FileType;
    try {
      kind = proc.fs.stat(path).type;
    } catch {
      continue;
    }
    if (kind === "dir" && depth < 4) mirror(proc, interp, path, depth + 1);
    else if (kind === "file" && name.endsWith(".py")) {
      const text = proc.fs.readText(path);
      interp.enter((mp) => mp.FS.writeFile(path, text));
    }
  }
}

/**
 * python: CPython's command line over MicroPython. `python app.py` runs the learner's file,
 * `python -c CODE` a string, `python -V` prints the image's CPython version; with no script
 * the program is read from standard input. Errors leave as CPython reports them: the
 * traceback on stderr and status 1; sys.exit(n) exits n.
 */
export const python: Program = async (proc) => {
  const version = pythonVersion(proc);
  // CPython names itself by argv[0] as invoked (Modules/main.c).
  const name = proc.argv[0] ?? "python";
  const args = proc.argv.slice(1);
  while (args[0] === "-u" || args[0] === "-B" || args[0] === "-E") args.shift();
  const first = args[0];
  if (first === "-V" || first === "--version") {
    await proc.stdout.write(`Python ${version}\n`);
    return 0;
  }
  if (first === "-m" && args[1] === "pip") {
    const status = await proc.wait(proc.spawn({ argv: ["pip", ...args.slice(2)], program: pip }));
    return exitCodeOf(status);
  }

  let source: string;
  let interactive = false;
  let script: string;
  let argv: string[];
  let scriptDir: string;
  if (first === "-m" && args[1] === "flask") {
    // runpy runs the package's __main__ with the working directory first on sys.path.
    source = "import sys\nfrom flask.cli import main\nsys.exit(main())\n";
    script = "<frozen runpy>";
    argv = [`${sitePackages(version)[0]}/flask/__main__.py`, ...args.slice(2)];
    scriptDir = proc.cwd;
  } else if (first === "-c") {
    source = args[1] ?? "";
    script = "<string>";
    argv = ["-c", ...args.slice(2)];
    scriptDir = proc.cwd;
  } else if (first === undefined && proc.isatty(0)) {
    source = "";
    script = "<stdin>";
    argv = [""];
    scriptDir = proc.cwd;
    interactive = true;
  } else if (first === undefined || first === "-") {
    source = await proc.stdin.readAll();
    script = "<stdin>";
    argv = [first ?? ""];
    scriptDir = proc.cwd;
  } else if (first.startsWith("-")) {
    await proc.stderr.write(
      `Unknown option: ${first}\nusage: ${name} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`,
    );
    return 2;
  } else {
    const path = proc.resolve(first);
    try {
      source = proc.fs.readText(path);
    } catch (err) {
      const shown = Number(version.split(".")[1]) >= 11 ? path : first;
      const reason = isSysError(err, "EISDIR") ? "[Errno 21] Is a directory" : "[Errno 2] No such file or directory";
      await proc.stderr.write(`${name}: can't open file '${shown}': ${reason}\n`);
      return 2;
    }
    script = first;
    argv = args;
    scriptDir = dirname(path);
  }

  let serve: ServeRequest | null = null;
  let interp: PythonInterpreter | null = null;
  const io = new IoLog(proc);
  const sandbox = {
    hostname: proc.hostname,
    pid: proc.pid,
    cwd: proc.cwd,
    environ: JSON.stringify(proc.env),
    python_version: version,
    resolve: (host: string) => proc.resolveHost(host),
    log_time: () => logTime(proc.now()),
    log_clock: () => new Date(proc.now()).toISOString().replace("T", " ").replace(".", ",").slice(0, 23),
    // Werkzeug's get_interface_ip: the address a packet to the outside would leave from.
    interface_ip: () => proc.addresses.find((a) => !a.startsWith("127.")) ?? "127.0.0.1",
    serve: (host: string, port: number, handler: ServeRequest["handler"]) => {
      serve = { host, port, handler, startup: "" };
    },
    // As a string: the port passes integers to Python as 32 bits.
    now: () => String(proc.now() + (debts.get(interp as PythonInterpreter) ?? 0)),
    sleep_sync: (ms: number) => {
      const self = interp as PythonInterpreter;
      debts.set(self, (debts.get(self) ?? 0) + Math.max(0, ms));
      self.delay(Math.max(0, ms));
    },
    io: (kind: string, payload: string) => io.call(kind, payload),
    io_begin: () => io.begin(),
    serving_log: (text: string) => {
      if (serve) (serve as ServeRequest).startup = text;
    },
  };
  interp = await PythonInterpreter.create(sandbox);
  const running = interp;
  // Ctrl-C: KeyboardInterrupt where the script next runs, as CPython's SIGINT handler raises it.
  // At the interactive prompt the read is interrupted instead (EINTR), with nothing left pending.
  const prompt = { active: false };
  proc.trap(Signal.SIGINT, () => {
    if (!prompt.active) running.interrupt();
  });
  const path = [scriptDir, ...sitePackages(version)];
  interp.enter((mp) => {
    mp.FS.mkdirTree(STDLIB_DIR);
    for (const [module, text] of Object.entries(STDLIB)) mp.FS.writeFile(`${STDLIB_DIR}/_stevedore_${module}.py`, text);
    mp.FS.writeFile(`${STDLIB_DIR}/_stevedore_preempt.py`, PREEMPT_MODULE);
    mp.FS.writeFile(`${STDLIB_DIR}/_stevedore_io.py`, IO_MODULE);
  });
  // The script's own directory, one level deep (its modules and packages), then site-packages.
  mirror(proc, interp, scriptDir, 3);
  // The working directory too: `flask run` (a script in bin) imports the application from it.
  if (proc.cwd !== scriptDir) mirror(proc, interp, proc.cwd, 3);
  for (const dir of sitePackages(version)) mirror(proc, interp, dir);
  const lines = (file: string) => {
    if (file === script) return source.split("\n");
    try {
      return proc.fs.readText(proc.resolve(file)).split("\n");
    } catch {
      return null;
    }
  };

  const status = await run(
    proc,
    interp,
    prelude(path, argv, [preemptPrelude(), "import _stevedore_io", "del _stevedore_io"]),
    script,
    lines,
  );
  if (status !== null) return status;
  if (interactive) return repl(proc, interp, version, prompt, io);
  const status2 = await runMain(proc, interp, instrument(source), script, lines, io);
  if (status2 !== null) return status2;
  const request = serve as ServeRequest | null;
  if (!request) return 0;
  return serveForever(proc, interp, request, io);
};

/** Runs code in __main__ synchronously; null when it ran to the end, else the exit status. */
async function run(
  proc: Process,
  interp: PythonInterpreter,
  code: string,
  script: string,
  lines: (file: string) => string[] | null,
): Promise<number | null> {
  let failure: PythonFailure | null = null;
  try {
    interp.enter((mp) => mp.runPython(code));
  } catch (err) {
    failure = asFailure(err);
  }
  await flush(proc, interp);
  return failure ? report(proc, interp, failure, script, lines) : null;
}

/**
 * Runs the (instrumented, see preempt.ts) script as a coroutine: at each await point it
 * yields a wait to this loop, which writes its output, lets the kernel run other processes
 * (or sleeps on the virtual clock) and resumes it. Null when it ran to the end.
 */
async function runMain(
  proc: Process,
  interp: PythonInterpreter,
  code: string,
  script: string,
  lines: (file: string) => string[] | null,
  io: IoLog,
): Promise<number | null> {
  const failure = await execute(proc, interp, code, io);
  return failure ? report(proc, interp, failure, script, lines) : null;
}

/** Runs code in __main__ as a coroutine driven by this loop (see runMain); the exception that ended it, if any. */
async function execute(proc: Process, interp: PythonInterpreter, code: string, io: IoLog): Promise<PythonFailure | null> {
  let failure: PythonFailure | null = null;
  try {
    if (interp.startAsync(code, MAIN_CORO)) {
      const step = interp.enter((mp) => (mp.pyimport("_stevedore_preempt") as { step: (c: unknown) => number }).step);
      const coro = interp.enter((mp) => mp.globals.get(MAIN_CORO));
      for (;;) {
        await flush(proc, interp);
        const started = realMs();
        const wait = interp.enter(() => step(coro));
        // The kernel's CPU accounting (and the virtual clock with it) follows the real time spent.
        const ticks = Math.max(1, Math.round(((realMs() - started) * 1000) / TICK_US));
        if (wait === DONE) break;
        if (wait === NEED_IO) {
          // A statement needs the network: its output so far is dropped, it runs again once answered.
          interp.takeOutput();
          await io.perform();
          io.rewind();
          continue;
        }
        await flush(proc, interp);
        for (let i = 0; i < ticks; i++) await proc.checkpoint();
        if (wait >= 0) await sleepInterruptible(proc, wait);
      }
    }
  } catch (err) {
    failure = asFailure(err);
  }
  await flush(proc, interp);
  return failure;
}

/** Whether `text` (the lines typed so far) still needs a continuation line, as CPython's codeop decides. */
function needsMore(text: string): boolean {
  const lines = text.split("\n");
  let depth = 0;
  let triple: string | null = null;
  for (const line of lines) {
    const scan = scanLine(line, triple);
    depth += scan.brackets;
    triple = scan.triple;
  }
  const last = lines[lines.length - 1] ?? "";
  if (depth > 0 || triple !== null || last.endsWith("\\")) return true;
  // A compound statement ends with an empty line.
  const first = lines[0] ?? "";
  if (/^\s*(if|elif|else|for|while|try|except|finally|with|def|class|async|@)\b/.test(first) || /:\s*(#.*)?$/.test(first))
    return last.trim() !== "";
  return false;
}

/**
 * The interactive interpreter (python on a terminal with no script): CPython's banner, `>>> `
 * and `... ` prompts, expression values echoed as repr, tracebacks from `<stdin>`, exit() or
 * Ctrl-D to leave, Ctrl-C to drop the current input with `KeyboardInterrupt`.
 */
async function repl(proc: Process, interp: PythonInterpreter, version: string, prompt: { active: boolean }, io: IoLog): Promise<number> {
  const helpers = interp.enter(
    (mp) =>
      mp.pyimport("_stevedore_preempt") as {
        is_expr: (src: string) => boolean;
        show: (src: string) => void;
        install_quitters: () => void;
      },
  );
  interp.enter(() => helpers.install_quitters());
  await proc.stderr.write(replBanner(version, pythonBuild(proc, version)));
  const noSource = () => null;
  for (;;) {
    let text = "";
    let line: string | null = null;
    prompt.active = true;
    try {
      do {
        await proc.stdout.write(text === "" ? ">>> " : "... ");
        line = await proc.stdin.readLine();
        if (line === null) break;
        text = text === "" ? line : `${text}\n${line}`;
      } while (needsMore(text));
    } catch (err) {
      if (!isSysError(err, "EINTR")) throw err;
      prompt.active = false;
      await proc.stderr.write("\nKeyboardInterrupt\n");
      continue;
    }
    prompt.active = false;
    if (line === null && text === "") {
      await proc.stdout.write("\n");
      return 0;
    }
    if (text.trim() === "") continue;
    let failure: PythonFailure | null = null;
    if (interp.enter(() => helpers.is_expr(text))) {
      io.begin();
      for (;;) {
        try {
          interp.enter(() => helpers.show(text));
        } catch (err) {
          if (isNeedIo(err)) {
            interp.takeOutput();
            await io.perform();
            io.rewind();
            continue;
          }
          failure = asFailure(err);
        }
        break;
      }
      await flush(proc, interp);
    } else {
      failure = await execute(proc, interp, instrument(`${text}\n`), io);
    }
    if (failure === null) continue;
    if (failure.type === "SystemExit") return (await report(proc, interp, failure, "<stdin>", noSource)) ?? 0;
    await report(proc, interp, failure, "<stdin>", noSource);
    if (line === null) {
      await proc.stdout.write("\n");
      return 0;
    }
  }
}

function isNeedIo(err: unknown): boolean {
  const e = err as { name?: string; type?: string };
  return e.name === "PythonError" && e.type === "NeedIO";
}

/** A Python exception from the port, or the budget's last resort; anything else is rethrown. */
function asFailure(err: unknown): PythonFailure {
  if (err instanceof PythonUnresponsive) return { type: "Unresponsive", message: err.message };
  const e = err as { name?: string; type?: string; message?: string };
  if (e.name !== "PythonError") throw err;
  return { type: e.type ?? "", message: e.message ?? "" };
}

/** The end of a run by an exception: null when the script only handed over to app.run(). */
async function report(
  proc: Process,
  interp: PythonInterpreter,
  failed: PythonFailure,
  script: string,
  lines: (file: string) => string[] | null,
): Promise<number | null> {
  // app.run() unwinds the script with this once the server is set up (flask shim).
  if (failed.type === "_ServeForever") return null;
  if (failed.type === "SystemExit") {
    const exit = systemExit(failed.message);
    if (exit.message !== null) await proc.stderr.write(`${exit.message}\n`);
    return exit.status;
  }
  if (failed.type === "Unresponsive") {
    await proc.stderr.write(`${proc.argv[0] ?? "python"}: ${failed.message} and ignored KeyboardInterrupt; killed\n`);
    return 137;
  }
  await proc.stderr.write(cpythonTraceback(failed.message, script, lines));
  if (failed.type === "KeyboardInterrupt" && interp.overran) {
    await proc.stderr.write(
      `(stevedore: this Python computed for ${PythonInterpreter.budget.interruptMs / 1000} s without reaching a point where it can yield to other processes, so it was interrupted)\n`,
    );
  }
  // An uncaught KeyboardInterrupt ends the process as SIGINT would (CPython 3.8+: 128 + 2).
  return failed.type === "KeyboardInterrupt" ? 130 : 1;
}

/** The development server app.run() starts: listens, then answers each request through Python. */
async function serveForever(proc: Process, interp: PythonInterpreter, request: ServeRequest, io: IoLog): Promise<number> {
  let fd: number;
  try {
    fd = proc.listen(request.host === "localhost" ? "127.0.0.1" : request.host, request.port);
  } catch (err) {
    if (!isSysError(err, "EADDRINUSE")) throw err;
    await proc.stderr.write(
      `Address already in use\nPort ${request.port} is in use by another program. Either identify and stop that program, or start the server with a different port.\n`,
    );
    return 1;
  }
  await proc.stderr.write(request.startup);
  await serveHttpTask(proc, fd, async (req, res) => {
    const q = req.target.indexOf("?");
    const path = q < 0 ? req.target : req.target.slice(0, q);
    const qs = q < 0 ? "" : req.target.slice(q + 1);
    const headers = JSON.stringify([...req.headers.entries()]);
    let answer: string;
    io.begin();
    try {
      for (;;) {
        try {
          answer = interp.enter(() =>
            request.handler(req.method, path, qs, headers, req.body, req.remote?.address ?? "127.0.0.1", req.version),
          );
          break;
        } catch (err) {
          // The view needs the network (redis, requests): perform the call, then run the view again.
          if (!isNeedIo(err)) throw err;
          interp.takeOutput();
          await io.perform();
          io.rewind();
        }
      }
    } catch (err) {
      // An error outside the application's views: the server logs it and drops the request.
      await flush(proc, interp);
      const e =
        err instanceof PythonUnresponsive
          ? { name: "PythonError", message: `${err.message}\n` }
          : (err as { name?: string; message?: string });
      if (e.name !== "PythonError") throw err;
      await proc.stderr.write(cpythonTraceback(e.message ?? "", "<stdin>", () => null));
      res.writeHead(500, [
        ["Content-Type", "text/plain; charset=utf-8"],
        ["Connection", "close"],
      ]);
      await res.end("Internal Server Error\n");
      return;
    }
    await flush(proc, interp);
    const {
      status,
      reason,
      headers: out,
      body,
    } = JSON.parse(answer) as {
      status: number;
      reason: string;
      headers: Array<[string, string]>;
      body: string;
    };
    // Werkzeug's order: Server, Date, the application's headers, Connection.
    const date = new Date(proc.now()).toUTCString();
    res.writeHead(status, [...out.slice(0, 1), ["Date", date], ...out.slice(1), ["Connection", "close"]], reason);
    await res.end(req.method === "HEAD" ? "" : body);
  });
  return 0;
}
