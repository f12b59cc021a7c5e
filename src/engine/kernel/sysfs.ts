import type { FileSystem, StatFs, Stats } from "../fs/filesystem";
import { SysError } from "./errno";
import type { NetNamespace } from "./namespace";

/**
 * /sys as a network namespace shows it: /sys/class/net lists the namespace's interfaces
 * (`ls /sys/class/net` prints `lo` alone in a `--network none` container), each with its
 * address, mtu and operstate. Read-only, as Docker mounts sysfs in containers.
 */
export class SysFs implements FileSystem {
  constructor(
    private readonly net: () => NetNamespace,
    private readonly bootTime: number,
  ) {}

  private node(path: string): { dir: string[] } | { text: string } {
    const parts = path.split("/").filter(Boolean);
    const names = this.net()
      .interfaces.map((i) => i.name)
      .sort();
    if (parts.length === 0) return { dir: ["block", "bus", "class", "dev", "devices", "firmware", "fs", "kernel", "module", "power"] };
    // /sys/fs/cgroup: the empty directory the cgroup2 filesystem is mounted on.
    if (parts[0] === "fs" && parts.length <= 2) {
      if (parts.length === 1) return { dir: ["cgroup"] };
      if (parts[1] === "cgroup") return { dir: [] };
    }
    if (parts[0] !== "class") {
      if (parts.length === 1 && ["block", "bus", "dev", "devices", "firmware", "fs", "kernel", "module", "power"].includes(parts[0]))
        return { dir: [] };
      throw new SysError("ENOENT", path);
    }
    if (parts.length === 1) return { dir: ["net"] };
    if (parts[1] !== "net") throw new SysError("ENOENT", path);
    if (parts.length === 2) return { dir: names };
    const iface = this.net().interfaces.find((i) => i.name === parts[2]);
    if (!iface) throw new SysError("ENOENT", path);
    if (parts.length === 3) return { dir: ["address", "mtu", "operstate"] };
    const files: Record<string, string> = {
      address: `${iface.mac}\n`,
      mtu: iface.name === "lo" ? "65536\n" : "1500\n",
      operstate: iface.name === "lo" ? "unknown\n" : "up\n",
    };
    if (parts.length === 4 && parts[3] in files) return { text: files[parts[3]] };
    throw new SysError("ENOENT", path);
  }

  stat(path: string): Stats {
    const node = this.node(path);
    const base = { uid: 0, gid: 0, ino: 1, mtimeMs: this.bootTime, atimeMs: this.bootTime, ctimeMs: this.bootTime };
    if ("dir" in node) return { ...base, type: "dir", mode: 0o755, size: 0, nlink: 2 };
    return { ...base, type: "file", mode: 0o444, size: 4096, nlink: 1 };
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
    return node.text;
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
  statfs(): StatFs {
    return { type: "sysfs", source: "sysfs", blockSize: 4096, blocks: 0, blocksFree: 0, files: 0, filesFree: 0 };
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
