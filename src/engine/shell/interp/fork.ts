import { isSysError } from "../../kernel/errno";
import type { Runner } from "./runner";

/**
 * fork(2) failed with EAGAIN for good: the process limit (pids.max, threads-max) was
 * reached. The runner reports it and abandons the command line, as the shells do.
 */
export class ForkFailed {}

/** bash's make_child sleeps 1, 2, 4 and 8 seconds between tries (FORKSLEEP_MAX is 16). */
const FORKSLEEP_MAX = 16;

/**
 * Forks with bash's retries (jobs.c make_child): while fork fails with EAGAIN, say
 * `fork: retry: Resource temporarily unavailable`, sleep, and double the sleep; a
 * signal during the sleep ends the retries. dash and busybox ash do not retry.
 */
export async function forkRetrying(runner: Runner, fork: () => number): Promise<number> {
  for (let forksleep = 1; ; forksleep *= 2) {
    try {
      return fork();
    } catch (err) {
      if (!isSysError(err, "EAGAIN")) throw err;
      if (runner.state.dialect !== "bash" || forksleep >= FORKSLEEP_MAX) throw new ForkFailed();
    }
    await runner.writeErr(`${shellName(runner)}: fork: retry: Resource temporarily unavailable\n`);
    try {
      await runner.proc.sleep(forksleep * 1000);
    } catch (err) {
      if (isSysError(err, "EINTR")) throw new ForkFailed();
      throw err;
    }
  }
}

/** A fork that cannot wait (a process substitution inside an expansion): EAGAIN fails it at once. */
export function forkOnce(fork: () => number): number {
  try {
    return fork();
  } catch (err) {
    if (isSysError(err, "EAGAIN")) throw new ForkFailed();
    throw err;
  }
}

/**
 * What the shell prints when the fork failed for good: bash's sys_error("fork") (then
 * status EX_NOEXEC, 126), dash's sh_error("Cannot fork"), busybox's "can't fork" perror.
 */
export function forkFailedMessage(runner: Runner): { text: string; status: number } {
  const state = runner.state;
  if (state.dialect === "dash") return { text: `${state.arg0}: ${state.lineno}: Cannot fork\n`, status: 2 };
  if (state.dialect === "ash") return { text: `${state.name}: can't fork: Resource temporarily unavailable\n`, status: 2 };
  return { text: `${shellName(runner)}: fork: Resource temporarily unavailable\n`, status: 126 };
}

/** bash's get_name_for_error(): sys_error names the shell without a line number. */
function shellName(runner: Runner): string {
  const name = runner.state.name;
  return name.slice(name.lastIndexOf("/") + 1);
}
