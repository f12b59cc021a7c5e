// docker stats and docker update. Golden values from docker/cli
// cli/command/container/formatter_stats_test.go (TestContainerStatsContext*,
// TestContainerStatsContextWrite) and stats_helpers_test.go; the update errors and
// warnings from moby daemon/daemon_unix.go verifyPlatformContainerResources and
// daemon/container/container_unix.go UpdateContainer (integration-cli
// TestUpdateMemoryWithSwapMemory); Ports of a created container from moby
// daemon/container/view.go (NetworkSettings.Ports is only set once networks are joined);
// the create warning from daemon/create.go, which verifies the settings first.
import { describe, expect, it } from "vitest";
import {
  cpuPercentUnix,
  emptyEntry,
  entryFromSample,
  memUsageNoCache,
  STATS_HEADERS,
  type StatsEntry,
  statsRow,
} from "../../../../src/cli/command/container/stats-format";
import { renderFormatted } from "../../../../src/cli/command/system/dockercli";
import type { ContainerStats, CpuStats } from "../../../../src/engine/daemon/api/types";
import { defaultHostConfig } from "../../../../src/engine/daemon/container/config";
import { updateResources, verifyResources } from "../../../../src/engine/daemon/container/resources";
import { parseScript } from "../../../../src/sim/script";
import { Simulation } from "../../../../src/sim/simulation";

const write = (format: string, entries: StatsEntry[], trunc = false) =>
  renderFormatted({ format, headers: STATS_HEADERS, rows: entries.map((e) => statsRow(e, trunc)) });

const cpu = (total: number, system: number, online = 2): CpuStats => ({
  cpu_usage: { total_usage: total, usage_in_kernelmode: 0, usage_in_usermode: total },
  system_cpu_usage: system,
  online_cpus: online,
  throttling_data: { periods: 0, throttled_periods: 0, throttled_time: 0 },
});

describe("docker stats formatting", () => {
  const entries: StatsEntry[] = [
    {
      ...emptyEntry("container1"),
      id: "abcdef",
      name: "/foo",
      cpuPercentage: 20,
      memory: 20,
      memoryLimit: 20,
      memoryPercentage: 20,
      networkRx: 20,
      networkTx: 20,
      blockRead: 20,
      blockWrite: 20,
      pidsCurrent: 2,
    },
    { ...emptyEntry("container2"), cpuPercentage: 30, memory: 30, memoryLimit: 30, pidsCurrent: 3, isInvalid: true },
  ];

  it("writes the columns as statsContext does", () => {
    expect(write("table {{.MemUsage}}", entries)).toBe("MEM USAGE / LIMIT\n20B / 20B\n-- / --\n");
    expect(write("{{.Container}}  {{.ID}}  {{.Name}}", entries)).toBe("container1  abcdef  foo\ncontainer2    --\n");
    expect(write("{{.Container}}  {{.CPUPerc}}", entries)).toBe("container1  20.00%\ncontainer2  --\n");
    expect(write("table {{.Container}}\t{{.CPUPerc}}", [])).toBe("CONTAINER   CPU %\n");
  });

  it("truncates the ID unless --no-trunc", () => {
    const id = "b95a83497c9161c9b444e3d70e1a9dfba0c1840d41720e146a95a08ebf938afc";
    expect(write("{{.ID}}", [{ ...emptyEntry(id), id }], true)).toBe("b95a83497c91\n");
    expect(write("{{.ID}}", [{ ...emptyEntry(id), id }], false)).toBe(`${id}\n`);
  });

  it("computes CPU % from the delta between two samples, memory without the inactive cache", () => {
    expect(cpuPercentUnix(cpu(100, 1000), cpu(200, 2000))).toBeCloseTo(20);
    expect(cpuPercentUnix(cpu(100, 1000), cpu(100, 2000))).toBe(0);
    expect(memUsageNoCache({ usage: 500, limit: 0, stats: { total_inactive_file: 400 } })).toBe(100);
    expect(memUsageNoCache({ usage: 500, limit: 0, stats: { inactive_file: 600 } })).toBe(500);
  });

  it("sums block I/O by operation and network by interface", () => {
    const sample: ContainerStats = {
      read: "",
      preread: "",
      pids_stats: { current: 4 },
      blkio_stats: {
        io_service_bytes_recursive: [
          { major: 8, minor: 0, op: "read", value: 1234 },
          { major: 8, minor: 1, op: "Read", value: 4581 },
          { major: 8, minor: 0, op: "write", value: 579 },
          { major: 8, minor: 1, op: "Write", value: 14 },
          { major: 8, minor: 1, op: "", value: 456 },
        ],
      },
      num_procs: 0,
      cpu_stats: cpu(0, 0),
      precpu_stats: cpu(0, 0),
      memory_stats: { usage: 64 * 1024 * 1024, limit: 128 * 1024 * 1024 },
      name: "/web",
      id: "0123456789abcdef",
      networks: {
        eth0: { rx_bytes: 1500, tx_bytes: 0, rx_packets: 0, tx_packets: 0, rx_errors: 0, tx_errors: 0, rx_dropped: 0, tx_dropped: 0 },
        eth1: { rx_bytes: 500, tx_bytes: 648, rx_packets: 0, tx_packets: 0, rx_errors: 0, tx_errors: 0, rx_dropped: 0, tx_dropped: 0 },
      },
    };
    const e = entryFromSample("web", sample);
    expect([e.blockRead, e.blockWrite, e.networkRx, e.networkTx, e.pidsCurrent]).toEqual([5815, 593, 2000, 648, 4]);
    expect(write("{{.Name}} {{.MemUsage}} {{.MemPerc}} {{.NetIO}} {{.BlockIO}}", [e])).toBe(
      "web 64MiB / 128MiB 50.00% 2kB / 648B 5.82kB / 593B\n",
    );
  });
});

describe("docker update on the daemon", () => {
  it("drops the swap limit with a warning where swap cannot be limited", () => {
    const body = { Memory: 128 * 1024 * 1024, MemorySwap: 256 * 1024 * 1024 };
    expect(verifyResources(body, true)).toEqual([
      "Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.",
    ]);
    expect(body.MemorySwap).toBe(-1);
    expect(() => verifyResources({ Memory: 1024 }, true)).toThrow("Minimum memory limit allowed is 6MB");
    expect(() => verifyResources({ BlkioWeight: 5 }, true)).toThrow("Range of blkio weight is from 10 to 1000");
  });

  it("refuses a memory limit above the swap limit already set unless both change", () => {
    const hc = defaultHostConfig({ Memory: 300 * 1024 * 1024, MemorySwap: 600 * 1024 * 1024 });
    expect(() => updateResources("abc", hc, { Memory: 800 * 1024 * 1024 })).toThrow(
      "Cannot update container abc: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time",
    );
    expect(hc.Memory).toBe(300 * 1024 * 1024);
    updateResources("abc", hc, { Memory: 800 * 1024 * 1024, MemorySwap: 1000 * 1024 * 1024, CpuShares: 512 });
    expect([hc.Memory, hc.MemorySwap, hc.CpuShares]).toEqual([800 * 1024 * 1024, 1000 * 1024 * 1024, 512]);
  });
});

describe("docker stats and update in the playground", () => {
  it("updates limits that stats then shows, and lists a created container without ports", async () => {
    const sim = new Simulation({ nodes: 1 });
    await sim.start();
    await sim.run(
      parseScript(
        [
          "docker run -d --name web nginx",
          "docker update --cpu-shares 512 -m 128M web",
          "docker update web",
          "docker stats --no-stream web",
          "docker stats",
          "#! key ctrl-c",
          "docker create --name idle nginx",
          "docker ps -a --filter name=idle --format '{{.Status}}|{{.Ports}}'",
          "docker run -d -m 64M --name capped nginx 2>&1 >/dev/null",
          "docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' capped",
        ].join("\n"),
      ),
    );
    const out = (input: string) => sim.entries.find((e) => e.input === input);
    expect(out("docker update --cpu-shares 512 -m 128M web")?.output).toBe(
      "web\nYour kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.\n",
    );
    expect(out("docker update web")).toMatchObject({ output: "you must provide one or more flags when using this command\n", exit: 1 });
    const stats = out("docker stats --no-stream web")?.output.split("\n") ?? [];
    expect(stats[0]).toMatch(/^CONTAINER ID {3}NAME {6}CPU % {5}MEM USAGE \/ LIMIT {3}MEM % {5}NET I\/O {3}BLOCK I\/O {3}PIDS$/);
    expect(stats[1]).toMatch(/^[0-9a-f]{12} {3}web {7}\d+\.\d\d% +[\d.]+MiB \/ 128MiB +[\d.]+% +.* 9$/);
    expect(out("docker stats")?.output).toMatch(/^CONTAINER ID +NAME .*\n[0-9a-f]{12} +web +/);
    expect(out("docker ps -a --filter name=idle --format '{{.Status}}|{{.Ports}}'")?.output).toBe("Created|\n");
    expect(out("docker run -d -m 64M --name capped nginx 2>&1 >/dev/null")?.output).toBe(
      "WARNING: Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.\n",
    );
    expect(out("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' capped")?.output).toBe("67108864 -1\n");
  });
});
