import type { FileType } from "../../fs/filesystem";
import { dirname } from "../../fs/path";
import { exitCodeOf, isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { serveHttpTask } from "../../net/http";
import { PythonInterpreter } from "./interpreter";
import { pip } from "./pip";
import { prelude, STDLIB, STDLIB_DIR } from "./stdlib";
import { cpythonTraceback, systemExit } from "./traceback";
import { pythonVersion, sitePackages } from "./version";

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

async function flush(proc: Process, interp: PythonInterpreter): Promise<void> {
  for (const { fd, text } of interp.takeOutput()) await (fd === 1 ? proc.stdout : proc.stderr).write(text);
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
  let script: string;
  let argv: string[];
  let scriptDir: string;
  if (first === "-c") {
    source = args[1] ?? "";
    script = "<string>";
    argv = ["-c", ...args.slice(2)];
    scriptDir = proc.cwd;
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
  const sandbox = {
    hostname: proc.hostname,
    pid: proc.pid,
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
    serving_log: (text: string) => {
      if (serve) (serve as ServeRequest).startup = text;
    },
  };
  const interp = await PythonInterpreter.create(sandbox);
  const path = [scriptDir, ...sitePackages(version)];
  interp.enter((mp) => {
    mp.FS.mkdirTree(STDLIB_DIR);
    for (const [module, text] of Object.entries(STDLIB)) mp.FS.writeFile(`${STDLIB_DIR}/_stevedore_${module}.py`, text);
  });
  // The script's own directory, one level deep (its modules and packages), then site-packages.
  mirror(proc, interp, scriptDir, 3);
  for (const dir of sitePackages(version)) mirror(proc, interp, dir);
  const lines = (file: string) => {
    if (file === script) return source.split("\n");
    try {
      return proc.fs.readText(proc.resolve(file)).split("\n");
    } catch {
      return null;
    }
  };

  const status = await run(proc, interp, prelude(path, argv), script, lines);
  if (status !== null) return status;
  const status2 = await run(proc, interp, source, script, lines);
  if (status2 !== null) return status2;
  const request = serve as ServeRequest | null;
  if (!request) return 0;
  return serveForever(proc, interp, request);
};

/** Runs code in __main__; null when it ran to the end, else the exit status. */
async function run(
  proc: Process,
  interp: PythonInterpreter,
  code: string,
  script: string,
  lines: (file: string) => string[] | null,
): Promise<number | null> {
  let error: { type: string; message: string } | null = null;
  interp.enter((mp) => {
    try {
      mp.runPython(code);
    } catch (err) {
      const e = err as { name?: string; type?: string; message?: string };
      if (e.name !== "PythonError") throw err;
      error = { type: e.type ?? "", message: e.message ?? "" };
    }
  });
  await flush(proc, interp);
  const failed = error as { type: string; message: string } | null;
  if (!failed) return null;
  // app.run() unwinds the script with this once the server is set up (flask shim).
  if (failed.type === "_ServeForever") return null;
  if (failed.type === "SystemExit") {
    const exit = systemExit(failed.message);
    if (exit.message !== null) await proc.stderr.write(`${exit.message}\n`);
    return exit.status;
  }
  await proc.stderr.write(cpythonTraceback(failed.message, script, lines));
  return 1;
}

/** The development server app.run() starts: listens, then answers each request through Python. */
async function serveForever(proc: Process, interp: PythonInterpreter, request: ServeRequest): Promise<number> {
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
    try {
      answer = interp.enter(() =>
        request.handler(req.method, path, qs, headers, req.body, req.remote?.address ?? "127.0.0.1", req.version),
      );
    } catch (err) {
      // An error outside the application's views: the server logs it and drops the request.
      await flush(proc, interp);
      const e = err as { name?: string; message?: string };
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
