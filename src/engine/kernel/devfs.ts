import type { FileSystem, StatFs, Stats, WriteOptions } from "../fs/filesystem";
import { MemFileSystem } from "../fs/memfs";
import { SysError } from "./errno";
import { type OpenFile, RefCounted } from "./fd";
import type { Devpts, Kernel } from "./kernel";
import type { Random } from "./random";
import type { Tty } from "./tty";

/** A character device node: its number and permissions (devices.txt, Documentation/admin-guide). */
interface DeviceNode {
  major: number;
  minor: number;
  mode: number;
  gid?: number;
}

/** The gid of group tty in /etc/group: terminals belong to it. */
const TTY_GID = 5;

/** Unix98 pseudo-terminal slaves are major 136 (devices.txt). */
const PTY_SLAVE_MAJOR = 136;

/** The device nodes and links Docker creates in a container's /dev (and a Play-With-Docker host has). */
const DEVICES: Record<string, DeviceNode> = {
  full: { major: 1, minor: 7, mode: 0o666 },
  null: { major: 1, minor: 3, mode: 0o666 },
  random: { major: 1, minor: 8, mode: 0o666 },
  tty: { major: 5, minor: 0, mode: 0o666 },
  urandom: { major: 1, minor: 9, mode: 0o666 },
  zero: { major: 1, minor: 5, mode: 0o666 },
};

const LINKS: Record<string, string> = {
  core: "/proc/kcore",
  fd: "/proc/self/fd",
  ptmx: "pts/ptmx",
  stderr: "/proc/self/fd/2",
  stdin: "/proc/self/fd/0",
  stdout: "/proc/self/fd/1",
};

/** Docker mounts /dev as a 64 MiB tmpfs; /dev/shm is another. */
const TMPFS_64M = { blockSize: 4096, blocks: 16_384, files: 505_907 };

/**
 * A 64 MiB tmpfs held in memory: unlike a disk, it starts empty, so df counts only
 * the bytes of the files written to it.
 */
class TmpFs extends MemFileSystem {
  constructor(
    now: () => number,
    private readonly source: string,
  ) {
    super(now, { type: "tmpfs", source, ...TMPFS_64M });
  }

  override statfs(): StatFs {
    const contents = Object.values(this.volume.toJSON());
    const bytes = contents.reduce((sum: number, c) => sum + (c?.length ?? 0), 0);
    const used = Math.ceil(bytes / TMPFS_64M.blockSize);
    return {
      type: "tmpfs",
      source: this.source,
      ...TMPFS_64M,
      blocksFree: TMPFS_64M.blocks - used,
      filesFree: TMPFS_64M.files - contents.length,
    };
  }
}

/** What read(2) hands out per call from an endless device. */
const CHUNK = 4096;

/**
 * /dev as Docker sets it up: a tmpfs holding the usual device nodes and links, with the
 * mount points for devpts (/dev/pts) and shm (/dev/shm). Files can be created in it like
 * in any tmpfs. Opening a device for I/O is the kernel's job (Process.openDevice); this
 * tree gives them their `crw-rw-rw- 1 root root 1, 3` look and handles whole-file
 * reads and writes made through the filesystem API.
 */
export class DevFs implements FileSystem {
  private readonly tree: MemFileSystem;
  private readonly devices = new Map<string, DeviceNode>(Object.entries(DEVICES).map(([name, node]) => [`/${name}`, node]));
  private readonly created: number;

  constructor(private readonly kernel: Kernel) {
    const now = () => kernel.clock.now();
    this.created = now();
    this.tree = new TmpFs(now, "tmpfs");
    this.tree.chmod("/", 0o755);
    for (const [dir, mode] of [
      ["/mqueue", 0o1777],
      ["/pts", 0o755],
      ["/shm", 0o1777],
    ] as const) {
      this.tree.mkdir(dir);
      this.tree.chmod(dir, mode);
    }
    for (const [name, target] of Object.entries(LINKS)) this.tree.symlink(target, `/${name}`);
  }

  stat(path: string): Stats {
    return this.deviceStats(path) ?? this.tree.stat(path);
  }

  lstat(path: string): Stats {
    return this.deviceStats(path) ?? this.tree.lstat(path);
  }

  exists(path: string): boolean {
    return this.devices.has(path) || this.tree.exists(path);
  }

  readFile(path: string): Uint8Array {
    if (!this.devices.has(path)) return this.tree.readFile(path);
    this.readText(path);
    return new Uint8Array(0);
  }

  readText(path: string): string {
    const node = this.devices.get(path);
    if (!node) return this.tree.readText(path);
    if (path === "/null") return "";
    // An endless device cannot be read whole; a program reading it into memory runs out.
    if (path === "/tty") throw new SysError("EAGAIN", path);
    throw new SysError("ENOMEM", path);
  }

  writeFile(path: string, data: string | Uint8Array, options?: WriteOptions): void {
    if (!this.devices.has(path)) {
      this.tree.writeFile(path, data, options);
      return;
    }
    if (path === "/full") throw new SysError("ENOSPC", path);
    if (path === "/tty") {
      const tty = this.kernel.current()?.ctty;
      if (!tty) throw new SysError("ENODEV", path);
      tty.write(asText(data));
    }
  }

  readdir(path: string): string[] {
    const names = this.tree.readdir(path);
    if (path === "/") names.push(...[...this.devices.keys()].map((p) => p.slice(1)));
    return names.sort();
  }

  mkdir(path: string, options?: { recursive?: boolean; mode?: number }): void {
    if (this.devices.has(path)) throw new SysError("EEXIST", path);
    this.tree.mkdir(path, options);
  }

  rmdir(path: string): void {
    if (this.devices.has(path)) throw new SysError("ENOTDIR", path);
    this.tree.rmdir(path);
  }

  unlink(path: string): void {
    // root may remove device nodes (rm /dev/null works, and breaks things, as on Linux).
    if (this.devices.delete(path)) return;
    this.tree.unlink(path);
  }

  rename(from: string, to: string): void {
    const node = this.devices.get(from);
    if (!node) {
      this.tree.rename(from, to);
      return;
    }
    this.devices.delete(from);
    this.devices.set(to, node);
  }

  symlink(target: string, path: string): void {
    if (this.devices.has(path)) throw new SysError("EEXIST", path);
    this.tree.symlink(target, path);
  }

  readlink(path: string): string {
    if (this.devices.has(path)) throw new SysError("EINVAL", path);
    return this.tree.readlink(path);
  }

  realpath(path: string): string {
    return this.devices.has(path) ? path : this.tree.realpath(path);
  }

  chmod(path: string, mode: number): void {
    const node = this.devices.get(path);
    if (node) node.mode = mode & 0o7777;
    else this.tree.chmod(path, mode);
  }

  chown(path: string, uid: number, gid: number): void {
    const node = this.devices.get(path);
    if (node) node.gid = gid;
    else this.tree.chown(path, uid, gid);
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    if (!this.devices.has(path)) this.tree.utimes(path, atimeMs, mtimeMs);
  }

  statfs(path: string): StatFs {
    return this.tree.statfs(path);
  }

  private deviceStats(path: string): Stats | null {
    const node = this.devices.get(path);
    if (!node) return null;
    return deviceStats(node, this.created, 0);
  }
}

/**
 * devpts, mounted on /dev/pts: one character device per open pseudo-terminal slave,
 * plus ptmx, the multiplexer that opens new ones.
 */
export class DevPtsFs implements FileSystem {
  private readonly seen = new Map<Tty, number>();

  constructor(
    private readonly kernel: Kernel,
    private readonly devpts: Devpts = kernel.devpts,
  ) {}

  stat(path: string): Stats {
    return this.lstat(path);
  }

  lstat(path: string): Stats {
    const now = this.kernel.clock.now();
    if (path === "/") {
      const t = this.kernel.bootTime;
      return { type: "dir", mode: 0o755, size: 0, uid: 0, gid: 0, nlink: 2, ino: 1, mtimeMs: t, atimeMs: t, ctimeMs: t };
    }
    if (path === "/ptmx") return deviceStats({ major: 5, minor: 2, mode: 0o666 }, this.kernel.bootTime, 2);
    const tty = this.slave(path);
    // A slave is stamped when it is first looked at, close to the login that opened it.
    if (!this.seen.has(tty)) this.seen.set(tty, now);
    const index = Number(tty.name.slice(4));
    return deviceStats({ major: PTY_SLAVE_MAJOR, minor: index, mode: 0o620, gid: TTY_GID }, this.seen.get(tty) ?? now, index + 3);
  }

  exists(path: string): boolean {
    try {
      this.lstat(path);
      return true;
    } catch {
      return false;
    }
  }

  readFile(path: string): Uint8Array {
    this.readText(path);
    return new Uint8Array(0);
  }

  readText(path: string): string {
    this.lstat(path);
    if (path === "/") throw new SysError("EISDIR", path);
    // A terminal only has what has been typed so far, which a whole-file read cannot wait for.
    throw new SysError("EAGAIN", path);
  }

  writeFile(path: string, data: string | Uint8Array): void {
    if (path === "/") throw new SysError("EISDIR", path);
    if (path === "/ptmx") throw new SysError("EIO", path);
    this.slave(path).write(asText(data));
  }

  readdir(path: string): string[] {
    if (path !== "/") {
      this.lstat(path);
      throw new SysError("ENOTDIR", path);
    }
    return [...this.kernel.ptys(this.devpts).map((t) => t.name.slice(4)), "ptmx"];
  }

  mkdir(path: string): void {
    throw new SysError(this.exists(path) ? "EEXIST" : "EACCES", path);
  }

  rmdir(path: string): void {
    throw new SysError(path === "/" ? "EBUSY" : "ENOTDIR", path);
  }

  unlink(path: string): void {
    this.lstat(path);
    throw new SysError("EPERM", path);
  }

  rename(from: string): void {
    throw new SysError("EPERM", from);
  }

  symlink(_target: string, path: string): void {
    throw new SysError(this.exists(path) ? "EEXIST" : "EACCES", path);
  }

  readlink(path: string): string {
    this.lstat(path);
    throw new SysError("EINVAL", path);
  }

  realpath(path: string): string {
    this.lstat(path);
    return path;
  }

  chmod(path: string): void {
    this.lstat(path);
  }

  chown(path: string): void {
    this.lstat(path);
  }

  utimes(path: string): void {
    this.lstat(path);
  }

  statfs(): StatFs {
    return { type: "devpts", source: "devpts", blockSize: 4096, blocks: 0, blocksFree: 0, files: 0, filesFree: 0 };
  }

  private slave(path: string): Tty {
    const tty = /^\/\d+$/.test(path) ? this.kernel.pty(`pts${path}`, this.devpts) : undefined;
    if (!tty) throw new SysError("ENOENT", path);
    return tty;
  }
}

/** A tmpfs for /dev/shm, where POSIX shared memory lives. */
export function shmFs(kernel: Kernel): MemFileSystem {
  const fs = new TmpFs(() => kernel.clock.now(), "shm");
  fs.chmod("/", 0o1777);
  return fs;
}

/** Terminals carry text; raw bytes written to one are shown one character per byte. */
function asText(data: string | Uint8Array): string {
  return typeof data === "string" ? data : String.fromCharCode(...data);
}

function deviceStats(node: DeviceNode, time: number, ino: number): Stats {
  return {
    type: "chardev",
    mode: node.mode,
    size: 0,
    uid: 0,
    gid: node.gid ?? 0,
    nlink: 1,
    ino,
    mtimeMs: time,
    atimeMs: time,
    ctimeMs: time,
    rdev: { major: node.major, minor: node.minor },
  };
}

// --- open device files -------------------------------------------------------

/** Character devices opened for I/O are not files: reads are made up, writes go nowhere. */
abstract class CharDevice extends RefCounted implements OpenFile {
  readonly kind = "null";
  readonly readable = true;
  readonly writable = true;

  constructor(readonly path: string) {
    super();
  }

  abstract read(): Promise<string | null>;

  async write(): Promise<void> {}

  protected closed(): void {}
}

/** /dev/zero: endless NUL bytes. */
export class ZeroDevice extends CharDevice {
  async read(): Promise<string | null> {
    return "\0".repeat(CHUNK);
  }
}

/** /dev/full: reads like /dev/zero, every write fails with ENOSPC. */
export class FullDevice extends ZeroDevice {
  override async write(): Promise<void> {
    throw new SysError("ENOSPC", this.path);
  }
}

/**
 * /dev/random and /dev/urandom, from the playground's seeded generator so runs replay.
 * Streams carry text and byte counts are UTF-8 lengths, so the bytes stay below 0x80:
 * `head -c 16 /dev/urandom | wc -c` says 16, and `tr -dc a-z0-9 </dev/urandom` still works.
 */
export class RandomDevice extends CharDevice {
  constructor(
    path: string,
    private readonly random: Random,
  ) {
    super(path);
  }

  async read(): Promise<string | null> {
    let out = "";
    for (let i = 0; i < CHUNK; i++) out += String.fromCharCode(this.random.int(128));
    return out;
  }
}
