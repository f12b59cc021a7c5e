/**
 * docker volume ls (cli/command/volume/list.go): GET /volumes, sorted by name in natural
 * order, DRIVER and VOLUME NAME.
 */
import type { VolumeListResponse } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { naturalCompare } from "../network/list-format";
import { dockerCli, filterFlag, filtersQuery, formatFlag, writeFormatted } from "../system/dockercli";
import { newVolumeFormat, VOLUME_HEADERS, volumeRow } from "./list-format";

export const volumeListCommand: CommandSpec = {
  use: "ls [OPTIONS]",
  short: "List volumes",
  aliases: ["list"],
  args: noArgs,
  flags: [
    { name: "cluster", kind: "bool", usage: "Display only cluster volumes, and use cluster volume list formatting", hidden: true },
    filterFlag('Provide filter values (e.g. "dangling=true")', "f"),
    formatFlag,
    { name: "quiet", short: "q", kind: "bool", usage: "Only display volume names" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const res = await cli.client.get<VolumeListResponse>("/volumes", { filters: filtersQuery(ctx.flags.list("filter")) });
    // --cluster lists swarm CSI volumes, which this daemon never has.
    const volumes = ctx.flags.bool("cluster") ? [] : [...(res.Volumes ?? [])];
    volumes.sort((a, b) => naturalCompare(a.Name, b.Name));
    await writeFormatted(cli, {
      format: newVolumeFormat(ctx.flags.string("format") || "table", ctx.flags.bool("quiet")),
      headers: VOLUME_HEADERS,
      rows: volumes.map(volumeRow),
    });
    return 0;
  },
};
