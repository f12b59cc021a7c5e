/**
 * The columns of `docker ps` (cli/command/formatter/container.go): default table, headers
 * and the ContainerContext fields a --format template reads.
 */
import type { ContainerSummary, Port } from "../../../engine/daemon/api/types";
import { humanDuration } from "../../../go-units/duration";
import { humanSizeWithPrecision } from "../../formatter/units/size";
import { familiarString, parseNormalizedNamed } from "../image/reference";

export const DEFAULT_CONTAINER_TABLE_FORMAT =
  "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

export const CONTAINER_HEADERS: Record<string, string> = {
  ID: "CONTAINER ID",
  Names: "NAMES",
  Image: "IMAGE",
  Command: "COMMAND",
  CreatedAt: "CREATED AT",
  RunningFor: "CREATED",
  Ports: "PORTS",
  State: "STATE",
  Status: "STATUS",
  Size: "SIZE",
  Labels: "LABELS",
  Mounts: "MOUNTS",
  LocalVolumes: "LOCAL VOLUMES",
  Networks: "NETWORKS",
  Platform: "PLATFORM",
  HealthStatus: "HEALTH STATUS",
};

/** NewContainerFormat: the format for --format, -q and --size. */
export function newContainerFormat(source: string, quiet: boolean, size: boolean): string {
  if (source === "" || source === "table") {
    if (quiet) return "{{.ID}}";
    return size ? `${DEFAULT_CONTAINER_TABLE_FORMAT}\t{{.Size}}` : DEFAULT_CONTAINER_TABLE_FORMAT;
  }
  if (source === "raw") {
    if (quiet) return "container_id: {{.ID}}";
    const raw =
      "container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n";
    return size ? `${raw}size: {{.Size}}\n` : raw;
  }
  return source;
}

/** stringid.TruncateID: 12 characters, without a `sha256:` prefix. */
export function truncateId(id: string): string {
  const bare = id.includes(":") ? id.slice(id.indexOf(":") + 1) : id;
  return bare.slice(0, 12);
}

/** formatter.Ellipsis for text of single-width characters. */
export function ellipsis(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return `${chars.slice(0, max - 1).join("")}…`;
}

/** strconv.Quote of the command (backslashes and quotes escaped). */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (m, hex) => (Number.parseInt(hex, 16) < 0x20 ? `\\x${hex.slice(2)}` : m));
}

function imageColumn(c: ContainerSummary, trunc: boolean): string {
  if (c.Image === "") return "<no image>";
  if (!trunc) return c.Image;
  if (truncateId(c.ImageID) === truncateId(c.Image)) return truncateId(c.Image);
  try {
    const ref = parseNormalizedNamed(c.Image);
    return familiarString({ ...ref, digest: undefined });
  } catch {
    return c.Image;
  }
}

function joinHostPort(ip: string, port: string): string {
  return ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`;
}

function comparePorts(a: Port, b: Port): number {
  if (a.PrivatePort !== b.PrivatePort) return a.PrivatePort - b.PrivatePort;
  const ipA = a.IP ?? "";
  const ipB = b.IP ?? "";
  // netip.Addr.Less: IPv4 before IPv6.
  if (ipA !== ipB) return ipA.includes(":") !== ipB.includes(":") ? (ipA.includes(":") ? 1 : -1) : ipA < ipB ? -1 : 1;
  if ((a.PublicPort ?? 0) !== (b.PublicPort ?? 0)) return (a.PublicPort ?? 0) - (b.PublicPort ?? 0);
  return a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
}

/** DisplayablePorts: `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`, ranges grouped (`3306/tcp, 33060/tcp`). */
export function displayablePorts(ports: Port[]): string {
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  const form = (key: string, first: number, last: number) => {
    const [a, b] = key.split("/");
    const ip = b === undefined ? "" : a;
    const type = b === undefined ? a : b;
    let group = first === last ? `${first}` : `${first}-${last}`;
    if (ip !== "") group = `${joinHostPort(ip, group)}->${group}`;
    return `${group}/${type}`;
  };
  for (const port of [...ports].sort(comparePorts)) {
    const current = port.PrivatePort;
    let key: string = port.Type;
    if (port.IP) {
      if (port.PublicPort !== current) {
        hostMappings.push(`${joinHostPort(port.IP, String(port.PublicPort))}->${port.PrivatePort}/${port.Type}`);
        continue;
      }
      key = `${port.IP}/${port.Type}`;
    }
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { first: current, last: current });
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(form(key, group.first, group.last));
    groups.set(key, { first: current, last: current });
  }
  for (const [key, g] of groups) result.push(form(key, g.first, g.last));
  return [...result, ...hostMappings].join(", ");
}

/** Go's time.Time.String for a Unix time in UTC: `2026-01-01 00:00:05 +0000 UTC`. */
export function goTimeString(unixSeconds: number): string {
  const iso = new Date(unixSeconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`;
}

export interface ContainerRow {
  ID: string;
  Names: string;
  Image: string;
  Command: string;
  CreatedAt: string;
  RunningFor: string;
  Ports: string;
  State: string;
  Status: string;
  Size: string;
  Labels: string;
  Mounts: string;
  LocalVolumes: string;
  Networks: string;
  Label(name: string): string;
}

export function containerRow(c: ContainerSummary, opts: { trunc: boolean; nowMs: number }): ContainerRow {
  const names = c.Names.map((n) => n.replace(/^\//, ""));
  const labels = c.Labels ?? {};
  return {
    ID: opts.trunc ? truncateId(c.Id) : c.Id,
    Names: opts.trunc ? (names.find((n) => !n.includes("/")) ?? "") : names.join(","),
    Image: imageColumn(c, opts.trunc),
    Command: goQuote(opts.trunc ? ellipsis(c.Command, 20) : c.Command),
    CreatedAt: goTimeString(c.Created),
    RunningFor: `${humanDuration(Math.max(0, opts.nowMs - c.Created * 1000))} ago`,
    Ports: displayablePorts(c.Ports ?? []),
    State: c.State,
    Status: c.Status,
    Size:
      (c.SizeRootFs ?? 0) > 0
        ? `${humanSizeWithPrecision(c.SizeRw ?? 0, 3)} (virtual ${humanSizeWithPrecision(c.SizeRootFs ?? 0, 3)})`
        : humanSizeWithPrecision(c.SizeRw ?? 0, 3),
    Labels: Object.entries(labels)
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join(","),
    Mounts: (c.Mounts ?? []).map((m) => (opts.trunc ? ellipsis(m.Name || m.Source, 15) : m.Name || m.Source)).join(","),
    LocalVolumes: String((c.Mounts ?? []).filter((m) => m.Driver === "local").length),
    Networks: Object.keys(c.NetworkSettings?.Networks ?? {}).join(","),
    Label: (name: string) => labels[name] ?? "",
  };
}
