import type { FileSystem } from "../fs/filesystem";
import type { Devpts } from "./kernel";
import type { Task } from "./task";

/**
 * Linux namespaces, the isolation containers are made of. Every task belongs to one of
 * each; a host's processes share the initial ones, a container's get their own.
 */
export class PidNamespace {
  private nextPid = 1;
  private readonly byTask = new Map<Task, number>();
  private readonly byPid = new Map<number, Task>();

  /** The pids cgroup limit of the container this namespace is (--pids-limit), when it has one. */
  pidsMax: (() => number | null) | null = null;

  constructor(readonly parent: PidNamespace | null = null) {}

  /** Whether a new task would exceed pids.max (the pids controller's fork check). */
  full(): boolean {
    const max = this.pidsMax?.() ?? null;
    return max !== null && this.byPid.size >= max;
  }

  /** Allocates the next PID (pids are not reused here, as with a large pid_max). */
  alloc(task: Task): number {
    const pid = this.nextPid++;
    this.byTask.set(task, pid);
    this.byPid.set(pid, task);
    return pid;
  }

  /** The next PID that alloc() will hand out. */
  peek(): number {
    return this.nextPid;
  }

  pidOf(task: Task): number | undefined {
    return this.byTask.get(task);
  }

  task(pid: number): Task | undefined {
    return this.byPid.get(pid);
  }

  release(task: Task): void {
    const pid = this.byTask.get(task);
    if (pid === undefined) return;
    this.byTask.delete(task);
    this.byPid.delete(pid);
  }

  tasks(): Task[] {
    return [...this.byPid.entries()].sort((a, b) => a[0] - b[0]).map(([, task]) => task);
  }

  /** This namespace and its ancestors, innermost first: a task has a PID in each. */
  chain(): PidNamespace[] {
    const out: PidNamespace[] = [];
    for (let ns: PidNamespace | null = this; ns; ns = ns.parent) out.push(ns);
    return out;
  }
}

/** UTS namespace: the hostname (and NIS domain) uname(2) reports. */
export class UtsNamespace {
  constructor(
    public hostname: string,
    public domainname = "(none)",
  ) {}
}

/** Mount namespace: the tree a task sees from `/`, and the devpts instance at /dev/pts. */
export class MountNamespace {
  constructor(
    public fs: FileSystem,
    public devpts?: Devpts,
  ) {}
}

/**
 * IPC namespace: System V IPC objects and POSIX message queues (ipc_namespaces(7)). None
 * are modelled, so a namespace is its identity: what /proc/<pid>/ns/ipc numbers.
 */
export class IpcNamespace {}

/**
 * Cgroup namespace: the cgroup a task sees as `/` (cgroup_namespaces(7)). A container's
 * private one makes /proc/self/cgroup read `0::/`; its identity is what /proc/<pid>/ns/cgroup numbers.
 */
export class CgroupNamespace {}

export interface NetInterface {
  name: string;
  /** ifindex, unique within the namespace (`ip link`'s `N:`); assigned when the interface is added. */
  index?: number;
  /** IFLA_LINK: the ifindex of a veth's peer in its own namespace (`eth0@if7`). */
  peer?: number;
  /** The bridge a veth is enslaved to (`master docker0`). */
  master?: string;
  /** The link type where it is not a plain Ethernet NIC: a Linux bridge, or one end of a veth pair. */
  kind?: "bridge" | "veth";
  /** IPv4 address, or "" for none. */
  ipv4: string;
  prefixLength: number;
  mac: string;
  /**
   * The L2 segment (bridge, LAN, overlay) the interface is plugged into: namespaces reach
   * each other's addresses only over a shared segment. Unset, the interface's subnet
   * stands for it, so hosts on one LAN reach each other without configuration.
   */
  segment?: string;
}

/** Network namespace: its interfaces. Routing and sockets come with the network stack. */
export class NetNamespace {
  /** The default route's gateway (`default via ...`), "" for none; it leaves through the interface on its subnet. */
  gateway = "";
  private lastIndex = 0;

  constructor(public interfaces: NetInterface[]) {
    for (const iface of interfaces) iface.index ??= this.allocIndex();
  }

  /** dev_new_index(): interface indexes count up per namespace, lo being 1. */
  allocIndex(): number {
    const taken = new Set(this.interfaces.map((i) => i.index));
    do this.lastIndex++;
    while (taken.has(this.lastIndex));
    return this.lastIndex;
  }

  /** Adds an interface, giving it the next index unless it brings its own (a veth moved in). */
  add(iface: NetInterface): void {
    iface.index ??= this.allocIndex();
    this.interfaces.push(iface);
  }

  /** Non-loopback IPv4 addresses, as `hostname -i` prints them. */
  addresses(): string[] {
    return this.interfaces.filter((i) => i.name !== "lo" && i.ipv4).map((i) => i.ipv4);
  }
}

export interface Namespaces {
  pid: PidNamespace;
  uts: UtsNamespace;
  mnt: MountNamespace;
  net: NetNamespace;
  ipc: IpcNamespace;
  cgroup: CgroupNamespace;
}
