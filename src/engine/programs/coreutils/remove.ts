/**
 * Removing files and trees as rm does it (coreutils src/remove.c): the prompts of -i,
 * the refusals (`.`, `..`, `/`), depth-first removal with each directory after its
 * contents, and no second complaint about a directory whose contents could not all go.
 */
import type { Stats } from "../../fs/filesystem";
import { errorText, SysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { complain, isBusyboxApplet, programName } from "../program";
import { quoteaf } from "./quotearg";

export interface RemoveOptions {
  force: boolean;
  /** -i asks about every file; "never" never asks. */
  interactive: "never" | "always";
  recursive: boolean;
  /** -d: remove empty directories like files. */
  removeEmptyDirs: boolean;
  verbose: boolean;
  preserveRoot: boolean;
}

/** What became of a file: gone, kept by an answer, or an error already reported. */
type Outcome = "removed" | "declined" | "failed";

/** Removes one operand of rm; "failed" after a message. */
export async function removeOperand(proc: Process, name: string, options: RemoveOptions): Promise<Outcome> {
  const base = name.replace(/\/+$/, "").split("/").pop();
  if (base === "." || base === "..") {
    await complain(proc, `refusing to remove '.' or '..' directory: skipping ${quoteaf(proc, name)}`);
    return "failed";
  }
  if (options.recursive && options.preserveRoot && name !== "" && proc.resolve(name) === "/") {
    await complain(
      proc,
      name === "/"
        ? "it is dangerous to operate recursively on '/'"
        : `it is dangerous to operate recursively on ${quoteaf(proc, name)} (same as '/')`,
    );
    await complain(proc, "use --no-preserve-root to override this failsafe");
    return "failed";
  }
  let stats: Stats;
  try {
    if (name === "") throw new SysError("ENOENT");
    stats = proc.fs.lstat(proc.resolve(name));
    if (/\/$/.test(name) && stats.type !== "dir") stats = proc.fs.stat(proc.resolve(name));
  } catch (err) {
    if (options.force && err instanceof SysError && err.code === "ENOENT") return "removed";
    // busybox libbb/remove_file.c: "can't remove" for a missing file, "can't stat" otherwise.
    const busyboxVerb = err instanceof SysError && err.code !== "ENOENT" ? "stat" : "remove";
    await complain(proc, `${cannotRemove(proc, name, busyboxVerb)}: ${errorText(err)}`);
    return "failed";
  }
  return removeEntry(proc, name, stats, options);
}

async function removeEntry(proc: Process, name: string, stats: Stats, options: RemoveOptions): Promise<Outcome> {
  await proc.checkpoint();
  const abs = proc.resolve(name);
  if (stats.type !== "dir") {
    if (options.interactive === "always" && !(await ask(proc, `remove ${describeType(stats)} ${quoteaf(proc, name)}?`))) return "declined";
    return attempt(proc, name, () => proc.fs.unlink(abs), options.verbose ? `removed ${quoteaf(proc, name)}` : "");
  }
  if (!options.recursive) {
    if (!options.removeEmptyDirs) {
      await complain(proc, isBusyboxApplet(proc) ? `'${name}' is a directory` : `cannot remove ${quoteaf(proc, name)}: Is a directory`);
      return "failed";
    }
    if (options.interactive === "always" && !(await ask(proc, `remove directory ${quoteaf(proc, name)}?`))) return "declined";
    return attempt(proc, name, () => proc.fs.rmdir(abs), options.verbose ? `removed directory ${quoteaf(proc, name)}` : "");
  }
  let entries: string[];
  try {
    entries = proc.fs.readdir(abs);
  } catch (err) {
    await complain(proc, `${cannotRemove(proc, name, "remove")}: ${errorText(err)}`);
    return "failed";
  }
  if (options.interactive === "always" && entries.length > 0 && !(await ask(proc, `descend into directory ${quoteaf(proc, name)}?`))) {
    return "declined";
  }
  let complete = true;
  for (const entry of entries) {
    const child = name.endsWith("/") ? `${name}${entry}` : `${name}/${entry}`;
    let childStats: Stats;
    try {
      childStats = proc.fs.lstat(proc.resolve(child));
    } catch {
      continue;
    }
    if ((await removeEntry(proc, child, childStats, options)) !== "removed") complete = false;
  }
  // A directory that kept some of its contents stays, without a second message.
  if (!complete) return "declined";
  if (options.interactive === "always" && !(await ask(proc, `remove directory ${quoteaf(proc, name)}?`))) return "declined";
  return attempt(proc, name, () => proc.fs.rmdir(abs), options.verbose ? `removed directory ${quoteaf(proc, name)}` : "");
}

/** GNU's `cannot remove 'x'`, or busybox's `can't remove 'x'` (bb_perror_msg, the name unquoted inside). */
function cannotRemove(proc: Process, name: string, busyboxVerb: "remove" | "stat"): string {
  return isBusyboxApplet(proc) ? `can't ${busyboxVerb} '${name}'` : `cannot remove ${quoteaf(proc, name)}`;
}

/** Runs the removal `op`; prints `verbose` (when not empty) once it is done. */
async function attempt(proc: Process, name: string, op: () => void, verbose: string): Promise<Outcome> {
  try {
    op();
  } catch (err) {
    await complain(proc, `${cannotRemove(proc, name, "remove")}: ${errorText(err)}`);
    return "failed";
  }
  if (verbose) await proc.stdout.write(`${verbose}\n`);
  return "removed";
}

/** The file type words of rm's prompts (file_type() in gnulib). */
function describeType(stats: Stats): string {
  switch (stats.type) {
    case "file":
      return stats.size === 0 ? "regular empty file" : "regular file";
    case "symlink":
      return "symbolic link";
    case "fifo":
      return "fifo";
    case "socket":
      return "socket";
    case "chardev":
      return "character special file";
    case "blockdev":
      return "block special file";
    default:
      return "directory";
  }
}

/** Prompts on stderr and reads an answer: yes when it starts with y or Y (yesno()). */
export async function ask(proc: Process, question: string): Promise<boolean> {
  await proc.stderr.write(`${programName(proc)}: ${question} `);
  const answer = await proc.stdin.readLine();
  return answer !== null && /^[yY]/.test(answer);
}
