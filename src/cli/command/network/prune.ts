/** docker network prune (cli/command/network/prune.go): POST /networks/prune. */
import type { PruneReport } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { confirm, type DockerCli, dockerCli, filterFlag, filtersQuery } from "../system/dockercli";

const WARNING = `WARNING! This will remove all custom networks not used by at least one container.
Are you sure you want to continue?`;

/** The prune call and its `Deleted Networks:` text, shared with system prune. */
export async function pruneNetworks(cli: DockerCli, filters: string[]): Promise<string> {
  const report = await cli.client.post<PruneReport>("/networks/prune", { filters: filtersQuery(filters) });
  const deleted = report?.NetworksDeleted ?? [];
  return deleted.length === 0 ? "" : `Deleted Networks:\n${deleted.map((n) => `${n}\n`).join("")}`;
}

export const networkPruneCommand: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove all unused networks",
  args: noArgs,
  flags: [
    filterFlag('Provide filter values (e.g. "until=<timestamp>")'),
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    if (!ctx.flags.bool("force") && !(await confirm(cli, WARNING))) return 0;
    const output = await pruneNetworks(cli, ctx.flags.list("filter"));
    if (output) await cli.out(`${output}\n`);
    return 0;
  },
};
