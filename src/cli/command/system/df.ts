/**
 * docker system df (cli/command/system/df.go): GET /system/df, the TYPE TOTAL ACTIVE
 * SIZE RECLAIMABLE summary, or with -v a section per object type.
 */
import type { DiskUsage } from "../../../engine/daemon/api/types";
import { humanDuration } from "../../../go-units/duration";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { humanSize, humanSizeWithPrecision } from "../../formatter/units/size";
import { IMAGE_HEADERS, imageRow } from "../image/list-format";
import { familiarName, parseNormalizedNamed } from "../image/reference";
import { volumeRow } from "../volume/list-format";
import { DEFAULT_DISK_USAGE_TABLE_FORMAT, DISK_USAGE_HEADERS, DISK_USAGE_RAW_FORMAT, diskUsageRows } from "./df-format";
import { ellipsis, truncateID } from "./displayutils";
import { type DockerCli, dockerCli, formatFlag, nowMs, renderFormatted, subContext } from "./dockercli";

const VERBOSE_IMAGES_FORMAT =
  "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}\t{{.UniqueSize}}\t{{.Containers}}";
const VERBOSE_CONTAINERS_FORMAT =
  "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}\t{{.Status}}\t{{.Names}}";
const VERBOSE_BUILD_CACHE_FORMAT =
  "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}\t{{.UsageCount}}\t{{.Shared}}";
const VERBOSE_VOLUMES_FORMAT = "table {{.Name}}\t{{.Links}}\t{{.Size}}";

/** DiskUsageContext.verboseWriteTable: one table per object type. */
async function writeVerbose(cli: DockerCli, du: DiskUsage): Promise<void> {
  const now = nowMs(cli);
  const images = (du.Images ?? []).map((i) => {
    let repo = "<none>";
    let tag = "<none>";
    const first = i.RepoTags?.[0];
    if (first && first !== "<none>:<none>") {
      const ref = parseNormalizedNamed(first);
      repo = familiarName(ref);
      tag = ref.tag ?? "<none>";
    }
    return imageRow({ image: i, repo, tag, digest: "" }, true, now);
  });
  let out = "Images space usage:\n\n";
  out += renderFormatted({ format: VERBOSE_IMAGES_FORMAT, headers: IMAGE_HEADERS, rows: images });
  const containers = du.Containers ?? [];
  out += "\nContainers space usage:\n\n";
  out += renderFormatted({
    format: VERBOSE_CONTAINERS_FORMAT,
    headers: {
      ID: "CONTAINER ID",
      Image: "IMAGE",
      Command: "COMMAND",
      LocalVolumes: "LOCAL VOLUMES",
      Size: "SIZE",
      RunningFor: "CREATED",
      Status: "STATUS",
      Names: "NAMES",
    },
    rows: containers.map((c) =>
      subContext("*formatter.ContainerContext", {
        Command: `"${ellipsis(c.Command, 20)}"`,
        ID: truncateID(c.Id),
        Image: c.Image,
        LocalVolumes: String((c.Mounts ?? []).filter((m) => m.Type === "volume").length),
        Names: c.Names.map((n) => n.replace(/^\//, "")).join(","),
        RunningFor: `${humanDuration(now - c.Created * 1000)} ago`,
        Size: humanSize(c.SizeRw ?? 0),
        Status: c.Status,
      }),
    ),
  });
  out += "\nLocal Volumes space usage:\n\n";
  out += renderFormatted({
    format: VERBOSE_VOLUMES_FORMAT,
    headers: { Name: "VOLUME NAME", Links: "LINKS", Size: "SIZE" },
    rows: (du.Volumes ?? []).map(volumeRow),
  });
  const builderSize = (du.BuildCache ?? []).filter((r) => !r.Shared).reduce((n, r) => n + r.Size, 0);
  out += `\nBuild cache usage: ${humanSize(builderSize)}\n\n`;
  out += renderFormatted({
    format: VERBOSE_BUILD_CACHE_FORMAT,
    headers: {
      ID: "CACHE ID",
      CacheType: "CACHE TYPE",
      Size: "SIZE",
      CreatedSince: "CREATED",
      LastUsedSince: "LAST USED",
      UsageCount: "USAGE",
      Shared: "SHARED",
    },
    rows: (du.BuildCache ?? []).map((r) =>
      subContext("*formatter.buildCacheContext", {
        CacheType: r.Type,
        CreatedSince: `${humanDuration(now - Date.parse(r.CreatedAt))} ago`,
        ID: r.InUse ? `${r.ID.slice(0, 12)}*` : r.ID.slice(0, 12),
        LastUsedSince: r.LastUsedAt ? `${humanDuration(now - Date.parse(r.LastUsedAt))} ago` : "",
        Shared: String(r.Shared),
        Size: humanSizeWithPrecision(r.Size, 3),
        UsageCount: String(r.UsageCount),
      }),
    ),
  });
  await cli.out(out);
}

export const dfCommand: CommandSpec = {
  use: "df [OPTIONS]",
  short: "Show docker disk usage",
  args: noArgs,
  flags: [formatFlag, { name: "verbose", short: "v", kind: "bool", usage: "Show detailed information on space usage" }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const du = await cli.client.get<DiskUsage>("/system/df");
    const format = ctx.flags.string("format") || "table";
    if (ctx.flags.bool("verbose") && format === "table") {
      await writeVerbose(cli, du);
      return 0;
    }
    const source = format === "table" ? DEFAULT_DISK_USAGE_TABLE_FORMAT : format === "raw" ? DISK_USAGE_RAW_FORMAT : format;
    await cli.out(
      renderFormatted({
        format: source,
        headers: DISK_USAGE_HEADERS,
        rows: diskUsageRows(du).map((r) => subContext("*formatter.diskUsageContext", r)),
      }),
    );
    return 0;
  },
};
