import { Volume } from "memfs";
import { type Errno, SysError, strerror } from "../kernel/errno";
import { type FileSystem, fileTypeFromMode, type StatFs, type Stats, type WriteOptions } from "./filesystem";

/** ext4 reports 4096 for a directory's size; memfs reports 0. */
const DIR_SIZE = 4096;

/** The umask every host starts with, applied to new files and directories. */
const UMASK = 0o022;

/** The file-type bits of a socket inode (inode(7)). */
const S_IFSOCK = 0o140000;

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
  /**
   * Access times by inode. memfs stamps atime with the wall clock on every lookup, so the
   * tree keeps its own, on the virtual clock, updated the relatime way.
   */
  private readonly atimes = new Map<number, number>();

  constructor(
    private readonly now: () => number,
    private readonly df: Omit<StatFs, "blocksFree" | "filesFree"> = {
      type: "ext4",
      source: "/dev/vda1",
      blockSize: 4096,
      blocks: 16_226_715,
      files: 4_128_768,
    },
  ) {
    grantRootAccess(this.volume);
    // A new volume's root carries memfs's wall-clock time and mode 0777; ext4's is 0755.
    this.volume.chmodSync("/", 0o755);
    this.touch("/");
  }

  stat(path: string): Stats {
    return this.call(path, () => this.withLinks(path, this.withAtime(toStats(this.volume.statSync(path) as MemStats))));
  }

  lstat(path: string): Stats {
    return this.call(path, () => {
      const stats = this.withAtime(toStats(this.volume.lstatSync(path) as MemStats));
      if (stats.type !== "symlink") return this.withLinks(path, stats);
      // Linux shows every symlink as lrwxrwxrwx, sized by its target's length (symlink(7)).
      const target = this.volume.readlinkSync(path, { encoding: "buffer" }) as Uint8Array;
      return { ...stats, mode: 0o777, size: target.length };
    });
  }

  exists(path: string): boolean {
    return this.volume.existsSync(path);
  }

  readFile(path: string): Uint8Array {
    return this.call(path, () => this.accessed(path, this.volume.readFileSync(path) as Uint8Array));
  }

  readText(path: string): string {
    return this.call(path, () => this.accessed(path, this.volume.readFileSync(path, "utf8") as string));
  }

  writeFile(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
    this.call(path, () => {
      // An explicit mode already went through the creating process's umask, as open(2)'s does.
      const mode = options.mode ?? 0o666 & ~UMASK;
      const created = !this.volume.existsSync(path);
      if (options.append) this.volume.appendFileSync(path, data, { mode });
      else this.volume.writeFileSync(path, data, { mode });
      this.touch(path);
      if (created) this.touchParent(path);
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
      const mode = options.mode ?? 0o777 & ~UMASK;
      // memfs stamps the directories it creates, and their parent, with the wall clock.
      let top = path;
      while (options.recursive && !this.volume.existsSync(parentOf(top))) top = parentOf(top);
      this.volume.mkdirSync(path, { recursive: options.recursive, mode });
      for (let dir = path; ; dir = parentOf(dir)) {
        this.touch(dir);
        if (dir === top) break;
      }
      this.touchParent(top);
    });
  }

  rmdir(path: string): void {
    this.call(path, () => {
      this.volume.rmdirSync(path);
      this.touchParent(path);
    });
  }

  unlink(path: string): void {
    this.call(path, () => {
      this.volume.unlinkSync(path);
      this.touchParent(path);
    });
  }

  rename(from: string, to: string): void {
    this.call(from, () => {
      if (this.volume.lstatSync(from).isSymbolicLink()) this.renameSymlink(from, to);
      else this.volume.renameSync(from, to);
      this.touchParent(from);
      this.touchParent(to);
    });
  }

  symlink(target: string, path: string): void {
    this.call(path, () => {
      this.volume.symlinkSync(target, path);
      const t = this.now() / 1000;
      this.volume.lutimesSync(path, t, t);
      this.touchParent(path);
    });
  }

  link(existing: string, path: string): void {
    this.call(path, () => {
      this.volume.linkSync(existing, path);
      this.touchParent(path);
    });
  }

  mksocket(path: string, mode: number): void {
    this.call(path, () => {
      if (this.volume.existsSync(path) || this.isSymlink(path)) throw new SysError("EADDRINUSE", path);
      // memfs keeps the S_IFMT bits a new inode is created with: an empty S_IFSOCK node.
      this.volume.writeFileSync(path, "", { mode: S_IFSOCK | (mode & 0o7777 & ~UMASK) });
      this.touch(path);
      this.touchParent(path);
    });
  }

  readlink(path: string): string {
    return this.call(path, () => this.volume.readlinkSync(path) as string);
  }

  realpath(path: string): string {
    return this.call(path, () => this.volume.realpathSync(path) as string);
  }

  chmod(path: string, mode: number): void {
    this.call(path, () => this.keepTimes(path, () => this.volume.chmodSync(path, mode)));
  }

  chown(path: string, uid: number, gid: number): void {
    this.call(path, () => this.keepTimes(path, () => this.volume.chownSync(path, uid, gid)));
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.call(path, () => {
      this.volume.utimesSync(path, atimeMs / 1000, mtimeMs / 1000);
      this.atimes.set(Number(this.volume.statSync(path).ino), atimeMs);
    });
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
    this.atimes.set(Number(this.volume.statSync(path).ino), this.now());
  }

  private withAtime(stats: Stats): Stats {
    return { ...stats, atimeMs: this.atimes.get(stats.ino) ?? stats.mtimeMs };
  }

  /** relatime: a read moves atime to now when it was not later than mtime (mount(8)). */
  private accessed<T>(path: string, result: T): T {
    const s = this.volume.statSync(path) as MemStats;
    const ino = Number(s.ino);
    const mtime = Number(s.mtimeMs);
    if ((this.atimes.get(ino) ?? mtime) <= mtime) this.atimes.set(ino, this.now());
    return result;
  }

  /** chmod(2) and chown(2) change only ctime; memfs would restamp mtime with the wall clock. */
  private keepTimes(path: string, op: () => void): void {
    const before = this.volume.statSync(path);
    op();
    this.volume.utimesSync(path, Number(before.atimeMs) / 1000, Number(before.mtimeMs) / 1000);
  }

  /** A directory's link count is 2 plus one `..` per subdirectory, as on ext4. */
  private withLinks(path: string, stats: Stats): Stats {
    if (stats.type !== "dir") return stats;
    let subdirs = 0;
    for (const name of this.volume.readdirSync(path) as string[]) {
      const child = path.endsWith("/") ? `${path}${name}` : `${path}/${name}`;
      if (this.volume.lstatSync(child).isDirectory()) subdirs++;
    }
    return { ...stats, nlink: 2 + subdirs };
  }

  /** Adding or removing an entry changes its directory's mtime (memfs would use the wall clock). */
  private touchParent(path: string): void {
    const t = this.now() / 1000;
    this.volume.utimesSync(parentOf(path), t, t);
  }

  /**
   * memfs's renameSync follows a symlink and moves its target; rename(2) moves the link.
   * The link is recreated at `to`, keeping its times.
   */
  private renameSymlink(from: string, to: string): void {
    const target = this.volume.readlinkSync(from) as string;
    const times = this.volume.lstatSync(from);
    if (this.volume.existsSync(to) || this.isSymlink(to)) {
      if (!this.isSymlink(to) && this.volume.statSync(to).isDirectory()) throw new SysError("EISDIR", to);
      this.volume.unlinkSync(to);
    }
    this.volume.symlinkSync(target, to);
    this.volume.lutimesSync(to, Number(times.atimeMs) / 1000, Number(times.mtimeMs) / 1000);
    const atime = this.atimes.get(Number(times.ino));
    if (atime !== undefined) this.atimes.set(Number(this.volume.lstatSync(to).ino), atime);
    this.volume.unlinkSync(from);
  }

  private isSymlink(path: string): boolean {
    try {
      return this.volume.lstatSync(path).isSymbolicLink();
    } catch {
      return false;
    }
  }

  private call<T>(path: string, op: () => T): T {
    try {
      return op();
    } catch (err) {
      throw toSysError(err, path);
    }
  }
}

/** The permission checks of a memfs inode. */
interface MemNode {
  canRead(): boolean;
  canWrite(): boolean;
  canExecute(): boolean;
}

const ALWAYS = { canRead: () => true, canWrite: () => true, canExecute: () => true };

/**
 * memfs checks every lookup and write against the Node.js process's own uid (or 0 in a
 * browser) with no root override, so a directory chowned to a service user (redis's
 * /data, 0755 redis) would refuse every writer, root included. Callers of a FileSystem
 * carry no credentials; the tree answers as Linux answers root (CAP_DAC_OVERRIDE,
 * capabilities(7)), and exec(2)'s "some x bit" rule stays with the kernel (exec.ts).
 */
function grantRootAccess(volume: Volume): void {
  const core = (volume as unknown as { _core: { root: { getNode(): MemNode }; createNode(mode: number): MemNode } })._core;
  const createNode = core.createNode.bind(core);
  core.createNode = (mode) => Object.assign(createNode(mode), ALWAYS);
  Object.assign(core.root.getNode(), ALWAYS);
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

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}
