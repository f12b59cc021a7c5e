import { BindFileSystem } from "../../fs/bind";
import type { FileSystem } from "../../fs/filesystem";
import { LazyFileSystem } from "../../fs/lazy";
import { MountTable } from "../../fs/mount";
import { CgroupFs, type CgroupLimits } from "../../kernel/cgroupfs";
import { DevFs, DevPtsFs, shmFs } from "../../kernel/devfs";
import { SysError } from "../../kernel/errno";
import { type Executable, resolveExecutable } from "../../kernel/exec";
import { Devpts, type Kernel } from "../../kernel/kernel";
import { CgroupNamespace, IpcNamespace, MountNamespace, type NetNamespace, PidNamespace, UtsNamespace } from "../../kernel/namespace";
import { ProcFs } from "../../kernel/procfs";
import { SysFs } from "../../kernel/sysfs";
import { ApiError } from "../errors";
import type { Container } from "./container";

/** The container's view of the world: the namespaces runc builds for it. */
export interface Sandbox {
  pid: PidNamespace;
  uts: UtsNamespace;
  mnt: MountNamespace;
  net: NetNamespace;
  ipc: IpcNamespace;
  cgroup: CgroupNamespace;
  fs: MountTable;
  devpts: Devpts;
}

/**
 * What runc does before exec: a PID and UTS namespace, a mount namespace whose root is the
 * overlay (with /proc, /dev, /sys, the bind-mounted hostname, hosts and resolv.conf, and
 * the container's volumes), and the network namespace the network controller prepared.
 */
export function createSandbox(
  kernel: Kernel,
  hostFs: FileSystem,
  container: Container,
  net: NetNamespace,
  sharedUts: UtsNamespace | null,
): Sandbox {
  const pid = new PidNamespace(kernel.initNs.pid);
  // --pids-limit: the container's cgroup (pids.max) is what fork(2) checks in it.
  pid.pidsMax = () => cgroupLimits(container).pidsMax;
  const uts = sharedUts ?? new UtsNamespace(container.config.Hostname);
  const fs = new MountTable(container.rootfs, {
    source: "overlay",
    type: "overlay",
    options: "rw,relatime,lowerdir=...,upperdir=...,workdir=...",
  });
  const ensure = (path: string, dir: boolean) => {
    if (fs.exists(path)) return;
    if (dir) fs.mkdir(path, { recursive: true });
    else {
      fs.mkdir(path.slice(0, path.lastIndexOf("/")) || "/", { recursive: true });
      fs.writeFile(path, "");
    }
  };
  ensure("/proc", true);
  fs.mount("/proc", new ProcFs(kernel, pid), { source: "proc", type: "proc", options: "rw,nosuid,nodev,noexec,relatime" });
  ensure("/dev", true);
  fs.mount("/dev", new DevFs(kernel), { source: "tmpfs", type: "tmpfs", options: "rw,nosuid,size=65536k,mode=755" });
  const devpts = new Devpts();
  fs.mount("/dev/pts", new DevPtsFs(kernel, devpts), {
    source: "devpts",
    type: "devpts",
    options: "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666",
  });
  fs.mount("/dev/shm", new LazyFileSystem(() => shmFs(kernel)), {
    source: "shm",
    type: "tmpfs",
    options: "rw,nosuid,nodev,noexec,relatime,size=65536k",
  });
  ensure("/sys", true);
  fs.mount("/sys", new SysFs(() => net, kernel.bootTime), { source: "sysfs", type: "sysfs", options: "ro,nosuid,nodev,noexec,relatime" });
  fs.mount("/sys/fs/cgroup", new CgroupFs(pid, () => cgroupLimits(container), kernel.bootTime), {
    source: "cgroup",
    type: "cgroup2",
    options: "ro,nosuid,nodev,noexec,relatime",
  });
  const dir = `/var/lib/docker/containers/${container.id}`;
  for (const file of ["hostname", "hosts", "resolv.conf"]) {
    ensure(`/etc/${file}`, false);
    fs.mount(`/etc/${file}`, new BindFileSystem(hostFs, `${dir}/${file}`), { source: "/dev/vda1", type: "ext4", options: "rw,relatime" });
  }
  for (const mount of container.mounts) {
    ensure(mount.Destination, hostFs.exists(mount.Source) ? hostFs.stat(mount.Source).type === "dir" : true);
    if (mount.Type === "tmpfs") {
      fs.mount(mount.Destination, new LazyFileSystem(() => shmFs(kernel)), {
        source: "tmpfs",
        type: "tmpfs",
        options: "rw,nosuid,nodev,noexec,relatime",
      });
      continue;
    }
    fs.mount(mount.Destination, new BindFileSystem(hostFs, mount.Source, !mount.RW), {
      source: "/dev/vda1",
      type: "ext4",
      options: mount.RW ? "rw,relatime" : "ro,relatime",
    });
  }
  if (container.hostConfig.ReadonlyRootfs) fs.remountRootReadOnly();
  // --ipc and --cgroupns: private by default (moby's default IpcMode "private" and, on
  // cgroup v2, CgroupnsMode "private"); "host" joins the host's namespace.
  const ipc = container.hostConfig.IpcMode === "host" ? kernel.initNs.ipc : new IpcNamespace();
  const cgroup = container.hostConfig.CgroupnsMode === "host" ? kernel.initNs.cgroup : new CgroupNamespace();
  return { pid, uts, mnt: new MountNamespace(fs, devpts), net, ipc, cgroup, fs, devpts };
}

/** CFS period runc uses when only a quota is given (and for --cpus). */
const CPU_PERIOD_US = 100_000;

/**
 * The container's cgroup limits as runc writes them on cgroup v2 (libcontainer/cgroups/fs2):
 * --memory to memory.max, --memory-reservation to memory.low, --cpus (NanoCpus, turned by
 * moby into a quota over a 100ms period) or --cpu-quota/--cpu-period to cpu.max, --cpu-shares
 * to cpu.weight (cgroups.ConvertCPUSharesToCgroupV2Value), --pids-limit to pids.max.
 */
export function cgroupLimits(container: Container): CgroupLimits {
  const hc = container.hostConfig;
  const period = hc.CpuPeriod || CPU_PERIOD_US;
  const quota = hc.NanoCpus > 0 ? Math.floor((hc.NanoCpus * period) / 1e9) : hc.CpuQuota > 0 ? hc.CpuQuota : null;
  const shares = hc.CpuShares ?? 0;
  return {
    memoryMax: hc.Memory > 0 ? hc.Memory : null,
    memoryLow: Math.max(hc.MemoryReservation, 0),
    cpuQuota: quota,
    cpuPeriod: period,
    cpuWeight: shares === 0 ? 100 : 1 + Math.floor(((shares - 2) * 9999) / 262142),
    cpusetCpus: hc.CpusetCpus ?? "",
    pidsMax: hc.PidsLimit && hc.PidsLimit > 0 ? hc.PidsLimit : null,
    frozen: container.status === "paused",
  };
}

/** The environment variable PATH gets when the image sets none (runc's default). */
export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * Finds what to exec for argv[0] inside the container, as runc does (PATH lookup in the
 * container's environment), failing with the OCI runtime's messages.
 */
export function findExecutable(kernel: Kernel, fs: FileSystem, argv: string[], env: string[], cwd: string, prefix: string): Executable {
  const name = argv[0] ?? "";
  const path = env.find((e) => e.startsWith("PATH="))?.slice(5) ?? DEFAULT_PATH;
  let resolved: string | null = null;
  if (name.includes("/")) resolved = name.startsWith("/") ? name : `${cwd.replace(/\/$/, "")}/${name}`;
  else {
    for (const dir of path.split(":")) {
      const candidate = `${dir || "."}/${name}`;
      try {
        const stats = fs.stat(candidate);
        if (stats.type !== "dir" && stats.mode & 0o111) {
          resolved = candidate;
          break;
        }
      } catch {
        // not in this PATH entry
      }
    }
    if (!resolved) throw new ApiError(name === "" ? 400 : 127, `${prefix}exec: "${name}": executable file not found in $PATH: unknown`);
  }
  try {
    return resolveExecutable(fs, kernel.programs, resolved, argv);
  } catch (err) {
    if (!(err instanceof SysError)) throw err;
    if (err.code === "ENOENT") throw new ApiError(127, `${prefix}exec: "${name}": stat ${name}: no such file or directory: unknown`);
    if (err.code === "EACCES") throw new ApiError(126, `${prefix}exec: "${name}": permission denied: unknown`);
    throw new ApiError(126, `${prefix}exec format error: unknown`);
  }
}

export const START_ERROR_PREFIX =
  "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ";
export const EXEC_ERROR_PREFIX = "OCI runtime exec failed: exec failed: unable to start container process: ";
