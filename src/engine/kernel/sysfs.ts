import type { StatFs } from "../fs/filesystem";
import { SysError } from "./errno";
import { KernFs, type KernfsNode } from "./kernfs";
import type { NetNamespace } from "./namespace";

/**
 * /sys as a network namespace shows it: /sys/class/net lists the namespace's interfaces
 * (`ls /sys/class/net` prints `lo` alone in a `--network none` container), each with its
 * address, mtu and operstate. Read-only, as Docker mounts sysfs in containers.
 */
export class SysFs extends KernFs {
  constructor(
    private readonly net: () => NetNamespace,
    bootTime: number,
  ) {
    super(bootTime);
  }

  protected node(path: string): KernfsNode {
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
    if (parts.length === 4 && parts[3] in files) return { text: () => files[parts[3]] };
    throw new SysError("ENOENT", path);
  }

  protected attributes(_path: string, node: KernfsNode): { mode: number; size: number } {
    return "dir" in node ? { mode: 0o755, size: 0 } : { mode: 0o444, size: 4096 };
  }

  statfs(): StatFs {
    return { type: "sysfs", source: "sysfs", blockSize: 4096, blocks: 0, blocksFree: 0, files: 0, filesFree: 0 };
  }
}
