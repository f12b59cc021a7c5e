/**
 * pwd(1), the coreutils binary rather than the shell builtin: the physical working
 * directory (-P, its default unless POSIXLY_CORRECT), or with -L $PWD when it names the
 * working directory without `.` or `..` (coreutils src/pwd.c).
 */
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { canonicalize } from "./canonicalize";

export const pwd: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), { short: "LP", long: { logical: "L", physical: "P" } });
  } catch (err) {
    return usageError(proc, err);
  }
  let logical = proc.env.POSIXLY_CORRECT !== undefined;
  for (const [key] of opts.list) logical = key === "L";
  if (opts.operands.length > 0) await complain(proc, "ignoring non-option arguments");
  const wd = (logical && logicalDirectory(proc)) || physicalDirectory(proc);
  await proc.stdout.write(`${wd}\n`);
  return 0;
};

/** $PWD, when it is absolute, has no `.` or `..` component and is the working directory. */
function logicalDirectory(proc: Process): string | null {
  const pwd = proc.env.PWD;
  if (!pwd?.startsWith("/") || pwd.split("/").some((c) => c === "." || c === "..")) return null;
  try {
    const here = proc.fs.stat(proc.cwd);
    const there = proc.fs.stat(pwd);
    return here.ino === there.ino && here.type === there.type ? pwd : null;
  } catch {
    return null;
  }
}

function physicalDirectory(proc: Process): string {
  try {
    return canonicalize(proc, proc.cwd, "existing");
  } catch {
    return proc.cwd;
  }
}
