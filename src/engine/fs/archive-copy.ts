/**
 * moby/go-archive's copy.go over a FileSystem: how `docker cp` decides what a copy means
 * from what the source and the destination are (file or directory, existing or not,
 * "dir/." or "dir/"), and renames the archive's top entry so that extracting it in the
 * destination's directory gives the `cp -a` result.
 */
import { isSysError } from "../kernel/errno";
import { tarWithOptions, untar } from "./archive";
import { base, clean, dir, isAbs, join, PathError } from "./filepath";
import type { FileSystem } from "./filesystem";
import { readTar, writeTar } from "./tar";

export const ERR_NOT_DIRECTORY = "not a directory";
export const ERR_DIR_NOT_EXISTS = "no such directory";
export const ERR_CANNOT_COPY_DIR = "cannot copy directory";

/** What is known of one side of a copy. */
export interface CopyInfo {
  path: string;
  exists: boolean;
  isDir: boolean;
  /** The name the archive's top entry takes (a followed link's own name). */
  rebaseName: string;
}

const hasTrailingPathSeparator = (path: string) => path.endsWith("/");
const specifiesCurrentDir = (path: string) => base(path) === ".";

/** `dir/` and `dir/.` keep their meaning ("into" and "the contents of") once cleaned. */
export function preserveTrailingDotOrSeparator(cleanedPath: string, originalPath: string): string {
  let out = cleanedPath;
  if (!specifiesCurrentDir(out) && specifiesCurrentDir(originalPath)) {
    if (!hasTrailingPathSeparator(out)) out += "/";
    out += ".";
  }
  if (!hasTrailingPathSeparator(out) && hasTrailingPathSeparator(originalPath)) out += "/";
  return out;
}

/** Whether the path says it names a directory (a trailing "/" or "/."). */
export function assertsDirectory(path: string): boolean {
  return hasTrailingPathSeparator(path) || specifiesCurrentDir(path);
}

/** The directory holding the entry and the entry's name, "." kept for "dir/.". */
export function splitPathDirEntry(path: string): [string, string] {
  let cleaned = clean(path);
  if (specifiesCurrentDir(path)) cleaned += "/.";
  return [dir(cleaned), base(cleaned)];
}

/** archive.GetRebaseName: a followed link's archive keeps the link's name. */
export function getRebaseName(path: string, resolvedPath: string): [string, string] {
  let resolved = resolvedPath;
  if (specifiesCurrentDir(path) && !specifiesCurrentDir(resolved)) resolved += "/.";
  if (hasTrailingPathSeparator(path) && !hasTrailingPathSeparator(resolved)) resolved += "/";
  return [resolved, base(path) !== base(resolved) ? base(path) : ""];
}

/** filepath.EvalSymlinks, worded as Go words its failure. */
function evalSymlinks(fs: FileSystem, path: string): string {
  try {
    return fs.realpath(clean(path));
  } catch (err) {
    throw new PathError("lstat", clean(path), err);
  }
}

function lstat(fs: FileSystem, path: string) {
  try {
    return fs.lstat(clean(path));
  } catch (err) {
    throw new PathError("lstat", path, err);
  }
}

/** archive.ResolveHostSourcePath. */
function resolveHostSourcePath(fs: FileSystem, path: string, followLink: boolean): [string, string] {
  if (followLink) return getRebaseName(path, evalSymlinks(fs, path));
  const slash = path.lastIndexOf("/");
  const [dirPath, basePath] = [path.slice(0, slash + 1), path.slice(slash + 1)];
  const resolvedDir = evalSymlinks(fs, dirPath === "" ? "." : dirPath);
  const resolved = resolvedDir.endsWith("/") ? resolvedDir + basePath : `${resolvedDir}/${basePath}`;
  const rebaseName = hasTrailingPathSeparator(path) && base(path) !== base(resolved) ? base(path) : "";
  return [resolved, rebaseName];
}

/** archive.CopyInfoSourcePath: the local source of `docker cp SRC CONTAINER:DST`. */
export function copyInfoSourcePath(fs: FileSystem, path: string, followLink: boolean): CopyInfo {
  const [resolved, rebaseName] = resolveHostSourcePath(fs, path, followLink);
  const stats = lstat(fs, resolved);
  return { path: resolved, exists: true, isDir: stats.type === "dir", rebaseName };
}

/** archive.CopyInfoDestinationPath: the local destination, links followed (10 at most). */
export function copyInfoDestinationPath(fs: FileSystem, dstPath: string): CopyInfo {
  let path = dstPath;
  const at = (p: string) => {
    try {
      return fs.lstat(clean(p));
    } catch (err) {
      if (isSysError(err, "ENOENT")) return null;
      throw new PathError("lstat", p, err);
    }
  };
  let stats = at(path);
  for (let n = 0; stats?.type === "symlink"; n++) {
    if (n > 10) throw new Error(`too many symlinks in ${dstPath}`);
    let target = fs.readlink(clean(path));
    if (!isAbs(target)) target = join(splitPathDirEntry(path)[0], target);
    path = target;
    stats = at(path);
  }
  if (stats) return { path, exists: true, isDir: stats.type === "dir", rebaseName: "" };
  const [parent] = splitPathDirEntry(path);
  let parentStats: ReturnType<FileSystem["stat"]>;
  try {
    parentStats = fs.stat(parent);
  } catch (err) {
    throw new PathError("stat", parent, err);
  }
  if (parentStats.type !== "dir") throw new Error(ERR_NOT_DIRECTORY);
  return { path, exists: false, isDir: false, rebaseName: "" };
}

/** archive.TarResourceRebase: the archive of one file or directory, named by its base. */
export function tarResource(fs: FileSystem, info: Pick<CopyInfo, "path" | "rebaseName">): string {
  lstat(fs, info.path);
  const [sourceDir, sourceBase] = splitPathDirEntry(info.path);
  return tarWithOptions(fs, sourceDir, {
    includeFiles: [sourceBase],
    includeSourceDir: true,
    rebaseNames: { [sourceBase]: info.rebaseName },
  });
}

/** archive.RebaseArchiveEntries: `oldBase` and what is under it renamed to `newBase`. */
export function rebaseArchiveEntries(archive: string, oldBase: string, newBase: string): string {
  const from = oldBase.replace(/\/+$/, "");
  const to = newBase.replace(/\/+$/, "");
  const rebase = (name: string) => {
    if (from === "") {
      const trimmed = name.replace(/^\/+/, "");
      return to === "" ? trimmed : `${to}/${trimmed}`;
    }
    if (!name.startsWith(from)) return name;
    const suffix = name.slice(from.length);
    return suffix !== "" && !suffix.startsWith("/") ? name : to + suffix;
  };
  return writeTar(
    readTar(archive).map((e) => ({ ...e, name: rebase(e.name), linkname: e.type === "hardlink" ? rebase(e.linkname) : e.linkname })),
  );
}

/**
 * archive.PrepareArchiveCopy: the directory to extract in and the archive to extract,
 * renamed when the destination is not an existing directory.
 */
export function prepareArchiveCopy(archive: string, srcInfo: CopyInfo, dstInfo: CopyInfo): [string, string] {
  const [dstDir, dstBase] = splitPathDirEntry(dstInfo.path);
  let [, srcBase] = splitPathDirEntry(srcInfo.path);
  if (dstInfo.exists && dstInfo.isDir) return [dstInfo.path, archive];
  if (dstInfo.exists && srcInfo.isDir) throw new Error(ERR_CANNOT_COPY_DIR);
  if (!dstInfo.exists && !srcInfo.isDir && assertsDirectory(dstInfo.path)) throw new Error(ERR_DIR_NOT_EXISTS);
  if (srcInfo.rebaseName !== "") srcBase = srcInfo.rebaseName;
  return [dstDir, rebaseArchiveEntries(archive, srcBase, dstBase)];
}

/** archive.CopyTo: extracts a container's archive at a local destination. */
export function copyTo(fs: FileSystem, archive: string, srcInfo: CopyInfo, dstPath: string): void {
  const dstInfo = copyInfoDestinationPath(fs, dstPath);
  const [dstDir, content] = prepareArchiveCopy(archive, srcInfo, dstInfo);
  untar(fs, content, clean(dstDir), { noLchown: true, noOverwriteDirNonDir: true });
}
