import { isSysError, type WaitStatus } from "../../kernel/errno";
import type { Process } from "../../kernel/process";

/**
 * execvp(3) for the tools that run a command (env, timeout): a PATH lookup in the
 * command's own environment, then a child running it. These tools exec on Linux, so
 * their status is the command's; where GNU says 126 (cannot run) and 127 (not found),
 * so does this.
 */
/** musl's _PATH_DEFPATH: where execvp(3) looks when PATH is unset (env -i cmd). */
const DEFAULT_PATH = "/usr/local/bin:/bin:/usr/bin";

export type Launch = { pid: number } | { status: 126 | 127; error: string };

export function launch(proc: Process, argv: string[], env: Record<string, string>, cwd?: string): Launch {
  const name = argv[0];
  const path = name.includes("/") ? name : proc.which(name, env.PATH ?? DEFAULT_PATH);
  if (path === null) return { status: 127, error: "No such file or directory" };
  try {
    const exe = proc.executable(path, argv);
    return { pid: proc.spawn({ argv: exe.argv, program: exe.program, env, cwd }) };
  } catch (err) {
    if (!isSysError(err)) throw err;
    return { status: err.code === "ENOENT" ? 127 : 126, error: err.message };
  }
}

/**
 * Ends the caller the way its command ended: the same exit code, or the same signal
 * raised on itself, as if the command had replaced it.
 */
export function exitLike(proc: Process, status: WaitStatus): number {
  if (status.signal) {
    // Restore the default action first: timeout ignores the signals it passed on.
    proc.trap(status.signal, "default");
    proc.kill(proc.pid, status.signal);
  }
  return status.code;
}
