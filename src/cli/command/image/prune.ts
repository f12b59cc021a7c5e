/**
 * docker image prune (cli/command/image/prune.go): POST /images/prune with
 * dangling=true, or every unused image with -a.
 */
import type { PruneReport } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { humanSize } from "../../formatter/units/size";
import { confirm, type DockerCli, dockerCli, filterFlag, filtersQuery } from "../system/dockercli";

const ALL_IMAGE_WARNING = `WARNING! This will remove all images without at least one container associated to them.
Are you sure you want to continue?`;
const DANGLING_WARNING = `WARNING! This will remove all dangling images.
Are you sure you want to continue?`;

/** The prune call and its report text (`Deleted Images:` ...), shared with system prune. */
export async function pruneImages(cli: DockerCli, all: boolean, filters: string[]): Promise<{ reclaimed: number; output: string }> {
  const report = await cli.client.post<PruneReport>("/images/prune", {
    filters: filtersQuery(filters, [["dangling", String(!all)]]),
  });
  let output = "";
  const deleted = report?.ImagesDeleted ?? [];
  if (deleted.length > 0) {
    output += "Deleted Images:\n";
    for (const d of deleted) output += d.Untagged ? `untagged: ${d.Untagged}\n` : `deleted: ${d.Deleted}\n`;
  }
  return { reclaimed: report?.SpaceReclaimed ?? 0, output };
}

export const imagePruneCommand: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove unused images",
  args: noArgs,
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Remove all unused images, not just dangling ones" },
    filterFlag('Provide filter values (e.g. "until=<timestamp>")'),
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const all = ctx.flags.bool("all");
    if (!ctx.flags.bool("force") && !(await confirm(cli, all ? ALL_IMAGE_WARNING : DANGLING_WARNING))) return 0;
    const { reclaimed, output } = await pruneImages(cli, all, ctx.flags.list("filter"));
    if (output) await cli.out(`${output}\n`);
    await cli.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
