/**
 * docker ps / docker container ls (cli/command/container/list.go): GET /containers/json
 * with all, limit (-n, -l), size and filters, then the container table or --format.
 */
import type { ContainerSummary } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { dockerCli, FORMAT_HELP, filterFlag, filtersQuery, nowMs, writeFormatted } from "../system/dockercli";
import { CONTAINER_HEADERS, containerRow, newContainerFormat } from "./list-format";

async function runPs(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const f = ctx.flags;
  const quiet = f.bool("quiet");
  const format = newContainerFormat(f.string("format"), quiet, f.bool("size"));
  // buildContainerListOptions: a template reading .Size asks the daemon for sizes.
  const size = f.bool("size") || (!quiet && format.includes(".Size"));
  const last = f.bool("latest") ? 1 : f.number("last");
  const containers = await cli.client.get<ContainerSummary[]>("/containers/json", {
    all: f.bool("all") || last > 0 || undefined,
    limit: last > 0 ? last : undefined,
    size: size || undefined,
    filters: filtersQuery(f.list("filter")),
  });
  const trunc = !f.bool("no-trunc");
  const now = nowMs(cli);
  const rows = containers.map((c) => containerRow(c, { trunc, nowMs: now }));
  await writeFormatted(cli, { format, headers: CONTAINER_HEADERS, rows });
  return 0;
}

const psFlags = [
  { name: "quiet", short: "q", kind: "bool" as const, usage: "Only display container IDs" },
  { name: "size", short: "s", kind: "bool" as const, usage: "Display total file sizes" },
  { name: "all", short: "a", kind: "bool" as const, usage: "Show all containers (default shows just running)" },
  { name: "no-trunc", kind: "bool" as const, usage: "Don't truncate output" },
  { name: "latest", short: "l", kind: "bool" as const, usage: "Show the latest created container (includes all states)" },
  { name: "last", short: "n", kind: "int" as const, default: -1, usage: "Show n last created containers (includes all states)" },
  { name: "format", kind: "string" as const, usage: `${FORMAT_HELP}` },
  filterFlag("Filter output based on conditions provided", "f"),
];

/** `docker ps`. */
export const psCommand: CommandSpec = {
  use: "ps [OPTIONS]",
  short: "List containers",
  aliasesHelp: "docker container ls, docker container list, docker container ps, docker ps",
  args: noArgs,
  group: "Common Commands",
  flags: psFlags,
  run: runPs,
};

/** `docker container ls`. */
export const listCommand: CommandSpec = {
  ...psCommand,
  use: "ls [OPTIONS]",
  aliases: ["ps", "list"],
  group: undefined,
};
