import { exitCodeOf, isSysError, ProcessExit, type WaitStatus } from "../../kernel/errno";
import { binaryContent, type Executable } from "../../kernel/exec";
import { Signal, signalDescriptions } from "../../kernel/signal";
import { runBuiltin } from "../builtins/context";
import type { Assign, SimpleCommand } from "../syntax/ast";
import { performAssignment } from "./assign";
import { AbortCommandLine } from "./control";
import { forkRetrying } from "./fork";
import { spawnProgram } from "./pipeline";
import { applyRedirects, restoreRedirects } from "./redirect";
import type { Runner } from "./runner";
import type { Variable } from "./vars";
import { xtrace, xtraceQuote } from "./xtrace";

/**
 * A simple command: expand the words, then run an assignment, a function, a builtin or
 * a program found on PATH. With `exec`, a program replaces this process instead of
 * running as its child (a subshell's last command, `bash -c 'cmd'`), as bash execs.
 */
export async function runSimple(runner: Runner, cmd: SimpleCommand, exec: boolean): Promise<number> {
  const state = runner.state;
  await runner.tick();
  state.lineno = cmd.line;
  runner.substitutionStatus = null;
  const { argv, arrays } = await expandArguments(runner, cmd);
  if (argv.length === 0) {
    const status = await assignOnly(runner, cmd);
    state.lastStatus = status;
    runner.checkErrexit(status);
    return status;
  }
  const status = await dispatch(runner, cmd, argv, arrays, exec);
  state.lastStatus = status;
  setLastArgument(runner, argv);
  runner.checkErrexit(status);
  return status;
}

/** The words of the command, with declaration arguments (local a=(1 2)) kept apart. */
async function expandArguments(runner: Runner, cmd: SimpleCommand): Promise<{ argv: string[]; arrays: Map<number, Assign> }> {
  const arrays = new Map<number, Assign>();
  if (!cmd.assignArgs) return { argv: await runner.expander.fields(cmd.words), arrays };
  const argv: string[] = [];
  for (const [i, word] of cmd.words.entries()) {
    const assign = cmd.assignArgs[i];
    if (!assign) {
      argv.push(...(await runner.expander.fields([word])));
      continue;
    }
    if (assign.array) {
      arrays.set(argv.length, assign);
      argv.push(assign.name);
      continue;
    }
    const index = assign.index ? `[${await runner.expander.heredoc(assign.index)}]` : "";
    const value = assign.value ? await runner.expander.assignment(assign.value) : "";
    argv.push(`${assign.name}${index}${assign.append ? "+=" : "="}${value}`);
  }
  return { argv, arrays };
}

/** `x=1 y=2` alone: the assignments stay, redirections are done and undone. */
async function assignOnly(runner: Runner, cmd: SimpleCommand): Promise<number> {
  for (const assign of cmd.assigns) {
    await performAssignment(runner, assign);
    if (runner.state.options.xtrace) await xtrace(runner, [assignmentText(runner, assign)]);
  }
  if (cmd.redirs.length > 0) {
    const saved = await applyRedirects(runner, cmd.redirs, []);
    if (saved === null) return 1;
    restoreRedirects(runner, saved);
  }
  return runner.substitutionStatus ?? 0;
}

function assignmentText(runner: Runner, assign: Assign): string {
  const value = runner.state.vars.value(assign.name);
  if (assign.array)
    return `${assign.name}=(${
      Array.isArray(value)
        ? value
            .filter(() => true)
            .map(xtraceQuote)
            .join(" ")
        : ""
    })`;
  const text = typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? "") : "";
  return `${assign.name}=${xtraceQuote(text)}`;
}

async function dispatch(runner: Runner, cmd: SimpleCommand, argv: string[], arrays: Map<number, Assign>, exec: boolean): Promise<number> {
  const state = runner.state;
  const name = argv[0];
  const fn = state.functions.get(name);
  const builtin = fn ? undefined : runner.builtin(name);
  if (!fn && !builtin) return runExternal(runner, cmd, argv, exec);
  if (cmd.assigns.length === 0 && cmd.redirs.length === 0 && !state.options.xtrace && name !== "exec") {
    // The common case, kept free of the bookkeeping below: loops run builtins thousands of times.
    return fn ? runner.callFunction(fn, argv.slice(1)) : runBuiltin(runner, name, argv, arrays, builtin as NonNullable<typeof builtin>);
  }
  const restore = await temporaryAssignments(runner, cmd.assigns);
  try {
    if (state.options.xtrace) await xtrace(runner, argv.map(xtraceQuote));
    if (!fn && name === "exec") {
      // Already in a command run in place (bash -c 'exec ...'): bash lowers the level for both.
      const level = state.vars.value("SHLVL");
      if (exec && typeof level === "string" && /^\d+$/.test(level)) state.vars.set("SHLVL", String(Math.max(0, Number(level) - 1)));
      // exec's redirections stay for the rest of the shell.
      if ((await applyRedirects(runner, cmd.redirs, null)) === null) return 1;
      return await runBuiltin(runner, name, argv, arrays, builtin as NonNullable<typeof builtin>);
    }
    const saved = await applyRedirects(runner, cmd.redirs, []);
    if (saved === null) return 1;
    try {
      if (fn) return await runner.callFunction(fn, argv.slice(1));
      return await runBuiltin(runner, name, argv, arrays, builtin as NonNullable<typeof builtin>);
    } finally {
      restoreRedirects(runner, saved);
    }
  } finally {
    restore();
  }
}

/** FOO=bar before a builtin or function: set (and exported) for its duration only. */
async function temporaryAssignments(runner: Runner, assigns: Assign[]): Promise<() => void> {
  if (assigns.length === 0) return () => {};
  const vars = runner.state.vars;
  const saved: Array<[string, Variable | undefined]> = [];
  for (const assign of assigns) {
    const existing = vars.find(assign.name);
    saved.push([assign.name, existing ? { ...existing, value: copy(existing.value) } : undefined]);
    const v = await performAssignment(runner, assign);
    v.exported = true;
    if (runner.state.options.xtrace) await xtrace(runner, [assignmentText(runner, assign)]);
  }
  return () => {
    for (const [name, old] of saved.reverse()) {
      const current = vars.find(name);
      if (!old) {
        if (current) {
          current.readonly = false;
          vars.unset(name);
        }
        continue;
      }
      if (current) Object.assign(current, old);
    }
  };
}

function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.slice() as T;
  if (value instanceof Map) return new Map(value) as T;
  return value;
}

function setLastArgument(runner: Runner, argv: string[]): void {
  const v = runner.state.vars.find("_");
  if (v?.readonly) return;
  runner.state.vars.set("_", argv[argv.length - 1]);
}

// --- programs ---------------------------------------------------------------------

/** What `type` and `command -v` find for a name on PATH, through the hash table. */
export function findProgram(runner: Runner, name: string): string | null {
  if (name.includes("/")) return name;
  const state = runner.state;
  const cached = state.hash.get(name);
  if (cached && runner.proc.which(cached.path, "") !== null) return cached.path;
  const pathVar = state.vars.value("PATH");
  const path = runner.proc.which(name, typeof pathVar === "string" ? pathVar : "");
  if (path && state.options.hashall) state.hash.set(name, { path, hits: 0 });
  return path;
}

async function runExternal(runner: Runner, cmd: SimpleCommand, argv: string[], exec: boolean): Promise<number> {
  const state = runner.state;
  const env = state.vars.environment();
  for (const assign of cmd.assigns) {
    const text = assign.value ? await runner.expander.assignment(assign.value) : "";
    env[assign.name] = text;
    if (state.options.xtrace) await xtrace(runner, [`${assign.name}=${xtraceQuote(text)}`]);
  }
  if (state.options.xtrace) await xtrace(runner, argv.map(xtraceQuote));
  const saved = await applyRedirects(runner, cmd.redirs, exec ? null : []);
  if (saved === null) return 1;
  try {
    const exe = await resolveProgram(runner, argv);
    if (typeof exe === "number") return exe;
    if (exec) return await execInPlace(runner, exe, env);
    return await runForeground(runner, exe, env, argv.join(" "));
  } finally {
    if (!exec) restoreRedirects(runner, saved);
  }
}

/** execve(2)'s resolution with bash's messages; a status when the command cannot run. */
export async function resolveProgram(runner: Runner, argv: string[]): Promise<Executable | number> {
  const name = argv[0];
  const path = findProgram(runner, name);
  if (!path) {
    await runner.error(runner.state.dialect === "bash" ? `${name}: command not found` : `${name}: not found`);
    return 127;
  }
  const hashed = runner.state.hash.get(name);
  if (hashed) hashed.hits++;
  try {
    const exe = runner.proc.executable(path, argv);
    // execve hands a #! interpreter the script's path as the caller wrote it (./x.sh), not resolved.
    const resolved = runner.proc.resolve(path);
    const at = exe.argv.indexOf(resolved, 1);
    if (at > 0 && exe.argv.length > argv.length) exe.argv[at] = path;
    return exe;
  } catch (err) {
    if (err instanceof ProcessExit) throw err;
    if (isSysError(err, "ENOENT")) {
      // dash's errmsg(ENOENT, E_EXEC) is "not found", for ./x as for x.
      await runner.error(`${name}: ${runner.state.dialect === "dash" ? "not found" : "No such file or directory"}`);
      return 127;
    }
    if (isSysError(err, "EACCES")) {
      await runner.error(`${name}: ${isDirectory(runner, path) ? "Is a directory" : "Permission denied"}`);
      return 126;
    }
    if (isSysError(err, "ENOEXEC")) return scriptWithoutInterpreter(runner, path, argv);
    throw err;
  }
}

/** A text file without #!: bash runs it as a shell script; a binary it cannot run is an error. */
async function scriptWithoutInterpreter(runner: Runner, path: string, argv: string[]): Promise<Executable | number> {
  let head = "";
  try {
    head = runner.proc.fs.readText(runner.proc.resolve(path)).slice(0, 8);
  } catch {
    // Unreadable: fall through to running it, which reports the error.
  }
  if (head.startsWith(binaryContent("").slice(0, 4))) {
    await runner.error(`${argv[0]}: cannot execute binary file: Exec format error`);
    return 126;
  }
  return { program: runner.hooks.shell, argv: ["bash", path, ...argv.slice(1)] };
}

function isDirectory(runner: Runner, path: string): boolean {
  try {
    return runner.proc.fs.stat(runner.proc.resolve(path)).type === "dir";
  } catch {
    return false;
  }
}

/** Runs a program as a foreground job: its own process group on a terminal, then reports how it ended. */
async function runForeground(runner: Runner, exe: Executable, env: Record<string, string>, text: string): Promise<number> {
  const jobControl = runner.jobControl;
  const pid = await forkRetrying(runner, () =>
    spawnProgram(runner, { argv: exe.argv, program: exe.program, env, pgid: jobControl ? 0 : undefined }, false),
  );
  if (jobControl) runner.giveTerminal(pid);
  let status: WaitStatus;
  try {
    status = await runner.waitChild(pid);
  } finally {
    if (jobControl) runner.takeTerminal();
  }
  await reportSignal(runner, status, pid, text);
  return exitCodeOf(status);
}

/**
 * What bash says when a foreground job dies of a signal: a newline after ^C (and the
 * rest of the command line is abandoned), the signal's description for the others.
 */
export async function reportSignal(runner: Runner, status: WaitStatus, pid: number, text: string): Promise<void> {
  const sig = status.signal;
  if (!sig || sig === Signal.SIGPIPE) return;
  const interactive = runner.state.interactive;
  if (sig === Signal.SIGINT) {
    if (!interactive) return;
    await runner.writeErr("\n");
    throw new AbortCommandLine(130);
  }
  const description = signalDescriptions[sig] ?? `Unknown signal ${sig}`;
  if (interactive) await runner.writeErr(`${description}\n`);
  else await runner.writeErr(`${runner.state.name}: line ${runner.state.lineno}: ${pid} ${description.padEnd(24)}${text}\n`);
}

/** execve in place: the program runs in this very process, with its argv and environment. */
async function execInPlace(runner: Runner, exe: Executable, env: Record<string, string>): Promise<number> {
  const proc = runner.proc;
  const task = proc.task;
  task.argv = exe.argv;
  // The program takes this shell's place, so it is one level less deep (bash's adjust_shell_level(-1)).
  if (/^\d+$/.test(env.SHLVL ?? "")) env.SHLVL = String(Math.max(0, Number(env.SHLVL) - 1));
  task.env = env;
  // Close-on-exec descriptors (the shell's saved copies, its terminal at 255) go away.
  const inherited = task.fds.fork();
  const previous = task.fds;
  task.fds = inherited;
  previous.closeAll();
  runner.resetSignalHandlers();
  const code = await exe.program(proc);
  return proc.exit(code);
}

/** `exec cmd`: replaces the shell with the program. */
export async function execProgram(runner: Runner, argv: string[], arg0?: string): Promise<number> {
  const exe = await resolveProgram(runner, argv);
  if (typeof exe === "number") {
    if (!runner.state.interactive) runner.proc.exit(exe);
    return exe;
  }
  if (arg0 !== undefined) exe.argv[0] = arg0;
  return execInPlace(runner, exe, runner.state.vars.environment());
}

/** A command whose words are already expanded and redirections applied (command, builtin). */
export async function runArgv(runner: Runner, argv: string[], options: { functions?: boolean; programs?: boolean }): Promise<number> {
  const name = argv[0];
  const fn = options.functions === false ? undefined : runner.state.functions.get(name);
  if (fn) return runner.callFunction(fn, argv.slice(1));
  const builtin = runner.builtin(name);
  if (builtin) return runBuiltin(runner, name, argv, new Map(), builtin);
  if (options.programs === false) return 1;
  const exe = await resolveProgram(runner, argv);
  if (typeof exe === "number") return exe;
  return runForeground(runner, exe, runner.state.vars.environment(), argv.join(" "));
}
