import { exitCodeOf, isSysError, type WaitStatus } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { SpawnRequest } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import type { SignalDisposition } from "../../kernel/task";
import type { Command, Pipeline, Script, Statement } from "../syntax/ast";
import { reportSignal } from "./command";
import { forkOnce, forkRetrying } from "./fork";
import { Runner } from "./runner";

/**
 * Starts a child process with the dispositions bash gives its children: the signals an
 * interactive shell ignores for itself are restored to default, and a background job
 * without job control ignores SIGINT and SIGQUIT (so ^C reaches only the foreground).
 */
export function spawnProgram(runner: Runner, request: SpawnRequest, background: boolean): number {
  const proc = runner.proc;
  const handlers = proc.task.handlers;
  const restore: Array<[number, SignalDisposition]> = [];
  const set = (sig: number, disposition: SignalDisposition) => {
    restore.push([sig, handlers.get(sig) ?? "default"]);
    proc.trap(sig, disposition);
  };
  for (const sig of runner.shellIgnored) if (runner.state.traps.get(signalTrapName(sig)) !== "") set(sig, "default");
  if (background && !runner.jobControl) {
    set(Signal.SIGINT, "ignore");
    set(Signal.SIGQUIT, "ignore");
  }
  try {
    return proc.spawn({ cwd: proc.cwd, ...request });
  } finally {
    for (const [sig, disposition] of restore.reverse()) proc.trap(sig, disposition);
  }
}

function signalTrapName(sig: number): string {
  return (
    Object.entries(Signal)
      .find(([, n]) => n === sig)?.[0]
      .slice(3) ?? String(sig)
  );
}

export interface SubshellOptions {
  fds?: Record<number, number>;
  pgid?: number;
  background?: boolean;
  /** A command substitution: set -x marks it with one more + of $PS4. */
  substitution?: boolean;
}

/** Forks the shell: a child process running `body` with a copy of this shell's state. */
export function spawnSubshell(runner: Runner, body: (child: Runner) => Promise<number>, options: SubshellOptions = {}): number {
  const state = runner.state.fork();
  if (options.substitution) state.traceDepth++;
  const hooks = runner.hooks;
  const program: Program = (proc) => new Runner(proc, state, hooks).runAsSubshell(body);
  const request: SpawnRequest = {
    argv: [...runner.proc.argv],
    program,
    env: state.vars.environment(),
    fds: options.fds,
    pgid: options.pgid,
  };
  return spawnProgram(runner, request, options.background ?? false);
}

/** `( list )` */
export async function runSubshell(runner: Runner, body: Script): Promise<number> {
  const jobControl = runner.jobControl;
  const pid = await forkRetrying(runner, () =>
    spawnSubshell(runner, (child) => child.runScript(body, true), { pgid: jobControl ? 0 : undefined }),
  );
  const status = await waitForeground(runner, [pid], jobControl ? pid : 0);
  const last = status[0];
  await reportSignal(runner, last, pid, "");
  return exitCode(last);
}

/** `$?` for a wait status: the kernel's exitCodeOf, under the name the shell's code uses. */
export const exitCode = exitCodeOf;

/** Waits for the processes of a foreground job, which holds the terminal meanwhile. */
async function waitForeground(runner: Runner, pids: number[], pgid: number): Promise<WaitStatus[]> {
  if (pgid) runner.giveTerminal(pgid);
  try {
    const statuses: WaitStatus[] = [];
    for (const pid of pids) statuses.push(await runner.waitChild(pid));
    return statuses;
  } finally {
    if (pgid) runner.takeTerminal();
  }
}

/** `a | b | c`, `! cmd`, `time cmd`: every element in its own process, connected by pipes. */
export async function runPipeline(runner: Runner, pipeline: Pipeline): Promise<number> {
  const proc = runner.proc;
  const started = proc.now();
  let status: number;
  if (pipeline.commands.length === 0) status = 0;
  else if (pipeline.commands.length === 1) {
    const cmd = pipeline.commands[0];
    status = pipeline.bang ? await runner.condition(() => runner.run(cmd)) : await runner.run(cmd);
  } else {
    const { pids, pgid } = await startPipeline(runner, pipeline, false);
    const statuses = await waitForeground(runner, pids, pgid);
    const codes = statuses.map(exitCode);
    runner.state.vars.setArray("PIPESTATUS", codes.map(String));
    const interrupted = statuses.find((s) => s.signal === Signal.SIGINT);
    await reportSignal(runner, interrupted ?? statuses[statuses.length - 1], pids[pids.length - 1], "");
    status = codes[codes.length - 1];
    if (runner.state.options.pipefail) status = [...codes].reverse().find((c) => c !== 0) ?? 0;
  }
  if (pipeline.bang) status = status === 0 ? 1 : 0;
  if (pipeline.time) await reportTime(runner, proc.now() - started);
  runner.state.lastStatus = status;
  if (!pipeline.bang) runner.checkErrexit(status);
  return status;
}

/** `time`: bash's format, with the virtual clock's elapsed time (CPU time is not modelled). */
async function reportTime(runner: Runner, ms: number): Promise<void> {
  const format = (t: number) => `${Math.floor(t / 60000)}m${((t % 60000) / 1000).toFixed(3)}s`;
  await runner.writeErr(`\nreal\t${format(ms)}\nuser\t${format(0)}\nsys\t${format(0)}\n`);
}

/** Spawns the elements of a pipeline; in an interactive shell they form one process group. */
async function startPipeline(runner: Runner, pipeline: Pipeline, background: boolean): Promise<{ pids: number[]; pgid: number }> {
  const proc = runner.proc;
  const jobControl = runner.jobControl;
  let pgid = 0;
  let previous = -1;
  const pids: number[] = [];
  const n = pipeline.commands.length;
  for (let i = 0; i < n; i++) {
    const [read, write] = i < n - 1 ? proc.pipe() : [-1, -1];
    const fds: Record<number, number> = {};
    if (previous >= 0) fds[0] = previous;
    else if (background && !jobControl) fds[0] = -1;
    if (write >= 0) {
      fds[1] = write;
      if (pipeline.stderr[i]) fds[2] = write;
    }
    const cmd = pipeline.commands[i];
    let pid: number;
    try {
      pid = await forkRetrying(runner, () =>
        spawnSubshell(runner, (child) => child.runPipelineElement(cmd), {
          fds,
          pgid: jobControl ? pgid : undefined,
          background,
        }),
      );
    } catch (err) {
      // bash's terminate_current_pipeline: the elements already started go, and their pipes.
      for (const started of pids) proc.kill(started, Signal.SIGTERM);
      for (const fd of [previous, read, write]) if (fd >= 0) proc.close(fd);
      throw err;
    }
    if (jobControl && i === 0) pgid = pid;
    pids.push(pid);
    if (previous >= 0) proc.close(previous);
    if (write >= 0) proc.close(write);
    previous = read;
  }
  return { pids, pgid };
}

/** `cmd &`: a job that runs while the shell goes on. */
export async function runBackground(runner: Runner, stmt: Statement): Promise<number> {
  const state = runner.state;
  const cmd: Command = stmt.command;
  const jobControl = runner.jobControl;
  let pids: number[];
  let pgid = 0;
  if (cmd.type === "pipeline" && !cmd.bang && !cmd.time && cmd.commands.length > 1) {
    ({ pids, pgid } = await startPipeline(runner, cmd, true));
  } else {
    const pid = await forkRetrying(runner, () =>
      spawnSubshell(runner, (child) => child.runPipelineElement(cmd), {
        pgid: jobControl ? 0 : undefined,
        background: true,
        fds: jobControl ? undefined : { 0: -1 },
      }),
    );
    pids = [pid];
    if (jobControl) pgid = pid;
  }
  const job = state.jobs.add(pids, pgid, stmt.text);
  state.lastBackground = pids[pids.length - 1];
  if (state.interactive) await runner.writeErr(`[${job.id}] ${state.lastBackground}\n`);
  state.lastStatus = 0;
  return 0;
}

/** $(...) and `...`: the output of a subshell, read through a pipe. */
export async function substituteCommand(runner: Runner, body: Script): Promise<string> {
  const direct = readFileSubstitution(runner, body);
  if (direct !== null) return direct;
  const proc = runner.proc;
  const [read, write] = proc.pipe();
  let pid: number;
  try {
    pid = await forkRetrying(runner, () =>
      spawnSubshell(runner, (child) => child.runScript(body, true), { fds: { 1: write }, substitution: true }),
    );
  } catch (err) {
    proc.close(read);
    throw err;
  } finally {
    proc.close(write);
  }
  let out = "";
  try {
    for (;;) {
      let chunk: string | null;
      try {
        chunk = await proc.read(read);
      } catch (err) {
        if (isSysError(err, "EINTR")) continue;
        throw err;
      }
      if (chunk === null) break;
      out += chunk;
    }
  } finally {
    proc.close(read);
  }
  const code = exitCode(await runner.waitChild(pid));
  runner.substitutionStatus = code;
  runner.state.lastStatus = code;
  return out;
}

/** $(< file): bash reads the file itself instead of running cat. */
function readFileSubstitution(runner: Runner, body: Script): string | null {
  if (body.commands.length !== 1) return null;
  const cmd = body.commands[0].command;
  if (cmd.type !== "simple" || cmd.words.length > 0 || cmd.assigns.length > 0 || cmd.redirs.length !== 1) return null;
  const redirect = cmd.redirs[0];
  if (redirect.op !== "<" || redirect.fd !== undefined) return null;
  const target = redirect.target.parts;
  if (target.length !== 1 || (target[0].type !== "lit" && target[0].type !== "sq")) return null;
  try {
    return runner.proc.fs.readText(runner.proc.resolve(target[0].value));
  } catch {
    return null;
  }
}

/**
 * <(...) and >(...): a subshell on one end of a pipe, the other end kept open in the
 * shell at a high descriptor (63 down, as bash picks) for the command to open as /dev/fd/N.
 */
export function substituteProcess(runner: Runner, body: Script, output: boolean): { fd: number; pid: number } {
  const proc = runner.proc;
  const [read, write] = proc.pipe();
  let pid: number;
  try {
    pid = forkOnce(() => spawnSubshell(runner, (child) => child.runScript(body, true), { fds: output ? { 0: read } : { 1: write } }));
  } catch (err) {
    proc.close(read);
    proc.close(write);
    throw err;
  }
  proc.close(output ? read : write);
  const ours = output ? write : read;
  let fd = 63;
  while (fd > 10 && proc.hasFd(fd)) fd--;
  proc.dup2(ours, fd);
  proc.close(ours);
  return { fd, pid };
}

/** Reaps the subshells of process substitutions that have ended. */
export function reapProcessSubstitutions(runner: Runner): void {
  const state = runner.state;
  state.processPids = state.processPids.filter((pid) => {
    try {
      return runner.proc.tryWait(pid) === null;
    } catch {
      return false;
    }
  });
}
