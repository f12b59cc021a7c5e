import type { FileSystem, StatFs, Stats } from "../fs/filesystem";
import { SysError } from "./errno";

/** A directory's entries, or a file whose text is produced when it is read, as kernfs does. */
export type KernfsNode = { dir: string[] } | { text: () => string };

/**
 * The read-only trees the kernel synthesises on kernfs (Linux fs/kernfs), here sysfs and
 * cgroup2 as Docker mounts them in a container: every write fails with EROFS, there are no
 * links, and a file's content is computed on each read. A subclass says what a path is
 * (`node`) and how stat shows it (`attributes`).
 */
export abstract class KernFs implements FileSystem {
  constructor(protected readonly bootTime: number) {}

  /** The node at `path` (relative to the mount); throws ENOENT when there is none. */
  protected abstract node(path: string): KernfsNode;
  /** The mode and st_size stat reports for an existing node. */
  protected abstract attributes(path: string, node: KernfsNode): { mode: number; size: number };
  abstract statfs(): StatFs;

  stat(path: string): Stats {
    const node = this.node(path);
    const base = { uid: 0, gid: 0, ino: 1, mtimeMs: this.bootTime, atimeMs: this.bootTime, ctimeMs: this.bootTime };
    const { mode, size } = this.attributes(path, node);
    if ("dir" in node) return { ...base, type: "dir", mode, size, nlink: 2 };
    return { ...base, type: "file", mode, size, nlink: 1 };
  }
  lstat(path: string): Stats {
    return this.stat(path);
  }
  exists(path: string): boolean {
    try {
      this.node(path);
      return true;
    } catch {
      return false;
    }
  }
  readFile(path: string): Uint8Array {
    return Uint8Array.from(this.readText(path), (ch) => ch.charCodeAt(0));
  }
  readText(path: string): string {
    const node = this.node(path);
    if ("dir" in node) throw new SysError("EISDIR", path);
    return node.text();
  }
  readdir(path: string): string[] {
    const node = this.node(path);
    if (!("dir" in node)) throw new SysError("ENOTDIR", path);
    return node.dir;
  }
  readlink(path: string): string {
    throw new SysError("EINVAL", path);
  }
  realpath(path: string): string {
    this.node(path);
    return path;
  }
  writeFile(path: string): void {
    throw new SysError("EROFS", path);
  }
  mkdir(path: string): void {
    throw new SysError("EROFS", path);
  }
  rmdir(path: string): void {
    throw new SysError("EROFS", path);
  }
  unlink(path: string): void {
    throw new SysError("EROFS", path);
  }
  rename(from: string): void {
    throw new SysError("EROFS", from);
  }
  symlink(_target: string, path: string): void {
    throw new SysError("EROFS", path);
  }
  chmod(path: string): void {
    throw new SysError("EROFS", path);
  }
  chown(path: string): void {
    throw new SysError("EROFS", path);
  }
  utimes(path: string): void {
    throw new SysError("EROFS", path);
  }
}
