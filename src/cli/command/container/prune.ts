/**
 * docker container prune (cli/command/container/prune.go): POST /containers/prune after
 * the confirmation prompt, listing the deleted IDs and the space reclaimed.
 */
import type { PruneReport } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { humanSize } from "../../formatter/units/size";
import { confirm, type DockerCli, dockerCli, filterFlag, filtersQuery } from "../system/dockercli";

const WARNING = `WARNING! This will remove all stopped containers.
Are you sure you want to continue?`;

/** The prune call and its report text (`Deleted Containers:` ...), shared with system prune. */
export async function pruneContainers(cli: DockerCli, filters: string[]): Promise<{ reclaimed: number; output: string }> {
  const report = await cli.client.post<PruneReport>("/containers/prune", { filters: filtersQuery(filters) });
  let output = "";
  const deleted = report?.ContainersDeleted ?? [];
  if (deleted.length === 0) return { reclaimed: 0, output };
  output += `Deleted Containers:\n${deleted.map((id) => `${id}\n`).join("")}`;
  return { reclaimed: report?.SpaceReclaimed ?? 0, output };
}

export const containerPruneCommand: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove all stopped containers",
  args: noArgs,
  flags: [
    filterFlag('Provide filter values (e.g. "until=<timestamp>")'),
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    if (!ctx.flags.bool("force") && !(await confirm(cli, WARNING))) {
      await cli.out("container prune has been cancelled\n");
      return 0;
    }
    const { reclaimed, output } = await pruneContainers(cli, ctx.flags.list("filter"));
    // fmt.Fprintln(output): the report, then a blank line before the total.
    if (output !== "") await cli.out(`${output}\n`);
    await cli.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
