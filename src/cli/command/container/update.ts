/**
 * docker update (cli/command/container/update.go): POST /containers/{id}/update with new
 * resource limits and restart policy, for each container; the names that succeeded are
 * printed, then the daemon's warnings, then the errors together.
 */
import type { RestartPolicy } from "../../../engine/daemon/api/types";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import type { FlagSpec } from "../../flags/value";
import { ramInBytes } from "../../formatter/units/size";
import { dockerCli } from "../system/dockercli";
import { nanoCpus, parseRestartPolicy } from "./config";
import { containerPath } from "./each";

const updateFlags: FlagSpec[] = [
  { name: "blkio-weight", kind: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)" },
  { name: "cpu-period", kind: "int64", usage: "Limit CPU CFS (Completely Fair Scheduler) period" },
  { name: "cpu-quota", kind: "int64", usage: "Limit CPU CFS (Completely Fair Scheduler) quota" },
  { name: "cpu-rt-period", kind: "int64", usage: "Limit the CPU real-time period in microseconds" },
  { name: "cpu-rt-runtime", kind: "int64", usage: "Limit the CPU real-time runtime in microseconds" },
  { name: "cpuset-cpus", kind: "string", usage: "CPUs in which to allow execution (0-3, 0,1)" },
  { name: "cpuset-mems", kind: "string", usage: "MEMs in which to allow execution (0-3, 0,1)" },
  { name: "cpu-shares", short: "c", kind: "int64", usage: "CPU shares (relative weight)" },
  { name: "memory", short: "m", kind: "bytes", usage: "Memory limit" },
  { name: "memory-reservation", kind: "bytes", usage: "Memory soft limit" },
  {
    name: "memory-swap",
    kind: "value",
    valueName: "bytes",
    usage: "Swap limit equal to memory plus swap: -1 to enable unlimited swap",
    // opts.MemSwapBytes: -1 means unlimited, anything else is a size.
    set: (raw) => (raw === "-1" ? -1 : ramInBytes(raw)),
  },
  { name: "restart", kind: "string", usage: "Restart policy to apply when a container exits" },
  { name: "pids-limit", kind: "int64", usage: "Tune container pids limit (set -1 for unlimited)" },
  { name: "cpus", kind: "string", valueName: "decimal", usage: "Number of CPUs" },
  {
    name: "kernel-memory",
    kind: "bytes",
    usage: "Kernel memory limit (deprecated)",
    deprecated: "and no longer supported by the kernel",
  },
];

export const updateCommand: CommandSpec = {
  use: "update [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Update configuration of one or more containers",
  aliasesHelp: "docker container update, docker update",
  args: requiresMinArgs(1),
  flags: updateFlags,
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const f = ctx.flags;
    // cmd.Flags().NFlag(): how many flags were given.
    if (!updateFlags.some((spec) => f.changed(spec.name))) {
      throw new Error("you must provide one or more flags when using this command");
    }
    const restart = f.string("restart");
    const restartPolicy: RestartPolicy | { Name: "" } = restart !== "" ? parseRestartPolicy(restart) : { Name: "" };
    const body = {
      BlkioWeight: f.number("blkio-weight"),
      CpusetCpus: f.string("cpuset-cpus"),
      CpusetMems: f.string("cpuset-mems"),
      CpuShares: f.number("cpu-shares"),
      Memory: f.number("memory"),
      MemoryReservation: f.number("memory-reservation"),
      MemorySwap: f.number("memory-swap"),
      CpuPeriod: f.number("cpu-period"),
      CpuQuota: f.number("cpu-quota"),
      CpuRealtimePeriod: f.number("cpu-rt-period"),
      CpuRealtimeRuntime: f.number("cpu-rt-runtime"),
      NanoCpus: nanoCpus(f.string("cpus")),
      // A zero --pids-limit is "not given" (nil), as in update.go.
      PidsLimit: f.number("pids-limit") !== 0 ? f.number("pids-limit") : undefined,
      RestartPolicy: restartPolicy,
    };
    const warnings: string[] = [];
    const errors: string[] = [];
    for (const name of ctx.args) {
      try {
        const res = await cli.client.post<{ Warnings: string[] | null }>(containerPath(name, "update"), undefined, body);
        await cli.out(`${name}\n`);
        warnings.push(...(res?.Warnings ?? []));
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
    if (warnings.length > 0) await cli.out(`${warnings.join("\n")}\n`);
    if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
    return 0;
  },
};
