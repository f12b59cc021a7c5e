/**
 * mkdir(1): creates directories, with their missing parents under -p (given the
 * default mode, u+wx at least), reporting each one under -v. -m sets the mode of the
 * directories named, exactly, whatever the umask (coreutils src/mkdir.c).
 */
import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, isBusyboxApplet, usageError } from "../program";
import { adjustMode, compileMode } from "./modechange";
import { statName } from "./namei";
import { quote, quoteaf } from "./quotearg";
import { tryHelp } from "./tryhelp";

/** The hosts' umask, which memfs applies to every new file and directory. */
const UMASK = 0o022;

export const mkdir: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), { short: "m:pvZ", long: { mode: "m:", parents: "p", verbose: "v" } });
  } catch (err) {
    return usageError(proc, err);
  }
  if (opts.operands.length === 0) return tryHelp(proc, "missing operand");
  let mode: number | null = null;
  const modeText = opts.get("m");
  if (modeText !== undefined) {
    const changes = compileMode(modeText);
    if (!changes) {
      await complain(proc, `invalid mode ${quote(proc, modeText)}`);
      return 1;
    }
    mode = adjustMode(0o777, true, UMASK, changes);
  }
  const parents = opts.has("p");
  const verbose = opts.has("v");
  let ok = true;
  for (const name of opts.operands) {
    await proc.checkpoint();
    try {
      if (parents) await makeParents(proc, name, verbose);
      else await makeDirectory(proc, name, name, verbose);
      if (mode !== null) proc.fs.chmod(proc.resolve(name), mode);
    } catch (err) {
      const where = err instanceof MkdirError ? err.operand : name;
      const reason = errorText(err instanceof MkdirError ? err.reason : err);
      // busybox libbb/make_directory.c: bb_perror_msg("can't %s directory '%s'", "create", path).
      await complain(
        proc,
        isBusyboxApplet(proc) ? `can't create directory '${where}': ${reason}` : `cannot create directory ${quote(proc, where)}: ${reason}`,
      );
      ok = false;
    }
  }
  return ok ? 0 : 1;
};

/** A failure to create `name` (the operand, or the prefix of it where -p stopped). */
class MkdirError extends Error {
  constructor(
    readonly operand: string,
    readonly reason: SysError,
  ) {
    super(reason.message);
  }
}

/** mkdir(2) on `path` (shown as `shown` under -v). */
async function makeDirectory(proc: Process, path: string, shown: string, verbose: boolean): Promise<void> {
  try {
    if (path === "") throw new SysError("ENOENT", path);
    const abs = proc.resolve(path);
    if (exists(proc, abs)) throw new SysError("EEXIST", path);
    proc.fs.mkdir(abs);
  } catch (err) {
    if (err instanceof SysError) throw new MkdirError(shown, err);
    throw err;
  }
  if (verbose) await proc.stdout.write(`mkdir: created directory ${quoteaf(proc, shown)}\n`);
}

/** Whether anything is at `abs`, a dangling symlink included. */
function exists(proc: Process, abs: string): boolean {
  try {
    proc.fs.lstat(abs);
    return true;
  } catch {
    return false;
  }
}

/**
 * mkdir -p: each component of `name` in turn, as typed (`./x`, `a//b`); one that is
 * there must be a directory, else the last fails with EEXIST and the others ENOTDIR.
 */
async function makeParents(proc: Process, name: string, verbose: boolean): Promise<void> {
  if (name === "") throw new MkdirError(name, new SysError("ENOENT"));
  const ends = [...name.matchAll(/[^/]+/g)].map((m) => (m.index ?? 0) + m[0].length);
  for (const [i, end] of ends.entries()) {
    const prefix = name.slice(0, end);
    const last = i === ends.length - 1;
    const abs = proc.resolve(prefix);
    if (!exists(proc, abs)) {
      await makeDirectory(proc, prefix, last ? name : prefix, verbose);
      continue;
    }
    let isDir = false;
    try {
      isDir = proc.fs.stat(abs).type === "dir";
    } catch {
      // A dangling symlink: not a directory.
    }
    if (!isDir) throw new MkdirError(last ? name : prefix, new SysError(last ? "EEXIST" : "ENOTDIR"));
  }
  if (ends.length === 0) statName(proc, name);
}
