/** docker network ls (cli/command/network/list.go): GET /networks, sorted by name. */
import type { NetworkResource } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli, filterFlag, filtersQuery, formatFlag, writeFormatted } from "../system/dockercli";
import { NETWORK_HEADERS, naturalCompare, networkRow, newNetworkFormat } from "./list-format";

export const networkListCommand: CommandSpec = {
  use: "ls [OPTIONS]",
  short: "List networks",
  aliases: ["list"],
  args: noArgs,
  flags: [
    filterFlag('Provide filter values (e.g. "driver=bridge")', "f"),
    formatFlag,
    { name: "no-trunc", kind: "bool", usage: "Do not truncate the output" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display network IDs" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const networks = await cli.client.get<NetworkResource[]>("/networks", { filters: filtersQuery(ctx.flags.list("filter")) });
    networks.sort((a, b) => naturalCompare(a.Name, b.Name));
    const trunc = !ctx.flags.bool("no-trunc");
    await writeFormatted(cli, {
      format: newNetworkFormat(ctx.flags.string("format") || "table", ctx.flags.bool("quiet")),
      headers: NETWORK_HEADERS,
      rows: networks.map((n) => networkRow(n, trunc)),
    });
    return 0;
  },
};
