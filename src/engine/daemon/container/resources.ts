/**
 * Resource limits as dockerd checks and applies them: moby's verifyPlatformContainerResources
 * (daemon/daemon_unix.go) against what the host's cgroups support, and
 * Container.UpdateContainer (daemon/container/container_unix.go) for `docker update`.
 */
import type { HostConfig, Resources } from "../api/types";
import { conflict, invalidParameter } from "../errors";

/**
 * What the host's cgroups support (pkg/sysinfo.SysInfo), as `docker info` reports it:
 * the playground's hosts, like Play with Docker's, limit memory but not swap.
 */
export const SYSINFO = {
  MemoryLimit: true,
  SwapLimit: false,
  CPUShares: true,
  CPUCfs: true,
  PidsLimit: true,
  NumCPU: 8,
} as const;

/** linuxMinMemory: 6MB. */
const MIN_MEMORY = 6291456;

/** The resources of a create or update request, any of them possibly left out. */
export type ResourceRequest = Partial<Resources>;

/**
 * verifyPlatformContainerResources: rejects impossible limits and drops (with a warning)
 * those the host cannot enforce; adjusts `resources` in place, returns the warnings.
 */
export function verifyResources(resources: ResourceRequest, update: boolean): string[] {
  const warnings: string[] = [];
  const memory = resources.Memory ?? 0;
  const swap = resources.MemorySwap ?? 0;
  if (memory !== 0 && memory < MIN_MEMORY) throw invalidParameter("Minimum memory limit allowed is 6MB");
  if (memory > 0 && swap !== -1 && !SYSINFO.SwapLimit) {
    warnings.push("Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.");
    resources.MemorySwap = -1;
  }
  const swapNow = resources.MemorySwap ?? 0;
  if (memory > 0 && swapNow > 0 && swapNow < memory) {
    throw invalidParameter("Minimum memoryswap limit should be larger than memory limit, see usage");
  }
  if (memory === 0 && swapNow > 0 && !update) {
    throw invalidParameter("You should always set the Memory limit when using Memoryswap limit, see usage");
  }
  const reservation = resources.MemoryReservation ?? 0;
  if (reservation > 0 && reservation < MIN_MEMORY) throw invalidParameter("Minimum memory reservation allowed is 6MB");
  if (memory > 0 && reservation > 0 && memory < reservation) {
    throw invalidParameter("Minimum memory limit can not be less than memory reservation limit, see usage");
  }
  const nano = resources.NanoCpus ?? 0;
  if (nano > 0 && (resources.CpuPeriod ?? 0) > 0)
    throw invalidParameter("Conflicting options: Nano CPUs and CPU Period cannot both be set");
  if (nano > 0 && (resources.CpuQuota ?? 0) > 0) throw invalidParameter("Conflicting options: Nano CPUs and CPU Quota cannot both be set");
  if (nano !== 0 && (nano < 0 || nano > SYSINFO.NumCPU * 1e9)) {
    throw invalidParameter(`range of CPUs is from 0.01 to ${SYSINFO.NumCPU}.00, as there are only ${SYSINFO.NumCPU} CPUs available`);
  }
  const period = resources.CpuPeriod ?? 0;
  if (period !== 0 && (period < 1000 || period > 1000000)) {
    throw invalidParameter("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)");
  }
  const quota = resources.CpuQuota ?? 0;
  if (quota > 0 && quota < 1000) throw invalidParameter("CPU cfs quota can not be less than 1ms (i.e. 1000)");
  const weight = resources.BlkioWeight ?? 0;
  if (weight > 0 && (weight < 10 || weight > 1000)) throw invalidParameter("Range of blkio weight is from 10 to 1000");
  return warnings;
}

/**
 * Container.UpdateContainer: the given (non-zero) limits replace the container's; a
 * memory limit above the swap limit already set needs the swap limit in the same update.
 * Errors are conflicts, reported as "Cannot update container <id>: ..." (errCannotUpdate).
 */
export function updateResources(containerId: string, hc: HostConfig, resources: ResourceRequest): void {
  const fail = (message: string) => conflict(`Cannot update container ${containerId}: ${message}`);
  const nano = resources.NanoCpus ?? 0;
  if (nano > 0 && hc.CpuPeriod > 0) throw fail("Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set");
  if (nano > 0 && hc.CpuQuota > 0) throw fail("Conflicting options: Nano CPUs cannot be updated as CPU Quota has already been set");
  if ((resources.CpuPeriod ?? 0) > 0 && hc.NanoCpus > 0) {
    throw fail("Conflicting options: CPU Period cannot be updated as NanoCPUs has already been set");
  }
  if ((resources.CpuQuota ?? 0) > 0 && hc.NanoCpus > 0) {
    throw fail("Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set");
  }
  const memory = resources.Memory ?? 0;
  const swap = resources.MemorySwap ?? 0;
  if (memory !== 0 && memory > hc.MemorySwap && swap === 0) {
    throw fail("Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time");
  }
  const numeric: Array<keyof Resources> = [
    "BlkioWeight",
    "CpuShares",
    "NanoCpus",
    "CpuPeriod",
    "CpuQuota",
    "Memory",
    "MemorySwap",
    "MemoryReservation",
    "CpuRealtimePeriod",
    "CpuRealtimeRuntime",
  ];
  const target = hc as unknown as Record<string, unknown>;
  for (const key of numeric) {
    const value = resources[key];
    if (typeof value === "number" && value !== 0) target[key] = value;
  }
  if (resources.CpusetCpus) hc.CpusetCpus = resources.CpusetCpus;
  if (resources.CpusetMems) hc.CpusetMems = resources.CpusetMems;
  if (resources.PidsLimit !== undefined && resources.PidsLimit !== null) hc.PidsLimit = resources.PidsLimit;
}
