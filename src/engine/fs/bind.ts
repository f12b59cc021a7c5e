import { SysError } from "../kernel/errno";
import type { FileSystem, StatFs, Stats, WriteOptions } from "./filesystem";

/**
 * A bind mount: a file or directory of another tree seen at a second place (mount --bind),
 * as Docker mounts volumes, host paths and the container's /etc/hostname, /etc/hosts and
 * /etc/resolv.conf. Paths arrive relative to the mount point ("/" is the source itself).
 */
export class BindFileSystem implements FileSystem {
  constructor(
    private readonly source: FileSystem,
    private readonly base: string,
    private readonly readOnly = false,
  ) {}

  private at(path: string): string {
    return path === "/" ? this.base : `${this.base === "/" ? "" : this.base}${path}`;
  }

  private writable(path: string): string {
    if (this.readOnly) throw new SysError("EROFS", path);
    return this.at(path);
  }

  stat(path: string): Stats {
    return this.source.stat(this.at(path));
  }
  lstat(path: string): Stats {
    return this.source.lstat(this.at(path));
  }
  exists(path: string): boolean {
    return this.source.exists(this.at(path));
  }
  readFile(path: string): Uint8Array {
    return this.source.readFile(this.at(path));
  }
  readText(path: string): string {
    return this.source.readText(this.at(path));
  }
  writeFile(path: string, data: string | Uint8Array, options?: WriteOptions): void {
    this.source.writeFile(this.writable(path), data, options);
  }
  readdir(path: string): string[] {
    return this.source.readdir(this.at(path));
  }
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void {
    this.source.mkdir(this.writable(path), options);
  }
  rmdir(path: string): void {
    this.source.rmdir(this.writable(path));
  }
  unlink(path: string): void {
    this.source.unlink(this.writable(path));
  }
  rename(from: string, to: string): void {
    this.source.rename(this.writable(from), this.writable(to));
  }
  symlink(target: string, path: string): void {
    this.source.symlink(target, this.writable(path));
  }
  readlink(path: string): string {
    return this.source.readlink(this.at(path));
  }
  realpath(path: string): string {
    return this.source.realpath(this.at(path));
  }
  chmod(path: string, mode: number): void {
    this.source.chmod(this.writable(path), mode);
  }
  chown(path: string, uid: number, gid: number): void {
    this.source.chown(this.writable(path), uid, gid);
  }
  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.source.utimes(this.writable(path), atimeMs, mtimeMs);
  }
  statfs(path: string): StatFs {
    return this.source.statfs(this.at(path));
  }
}
