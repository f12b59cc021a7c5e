/**
 * docker buildx prune / docker builder prune (buildx commands/prune.go): the WARNING
 * prompt unless -f, then each deleted record as it goes (printTableRow, each row flushed
 * on its own, so only the header and first row share column widths), then `Total:`.
 * The daemon prunes through POST /build/prune; the records it lists beforehand (GET
 * /system/df?type=build-cache) give the deleted ones their size and last use.
 */
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { TabWriter } from "../../formatter/tabwriter";
import { humanSize } from "../../formatter/units/size";
import { confirm, type DockerCli, dockerCli, nowMs } from "../system/dockercli";
import { cacheRecords, lastAccessed } from "./du";
import { loadBuilder } from "./node";

const NORMAL_WARNING = "WARNING! This will remove all dangling build cache. Are you sure you want to continue?";
const ALL_CACHE_WARNING = "WARNING! This will remove all build cache. Are you sure you want to continue?";

const tabs = () => new TabWriter({ minwidth: 1, tabwidth: 8, padding: 1, padchar: "\t" });

async function runPrune(cli: DockerCli, builder: string, all: boolean, force: boolean): Promise<void> {
  if (!force && !(await confirm(cli, all ? ALL_CACHE_WARNING : NORMAL_WARNING))) return;
  await loadBuilder(cli, builder);
  const records = new Map((await cacheRecords(cli)).map((r) => [r.ID, r]));
  const report = await cli.client.post<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>("/build/prune", {
    all: all ? "1" : undefined,
  });
  const now = nowMs(cli);
  let out = "";
  let tw = tabs();
  let first = true;
  let total = 0;
  for (const id of report?.CachesDeleted ?? []) {
    const r = records.get(id);
    const size = r?.Size ?? 0;
    total += size;
    if (first) tw.write("ID\tRECLAIMABLE\tSIZE\tLAST ACCESSED\n");
    first = false;
    const sizeText = humanSize(size) + (r?.Shared ? "*" : "");
    tw.write(`${id.padEnd(40)}\t${String(!r?.InUse).padEnd(5)}\t${sizeText.padEnd(10)}\t${r ? lastAccessed(r, now) : ""}\n`);
    out += tw.flush();
    tw = tabs();
  }
  tw.write(`Total:\t${humanSize(total)}\n`);
  await cli.out(out + tw.flush());
}

/**
 * With DOCKER_BUILDKIT=0 docker does not hand `docker builder` to buildx: its own prune
 * (docker/cli cli/command/builder/prune.go) lists the deleted IDs and the space reclaimed.
 */
async function runClassicPrune(cli: DockerCli, all: boolean, force: boolean): Promise<void> {
  if (!force && !(await confirm(cli, all ? ALL_CACHE_WARNING : NORMAL_WARNING))) {
    await cli.out("builder prune has been cancelled\n");
    return;
  }
  const report = await cli.client.post<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>("/build/prune", {
    all: all ? "1" : undefined,
  });
  const deleted = report?.CachesDeleted ?? [];
  if (deleted.length > 0) await cli.out(`Deleted build cache objects:\n${deleted.map((id) => `${id}\n`).join("")}\n`);
  await cli.out(`Total reclaimed space: ${humanSize(report?.SpaceReclaimed ?? 0)}\n`);
}

/** Whether DOCKER_BUILDKIT turns BuildKit off (docker/cli's BuildKitEnabled). */
export function buildkitDisabled(cli: DockerCli): boolean {
  return ["0", "false"].includes((cli.proc.env.DOCKER_BUILDKIT ?? "").toLowerCase());
}

export const pruneCommand: CommandSpec = {
  use: "prune",
  short: "Remove build cache",
  args: noArgs,
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Include internal/frontend images" },
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const all = ctx.flags.bool("all");
    if (ctx.command.parent?.spec.use === "builder" && buildkitDisabled(cli)) await runClassicPrune(cli, all, ctx.flags.bool("force"));
    else await runPrune(cli, ctx.flags.string("builder"), all, ctx.flags.bool("force"));
    return 0;
  },
};
