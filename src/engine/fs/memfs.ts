import { Volume } from "memfs";
import { type Errno, SysError, strerror } from "../kernel/errno";
import { type FileSystem, fileTypeFromMode, type StatFs, type Stats, type WriteOptions } from "./filesystem";

/** ext4 reports 4096 for a directory's size; memfs reports 0. */
const DIR_SIZE = 4096;

/** The umask every host starts with, applied to new files and directories. */
const UMASK = 0o022;

/** The fields of memfs's Stats that Stevedore reads. */
interface MemStats {
  mode: number | bigint;
  size: number | bigint;
  uid: number | bigint;
  gid: number | bigint;
  nlink: number | bigint;
  ino: number | bigint;
  mtimeMs: number | bigint;
  atimeMs: number | bigint;
}

/**
 * A tree held in memory by memfs. memfs stamps files with the wall clock, so every
 * write is re-stamped from the virtual clock to keep `ls -l` replayable.
 */
export class MemFileSystem implements FileSystem {
  readonly volume = new Volume();

  constructor(
    private readonly now: () => number,
    private readonly df: Omit<StatFs, "blocksFree" | "filesFree"> = {
      type: "ext4",
      source: "/dev/vda1",
      blockSize: 4096,
      blocks: 16_226_715,
      files: 4_128_768,
    },
  ) {}

  stat(path: string): Stats {
    return this.call(path, () => toStats(this.volume.statSync(path) as MemStats));
  }

  lstat(path: string): Stats {
    return this.call(path, () => toStats(this.volume.lstatSync(path) as MemStats));
  }

  exists(path: string): boolean {
    return this.volume.existsSync(path);
  }

  readFile(path: string): Uint8Array {
    return this.call(path, () => this.volume.readFileSync(path) as Uint8Array);
  }

  readText(path: string): string {
    return this.call(path, () => this.volume.readFileSync(path, "utf8") as string);
  }

  writeFile(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
    this.call(path, () => {
      const mode = (options.mode ?? 0o666) & ~UMASK;
      if (options.append) this.volume.appendFileSync(path, data, { mode });
      else this.volume.writeFileSync(path, data, { mode });
      this.touch(path);
    });
  }

  readdir(path: string): string[] {
    return this.call(path, () => this.volume.readdirSync(path) as string[]);
  }

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    this.call(path, () => {
      if (options.recursive && this.volume.existsSync(path)) {
        if (!this.volume.statSync(path).isDirectory()) throw new SysError("EEXIST", path);
        return;
      }
      const mode = (options.mode ?? 0o777) & ~UMASK;
      this.volume.mkdirSync(path, { recursive: options.recursive, mode });
      this.touch(path);
    });
  }

  rmdir(path: string): void {
    this.call(path, () => this.volume.rmdirSync(path));
  }

  unlink(path: string): void {
    this.call(path, () => this.volume.unlinkSync(path));
  }

  rename(from: string, to: string): void {
    this.call(from, () => this.volume.renameSync(from, to));
  }

  symlink(target: string, path: string): void {
    this.call(path, () => {
      this.volume.symlinkSync(target, path);
      const t = this.now() / 1000;
      this.volume.lutimesSync(path, t, t);
    });
  }

  readlink(path: string): string {
    return this.call(path, () => this.volume.readlinkSync(path) as string);
  }

  realpath(path: string): string {
    return this.call(path, () => this.volume.realpathSync(path) as string);
  }

  chmod(path: string, mode: number): void {
    this.call(path, () => this.volume.chmodSync(path, mode));
  }

  chown(path: string, uid: number, gid: number): void {
    this.call(path, () => this.volume.chownSync(path, uid, gid));
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.call(path, () => this.volume.utimesSync(path, atimeMs / 1000, mtimeMs / 1000));
  }

  statfs(_path: string): StatFs {
    const files = Object.keys(this.volume.toJSON()).length;
    let bytes = 0;
    for (const content of Object.values(this.volume.toJSON())) bytes += content?.length ?? 0;
    const used = Math.ceil(bytes / this.df.blockSize);
    // A fresh host already uses part of its disk (the base system lives outside this tree).
    const baseUsed = Math.floor(this.df.blocks * 0.23);
    return {
      ...this.df,
      blocksFree: this.df.blocks - baseUsed - used,
      filesFree: this.df.files - 180_000 - files,
    };
  }

  private touch(path: string): void {
    const t = this.now() / 1000;
    this.volume.utimesSync(path, t, t);
  }

  private call<T>(path: string, op: () => T): T {
    try {
      return op();
    } catch (err) {
      throw toSysError(err, path);
    }
  }
}

function toStats(s: MemStats): Stats {
  const type = fileTypeFromMode(Number(s.mode));
  return {
    type,
    mode: Number(s.mode) & 0o7777,
    size: type === "dir" ? DIR_SIZE : Number(s.size),
    uid: Number(s.uid),
    gid: Number(s.gid),
    nlink: type === "dir" ? 2 : Number(s.nlink),
    ino: Number(s.ino),
    mtimeMs: Number(s.mtimeMs),
    atimeMs: Number(s.atimeMs),
    ctimeMs: Number(s.mtimeMs),
  };
}

function toSysError(err: unknown, path: string): SysError {
  if (err instanceof SysError) return err;
  const code = (err as { code?: string }).code;
  if (code && code in strerror) return new SysError(code as Errno, path);
  return new SysError("EIO", path);
}
