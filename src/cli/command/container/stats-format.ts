/**
 * What `docker stats` shows of one sample (cli/command/container/stats_helpers.go and
 * formatter_stats.go): CPU % from the delta between two samples, memory without the
 * inactive page cache, network and block I/O totals, and the statsContext columns.
 */
import type { ContainerStats, CpuStats } from "../../../engine/daemon/api/types";
import { bytesSize, humanSizeWithPrecision } from "../../formatter/units/size";
import { subContext } from "../system/dockercli";
import { truncateId } from "./list-format";

export const DEFAULT_STATS_TABLE_FORMAT =
  "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

export const STATS_HEADERS: Record<string, string> = {
  Container: "CONTAINER",
  Name: "NAME",
  ID: "CONTAINER ID",
  CPUPerc: "CPU %",
  MemUsage: "MEM USAGE / LIMIT",
  MemPerc: "MEM %",
  NetIO: "NET I/O",
  BlockIO: "BLOCK I/O",
  PIDs: "PIDS",
};

/** StatsEntry: the figures of the latest sample of one container. */
export interface StatsEntry {
  /** The name or ID the user gave (or the ID from the container list). */
  container: string;
  name: string;
  id: string;
  cpuPercentage: number;
  memory: number;
  memoryLimit: number;
  memoryPercentage: number;
  networkRx: number;
  networkTx: number;
  blockRead: number;
  blockWrite: number;
  pidsCurrent: number;
  isInvalid: boolean;
}

export function emptyEntry(container: string): StatsEntry {
  return {
    container,
    name: "",
    id: "",
    cpuPercentage: 0,
    memory: 0,
    memoryLimit: 0,
    memoryPercentage: 0,
    networkRx: 0,
    networkTx: 0,
    blockRead: 0,
    blockWrite: 0,
    pidsCurrent: 0,
    isInvalid: false,
  };
}

/** calculateCPUPercentUnix: the container's share of the host's CPU time between the two samples. */
export function cpuPercentUnix(previous: CpuStats, current: CpuStats): number {
  const cpuDelta = current.cpu_usage.total_usage - previous.cpu_usage.total_usage;
  const systemDelta = current.system_cpu_usage - previous.system_cpu_usage;
  const online = current.online_cpus;
  return systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * online * 100 : 0;
}

/** calculateMemUsageUnixNoCache: usage less the inactive file cache (cgroup v1 or v2 key). */
export function memUsageNoCache(mem: ContainerStats["memory_stats"]): number {
  const v1 = mem.stats?.total_inactive_file;
  if (v1 !== undefined && v1 < mem.usage) return mem.usage - v1;
  const v2 = mem.stats?.inactive_file ?? 0;
  return v2 < mem.usage ? mem.usage - v2 : mem.usage;
}

/** The entry one sample of GET /containers/{id}/stats gives (collect, Linux branch). */
export function entryFromSample(container: string, v: ContainerStats): StatsEntry {
  const memory = memUsageNoCache(v.memory_stats);
  const limit = v.memory_stats.limit;
  let rx = 0;
  let tx = 0;
  for (const net of Object.values(v.networks ?? {})) {
    rx += net.rx_bytes;
    tx += net.tx_bytes;
  }
  let read = 0;
  let write = 0;
  for (const e of v.blkio_stats.io_service_bytes_recursive ?? []) {
    const op = e.op[0];
    if (op === "r" || op === "R") read += e.value;
    else if (op === "w" || op === "W") write += e.value;
  }
  return {
    container,
    name: v.name,
    id: v.id,
    cpuPercentage: cpuPercentUnix(v.precpu_stats, v.cpu_stats),
    memory,
    memoryLimit: limit,
    memoryPercentage: limit !== 0 ? (memory / limit) * 100 : 0,
    networkRx: rx,
    networkTx: tx,
    blockRead: read,
    blockWrite: write,
    pidsCurrent: v.pids_stats.current ?? 0,
    isInvalid: false,
  };
}

/** NewStatsFormat: "table" is the default table; anything else is the user's template. */
export function newStatsFormat(source: string): string {
  return source === "" || source === "table" ? DEFAULT_STATS_TABLE_FORMAT : source;
}

const percentage = (val: number) => `${val.toFixed(2)}%`;
const NO_VALUE = "--";

/** statsContext: the fields a --format template reads, as the table shows them. */
export function statsRow(s: StatsEntry, trunc: boolean): object {
  const invalid = s.isInvalid;
  return subContext("*container.statsContext", {
    Container: s.container,
    Name: s.name.replace(/^\//, "") || NO_VALUE,
    ID: trunc ? truncateId(s.id) : s.id,
    CPUPerc: invalid ? NO_VALUE : percentage(s.cpuPercentage),
    MemUsage: invalid ? "-- / --" : `${bytesSize(s.memory)} / ${bytesSize(s.memoryLimit)}`,
    MemPerc: invalid ? NO_VALUE : percentage(s.memoryPercentage),
    NetIO: invalid ? NO_VALUE : `${humanSizeWithPrecision(s.networkRx, 3)} / ${humanSizeWithPrecision(s.networkTx, 3)}`,
    BlockIO: invalid ? NO_VALUE : `${humanSizeWithPrecision(s.blockRead, 3)} / ${humanSizeWithPrecision(s.blockWrite, 3)}`,
    PIDs: invalid ? NO_VALUE : String(s.pidsCurrent),
  });
}
