/**
 * docker system prune (cli/command/system/prune.go, docker/cli v28.5.2): one prompt
 * listing what goes, then containers, networks, volumes (with --volumes), images and the
 * build cache pruned in that order, each report followed by a blank line.
 */
import type { PruneReport } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { humanSize } from "../../formatter/units/size";
import { pruneImages } from "../image/prune";
import { naturalCompare } from "../network/list-format";
import { pruneNetworks } from "../network/prune";
import { pruneVolumes } from "../volume/prune";
import { confirm, type DockerCli, dockerCli, filterFlag, filtersQuery } from "./dockercli";

export interface SystemPruneOptions {
  all: boolean;
  volumes: boolean;
  filters: string[];
}

/** confirmationMessage: the template of prune.go rendered for these options. */
export function confirmationMessage(o: SystemPruneOptions): string {
  const warnings = ["all stopped containers", "all networks not used by at least one container"];
  if (o.volumes) warnings.push("all anonymous volumes not used by at least one container");
  warnings.push(o.all ? "all images without at least one container associated to them" : "all dangling images");
  warnings.push(o.all ? "all build cache" : "unused build cache");
  const shown: string[] = [];
  for (const raw of o.filters) {
    const eq = raw.indexOf("=");
    const name = raw.slice(0, eq).trim().toLowerCase();
    if (["label", "label!", "until"].includes(name)) shown.push(`${name}=${raw.slice(eq + 1).trim()}`);
  }
  shown.sort(naturalCompare);
  let msg = `WARNING! This will remove:\n${warnings.map((w) => `  - ${w}\n`).join("")}`;
  if (shown.length > 0) {
    msg += `\n  Items to be pruned will be filtered with:\n${shown.map((f) => `  - ${f}\n`).join("")}`;
  }
  return `${msg}\nAre you sure you want to continue?`;
}

async function pruneContainers(cli: DockerCli, filters: string[]): Promise<{ reclaimed: number; output: string }> {
  const report = await cli.client.post<PruneReport>("/containers/prune", { filters: filtersQuery(filters) });
  const deleted = report?.ContainersDeleted ?? [];
  if (deleted.length === 0) return { reclaimed: 0, output: "" };
  return { reclaimed: report?.SpaceReclaimed ?? 0, output: `Deleted Containers:\n${deleted.map((id) => `${id}\n`).join("")}` };
}

async function pruneBuildCache(cli: DockerCli, all: boolean, filters: string[]): Promise<{ reclaimed: number; output: string }> {
  const report = await cli.client.post<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>("/build/prune", {
    all: all ? "1" : undefined,
    filters: filtersQuery(filters),
  });
  const deleted = report?.CachesDeleted ?? [];
  const output = deleted.length === 0 ? "" : `Deleted build cache objects:\n${deleted.map((id) => `${id}\n`).join("")}`;
  return { reclaimed: report?.SpaceReclaimed ?? 0, output };
}

export const systemPruneCommand: CommandSpec = {
  use: "prune [OPTIONS]",
  short: "Remove unused data",
  args: noArgs,
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Remove all unused images not just dangling ones" },
    filterFlag('Provide filter values (e.g. "label=<key>=<value>")'),
    { name: "force", short: "f", kind: "bool", usage: "Do not prompt for confirmation" },
    { name: "volumes", kind: "bool", usage: "Prune anonymous volumes" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const o: SystemPruneOptions = { all: ctx.flags.bool("all"), volumes: ctx.flags.bool("volumes"), filters: ctx.flags.list("filter") };
    if (o.volumes && o.filters.some((f) => f.trim().toLowerCase().startsWith("until="))) {
      throw new Error('ERROR: The "until" filter is not supported with "--volumes"');
    }
    if (!ctx.flags.bool("force") && !(await confirm(cli, confirmationMessage(o)))) return 0;
    let reclaimed = 0;
    const report = async (r: { reclaimed: number; output: string }) => {
      reclaimed += r.reclaimed;
      if (r.output) await cli.out(`${r.output}\n`);
    };
    await report(await pruneContainers(cli, o.filters));
    await report({ reclaimed: 0, output: await pruneNetworks(cli, o.filters) });
    if (o.volumes) await report(await pruneVolumes(cli, false, o.filters));
    await report(await pruneImages(cli, o.all, o.filters));
    await report(await pruneBuildCache(cli, o.all, o.filters));
    await cli.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
