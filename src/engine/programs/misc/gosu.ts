import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getpwnam, getpwuid, groupEntries } from "../coreutils/passwd";

/**
 * gosu (tianon/gosu main.go and setup-user.go): switch to a user and group, then exec
 * the command in place, so that it keeps the PID (PID 1 in a container) and gets the
 * signals itself. Debian-based official images' entrypoints use it to drop root
 * (`exec gosu mongodb "$BASH_SOURCE" "$@"`). HOME becomes the new user's home.
 */
const VERSION = "1.17 (go1.18.2 on linux/amd64; gc)";

function usage(self: string): string {
  return `Usage: ${self} user-spec command [args]
   eg: ${self} tianon bash
       ${self} nobody:root bash -c 'whoami && id'
       ${self} 1000:1 id

${self} version: ${VERSION}
${self} license: Apache-2.0 (full text at https://github.com/tianon/gosu)
`;
}

/** user.GetExecUserPath: `user`, `uid`, `user:group`, `uid:gid`; names must exist, numbers need not. */
function execUser(proc: Process, spec: string): { uid: number; gid: number; home: string } | string {
  const colon = spec.indexOf(":");
  const user = colon < 0 ? spec : spec.slice(0, colon);
  const group = colon < 0 ? "" : spec.slice(colon + 1);
  let uid = proc.uid;
  let gid = proc.gid;
  let home = "/";
  if (user !== "") {
    const numeric = /^\d+$/.test(user);
    const pw = numeric ? getpwuid(proc.fs, Number(user)) : getpwnam(proc.fs, user);
    if (pw) {
      uid = pw.uid;
      gid = pw.gid;
      home = pw.home;
    } else if (numeric) uid = Number(user);
    else return `unable to find user ${user}: no matching entries in passwd file`;
  }
  if (group !== "") {
    const entry = groupEntries(proc.fs).find((g) => g.name === group || String(g.gid) === group);
    if (entry) gid = entry.gid;
    else if (/^\d+$/.test(group)) gid = Number(group);
    else return `unable to find group ${group}: no matching entries in group file`;
  }
  return { uid, gid, home };
}

export const gosu: Program = async (proc: Process) => {
  const self = proc.argv[0] ?? "gosu";
  const args = proc.argv;
  const exit = async (code: number, text: string) => {
    await (code === 0 ? proc.stdout : proc.stderr).write(`${text}\n`);
    return code;
  };
  if (args.length >= 2) {
    if (["--help", "-h", "-?"].includes(args[1])) return exit(0, usage(self));
    if (["--version", "-v"].includes(args[1])) return exit(0, VERSION);
  }
  if (args.length <= 2) return exit(1, usage(self));
  const user = execUser(proc, args[1]);
  if (typeof user === "string") return exit(1, `error: failed switching to '${args[1]}': ${user}`);
  const env: Record<string, string> = { ...proc.env, HOME: user.home };
  const command = args.slice(2);
  // exec.LookPath: a name with a slash is taken as is, others are looked up on PATH.
  const path = command[0].includes("/") ? command[0] : proc.which(command[0], env.PATH ?? "");
  if (path === null) return exit(1, `error: exec: "${command[0]}": executable file not found in $PATH`);
  let exe: ReturnType<Process["executable"]>;
  try {
    exe = proc.executable(proc.resolve(path), command);
  } catch (err) {
    if (!isSysError(err)) throw err;
    const why = err.message.toLowerCase();
    // LookPath stats a path given with a slash before anything is executed.
    if (err.code === "ENOENT") return exit(1, `error: exec: "${command[0]}": stat ${command[0]}: ${why}`);
    return exit(1, `error: exec failed: ${why}`);
  }
  // execve: same process, new identity and image; close-on-exec descriptors go away.
  const task = proc.task;
  task.uid = user.uid;
  task.gid = user.gid;
  task.argv = exe.argv;
  task.env = env;
  const previous = task.fds;
  task.fds = previous.fork();
  previous.closeAll();
  return exe.program(proc);
};
