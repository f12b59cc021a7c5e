/**
 * Processes a check starts on a host: a shell of its own for `$` lines (never the
 * learner's terminal, whose state it must not disturb), and short-lived programs that
 * ask the host's Docker daemon through its socket, as the docker CLI does. They are
 * children of the host's init, so init reaps them when they end.
 */
import { exitCodeOf } from "../../engine/kernel/errno";
import { NullFile, type OpenFile, RefCounted } from "../../engine/kernel/fd";
import type { Process } from "../../engine/kernel/process";
import type { Host } from "../../engine/playground/host";

/** A `$` line that has not ended after this much virtual time is killed. */
export const COMMAND_TIMEOUT_MS = 30_000;

/**
 * The write end of a pipe nobody reads, keeping all that is written to it: a check's
 * stdout and stderr, merged as a terminal would show them (the unit tests' harnesses
 * collect a program's output the same way).
 */
export class OutputCapture extends RefCounted implements OpenFile {
  readonly kind = "pipe";
  readonly readable = false;
  readonly writable = true;
  text = "";
  async read(): Promise<string | null> {
    return null;
  }
  async write(_task: unknown, data: string): Promise<void> {
    this.text += data;
  }
  protected closed(): void {}
}

export interface CommandResult {
  /** stdout and stderr merged, `\r\n` as `\n`. */
  output: string;
  exit: number;
  timedOut: boolean;
}

/** Runs `command` with `bash -c` in the login environment, from /root, stdin at /dev/null. */
export function runCommand(host: Host, command: string, timeoutMs = COMMAND_TIMEOUT_MS): Promise<CommandResult> {
  const kernel = host.kernel;
  const bash = kernel.programs.get("bash");
  if (!bash) return Promise.resolve({ output: "bash: command not found\n", exit: 127, timedOut: false });
  const { PS1: _prompt, ...env } = host.loginEnv();
  const capture = new OutputCapture();
  const stdin = new NullFile();
  const task = kernel.spawn(host.initTask, {
    argv: ["bash", "-c", command],
    program: bash,
    env,
    cwd: "/root",
    fds: new Map<number, OpenFile>([
      [0, stdin],
      [1, capture],
      [2, capture],
    ]),
    pgid: 0,
  });
  stdin.release();
  capture.release();
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = kernel.clock.setTimer(timeoutMs, () => {
      timedOut = true;
      kernel.signal(task, 9);
    });
    task.exitWaiters.push((status) => {
      kernel.clock.clearTimer(timer);
      resolve({ output: capture.text.replace(/\r\n/g, "\n"), exit: exitCodeOf(status), timedOut });
    });
  });
}

/** Runs `body` as a process of the host (its filesystem, its sockets) and returns what it returned. */
export function runProgram<T>(host: Host, name: string, body: (proc: Process) => Promise<T>): Promise<T> {
  const kernel = host.kernel;
  return new Promise<T>((resolve, reject) => {
    const task = kernel.spawn(host.initTask, {
      argv: [name],
      cwd: "/root",
      env: { HOME: "/root", PATH: host.loginEnv().PATH },
      pgid: 0,
      program: async (proc) => {
        try {
          resolve(await body(proc));
        } catch (err) {
          reject(err);
        }
        return 0;
      },
    });
    // An exception or a kill ends the process before `body` answered.
    task.exitWaiters.push((status) => reject(new Error(`${name} ended with status ${exitCodeOf(status)}`)));
  });
}
