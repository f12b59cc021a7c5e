/**
 * The rows of `docker volume ls`, as cli/command/formatter/volume.go builds them.
 */
import type { Volume } from "../../../engine/daemon/api/types";
import { humanSize } from "../../formatter/units/size";
import { subContext } from "../system/dockercli";

export const DEFAULT_VOLUME_TABLE_FORMAT = "table {{.Driver}}\t{{.Name}}";

export const VOLUME_HEADERS: Record<string, string> = {
  Name: "VOLUME NAME",
  Driver: "DRIVER",
  Scope: "SCOPE",
  Mountpoint: "MOUNTPOINT",
  Labels: "LABELS",
  Links: "LINKS",
  Size: "SIZE",
  Group: "GROUP",
  Availability: "AVAILABILITY",
  Status: "STATUS",
};

export function newVolumeFormat(source: string, quiet: boolean): string {
  if (source === "table") return quiet ? "{{.Name}}" : DEFAULT_VOLUME_TABLE_FORMAT;
  if (source === "raw") return quiet ? "name: {{.Name}}" : "name: {{.Name}}\\ndriver: {{.Driver}}\\n";
  return source;
}

export interface VolumeRow {
  Availability: string;
  Driver: string;
  Group: string;
  Labels: string;
  Links: string;
  Mountpoint: string;
  Name: string;
  Scope: string;
  Size: string;
  Status: string;
  Label: (name: string) => string;
}

/** volumeContext's fields; cluster volumes are a swarm CSI feature the playground lacks ("N/A"). */
export function volumeRow(v: Volume): VolumeRow {
  const labels = v.Labels ?? {};
  return subContext("*formatter.volumeContext", {
    Availability: "N/A",
    Driver: v.Driver,
    Group: "N/A",
    Labels: Object.entries(labels)
      .map(([k, val]) => `${k}=${val}`)
      .sort()
      .join(","),
    Links: v.UsageData ? String(v.UsageData.RefCount) : "N/A",
    Mountpoint: v.Mountpoint,
    Name: v.Name,
    Scope: v.Scope,
    Size: v.UsageData ? humanSize(v.UsageData.Size) : "N/A",
    Status: "N/A",
    Label: (name: string) => labels[name] ?? "",
  });
}
