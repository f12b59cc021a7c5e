/**
 * `docker system df`'s summary rows (TYPE TOTAL ACTIVE SIZE RECLAIMABLE), computed as
 * cli/command/formatter/disk_usage.go's diskUsage*Context types compute them.
 */
import type { BuildCacheRecord, ContainerSummary, DiskUsage, ImageSummary, Volume } from "../../../engine/daemon/api/types";
import { humanSize } from "../../formatter/units/size";

export const DEFAULT_DISK_USAGE_TABLE_FORMAT = "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";
export const DISK_USAGE_RAW_FORMAT =
  "type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\nreclaimable: {{.Reclaimable}}\n";

export const DISK_USAGE_HEADERS: Record<string, string> = {
  Type: "TYPE",
  TotalCount: "TOTAL",
  Active: "ACTIVE",
  Size: "SIZE",
  Reclaimable: "RECLAIMABLE",
};

export interface DiskUsageRow {
  Active: string;
  Reclaimable: string;
  Size: string;
  TotalCount: string;
  Type: string;
}

/** `12.3MB (45%)`: the percentage is integer division, as Go's int64 arithmetic. */
function reclaimableText(reclaimable: number, total: number): string {
  if (total > 0) return `${humanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / total)}%)`;
  return humanSize(reclaimable);
}

export function imagesUsage(images: ImageSummary[], layersSize: number): DiskUsageRow {
  let used = 0;
  for (const i of images) {
    if (i.Containers === 0 || i.Size === -1 || i.SharedSize === -1) continue;
    used += i.Size - i.SharedSize;
  }
  return {
    Active: String(images.filter((i) => i.Containers > 0).length),
    Reclaimable: reclaimableText(layersSize - used, layersSize),
    Size: humanSize(layersSize),
    TotalCount: String(images.length),
    Type: "Images",
  };
}

function isActiveContainer(c: ContainerSummary): boolean {
  return c.State === "running" || c.State === "paused" || c.State === "restarting";
}

export function containersUsage(containers: ContainerSummary[]): DiskUsageRow {
  let size = 0;
  let reclaimable = 0;
  for (const c of containers) {
    size += c.SizeRw ?? 0;
    if (!isActiveContainer(c)) reclaimable += c.SizeRw ?? 0;
  }
  return {
    Active: String(containers.filter(isActiveContainer).length),
    Reclaimable: reclaimableText(reclaimable, size),
    Size: humanSize(size),
    TotalCount: String(containers.length),
    Type: "Containers",
  };
}

export function volumesUsage(volumes: Volume[]): DiskUsageRow {
  let size = 0;
  let reclaimable = 0;
  for (const v of volumes) {
    const u = v.UsageData;
    if (!u || u.Size === -1) continue;
    size += u.Size;
    if (u.RefCount === 0) reclaimable += u.Size;
  }
  return {
    Active: String(volumes.filter((v) => (v.UsageData?.RefCount ?? 0) > 0).length),
    Reclaimable: reclaimableText(reclaimable, size),
    Size: humanSize(size),
    TotalCount: String(volumes.length),
    Type: "Local Volumes",
  };
}

export function buildCacheUsage(records: BuildCacheRecord[]): DiskUsageRow {
  // df.go: BuilderSize sums the records that are not shared with others.
  const builderSize = records.filter((r) => !r.Shared).reduce((n, r) => n + r.Size, 0);
  const inUse = records.filter((r) => r.InUse && !r.Shared).reduce((n, r) => n + r.Size, 0);
  return {
    Active: String(records.filter((r) => r.InUse).length),
    Reclaimable: humanSize(builderSize - inUse),
    Size: humanSize(builderSize),
    TotalCount: String(records.length),
    Type: "Build Cache",
  };
}

/** The four summary rows, in docker's order. */
export function diskUsageRows(du: DiskUsage): DiskUsageRow[] {
  return [
    imagesUsage(du.Images ?? [], du.LayersSize),
    containersUsage(du.Containers ?? []),
    volumesUsage(du.Volumes ?? []),
    buildCacheUsage(du.BuildCache ?? []),
  ];
}
