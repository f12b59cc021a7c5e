import { isSysError, type WaitStatus } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { parseSignal, Signal, signalName } from "../../kernel/signal";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain } from "../program";
import { exitLike, launch } from "./exec";
import { parseDuration } from "./sleep";

/** GNU timeout's statuses: the command timed out, or timeout itself failed. */
const EXIT_TIMEDOUT = 124;
const EXIT_CANCELED = 125;

const OPTIONS = {
  short: "k:s:v",
  long: { "kill-after": "k:", signal: "s:", "preserve-status": "preserve-status", foreground: "foreground", verbose: "v" },
  stopAtOperand: true,
};

/** Signals timeout passes on to its command when it receives them itself. */
const FORWARDED = [Signal.SIGTERM, Signal.SIGINT, Signal.SIGHUP, Signal.SIGQUIT];

interface TimeoutJob {
  durationMs: number;
  killAfterMs: number | null;
  signal: number;
  preserveStatus: boolean;
  foreground: boolean;
  verbose: boolean;
  command: string[];
}

class TimeoutError extends Error {}

/**
 * timeout(1), GNU coreutils: runs a command and sends it SIGTERM (or -s SIG) when the
 * duration runs out on the virtual clock, exiting 124; -k sends SIGKILL later still.
 */
export const timeout: Program = async (proc) => {
  let job: TimeoutJob;
  try {
    job = timeoutJob(getopt(proc.argv.slice(1), OPTIONS));
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof TimeoutError)) throw err;
    const line = err.message === "" ? "" : `timeout: ${err.message}\n`;
    await proc.stderr.write(`${line}Try 'timeout --help' for more information.\n`);
    return EXIT_CANCELED;
  }
  // As GNU: the command runs in timeout's own process group, so the signal reaches all of it.
  if (!job.foreground && proc.pgid !== proc.pid) proc.setpgid(0, 0);
  const child = launch(proc, job.command, { ...proc.env });
  if ("error" in child) return complain(proc, `failed to run command '${job.command[0]}': ${child.error}`, child.status);
  const received: number[] = [];
  for (const sig of FORWARDED) proc.trap(sig, () => received.push(sig));
  let timedOut = false;
  let deadline: number | null = job.durationMs > 0 ? proc.now() + job.durationMs : null;
  for (;;) {
    let status: WaitStatus | null;
    try {
      status = deadline === null ? await proc.wait(child.pid) : await proc.waitFor(child.pid, deadline - proc.now());
    } catch (err) {
      const sig = received.shift();
      if (!isSysError(err, "EINTR") || sig === undefined) throw err;
      await signalCommand(proc, job, child.pid, sig);
      continue;
    }
    if (status) return finish(proc, job, status, timedOut);
    if (!timedOut) {
      timedOut = true;
      await signalCommand(proc, job, child.pid, job.signal);
      deadline = job.killAfterMs === null ? null : proc.now() + job.killAfterMs;
    } else {
      await signalCommand(proc, job, child.pid, Signal.SIGKILL);
      deadline = null;
    }
  }
};

function timeoutJob(opts: ParsedOptions): TimeoutJob {
  if (opts.operands.length < 2) throw new UsageError("");
  const duration = (text: string) => {
    const seconds = parseDuration(text);
    if (seconds === null) throw new TimeoutError(`invalid time interval '${text}'`);
    return seconds * 1000;
  };
  const signalText = opts.get("s");
  const signal = signalText === undefined ? Signal.SIGTERM : parseSignal(signalText);
  if (signal === undefined) throw new TimeoutError(`'${signalText}': invalid signal`);
  const killAfter = opts.get("k");
  return {
    durationMs: duration(opts.operands[0]),
    killAfterMs: killAfter === undefined ? null : duration(killAfter),
    signal,
    preserveStatus: opts.has("preserve-status"),
    foreground: opts.has("foreground"),
    verbose: opts.has("v"),
    command: opts.operands.slice(1),
  };
}

/** GNU's send_sig: the command first, then the whole group, with timeout ignoring the signal. */
async function signalCommand(proc: Process, job: TimeoutJob, pid: number, sig: number): Promise<void> {
  if (job.verbose) {
    const name = signalName(sig)?.replace(/^SIG/, "") ?? String(sig);
    await proc.stderr.write(`timeout: sending signal ${name} to command '${job.command[0]}'\n`);
  }
  try {
    proc.kill(pid, sig);
  } catch (err) {
    if (!isSysError(err, "ESRCH")) throw err;
  }
  if (job.foreground) return;
  if (sig !== Signal.SIGKILL) proc.trap(sig, "ignore");
  proc.kill(-proc.pgid, sig);
}

function finish(proc: Process, job: TimeoutJob, status: WaitStatus, timedOut: boolean): number {
  if (!timedOut) return exitLike(proc, status);
  if (job.preserveStatus) return status.signal ? 128 + status.signal : status.code;
  return EXIT_TIMEDOUT;
}
