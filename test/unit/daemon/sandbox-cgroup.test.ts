/**
 * What a container sees of its namespaces and cgroup, and what the host's ps shows of
 * the shims. moby daemon/config defaults: IpcMode "private" (daemon/config/config_linux.go
 * DefaultIpcMode "private") and, on cgroup v2, CgroupnsMode "private" (DefaultCgroupNamespaceMode),
 * so /proc/self/ns/ipc and ns/cgroup differ from the host's; `--ipc host` joins the host's.
 * runc on cgroup v2 (libcontainer/cgroups/fs2) writes memory.max from --memory, cpu.max as
 * "$QUOTA $PERIOD" (moby turns --cpus into NanoCpus, a quota over 100000µs), pids.max
 * from --pids-limit, "max" when unlimited; Docker mounts the group at /sys/fs/cgroup as
 * cgroup2, read-only. containerd reaps the shims it starts: no `<defunct>` is left.
 */
import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

async function simulate(script: string) {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await sim.run(parseScript(`docker pull alpine >/dev/null\n${script}`));
  return sim.entries.slice(1);
}

describe("a container's namespaces", () => {
  it("has its own ipc and cgroup namespaces, the host's with --ipc host and --cgroupns host", async () => {
    const entries = await simulate(
      [
        "readlink /proc/self/ns/ipc /proc/self/ns/cgroup",
        "docker run --rm alpine readlink /proc/self/ns/ipc /proc/self/ns/cgroup",
        "docker run --rm alpine readlink /proc/self/ns/ipc /proc/self/ns/cgroup",
        "docker run --rm --ipc host --cgroupns host alpine readlink /proc/self/ns/ipc /proc/self/ns/cgroup",
        "",
      ].join("\n"),
    );
    const host = entries[0].output;
    expect(host).toBe("ipc:[4026531839]\ncgroup:[4026531835]\n");
    const [ipc1, cg1] = entries[1].output.split("\n");
    const [ipc2, cg2] = entries[2].output.split("\n");
    expect(ipc1).toMatch(/^ipc:\[\d+\]$/);
    expect(new Set([ipc1, ipc2, "ipc:[4026531839]"]).size).toBe(3);
    expect(new Set([cg1, cg2, "cgroup:[4026531835]"]).size).toBe(3);
    expect(entries[3].output).toBe(host);
  });

  it("leaves no containerd-shim zombie behind once the container exited", async () => {
    const entries = await simulate("docker run --rm alpine true\ndocker run alpine true\nps -ef | grep -c defunct\n");
    expect(entries[2].output).toBe("0\n");
  });
});

describe("/sys/fs/cgroup in a container", () => {
  it("shows no limits by default", async () => {
    const entries = await simulate(
      "docker run --rm alpine sh -c 'cd /sys/fs/cgroup && cat memory.max cpu.max pids.max cgroup.procs cgroup.controllers'\n",
    );
    // cgroup.procs: the shell (PID 1) and the cat reading it.
    expect(entries[0].output).toBe("max\nmax 100000\nmax\n1\n2\ncpuset cpu io memory hugetlb pids rdma misc\n");
  });

  it("shows --memory, --cpus and --pids-limit as runc writes them", async () => {
    const entries = await simulate(
      "docker run --rm --memory 256m --cpus 1.5 --pids-limit 100 alpine sh -c 'cd /sys/fs/cgroup && cat memory.max cpu.max pids.max'\n",
    );
    expect(entries[0].output).toMatch(/268435456\n150000 100000\n100\n$/);
  });

  it("counts the group's memory and processes, and is mounted read-only as cgroup2", async () => {
    const entries = await simulate(
      "docker run --rm alpine sh -c 'cat /sys/fs/cgroup/pids.current /sys/fs/cgroup/memory.current; grep cgroup /proc/mounts; cat /proc/self/cgroup; mkdir /sys/fs/cgroup/x'\n",
    );
    const [pids, memory, mount, self, error] = entries[0].output.split("\n");
    expect(Number(pids)).toBeGreaterThanOrEqual(2);
    expect(Number(memory)).toBeGreaterThan(0);
    expect(mount).toBe("cgroup /sys/fs/cgroup cgroup2 ro,nosuid,nodev,noexec,relatime 0 0");
    expect(self).toBe("0::/");
    expect(error).toBe("mkdir: can't create directory '/sys/fs/cgroup/x': Read-only file system");
  });
});

describe("/sys/fs/cgroup file modes", () => {
  it("makes the reports read-only (0444) and the limits writable by root (0644)", async () => {
    const entries = await simulate("docker run --rm alpine ls -l /sys/fs/cgroup/memory.current /sys/fs/cgroup/memory.max\n");
    expect(entries[0].output).toMatch(/^-r--r--r-- .* \/sys\/fs\/cgroup\/memory\.current\n-rw-r--r-- .* \/sys\/fs\/cgroup\/memory\.max\n$/);
  });
});

describe("--read-only", () => {
  it("mounts the rootfs read-only and leaves the API filesystems, tmpfs and volumes writable", async () => {
    // runc remounts / MS_RDONLY for a read-only rootfs (libcontainer/rootfs_linux.go); the
    // /etc/hostname, hosts and resolv.conf bind mounts, /dev/shm and --tmpfs stay writable.
    const entries = await simulate(
      "docker run --rm --read-only --tmpfs /run alpine sh -c 'touch /x; grep \" / \" /proc/mounts; echo ok > /run/y && cat /run/y'\n",
    );
    expect(entries[0].output).toBe(
      "touch: /x: Read-only file system\noverlay / overlay ro,relatime,lowerdir=...,upperdir=...,workdir=... 0 0\nok\n",
    );
  });

  it("makes nginx fail to create its temp paths, as ngx_create_paths reports", async () => {
    const entries = await simulate("docker pull nginx >/dev/null\ndocker run --read-only nginx 2>&1 | tail -1\n");
    expect(entries[1].output).toBe('nginx: [emerg] mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)\n');
  });
});
