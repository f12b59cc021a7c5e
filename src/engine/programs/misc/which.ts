import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";

/**
 * which(1) from Debian's debianutils: a shell script that walks PATH and prints the first
 * executable regular file of each name (-a: every one). A name that is not found prints
 * nothing and makes the status 1.
 */
export const which: Program = async (proc) => {
  const script = scriptPath(proc);
  const args = proc.argv.slice(1);
  let all = false;
  let at = 0;
  // getopts: option words up to the first operand or "--".
  for (; at < args.length; at++) {
    const arg = args[at];
    if (arg === "--") {
      at++;
      break;
    }
    if (!arg.startsWith("-") || arg === "-") break;
    for (const letter of arg.slice(1)) {
      if (letter !== "a") {
        await proc.stderr.write(`Illegal option -${letter}\n`);
        await proc.stdout.write(`Usage: ${script} [-a] args\n`);
        return 2;
      }
      all = true;
    }
  }
  const names = args.slice(at);
  let status = names.length === 0 ? 1 : 0;
  let path = proc.env.PATH ?? "";
  // A trailing colon means the current directory, once more.
  if (/[^:]:$/.test(path)) path += ":";
  for (const name of names) {
    await proc.checkpoint();
    let found = false;
    if (name.includes("/")) {
      if (isExecutableFile(proc, name)) {
        await proc.stdout.write(`${name}\n`);
        found = true;
      }
    } else {
      for (const element of path.split(":")) {
        const candidate = `${element || "."}/${name}`;
        if (!isExecutableFile(proc, candidate)) continue;
        await proc.stdout.write(`${candidate}\n`);
        found = true;
        if (!all) break;
      }
    }
    if (!found) status = 1;
  }
  return status;
};

/** test -f NAME && test -x NAME */
function isExecutableFile(proc: Process, name: string): boolean {
  try {
    const stats = proc.fs.stat(proc.resolve(name));
    return stats.type === "file" && (stats.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** $0 of the script: the path the kernel ran it from. */
function scriptPath(proc: Process): string {
  const arg0 = proc.argv[0] ?? "which";
  return arg0.includes("/") ? arg0 : (proc.which(arg0) ?? arg0);
}
