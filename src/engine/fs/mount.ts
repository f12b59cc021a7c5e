import { SysError } from "../kernel/errno";
import { BindFileSystem } from "./bind";
import type { FileSystem, StatFs, Stats, WriteOptions } from "./filesystem";

/** One line of /proc/mounts: what is mounted where, and how. */
export interface MountEntry {
  /** Absolute mount point, normalised ("/", "/proc", "/dev/pts"). */
  target: string;
  fs: FileSystem;
  /** First field of /proc/mounts (proc, tmpfs, devpts, /dev/vda1). */
  source: string;
  /** Filesystem type (proc, tmpfs, devpts, ext4, overlay). */
  type: string;
  options: string;
}

/** Linux's MAXSYMLINKS: a path walk gives up with ELOOP after this many links. */
const MAX_SYMLINKS = 40;

/**
 * The VFS of one mount namespace: the tree a process sees from `/`, stitched together
 * from the filesystems mounted in it (the root tree at /, procfs at /proc, devfs at
 * /dev...). Every call walks the path component by component, as Linux's namei does,
 * following symbolic links across mounts (/dev/stdin -> /proc/self/fd/0 -> /dev/pts/0),
 * then hands the mounted filesystem the path relative to its own root. The mounted
 * filesystems therefore never see a link they would have to follow elsewhere.
 */
export class MountTable implements FileSystem {
  private readonly entries: MountEntry[] = [];

  constructor(root: FileSystem, source?: Partial<Omit<MountEntry, "target" | "fs">>) {
    const df = root.statfs("/");
    this.entries.push({
      target: "/",
      fs: root,
      source: source?.source ?? df.source,
      type: source?.type ?? df.type,
      options: source?.options ?? "rw,relatime",
    });
  }

  /** mount(2): attaches `fs` at `target`, hiding what the tree had there. */
  mount(target: string, fs: FileSystem, how: { source: string; type: string; options?: string }): void {
    const path = this.walk(target, true);
    // A directory goes over a directory, a file over a file (Docker's /etc/hostname). Only a
    // file mount point asks the new tree, so a lazily made one (tmpfs) is not made here.
    if (this.stat(path).type !== "dir" && fs.stat("/").type === "dir") throw new SysError("ENOTDIR", target);
    this.entries.push({ target: path, fs, source: how.source, type: how.type, options: how.options ?? "rw,relatime" });
  }

  /**
   * mount(2) with MS_REMOUNT|MS_BIND|MS_RDONLY on `/`: the root tree turns read-only once
   * its mount points exist, as runc does for a --read-only rootfs (libcontainer/rootfs_linux.go).
   */
  remountRootReadOnly(): void {
    const root = this.entries[0];
    root.fs = new BindFileSystem(root.fs, "/", true);
    root.options = root.options.replace(/^rw\b/, "ro");
  }

  /** umount(2). */
  umount(target: string): void {
    const idx = this.entries.findIndex((e) => e.target === target && e.target !== "/");
    if (idx < 0) throw new SysError("EINVAL", target);
    if (this.entries.some((e) => e.target.startsWith(`${target}/`))) throw new SysError("EBUSY", target);
    this.entries.splice(idx, 1);
  }

  /** The mounts in the order they were made, as /proc/mounts lists them. */
  mounts(): readonly MountEntry[] {
    return this.entries;
  }

  // --- FileSystem --------------------------------------------------------

  stat(path: string): Stats {
    return this.on(this.walk(path, true), (fs, rel) => fs.stat(rel));
  }

  lstat(path: string): Stats {
    return this.on(this.walk(path, false), (fs, rel) => fs.lstat(rel));
  }

  exists(path: string): boolean {
    try {
      this.stat(path);
      return true;
    } catch {
      return false;
    }
  }

  readFile(path: string): Uint8Array {
    return this.on(this.walk(path, true), (fs, rel) => fs.readFile(rel));
  }

  readText(path: string): string {
    return this.on(this.walk(path, true), (fs, rel) => fs.readText(rel));
  }

  writeFile(path: string, data: string | Uint8Array, options?: WriteOptions): void {
    this.on(this.walk(path, true), (fs, rel) => fs.writeFile(rel, data, options));
  }

  readdir(path: string): string[] {
    const dir = this.walk(path, true);
    const names = this.on(dir, (fs, rel) => fs.readdir(rel));
    // Mount points show in their parent even when the parent tree has no such directory.
    for (const entry of this.entries) {
      if (entry.target === "/" || parentOf(entry.target) !== dir) continue;
      const name = entry.target.slice(entry.target.lastIndexOf("/") + 1);
      if (!names.includes(name)) names.push(name);
    }
    return names;
  }

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    if (!options.recursive) {
      this.on(this.walk(path, false), (fs, rel) => fs.mkdir(rel, { mode: options.mode }));
      return;
    }
    // mkdir -p: one level at a time, so each level lands on the filesystem mounted there.
    let prefix = "";
    for (const part of path.split("/").filter(Boolean)) {
      prefix += `/${part}`;
      const at = this.walk(prefix, true);
      if (this.exists(at)) {
        if (this.stat(at).type !== "dir") throw new SysError("EEXIST", prefix);
        continue;
      }
      this.on(at, (fs, rel) => fs.mkdir(rel, { mode: options.mode }));
    }
  }

  rmdir(path: string): void {
    const at = this.walk(path, false);
    this.refuseMountPoint(at, path);
    this.on(at, (fs, rel) => fs.rmdir(rel));
  }

  unlink(path: string): void {
    const at = this.walk(path, false);
    this.refuseMountPoint(at, path);
    this.on(at, (fs, rel) => fs.unlink(rel));
  }

  rename(from: string, to: string): void {
    const src = this.walk(from, false);
    const dst = this.walk(to, false);
    this.refuseMountPoint(src, from);
    this.refuseMountPoint(dst, to);
    const a = this.mountOf(src);
    const b = this.mountOf(dst);
    // rename(2) never crosses filesystems; mv copies and deletes instead.
    if (a !== b) throw new SysError("EXDEV", from);
    a.fs.rename(relativeTo(a, src), relativeTo(a, dst));
  }

  symlink(target: string, path: string): void {
    this.on(this.walk(path, false), (fs, rel) => fs.symlink(target, rel));
  }

  link(existing: string, path: string): void {
    const src = this.walk(existing, false);
    const dst = this.walk(path, false);
    const a = this.mountOf(src);
    // link(2), like rename(2), stays within one filesystem.
    if (a !== this.mountOf(dst)) throw new SysError("EXDEV", path);
    if (!a.fs.link) throw new SysError("EPERM", path);
    a.fs.link(relativeTo(a, src), relativeTo(a, dst));
  }

  readlink(path: string): string {
    return this.on(this.walk(path, false), (fs, rel) => fs.readlink(rel));
  }

  realpath(path: string): string {
    const resolved = this.walk(path, true);
    this.stat(resolved);
    return resolved;
  }

  chmod(path: string, mode: number): void {
    this.on(this.walk(path, true), (fs, rel) => fs.chmod(rel, mode));
  }

  chown(path: string, uid: number, gid: number): void {
    this.on(this.walk(path, true), (fs, rel) => fs.chown(rel, uid, gid));
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.on(this.walk(path, true), (fs, rel) => fs.utimes(rel, atimeMs, mtimeMs));
  }

  statfs(path: string): StatFs {
    return this.on(this.walk(path, true), (fs, rel) => fs.statfs(rel));
  }

  // --- path walk ---------------------------------------------------------

  /**
   * Resolves every symbolic link in `path` (and in its last component when `follow`),
   * returning a link-free absolute path. A missing last component is fine (it may be
   * about to be created); a missing or non-directory intermediate one is not.
   */
  private walk(path: string, follow: boolean): string {
    if (!path.startsWith("/")) throw new SysError("ENOENT", path);
    const pending = path.split("/").filter((p) => p !== "" && p !== ".");
    let resolved = "/";
    let links = 0;
    while (pending.length > 0) {
      const name = pending.shift() as string;
      if (name === "..") {
        resolved = parentOf(resolved);
        continue;
      }
      const candidate = resolved === "/" ? `/${name}` : `${resolved}/${name}`;
      const last = pending.length === 0;
      if (last && !follow) return candidate;
      let stats: Stats;
      try {
        stats = this.on(candidate, (fs, rel) => fs.lstat(rel));
      } catch (err) {
        if (last && err instanceof SysError && err.code === "ENOENT") return candidate;
        throw err instanceof SysError ? new SysError(err.code, path) : err;
      }
      if (stats.type === "symlink") {
        if (++links > MAX_SYMLINKS) throw new SysError("ELOOP", path);
        const target = this.on(candidate, (fs, rel) => fs.readlink(rel));
        pending.unshift(...target.split("/").filter((p) => p !== "" && p !== "."));
        if (target.startsWith("/")) resolved = "/";
        continue;
      }
      if (!last && stats.type !== "dir") throw new SysError("ENOTDIR", path);
      resolved = candidate;
    }
    return resolved;
  }

  /** The mount whose target is the longest prefix of `path` (the last mounted wins a tie). */
  private mountOf(path: string): MountEntry {
    let best = this.entries[0];
    for (const entry of this.entries) {
      const covers = entry.target === "/" || path === entry.target || path.startsWith(`${entry.target}/`);
      if (covers && entry.target.length >= best.target.length) best = entry;
    }
    return best;
  }

  private on<T>(path: string, op: (fs: FileSystem, rel: string) => T): T {
    const entry = this.mountOf(path);
    try {
      return op(entry.fs, relativeTo(entry, path));
    } catch (err) {
      // Errors name the path the caller used, not the one inside the mounted filesystem.
      if (err instanceof SysError && err.path !== undefined && err.path !== path) throw new SysError(err.code, path);
      throw err;
    }
  }

  private refuseMountPoint(path: string, original: string): void {
    if (this.entries.some((e) => e.target === path)) throw new SysError("EBUSY", original);
  }
}

function relativeTo(entry: MountEntry, path: string): string {
  if (entry.target === "/") return path;
  return path.slice(entry.target.length) || "/";
}

function parentOf(path: string): string {
  const idx = path.lastIndexOf("/");
  return idx <= 0 ? "/" : path.slice(0, idx);
}
