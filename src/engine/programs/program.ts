import { errorText } from "../kernel/errno";
import type { Process } from "../kernel/process";
import { UsageError } from "./getopt";

/** The name a program reports itself by: the basename of argv[0]. */
export function programName(proc: Process): string {
  const arg0 = proc.argv[0] ?? "";
  return arg0.slice(arg0.lastIndexOf("/") + 1).replace(/^-/, "");
}

/** Prints `name: message` on stderr, as every GNU and busybox tool does, and returns `status`. */
export async function complain(proc: Process, message: string, status = 1): Promise<number> {
  await proc.stderr.write(`${programName(proc)}: ${message}\n`);
  return status;
}

/**
 * Processes running as a busybox applet. Where busybox's output is the GNU tool's, one
 * model serves both; its errors are then worded with libbb's formats instead
 * (bb_perror_msg: `touch: /x: Read-only file system`, `rm: can't remove 'x': ...`).
 */
const busyboxApplets = new WeakSet<Process>();

export function markBusyboxApplet(proc: Process): void {
  busyboxApplets.add(proc);
}

export function isBusyboxApplet(proc: Process): boolean {
  return busyboxApplets.has(proc);
}

/** `name: cannot access 'x': No such file or directory`-style messages from a caught error. */
export function describe(err: unknown): string {
  return errorText(err);
}

/**
 * GNU's reaction to a bad option: the getopt message, then the --help hint.
 * Returns the status the tool uses for usage errors (2 for ls and grep, 1 for most).
 */
export async function usageError(proc: Process, err: unknown, status = 1): Promise<number> {
  if (!(err instanceof UsageError)) throw err;
  const name = programName(proc);
  await proc.stderr.write(`${name}: ${err.message}\nTry '${name} --help' for more information.\n`);
  return status;
}
