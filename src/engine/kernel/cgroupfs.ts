import type { StatFs } from "../fs/filesystem";
import { SysError } from "./errno";
import { KernFs, type KernfsNode } from "./kernfs";
import type { PidNamespace } from "./namespace";
import { TICK_US } from "./process";
import { CPUS } from "./procfs";

/**
 * The limits of one cgroup v2 group, as runc writes them from the OCI spec
 * (libcontainer/cgroups/fs2): null means no limit ("max").
 */
export interface CgroupLimits {
  /** memory.max, bytes. */
  memoryMax: number | null;
  /** memory.low, bytes (--memory-reservation). */
  memoryLow: number;
  /** cpu.max's quota (µs per period) and period. */
  cpuQuota: number | null;
  cpuPeriod: number;
  /** cpu.weight (1..10000, 100 by default). */
  cpuWeight: number;
  /** cpuset.cpus ("" for every CPU). */
  cpusetCpus: string;
  /** pids.max. */
  pidsMax: number | null;
  /** cgroup.freeze: the group is frozen (docker pause). */
  frozen: boolean;
}

/** The files the kernel only reports (mode 0444): counters and effective values. */
const REPORTS = new Set([
  "cgroup.controllers",
  "cgroup.events",
  "cgroup.stat",
  "cpu.stat",
  "cpuset.cpus.effective",
  "cpuset.mems.effective",
  "io.stat",
  "memory.current",
  "memory.events",
  "pids.current",
  "pids.events",
]);

/** The controllers a Docker host enables for its containers' groups (cgroup.controllers). */
const CONTROLLERS = "cpuset cpu io memory hugetlb pids rdma misc";

/**
 * A container's own cgroup, mounted at /sys/fs/cgroup in its private cgroup namespace
 * (cgroup2, read-only, as Docker mounts it on cgroup v2 hosts): the interface files of
 * the group, with its members' pids, memory and CPU use. The hosts keep no swap
 * accounting (docker info: SwapLimit false), so the memory.swap.* files are absent.
 */
export class CgroupFs extends KernFs {
  constructor(
    private readonly members: PidNamespace,
    private readonly limits: () => CgroupLimits,
    bootTime: number,
  ) {
    super(bootTime);
  }

  private files(): Map<string, () => string> {
    const tasks = () => this.members.tasks().filter((t) => t.alive);
    const pids = () =>
      tasks()
        .map((t) => `${this.members.pidOf(t)}\n`)
        .join("");
    const max = (value: number | null) => `${value === null ? "max" : value}\n`;
    const usage = () => tasks().reduce((sum, t) => sum + t.ticks * TICK_US, 0);
    const l = this.limits;
    return new Map<string, () => string>([
      ["cgroup.controllers", () => `${CONTROLLERS}\n`],
      ["cgroup.events", () => `populated ${tasks().length > 0 ? 1 : 0}\nfrozen ${l().frozen ? 1 : 0}\n`],
      ["cgroup.freeze", () => `${l().frozen ? 1 : 0}\n`],
      ["cgroup.max.depth", () => "max\n"],
      ["cgroup.max.descendants", () => "max\n"],
      ["cgroup.procs", pids],
      ["cgroup.stat", () => "nr_descendants 0\nnr_dying_descendants 0\n"],
      ["cgroup.subtree_control", () => "\n"],
      ["cgroup.threads", pids],
      ["cgroup.type", () => "domain\n"],
      ["cpu.idle", () => "0\n"],
      ["cpu.max", () => `${l().cpuQuota ?? "max"} ${l().cpuPeriod}\n`],
      ["cpu.max.burst", () => "0\n"],
      [
        "cpu.stat",
        () =>
          `usage_usec ${usage()}\nuser_usec ${usage()}\nsystem_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\nnr_bursts 0\nburst_usec 0\n`,
      ],
      ["cpu.weight", () => `${l().cpuWeight}\n`],
      ["cpuset.cpus", () => `${l().cpusetCpus}\n`],
      ["cpuset.cpus.effective", () => `${l().cpusetCpus || `0-${CPUS - 1}`}\n`],
      ["cpuset.mems", () => "\n"],
      ["cpuset.mems.effective", () => "0\n"],
      ["io.max", () => ""],
      ["io.stat", () => ""],
      ["io.weight", () => "default 100\n"],
      ["memory.current", () => `${tasks().reduce((sum, t) => sum + t.memory.rss * 1024, 0)}\n`],
      ["memory.events", () => "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\noom_group_kill 0\n"],
      ["memory.high", () => "max\n"],
      ["memory.low", () => `${l().memoryLow}\n`],
      ["memory.max", () => max(l().memoryMax)],
      ["memory.min", () => "0\n"],
      ["memory.oom.group", () => "0\n"],
      ["pids.current", () => `${tasks().length}\n`],
      ["pids.events", () => "max 0\n"],
      ["pids.max", () => max(l().pidsMax)],
    ]);
  }

  protected node(path: string): KernfsNode {
    const parts = path.split("/").filter(Boolean);
    const files = this.files();
    if (parts.length === 0) return { dir: [...files.keys()] };
    const file = parts.length === 1 ? files.get(parts[0]) : undefined;
    if (!file) throw new SysError("ENOENT", path);
    return { text: file };
  }

  protected attributes(path: string, node: KernfsNode): { mode: number; size: number } {
    if ("dir" in node) return { mode: 0o555, size: 0 };
    // Interface files are 0644 except the read-only reports; sizes read as 0, as in kernfs.
    const name = path.split("/").filter(Boolean)[0] ?? "";
    return { mode: REPORTS.has(name) ? 0o444 : 0o644, size: 0 };
  }

  statfs(): StatFs {
    return { type: "cgroup2", source: "cgroup", blockSize: 4096, blocks: 0, blocksFree: 0, files: 0, filesFree: 0 };
  }
}
