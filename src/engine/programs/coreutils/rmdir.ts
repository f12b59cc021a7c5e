/**
 * rmdir(1): removes empty directories; with -p, then each parent named in the operand
 * (`a/b/c`, `a/b`, `a`), stopping at the first that fails (coreutils src/rmdir.c).
 */
import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, isBusyboxApplet, usageError } from "../program";
import { quoteaf } from "./quotearg";
import { tryHelp } from "./tryhelp";

interface RmdirOptions {
  parents: boolean;
  verbose: boolean;
  ignoreNonEmpty: boolean;
}

export const rmdir: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "pv",
      long: { parents: "p", verbose: "v", "ignore-fail-on-non-empty": "ignore-fail-on-non-empty" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  if (opts.operands.length === 0) return tryHelp(proc, "missing operand");
  const options: RmdirOptions = { parents: opts.has("p"), verbose: opts.has("v"), ignoreNonEmpty: opts.has("ignore-fail-on-non-empty") };
  let ok = true;
  for (const name of opts.operands) {
    await proc.checkpoint();
    const result = await removeDirectory(proc, name, options, false);
    if (result === "failed") ok = false;
    if (result !== "removed" || !options.parents) continue;
    let dir = name.replace(/\/+$/, "");
    for (;;) {
      const slash = dir.lastIndexOf("/");
      if (slash <= 0) break;
      dir = dir.slice(0, slash).replace(/\/+$/, "");
      const parentResult = await removeDirectory(proc, dir, options, true);
      if (parentResult === "failed") ok = false;
      if (parentResult !== "removed") break;
    }
  }
  return ok ? 0 : 1;
};

/** rmdir(2) on `name`, with rmdir's messages; "ignored" for a non-empty one under --ignore-fail-on-non-empty. */
async function removeDirectory(
  proc: Process,
  name: string,
  options: RmdirOptions,
  parent: boolean,
): Promise<"removed" | "ignored" | "failed"> {
  if (options.verbose) await proc.stdout.write(`rmdir: removing directory, ${quoteaf(proc, name)}\n`);
  try {
    removeDir(proc, name);
    return "removed";
  } catch (err) {
    if (options.ignoreNonEmpty && err instanceof SysError && (err.code === "ENOTEMPTY" || err.code === "EEXIST")) return "ignored";
    // busybox rmdir.c: bb_perror_msg("'%s'", path).
    if (isBusyboxApplet(proc)) await complain(proc, `'${name}': ${errorText(err)}`);
    else await complain(proc, `failed to remove ${parent ? "directory " : ""}${quoteaf(proc, name)}: ${errorText(err)}`);
    return "failed";
  }
}

/** The rmdir(2) system call: `.` is EINVAL, `..` ENOTEMPTY, a non-directory ENOTDIR. */
function removeDir(proc: Process, name: string): void {
  const last = name.replace(/\/+$/, "").split("/").pop();
  if (last === ".") throw new SysError("EINVAL", name);
  if (last === "..") throw new SysError("ENOTEMPTY", name);
  const abs = proc.resolve(name);
  if (abs === "/") throw new SysError("EBUSY", name);
  const stats = proc.fs.lstat(abs);
  if (stats.type !== "dir") throw new SysError("ENOTDIR", name);
  proc.fs.rmdir(abs);
}
