import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getpwnam, getpwuid, groupEntries, type PasswdEntry } from "../coreutils/passwd";
import { programName } from "../program";

/**
 * su-exec (ncopa/su-exec, Alpine's `apk add su-exec`): switch user and group, then
 * execvp the command in place, so it keeps the PID (PID 1 in a container) and gets the
 * signals itself. Official images' entrypoints use it to drop root
 * (`exec su-exec redis "$0" "$@"`). Its errors are musl's err(3): `su-exec: what: why`.
 */
export const suExec: Program = async (proc: Process) => {
  const name = programName(proc);
  const args = proc.argv.slice(1);
  if (args.length < 2) {
    await proc.stdout.write(`Usage: ${name} user-spec command [args]\n`);
    return 0;
  }
  const fail = async (message: string) => {
    await proc.stderr.write(`${name}: ${message}\n`);
    return 1;
  };
  const [spec, ...command] = args;
  const colon = spec.indexOf(":");
  const user = colon < 0 ? spec : spec.slice(0, colon);
  const group = colon < 0 ? undefined : spec.slice(colon + 1);
  let uid = proc.uid;
  let gid = proc.gid;
  let pw: PasswdEntry | undefined;
  if (user !== "") {
    if (/^-?\d+$/.test(user)) uid = Number(user);
    else {
      pw = getpwnam(proc.fs, user);
      if (!pw) return fail(`getpwnam(${user}): No such file or directory`);
    }
  }
  pw ??= getpwuid(proc.fs, uid);
  if (pw) {
    uid = pw.uid;
    gid = pw.gid;
  }
  const home = pw ? pw.home : "/";
  if (group !== undefined && group !== "") {
    if (/^-?\d+$/.test(group)) gid = Number(group);
    else {
      const entry = groupEntries(proc.fs).find((g) => g.name === group);
      if (!entry) return fail(`getgrnam(${group}): No such file or directory`);
      gid = entry.gid;
    }
  }
  const env: Record<string, string> = { ...proc.env, HOME: home };
  const path = command[0].includes("/") ? command[0] : proc.which(command[0], env.PATH ?? "/usr/local/bin:/bin:/usr/bin");
  if (path === null) return fail(`${command[0]}: No such file or directory`);
  let exe: ReturnType<Process["executable"]>;
  try {
    exe = proc.executable(path, command);
  } catch (err) {
    if (!isSysError(err)) throw err;
    return fail(`${command[0]}: ${err.message}`);
  }
  // execve: same process, new image; close-on-exec descriptors go away.
  const task = proc.task;
  task.uid = uid;
  task.gid = gid;
  task.argv = exe.argv;
  task.env = env;
  const inherited = task.fds.fork();
  const previous = task.fds;
  task.fds = inherited;
  previous.closeAll();
  return exe.program(proc);
};
