import { type Errno, isSysError, type WaitStatus } from "../../kernel/errno";
import type { Process } from "../../kernel/process";

/** What became of an attempt to run a command: its wait status, or the errno execvp(3) failed with. */
export type CommandResult = { status: WaitStatus } | { errno: Errno };

/**
 * Runs `argv` as find -exec and xargs do: fork, execvp(3) (a PATH search unless the name
 * has a slash) and wait. The child inherits every descriptor; `stdin` replaces its fd 0
 * (-1 for /dev/null, which is what xargs gives its commands); `cwd` is for find -execdir.
 */
export async function runCommand(proc: Process, argv: string[], stdin = 0, cwd?: string): Promise<CommandResult> {
  const name = argv[0];
  const path = name.includes("/") ? name : proc.which(name);
  if (path === null) return { errno: "ENOENT" };
  let executable: ReturnType<Process["executable"]>;
  try {
    executable = proc.executable(path, argv);
  } catch (err) {
    if (isSysError(err)) return { errno: err.code };
    throw err;
  }
  const pid = proc.spawn({ argv: executable.argv, program: executable.program, fds: { 0: stdin }, cwd });
  return { status: await proc.wait(pid) };
}
