/**
 * moby/go-archive's archive.go over a FileSystem: TarWithOptions walks a tree into a tar
 * (what `docker cp` and `docker export` send), Untar extracts one into a directory
 * (what PUT /containers/{id}/archive and the CLI's side of `docker cp` do).
 */
import { isSysError } from "../kernel/errno";
import { clean, dir, join } from "./filepath";
import type { FileSystem, Stats } from "./filesystem";
import { readTar, type TarEntry, type TarType, writeTar } from "./tar";

export interface TarOptions {
  /** Paths under the source to archive; default ["."]. */
  includeFiles?: string[];
  /** An included path's name in the archive (TarResourceRebaseOpts). */
  rebaseNames?: Record<string, string>;
  /** Whether the source directory itself gets an entry ("./" or its rebased name). */
  includeSourceDir?: boolean;
}

const TAR_TYPE: Partial<Record<Stats["type"], TarType>> = {
  file: "file",
  dir: "dir",
  symlink: "symlink",
  chardev: "chardev",
  blockdev: "blockdev",
  fifo: "fifo",
};

/** canonicalTarName: forward slashes, a directory's name ending in "/". */
function canonicalTarName(name: string, isDir: boolean): string {
  return isDir && !name.endsWith("/") ? `${name}/` : name;
}

/** The tar of `srcPath` (archive.TarWithOptions), names relative to it, in WalkDir order. */
export function tarWithOptions(fs: FileSystem, srcPath: string, options: TarOptions = {}): string {
  const entries: TarEntry[] = [];
  const seen = new Set<string>();
  // tarAppender.SeenFiles: a second name of an inode becomes a hard link to the first.
  const inodes = new Map<number, string>();
  const add = (path: string, name: string, stats: Stats) => {
    const type = TAR_TYPE[stats.type];
    if (!type) return; // sockets do not go in archives
    const entry: TarEntry = {
      name: canonicalTarName(name, stats.type === "dir"),
      type,
      mode: stats.mode & 0o7777,
      uid: stats.uid,
      gid: stats.gid,
      mtime: Math.floor(stats.mtimeMs / 1000),
      linkname: stats.type === "symlink" ? fs.readlink(path) : "",
      devmajor: stats.rdev?.major ?? 0,
      devminor: stats.rdev?.minor ?? 0,
      data: "",
    };
    if (type === "file") {
      const first = stats.nlink > 1 ? inodes.get(stats.ino) : undefined;
      if (first !== undefined) {
        entry.type = "hardlink";
        entry.linkname = first;
      } else {
        if (stats.nlink > 1) inodes.set(stats.ino, entry.name);
        entry.data = fs.readText(path);
      }
    }
    entries.push(entry);
  };
  for (const include of options.includeFiles ?? ["."]) {
    const rebaseName = options.rebaseNames?.[include] ?? "";
    const walk = (path: string, rel: string) => {
      let stats: Stats;
      try {
        stats = fs.lstat(path);
      } catch {
        return; // "Tar: Can't stat file": skipped, as go-archive logs and goes on
      }
      let name = rel;
      const skipSelf = !options.includeSourceDir && rel === "." && stats.type === "dir";
      if (options.includeSourceDir && include === "." && rel !== ".") name = `./${rel}`;
      if (!skipSelf && !seen.has(name)) {
        seen.add(name);
        // Rename the base resource: the first occurrence of the included name.
        if (rebaseName !== "") name = name.replace(include, rebaseName === "/" ? "" : rebaseName);
        add(path, name, stats);
      }
      if (stats.type !== "dir") return;
      for (const child of fs.readdir(path).sort()) walk(join(path, child), rel === "." ? child : `${rel}/${child}`);
    };
    walk(join(srcPath, include), clean(include));
  }
  return writeTar(entries);
}

export interface UntarOptions {
  /** Refuse to replace a directory with a non-directory or the reverse (docker cp). */
  noOverwriteDirNonDir?: boolean;
  /** Keep the extracting user's ownership instead of the archive's (the CLI's side). */
  noLchown?: boolean;
  /** Own everything by this user instead of the archive's (`docker cp -a`). */
  chown?: { uid: number; gid: number };
}

function lstatOrNull(fs: FileSystem, path: string): Stats | null {
  try {
    return fs.lstat(path);
  } catch (err) {
    if (isSysError(err, "ENOENT")) return null;
    throw err;
  }
}

/** os.RemoveAll. */
function removeAll(fs: FileSystem, path: string): void {
  const stats = lstatOrNull(fs, path);
  if (!stats) return;
  if (stats.type === "dir") {
    for (const child of fs.readdir(path)) removeAll(fs, join(path, child));
    fs.rmdir(path);
  } else fs.unlink(path);
}

/** MkdirAll with 0755, as Unpack makes the missing parents of an entry. */
function mkdirAll(fs: FileSystem, path: string): void {
  const stats = lstatOrNull(fs, path);
  if (stats?.type === "dir") return;
  mkdirAll(fs, dir(path));
  fs.mkdir(path, { mode: 0o755 });
}

/** archive.Untar: extracts `archive` under `dest`, merging into what is there. */
export function untar(fs: FileSystem, archive: string, dest: string, options: UntarOptions = {}): void {
  const dirs: Array<{ path: string; entry: TarEntry }> = [];
  for (const entry of readTar(archive)) {
    const name = clean(entry.name);
    const path = join(dest, name);
    if (name === ".." || name.startsWith("../") || (dest !== "/" && path !== dest && !path.startsWith(`${dest}/`))) {
      throw new Error(`${JSON.stringify(entry.name)} is outside of ${JSON.stringify(dest)}`);
    }
    if (name !== ".") {
      const parent = dir(path);
      if (!lstatOrNull(fs, parent)) mkdirAll(fs, parent);
    }
    const existing = lstatOrNull(fs, path);
    if (existing) {
      const isDir = existing.type === "dir";
      if (options.noOverwriteDirNonDir && isDir && entry.type !== "dir") {
        throw new Error(`cannot overwrite directory ${JSON.stringify(path)} with non-directory ${JSON.stringify(dest)}`);
      }
      if (options.noOverwriteDirNonDir && !isDir && entry.type === "dir") {
        throw new Error(`cannot overwrite non-directory ${JSON.stringify(path)} with directory ${JSON.stringify(dest)}`);
      }
      if (isDir && name === ".") continue;
      if (!isDir || entry.type !== "dir") removeAll(fs, path);
    }
    createTarFile(fs, dest, path, entry, options);
    if (entry.type === "dir") dirs.push({ path, entry });
  }
  // Directory times last: extracting their contents changed them.
  for (const { path, entry } of dirs) fs.utimes(path, entry.mtime * 1000, entry.mtime * 1000);
}

function createTarFile(fs: FileSystem, dest: string, path: string, entry: TarEntry, options: UntarOptions): void {
  const perm = entry.mode & 0o777;
  let target = path;
  switch (entry.type) {
    case "dir":
      if (lstatOrNull(fs, path)?.type !== "dir") fs.mkdir(path, { mode: perm });
      break;
    case "file":
      fs.writeFile(path, entry.data, { mode: perm });
      break;
    case "symlink":
      fs.symlink(entry.linkname, path);
      return; // no lchmod, and the link's owner and times are the extracting user's here
    case "hardlink":
      target = join(dest, clean(entry.linkname));
      if (fs.link) fs.link(target, path);
      else fs.writeFile(path, fs.readText(target), { mode: fs.stat(target).mode & 0o7777 });
      break;
    default:
      // Device nodes and FIFOs need mknod, which the playground's trees do not offer;
      // go-archive skips device nodes the same way inside a user namespace.
      return;
  }
  if (!options.noLchown) {
    const owner = options.chown ?? { uid: entry.uid, gid: entry.gid };
    fs.chown(path, owner.uid, owner.gid);
  }
  fs.chmod(target, entry.mode & 0o7777);
  if (entry.type !== "dir") fs.utimes(path, entry.mtime * 1000, entry.mtime * 1000);
}
