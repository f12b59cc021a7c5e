/**
 * docker buildx du (buildx commands/diskusage.go): the builder's cache records, smallest
 * first (BuildKit's client sorts them by size, then ID), as a table or, with --verbose, one
 * block per record; then the Reclaimable and Total lines (printSummary). The records are
 * the Engine API's BuildCache (GET /system/df?type=build-cache).
 */
import type { BuildCacheRecord, DiskUsage } from "../../../engine/daemon/api/types";
import { humanDuration } from "../../../go-units/duration";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { TabWriter } from "../../formatter/tabwriter";
import { humanSize } from "../../formatter/units/size";
import { goTimeString } from "../system/displayutils";
import { type DockerCli, dockerCli, nowMs, renderFormatted, subContext } from "../system/dockercli";
import { loadBuilder } from "./node";

const DEFAULT_TABLE_FORMAT = "table {{.ID}}\t{{.Reclaimable}}\t{{.Size}}\t{{.LastUsedAt}}";

const DEFAULT_PRETTY_TEMPLATE = `ID:           {{.ID}}
{{- if .Parents }}
Parents:
{{- range .Parents }}
 - {{.}}
{{- end }}
{{- end }}
Created at:   {{.CreatedAt}}
Mutable:      {{.Mutable}}
Reclaimable:  {{.Reclaimable}}
Shared:       {{.Shared}}
Size:         {{.Size}}
{{- if .Description}}
Description:  {{ .Description }}
{{- end }}
Usage count:  {{.UsageCount}}
{{- if .LastUsedAt}}
Last used:    {{ .LastUsedAt }}
{{- end }}
{{- if .Type}}
Type:         {{ .Type }}
{{- end }}
`;

const HEADERS = {
  ID: "ID",
  Parents: "PARENTS",
  CreatedAt: "CREATED AT",
  Mutable: "MUTABLE",
  Reclaimable: "RECLAIMABLE",
  Shared: "SHARED",
  Size: "SIZE",
  Description: "DESCRIPTION",
  UsageCount: "USAGE COUNT",
  LastUsedAt: "LAST ACCESSED",
  Type: "TYPE",
};

/** The builder's cache records in the order BuildKit's client returns them. */
export async function cacheRecords(cli: DockerCli): Promise<BuildCacheRecord[]> {
  const du = await cli.client.get<Partial<DiskUsage>>("/system/df", { type: "build-cache" });
  return [...(du.BuildCache ?? [])].sort((a, b) => a.Size - b.Size || (a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0));
}

/** `13 days ago`, from the record's last use (units.HumanDuration(time.Since(...))). */
export function lastAccessed(r: BuildCacheRecord, now: number): string {
  return r.LastUsedAt ? `${humanDuration(now - Date.parse(r.LastUsedAt))} ago` : "";
}

function recordRow(r: BuildCacheRecord, table: boolean, now: number) {
  return subContext("*commands.diskusageContext", {
    ID: r.ID,
    Parents: r.Parents ?? [],
    CreatedAt: goTimeString(r.CreatedAt),
    Mutable: false,
    Reclaimable: !r.InUse,
    Shared: r.Shared,
    Size: humanSize(r.Size) + (table && r.Shared ? "*" : ""),
    Description: r.Description,
    UsageCount: r.UsageCount,
    LastUsedAt: lastAccessed(r, now),
    Type: r.Type,
  });
}

/** printSummary: a tabwriter padding with tabs (minwidth 1, tabwidth 8, padding 1). */
export function summary(records: BuildCacheRecord[]): string {
  let total = 0;
  let reclaimable = 0;
  let shared = 0;
  for (const r of records) {
    if (r.Size > 0) {
      total += r.Size;
      if (!r.InUse) reclaimable += r.Size;
    }
    if (r.Shared) shared += r.Size;
  }
  const tw = new TabWriter({ minwidth: 1, tabwidth: 8, padding: 1, padchar: "\t" });
  if (shared > 0) tw.write(`Shared:\t${humanSize(shared)}\nPrivate:\t${humanSize(total - shared)}\n`);
  tw.write(`Reclaimable:\t${humanSize(reclaimable)}\nTotal:\t${humanSize(total)}\n`);
  return tw.flush();
}

async function runDiskUsage(cli: DockerCli, builder: string, format: string, verbose: boolean): Promise<void> {
  if (format !== "" && verbose) throw new StatusError("ERROR: --format and --verbose cannot be used together", 1);
  let source = format;
  if (source === "") source = verbose ? DEFAULT_PRETTY_TEMPLATE : DEFAULT_TABLE_FORMAT;
  else if (source === "pretty") source = DEFAULT_PRETTY_TEMPLATE;
  else if (source === "table") source = DEFAULT_TABLE_FORMAT;
  await loadBuilder(cli, builder);
  const records = await cacheRecords(cli);
  const now = nowMs(cli);
  const table = source.startsWith("table");
  let out = renderFormatted({ format: source, headers: HEADERS, rows: records.map((r) => recordRow(r, table, now)) });
  if (source === DEFAULT_TABLE_FORMAT || source === DEFAULT_PRETTY_TEMPLATE) out += summary(records);
  await cli.out(out);
}

export const duCommand: CommandSpec = {
  use: "du",
  short: "Disk usage",
  args: noArgs,
  flags: [
    { name: "format", kind: "string", usage: "Format the output" },
    { name: "verbose", kind: "bool", usage: 'Shorthand for "--format=pretty"' },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    await runDiskUsage(cli, ctx.flags.string("builder"), ctx.flags.string("format"), ctx.flags.bool("verbose"));
    return 0;
  },
};
