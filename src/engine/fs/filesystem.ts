/**
 * The filesystem contract every tree in Stevedore implements: a host's root (memfs),
 * /proc, /dev, and later the overlay of a container. Paths are absolute and normalised;
 * the caller (the process, through its cwd) resolves relative ones. Operations are
 * synchronous, like the syscalls they mirror, and throw SysError with an errno code.
 */
export type FileType = "file" | "dir" | "symlink" | "chardev" | "blockdev" | "fifo" | "socket";

export interface Stats {
  type: FileType;
  /** Permission bits, e.g. 0o755. */
  mode: number;
  size: number;
  uid: number;
  gid: number;
  nlink: number;
  ino: number;
  mtimeMs: number;
  atimeMs: number;
  ctimeMs: number;
  /** Device number of a character or block device (st_rdev): ls -l prints `1, 3` for /dev/null. */
  rdev?: { major: number; minor: number };
}

export interface WriteOptions {
  /** Permission bits for a new file; default 0o644. */
  mode?: number;
  append?: boolean;
}

export interface StatFs {
  /** Filesystem type as df -T prints it (overlay, tmpfs, ext4). */
  type: string;
  /** Device or source name, first column of df. */
  source: string;
  blockSize: number;
  blocks: number;
  blocksFree: number;
  files: number;
  filesFree: number;
}

export interface FileSystem {
  stat(path: string): Stats;
  lstat(path: string): Stats;
  exists(path: string): boolean;
  readFile(path: string): Uint8Array;
  readText(path: string): string;
  writeFile(path: string, data: string | Uint8Array, options?: WriteOptions): void;
  readdir(path: string): string[];
  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, path: string): void;
  /** link(2): a hard link; optional, a tree without it refuses with EPERM as some filesystems do. */
  link?(existing: string, path: string): void;
  /**
   * bind(2) of a Unix domain socket: the S_IFSOCK inode naming it (`srw-rw----`, `test -S`).
   * Optional: a tree without it cannot hold sockets. EEXIST when the path is taken.
   */
  mksocket?(path: string, mode: number): void;
  readlink(path: string): string;
  realpath(path: string): string;
  chmod(path: string, mode: number): void;
  chown(path: string, uid: number, gid: number): void;
  utimes(path: string, atimeMs: number, mtimeMs: number): void;
  statfs(path: string): StatFs;
}

const S_IFMT = 0o170000;
const typeBits: Record<number, FileType> = {
  0o100000: "file",
  0o040000: "dir",
  0o120000: "symlink",
  0o020000: "chardev",
  0o060000: "blockdev",
  0o010000: "fifo",
  0o140000: "socket",
};

export function fileTypeFromMode(mode: number): FileType {
  return typeBits[mode & S_IFMT] ?? "file";
}

/** `drwxr-xr-x` as ls -l prints a mode. */
export function modeString(stats: Pick<Stats, "type" | "mode">): string {
  const typeChar: Record<FileType, string> = {
    file: "-",
    dir: "d",
    symlink: "l",
    chardev: "c",
    blockdev: "b",
    fifo: "p",
    socket: "s",
  };
  const m = stats.mode;
  const rwx = (bits: number, special: boolean, specialChar: string) =>
    (bits & 4 ? "r" : "-") +
    (bits & 2 ? "w" : "-") +
    (special ? (bits & 1 ? specialChar : specialChar.toUpperCase()) : bits & 1 ? "x" : "-");
  return (
    typeChar[stats.type] +
    rwx((m >> 6) & 7, (m & 0o4000) !== 0, "s") +
    rwx((m >> 3) & 7, (m & 0o2000) !== 0, "s") +
    rwx(m & 7, (m & 0o1000) !== 0, "t")
  );
}
