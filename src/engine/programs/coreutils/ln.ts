/**
 * ln(1): hard links, or symbolic links with -s, named by the last operand or placed in a
 * target directory; with one operand, a link of the same name in the current directory.
 * -f replaces what is there, -n treats a symlink to a directory as a file, -r makes the
 * symlink's target relative (coreutils src/ln.c).
 */
import type { Stats } from "../../fs/filesystem";
import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { canonicalize } from "./canonicalize";
import { quoteaf, quotef } from "./quotearg";
import { ask } from "./remove";
import { intoDirectory } from "./target";
import { tryHelp } from "./tryhelp";

interface LnOptions {
  symbolic: boolean;
  force: boolean;
  interactive: boolean;
  noDereference: boolean;
  relative: boolean;
  verbose: boolean;
  /** -L: hard links to what a symlink names rather than to the link. */
  followLinks: boolean;
}

export const ln: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "finrst:vLPT",
      long: {
        force: "f",
        interactive: "i",
        "no-dereference": "n",
        relative: "r",
        symbolic: "s",
        "target-directory": "t:",
        "no-target-directory": "T",
        verbose: "v",
        logical: "L",
        physical: "P",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const options: LnOptions = {
    symbolic: opts.has("s"),
    force: false,
    interactive: false,
    noDereference: opts.has("n"),
    relative: opts.has("r"),
    verbose: opts.has("v"),
    followLinks: false,
  };
  for (const [key] of opts.list) {
    if (key === "f") [options.force, options.interactive] = [true, false];
    if (key === "i") [options.force, options.interactive] = [false, true];
    if (key === "L") options.followLinks = true;
    if (key === "P") options.followLinks = false;
  }
  const operands = opts.operands;
  const target = opts.get("t");
  if (operands.length === 0) return tryHelp(proc, "missing file operand");
  let pairs: Array<[string, string]>;
  if (opts.has("T")) {
    if (operands.length > 2) return tryHelp(proc, `extra operand ${quoteaf(proc, operands[2])}`);
    if (operands.length < 2) return tryHelp(proc, `missing destination file operand after ${quoteaf(proc, operands[0])}`);
    pairs = [[operands[0], operands[1]]];
  } else if (target !== undefined) {
    const problem = directoryProblem(proc, target, false);
    if (problem) {
      await complain(
        proc,
        `${problem.code === "ENOTDIR" ? "target " : "failed to access "}${quoteaf(proc, target)}${problem.code === "ENOTDIR" ? " is not a directory" : `: ${errorText(problem)}`}`,
      );
      return 1;
    }
    pairs = operands.map((src) => [src, intoDirectory(target, src)]);
  } else if (operands.length === 1) {
    pairs = [[operands[0], intoDirectory(".", operands[0]).slice(2)]];
  } else {
    const last = operands[operands.length - 1];
    const problem = directoryProblem(proc, last, options.noDereference);
    if (!problem) pairs = operands.slice(0, -1).map((src) => [src, intoDirectory(last, src)]);
    else if (operands.length > 2) {
      await complain(proc, `target ${quoteaf(proc, last)}: ${errorText(problem)}`);
      return 1;
    } else pairs = [[operands[0], last]];
  }
  let ok = true;
  for (const [src, dst] of pairs) {
    await proc.checkpoint();
    ok = (await link(proc, src, dst, options)) && ok;
  }
  return ok ? 0 : 1;
};

/** Why `name` is not a directory to put links in (with -n, a symlink to one is not). */
function directoryProblem(proc: Process, name: string, noDereference: boolean): SysError | null {
  try {
    if (name === "") return new SysError("ENOENT");
    const abs = proc.resolve(name);
    if (noDereference && proc.fs.lstat(abs).type === "symlink") return new SysError("ENOTDIR");
    return proc.fs.stat(abs).type === "dir" ? null : new SysError("ENOTDIR");
  } catch (err) {
    return err instanceof SysError ? err : new SysError("EIO");
  }
}

async function link(proc: Process, src: string, dst: string, options: LnOptions): Promise<boolean> {
  const kind = options.symbolic ? "symbolic link" : "hard link";
  let srcStats: Stats | null = null;
  if (!options.symbolic) {
    try {
      if (src === "") throw new SysError("ENOENT");
      const abs = proc.resolve(src);
      srcStats = options.followLinks ? proc.fs.stat(abs) : proc.fs.lstat(abs);
    } catch (err) {
      await complain(proc, `failed to access ${quoteaf(proc, src)}: ${errorText(err)}`);
      return false;
    }
    if (srcStats.type === "dir") {
      await complain(proc, `${quotef(proc, src)}: hard link not allowed for directory`);
      return false;
    }
  }
  const dstAbs = proc.resolve(dst);
  const dstStats = lstatOrNull(proc, dstAbs);
  if (dstStats && (options.force || options.interactive)) {
    const same = sameAsSource(proc, src, dst, dstStats, options);
    if (same) {
      await complain(proc, `${quoteaf(proc, src)} and ${quoteaf(proc, dst)} are the same file`);
      return false;
    }
    if (dstStats.type === "dir") {
      await complain(proc, `${quoteaf(proc, dst)}: cannot overwrite directory`);
      return false;
    }
    if (options.interactive && !(await ask(proc, `replace ${quoteaf(proc, dst)}?`))) return true;
  }
  const text = options.symbolic && options.relative ? relativeTarget(proc, src, dst) : src;
  try {
    if (dst === "") throw new SysError("ENOENT");
    if (dstStats && (options.force || options.interactive)) proc.fs.unlink(dstAbs);
    else if (dstStats) throw new SysError("EEXIST");
    if (options.symbolic) proc.fs.symlink(text, dstAbs);
    else if (proc.fs.link) proc.fs.link(options.followLinks ? canonicalize(proc, src, "existing") : proc.resolve(src), dstAbs);
    else throw new SysError("EPERM");
  } catch (err) {
    await complain(proc, `failed to create ${kind} ${quoteaf(proc, dst)}: ${errorText(err)}`);
    return false;
  }
  if (options.verbose) await proc.stdout.write(`${quoteaf(proc, dst)} ${options.symbolic ? "->" : "=>"} ${quoteaf(proc, text)}\n`);
  return true;
}

/** With -f, a destination that is the source itself must not be removed. */
function sameAsSource(proc: Process, src: string, dst: string, dstStats: Stats, options: LnOptions): boolean {
  try {
    const srcAbs = options.symbolic ? proc.resolve(src.startsWith("/") ? src : `${dirOf(dst)}/${src}`) : proc.resolve(src);
    const srcStats = options.symbolic || options.followLinks ? proc.fs.stat(srcAbs) : proc.fs.lstat(srcAbs);
    return srcStats.ino === dstStats.ino && srcStats.type === dstStats.type;
  } catch {
    return false;
  }
}

/** ln -r: the source as seen from the directory the link goes in. */
function relativeTarget(proc: Process, src: string, dst: string): string {
  const from = canonicalize(proc, dirOf(dst), "missing").split("/").filter(Boolean);
  const to = canonicalize(proc, src, "missing").split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const parts = [...from.slice(common).map(() => ".."), ...to.slice(common)];
  return parts.length > 0 ? parts.join("/") : ".";
}

function dirOf(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  const slash = trimmed.lastIndexOf("/");
  if (slash < 0) return ".";
  return slash === 0 ? "/" : trimmed.slice(0, slash);
}

function lstatOrNull(proc: Process, abs: string): Stats | null {
  try {
    return proc.fs.lstat(abs);
  } catch {
    return null;
  }
}
