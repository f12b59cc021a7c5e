/**
 * docker volume prune (cli/command/volume/prune.go): POST /volumes/prune; anonymous
 * volumes only unless -a (the all=true filter, API 1.42+).
 */
import type { PruneReport } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { humanSize } from "../../formatter/units/size";
import { confirm, type DockerCli, dockerCli, filterFlag, filtersQuery } from "../system/dockercli";

const UNUSED_VOLUMES_WARNING = `WARNING! This will remove anonymous local volumes not used by at least one container.
Are you sure you want to continue?`;
const ALL_VOLUMES_WARNING = `WARNING! This will remove all local volumes not used by at least one container.
Are you sure you want to continue?`;

/** The prune call and its `Deleted Volumes:` text, shared with system prune --volumes. */
export async function pruneVolumes(cli: DockerCli, all: boolean, filters: string[]): Promise<{ reclaimed: number; output: string }> {
  const report = await cli.client.post<PruneReport>("/volumes/prune", {
    filters: filtersQuery(filters, all ? [["all", "true"]] : []),
  });
  const deleted = report?.VolumesDeleted ?? [];
  if (deleted.length === 0) return { reclaimed: 0, output: "" };
  return { reclaimed: report?.SpaceReclaimed ?? 0, output: `Deleted Volumes:\n${deleted.map((id) => `${id}\n`).join("")}` };
}

export const volumePruneCommand: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove unused local volumes",
  args: noArgs,
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Remove all unused volumes, not just anonymous ones" },
    filterFlag('Provide filter values (e.g. "label=<label>")'),
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const all = ctx.flags.bool("all");
    const filters = ctx.flags.list("filter");
    if (all && filters.some((f) => f.trim().toLowerCase().startsWith("all="))) {
      throw new Error("conflicting options: cannot specify both --all and --filter all=1");
    }
    if (!ctx.flags.bool("force") && !(await confirm(cli, all ? ALL_VOLUMES_WARNING : UNUSED_VOLUMES_WARNING))) return 0;
    const { reclaimed, output } = await pruneVolumes(cli, all, filters);
    if (output) await cli.out(`${output}\n`);
    await cli.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
