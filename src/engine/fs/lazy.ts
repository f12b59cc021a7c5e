import type { FileSystem, StatFs, Stats, WriteOptions } from "./filesystem";

/**
 * A filesystem made on first use. Every container mounts its own /dev/shm, which most
 * never touch; building its tree only when a process looks keeps an idle container light.
 */
export class LazyFileSystem implements FileSystem {
  private made: FileSystem | null = null;

  constructor(private readonly make: () => FileSystem) {}

  private get fs(): FileSystem {
    this.made ??= this.make();
    return this.made;
  }

  stat(path: string): Stats {
    return this.fs.stat(path);
  }
  lstat(path: string): Stats {
    return this.fs.lstat(path);
  }
  exists(path: string): boolean {
    return this.fs.exists(path);
  }
  readFile(path: string): Uint8Array {
    return this.fs.readFile(path);
  }
  readText(path: string): string {
    return this.fs.readText(path);
  }
  writeFile(path: string, data: string | Uint8Array, options?: WriteOptions): void {
    this.fs.writeFile(path, data, options);
  }
  readdir(path: string): string[] {
    return this.fs.readdir(path);
  }
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void {
    this.fs.mkdir(path, options);
  }
  rmdir(path: string): void {
    this.fs.rmdir(path);
  }
  unlink(path: string): void {
    this.fs.unlink(path);
  }
  rename(from: string, to: string): void {
    this.fs.rename(from, to);
  }
  symlink(target: string, path: string): void {
    this.fs.symlink(target, path);
  }
  link(existing: string, path: string): void {
    this.fs.link?.(existing, path);
  }
  readlink(path: string): string {
    return this.fs.readlink(path);
  }
  realpath(path: string): string {
    return this.fs.realpath(path);
  }
  chmod(path: string, mode: number): void {
    this.fs.chmod(path, mode);
  }
  chown(path: string, uid: number, gid: number): void {
    this.fs.chown(path, uid, gid);
  }
  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.fs.utimes(path, atimeMs, mtimeMs);
  }
  statfs(path: string): StatFs {
    return this.fs.statfs(path);
  }
}
