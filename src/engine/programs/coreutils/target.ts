/**
 * Where cp, mv and ln put their sources: into a target directory (the last operand
 * when it is one, or -t DIR), or onto the last operand when there are exactly two
 * (do_copy() in coreutils src/cp.c, shared by mv.c and ln.c).
 */
import { errorText, SysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { quoteaf } from "./quotearg";

/** What to do: each source with its destination, or a failure to report. */
export type TargetPlan = { pairs: Array<[string, string]>; targetDirectory: string | null } | { message: string; tryHelp: boolean };

export function planTargets(
  proc: Process,
  operands: string[],
  targetDirectory: string | undefined,
  noTargetDirectory: boolean,
): TargetPlan {
  const n = operands.length;
  if (n <= (targetDirectory === undefined ? 1 : 0)) {
    if (n === 0) return { message: "missing file operand", tryHelp: true };
    return { message: `missing destination file operand after ${quoteaf(proc, operands[0])}`, tryHelp: true };
  }
  if (noTargetDirectory) {
    if (targetDirectory !== undefined) {
      return { message: "cannot combine --target-directory (-t) and --no-target-directory (-T)", tryHelp: false };
    }
    if (n > 2) return { message: `extra operand ${quoteaf(proc, operands[2])}`, tryHelp: true };
    return { pairs: [[operands[0], operands[1]]], targetDirectory: null };
  }
  if (targetDirectory !== undefined) {
    const problem = directoryProblem(proc, targetDirectory);
    if (problem) return { message: `target directory ${quoteaf(proc, targetDirectory)}: ${errorText(problem)}`, tryHelp: false };
    return { pairs: operands.map((src) => [src, intoDirectory(targetDirectory, src)]), targetDirectory };
  }
  const last = operands[n - 1];
  const problem = directoryProblem(proc, last);
  if (!problem) return { pairs: operands.slice(0, -1).map((src) => [src, intoDirectory(last, src)]), targetDirectory: last };
  if (n > 2) return { message: `target ${quoteaf(proc, last)}: ${errorText(problem)}`, tryHelp: false };
  return { pairs: [[operands[0], last]], targetDirectory: null };
}

/** Why `name` cannot serve as a target directory, or null when it can. */
function directoryProblem(proc: Process, name: string): SysError | null {
  try {
    if (name === "") return new SysError("ENOENT");
    return proc.fs.stat(proc.resolve(name)).type === "dir" ? null : new SysError("ENOTDIR");
  } catch (err) {
    return err instanceof SysError ? err : new SysError("EIO");
  }
}

/** `dir/base`: the source's last component (`..` becomes `.`) inside the directory. */
export function intoDirectory(dir: string, src: string): string {
  let base = src.replace(/\/+$/, "");
  base = base.slice(base.lastIndexOf("/") + 1) || src;
  if (base === "..") base = ".";
  return dir.endsWith("/") ? `${dir}${base}` : `${dir}/${base}`;
}
