/**
 * What ls knows of each file it lists (struct fileinfo in coreutils src/ls.c), how it
 * learns it (gobble_file: lstat or stat by the dereference rules, the symlink's target
 * for -l and -F) and the orders it sorts them in.
 */
import type { Stats } from "../../fs/filesystem";
import type { Process } from "../../kernel/process";
import { compareBytes } from "./collate";
import { filevercmp } from "./filevercmp";
import type { LsSettings } from "./ls-options";
import { lstatName, statName } from "./namei";
import { quotearg } from "./quotearg";

export interface FileInfo {
  /** The name as listed: an operand as typed, or an entry of a directory. */
  name: string;
  /** The name to reach the file from ls's working directory. */
  path: string;
  stats: Stats;
  /** A directory named on the command line, to be listed rather than shown. */
  argDirectory: boolean;
  /** For a symlink: its target text, and the target's stats when it resolves. */
  linkName?: string;
  linkStats?: Stats;
  /** Whether the quoted name differs from the name (for the alignment pad). */
  quoted: boolean;
}

/** Why a file could not be listed: `cannot access 'x': ...`. */
export class GobbleError extends Error {
  constructor(
    readonly path: string,
    readonly reason: unknown,
  ) {
    super(String(reason));
  }
}

/** gobble_file(): stats `name` (reached as `path`); throws GobbleError when it cannot. */
export function gobbleFile(proc: Process, settings: LsSettings, name: string, path: string, commandLine: boolean): FileInfo {
  let stats: Stats;
  try {
    stats = statFor(proc, settings, path, commandLine);
  } catch (err) {
    throw new GobbleError(path, err);
  }
  const info: FileInfo = {
    name,
    path,
    stats,
    argDirectory: stats.type === "dir" && commandLine && !settings.immediateDirs,
    quoted: needsQuoting(settings, name),
  };
  if (stats.type === "symlink" && (settings.format === "long" || settings.checkSymlinkMode)) {
    try {
      info.linkName = proc.fs.readlink(proc.resolve(path));
    } catch {
      // An unreadable link shows no arrow.
    }
    if (
      info.linkName !== undefined &&
      (settings.indicator === "file-type" || settings.indicator === "classify" || settings.checkSymlinkMode)
    ) {
      try {
        info.linkStats = proc.fs.stat(proc.resolve(path));
      } catch {
        // A dangling link: no target type to show.
      }
    }
  }
  return info;
}

function statFor(proc: Process, settings: LsSettings, path: string, commandLine: boolean): Stats {
  switch (settings.dereference) {
    case "always":
      return statName(proc, path);
    case "command-line":
      return commandLine ? statName(proc, path) : lstatName(proc, path);
    case "command-line-symlink-to-dir": {
      if (!commandLine) return lstatName(proc, path);
      try {
        const stats = statName(proc, path);
        if (stats.type === "dir") return stats;
      } catch (err) {
        if (!(err instanceof Error && (err as { code?: string }).code === "ENOENT")) throw err;
      }
      return lstatName(proc, path);
    }
    case "never":
      return lstatName(proc, path);
  }
}

function needsQuoting(settings: LsSettings, name: string): boolean {
  const quoted = quotearg(name, settings.quoting);
  return quoted[0] !== name[0] || quoted.length !== name.length;
}

function timeOf(settings: LsSettings, stats: Stats): number {
  if (settings.timeType === "atime") return stats.atimeMs;
  if (settings.timeType === "ctime") return stats.ctimeMs;
  return stats.mtimeMs;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot);
}

/** Whether `f` counts as a directory for --group-directories-first (links to one do). */
function isLinkedDirectory(f: FileInfo): boolean {
  return f.stats.type === "dir" || f.linkStats?.type === "dir";
}

/** sort_files(): the listing order, `width` given for --sort=width. */
export function sortFiles(settings: LsSettings, files: FileInfo[], width: (f: FileInfo) => number): FileInfo[] {
  if (settings.sort === "none") return files;
  const byKey = (a: FileInfo, b: FileInfo): number => {
    switch (settings.sort) {
      case "time": {
        const diff = timeOf(settings, b.stats) - timeOf(settings, a.stats);
        return diff || compareBytes(a.name, b.name);
      }
      case "size":
        return b.stats.size - a.stats.size || compareBytes(a.name, b.name);
      case "extension":
        return compareBytes(extensionOf(a.name), extensionOf(b.name)) || compareBytes(a.name, b.name);
      case "version":
        return filevercmp(a.name, b.name) || compareBytes(a.name, b.name);
      case "width":
        return width(a) - width(b) || compareBytes(a.name, b.name);
      default:
        return compareBytes(a.name, b.name);
    }
  };
  const ordered = (a: FileInfo, b: FileInfo) => (settings.reverse ? byKey(b, a) : byKey(a, b));
  const compare = settings.groupDirectoriesFirst
    ? (a: FileInfo, b: FileInfo) => Number(isLinkedDirectory(b)) - Number(isLinkedDirectory(a)) || ordered(a, b)
    : ordered;
  return [...files].sort(compare);
}
