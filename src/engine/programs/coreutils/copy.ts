/**
 * Copying a file or a tree as cp does it, and as mv does when a rename crosses
 * filesystems (coreutils src/copy.c): the same-file and into-itself checks, what may
 * overwrite what, symlinks copied as links or followed, and -p's preserved attributes.
 */
import type { Stats } from "../../fs/filesystem";
import { errorText, SysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { complain } from "../program";
import { canonicalize } from "./canonicalize";
import { quoteaf } from "./quotearg";
import { ask } from "./remove";

export interface CopyOptions {
  recursive: boolean;
  /** Follow symlinks: all of them (-L), on the command line only (-H), or none (-P). */
  dereference: "always" | "command-line" | "never";
  preserveMode: boolean;
  preserveOwnership: boolean;
  preserveTimestamps: boolean;
  /** -n: never overwrite; -i: ask first; -u: only when the source is newer. */
  noClobber: boolean;
  interactive: boolean;
  update: boolean;
  /** -l / -s: make links instead of copies. */
  link: "none" | "hard" | "symbolic";
  verbose: boolean;
  /** mv's copy: keeps everything and reports as mv. */
  move: boolean;
}

/** The hosts' umask, which memfs applies to every new file and directory. */
const UMASK = 0o022;

/** Copies `src` to `dst`; false after reporting a failure. */
export async function copy(proc: Process, src: string, dst: string, options: CopyOptions, commandLine = true): Promise<boolean> {
  await proc.checkpoint();
  const follow = options.dereference === "always" || (options.dereference === "command-line" && commandLine);
  let srcStats: Stats;
  try {
    srcStats = follow ? proc.fs.stat(proc.resolve(src)) : proc.fs.lstat(proc.resolve(src));
  } catch (err) {
    await complain(proc, `cannot stat ${quoteaf(proc, src)}: ${errorText(err)}`);
    return false;
  }
  if (srcStats.type === "dir" && !options.recursive) {
    await complain(proc, `-r not specified; omitting directory ${quoteaf(proc, src)}`);
    return false;
  }
  const dstAbs = proc.resolve(dst);
  const dstStats = lstatOrNull(proc, dstAbs);
  const dstFollowed = dstStats?.type === "symlink" ? statOrNull(proc, dstAbs) : dstStats;
  if (dstStats) {
    if (sameFile(srcStats, dstFollowed ?? dstStats) && (follow || dstStats.type !== "symlink")) {
      await complain(proc, `${quoteaf(proc, src)} and ${quoteaf(proc, dst)} are the same file`);
      return false;
    }
    const dstIsDir = dstFollowed?.type === "dir";
    if (srcStats.type === "dir" && !dstIsDir) {
      await complain(proc, `cannot overwrite non-directory ${quoteaf(proc, dst)} with directory ${quoteaf(proc, src)}`);
      return false;
    }
    if (srcStats.type !== "dir" && dstIsDir) {
      await complain(proc, `cannot overwrite directory ${quoteaf(proc, dst)} with non-directory`);
      return false;
    }
    if (srcStats.type !== "dir") {
      if (options.noClobber) return true;
      if (options.update && dstFollowed && dstFollowed.mtimeMs >= srcStats.mtimeMs) return true;
      if (options.interactive && !(await ask(proc, `overwrite ${quoteaf(proc, dst)}?`))) return true;
    }
  } else if (/\/$/.test(dst) && srcStats.type !== "dir") {
    await complain(proc, `cannot create regular file ${quoteaf(proc, dst)}: Not a directory`);
    return false;
  }
  if (srcStats.type === "dir") return copyDirectory(proc, src, dst, srcStats, dstStats !== null, options);
  try {
    copyNonDirectory(proc, src, dstAbs, srcStats, dstStats, options);
  } catch (err) {
    const what = srcStats.type === "symlink" && options.link === "none" ? "create symbolic link" : "create regular file";
    await complain(proc, `cannot ${what} ${quoteaf(proc, dst)}: ${errorText(err)}`);
    return false;
  }
  await verbose(proc, src, dst, options);
  return true;
}

async function copyDirectory(
  proc: Process,
  src: string,
  dst: string,
  srcStats: Stats,
  exists: boolean,
  options: CopyOptions,
): Promise<boolean> {
  if (intoItself(proc, src, dst)) {
    await complain(proc, `cannot copy a directory, ${quoteaf(proc, src)}, into itself, ${quoteaf(proc, dst)}`);
    return false;
  }
  const dstAbs = proc.resolve(dst);
  if (!exists) {
    try {
      proc.fs.mkdir(dstAbs);
    } catch (err) {
      await complain(proc, `cannot create directory ${quoteaf(proc, dst)}: ${errorText(err)}`);
      return false;
    }
    await verbose(proc, src, dst, options);
  }
  let ok = true;
  for (const entry of proc.fs.readdir(proc.resolve(src))) {
    ok = (await copy(proc, join(src, entry), join(dst, entry), options, false)) && ok;
  }
  if (!exists) proc.fs.chmod(dstAbs, options.preserveMode ? srcStats.mode : srcStats.mode & ~UMASK);
  preserve(proc, dstAbs, srcStats, options);
  return ok;
}

function copyNonDirectory(proc: Process, src: string, dstAbs: string, srcStats: Stats, dstStats: Stats | null, options: CopyOptions): void {
  const srcAbs = proc.resolve(src);
  if (options.link !== "none" || srcStats.type === "symlink") {
    if (dstStats) proc.fs.unlink(dstAbs);
    if (options.link === "symbolic") proc.fs.symlink(src, dstAbs);
    else if (options.link === "hard") {
      if (!proc.fs.link) throw new SysError("EPERM", dstAbs);
      proc.fs.link(srcAbs, dstAbs);
    } else proc.fs.symlink(proc.fs.readlink(srcAbs), dstAbs);
    return;
  }
  // An existing destination keeps its mode; writing through a symlink writes what it names.
  proc.fs.writeFile(dstAbs, proc.fs.readFile(srcAbs));
  if (!dstStats) proc.fs.chmod(dstAbs, srcStats.mode & ~UMASK);
  preserve(proc, dstAbs, srcStats, options);
}

/** -p's attributes: mode, owner and group, access and modification times. */
function preserve(proc: Process, dstAbs: string, srcStats: Stats, options: CopyOptions): void {
  if (options.preserveMode) proc.fs.chmod(dstAbs, srcStats.mode);
  if (options.preserveOwnership) proc.fs.chown(dstAbs, srcStats.uid, srcStats.gid);
  if (options.preserveTimestamps) proc.fs.utimes(dstAbs, srcStats.atimeMs, srcStats.mtimeMs);
}

async function verbose(proc: Process, src: string, dst: string, options: CopyOptions): Promise<void> {
  if (!options.verbose) return;
  await proc.stdout.write(`${options.move ? "copied " : ""}${quoteaf(proc, src)} -> ${quoteaf(proc, dst)}\n`);
}

/** Whether `dst` is `src` or lies inside it, once both are resolved. */
export function intoItself(proc: Process, src: string, dst: string): boolean {
  try {
    const from = canonicalize(proc, src, "existing");
    const to = canonicalize(proc, dst, "missing");
    return to === from || to.startsWith(from === "/" ? "/" : `${from}/`);
  } catch {
    return false;
  }
}

export function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.type === b.type;
}

function lstatOrNull(proc: Process, abs: string): Stats | null {
  try {
    return proc.fs.lstat(abs);
  } catch {
    return null;
  }
}

function statOrNull(proc: Process, abs: string): Stats | null {
  try {
    return proc.fs.stat(abs);
  } catch {
    return null;
  }
}

function join(dir: string, name: string): string {
  return dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`;
}
