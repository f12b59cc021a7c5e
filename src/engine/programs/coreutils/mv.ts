/**
 * mv(1): renames files and directories, or moves them into a directory. A rename that
 * crosses filesystems (EXDEV) becomes a copy and a removal, as coreutils src/mv.c falls
 * back on copy.c.
 */
import type { Stats } from "../../fs/filesystem";
import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { type CopyOptions, copy, intoItself, sameFile } from "./copy";
import { quoteaf } from "./quotearg";
import { ask, removeOperand } from "./remove";
import { planTargets } from "./target";
import { tryHelp } from "./tryhelp";

interface MoveOptions {
  interactive: boolean;
  noClobber: boolean;
  update: boolean;
  verbose: boolean;
}

export const mv: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "fint:Tuv",
      long: {
        force: "f",
        interactive: "i",
        "no-clobber": "n",
        "target-directory": "t:",
        "no-target-directory": "T",
        update: "u",
        verbose: "v",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const options: MoveOptions = { interactive: false, noClobber: false, update: false, verbose: false };
  for (const [key] of opts.list) {
    if (key === "f") options.interactive = options.noClobber = false;
    if (key === "i") {
      options.interactive = true;
      options.noClobber = false;
    }
    if (key === "n") {
      options.noClobber = true;
      options.interactive = false;
    }
    if (key === "u") options.update = true;
    if (key === "v") options.verbose = true;
  }
  const targets = opts.all("t");
  if (targets.length > 1) {
    await complain(proc, "multiple target directories specified");
    return 1;
  }
  const plan = planTargets(proc, opts.operands, targets[0], opts.has("T"));
  if ("message" in plan) {
    if (plan.tryHelp) return tryHelp(proc, plan.message);
    await complain(proc, plan.message);
    return 1;
  }
  let ok = true;
  for (const [src, dst] of plan.pairs) {
    await proc.checkpoint();
    ok = (await move(proc, src, dst, options)) && ok;
  }
  return ok ? 0 : 1;
};

async function move(proc: Process, src: string, dst: string, options: MoveOptions): Promise<boolean> {
  let srcStats: Stats;
  try {
    if (src === "") throw new SysError("ENOENT");
    srcStats = proc.fs.lstat(proc.resolve(src));
  } catch (err) {
    await complain(proc, `cannot stat ${quoteaf(proc, src)}: ${errorText(err)}`);
    return false;
  }
  const srcAbs = proc.resolve(src);
  const dstAbs = proc.resolve(dst);
  const dstStats = lstatOrNull(proc, dstAbs);
  if (dstStats && sameFile(srcStats, dstStats)) {
    await complain(proc, `${quoteaf(proc, src)} and ${quoteaf(proc, dst)} are the same file`);
    return false;
  }
  if (dstStats) {
    if (srcStats.type === "dir" && dstStats.type !== "dir") {
      await complain(proc, `cannot overwrite non-directory ${quoteaf(proc, dst)} with directory ${quoteaf(proc, src)}`);
      return false;
    }
    if (srcStats.type !== "dir" && dstStats.type === "dir") {
      await complain(proc, `cannot overwrite directory ${quoteaf(proc, dst)} with non-directory`);
      return false;
    }
    if (options.noClobber) return true;
    if (options.update && dstStats.mtimeMs >= srcStats.mtimeMs) return true;
    if (options.interactive && !(await ask(proc, `overwrite ${quoteaf(proc, dst)}?`))) return true;
  }
  if (srcStats.type === "dir" && intoItself(proc, src, dst)) {
    await complain(proc, `cannot move ${quoteaf(proc, src)} to a subdirectory of itself, ${quoteaf(proc, dst)}`);
    return false;
  }
  try {
    if (dstStats?.type === "dir") {
      // rename(2) replaces an empty directory and refuses any other.
      if (proc.fs.readdir(dstAbs).length > 0) throw new SysError("ENOTEMPTY");
      proc.fs.rmdir(dstAbs);
    }
    proc.fs.rename(srcAbs, dstAbs);
  } catch (err) {
    if (err instanceof SysError && err.code === "EXDEV") return moveAcross(proc, src, dst, options);
    await complain(proc, `cannot move ${quoteaf(proc, src)} to ${quoteaf(proc, dst)}: ${errorText(err)}`);
    return false;
  }
  if (options.verbose) await proc.stdout.write(`renamed ${quoteaf(proc, src)} -> ${quoteaf(proc, dst)}\n`);
  return true;
}

/** Another filesystem: copy everything as it is, then remove the original. */
async function moveAcross(proc: Process, src: string, dst: string, options: MoveOptions): Promise<boolean> {
  const copyOptions: CopyOptions = {
    recursive: true,
    dereference: "never",
    preserveMode: true,
    preserveOwnership: true,
    preserveTimestamps: true,
    noClobber: false,
    interactive: false,
    update: false,
    link: "none",
    verbose: options.verbose,
    move: true,
  };
  if (!(await copy(proc, src, dst, copyOptions))) return false;
  const removed = await removeOperand(proc, src, {
    force: true,
    interactive: "never",
    recursive: true,
    removeEmptyDirs: false,
    verbose: options.verbose,
    preserveRoot: true,
  });
  return removed !== "failed";
}

function lstatOrNull(proc: Process, abs: string): Stats | null {
  try {
    return proc.fs.lstat(abs);
  } catch {
    return null;
  }
}
