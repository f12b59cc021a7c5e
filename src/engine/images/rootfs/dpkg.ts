import type { Layer } from "../../fs/layer";

/**
 * A Debian package as /var/lib/dpkg/status records it. The catalogue keeps only the
 * fields `dpkg -l`, `dpkg -s` and apt need; the stanza is written in dpkg's field order.
 */
export interface DebPackage {
  name: string;
  version: string;
  /** Short description (the first line of Description). */
  description: string;
  section?: string;
  priority?: "required" | "important" | "standard" | "optional";
  /** Kibibytes, as Installed-Size counts. */
  installedSize?: number;
  architecture?: "amd64" | "all";
  essential?: boolean;
  depends?: string;
  source?: string;
}

/** `[name, version, description]` rows with optional extra fields: how the base sets are written. */
export type DebRow = [string, string, string, Partial<DebPackage>?];

export function debPackages(rows: DebRow[]): DebPackage[] {
  return rows.map(([name, version, description, extra]) => ({ name, version, description, ...extra }));
}

/** One paragraph of the status file (deb-control(5) format, "install ok installed"). */
export function statusStanza(pkg: DebPackage, maintainer: string): string {
  const lines = [`Package: ${pkg.name}`];
  if (pkg.essential) lines.push("Essential: yes");
  lines.push("Status: install ok installed");
  lines.push(`Priority: ${pkg.priority ?? "optional"}`);
  lines.push(`Section: ${pkg.section ?? "libs"}`);
  lines.push(`Installed-Size: ${pkg.installedSize ?? 100}`);
  lines.push(`Maintainer: ${maintainer}`);
  lines.push(`Architecture: ${pkg.architecture ?? "amd64"}`);
  if (pkg.source) lines.push(`Source: ${pkg.source}`);
  lines.push(`Version: ${pkg.version}`);
  if (pkg.depends) lines.push(`Depends: ${pkg.depends}`);
  lines.push(`Description: ${pkg.description}`);
  return `${lines.join("\n")}\n`;
}

/**
 * /var/lib/dpkg/status (paragraphs separated by blank lines, sorted by name as dpkg
 * writes it) and the empty files dpkg keeps beside it.
 */
export function dpkgDatabase(layer: Layer, packages: DebPackage[], maintainer: string): Layer {
  const sorted = [...packages].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  layer.file("/var/lib/dpkg/status", `${sorted.map((p) => statusStanza(p, maintainer)).join("\n")}`);
  layer.file("/var/lib/dpkg/available", "");
  layer.file("/var/lib/dpkg/lock", "", 0o640);
  layer.dir("/var/lib/dpkg/info").dir("/var/lib/dpkg/updates").dir("/var/lib/dpkg/alternatives");
  for (const pkg of sorted) layer.file(`/var/lib/dpkg/info/${pkg.name}.list`, "/.\n");
  return layer;
}

/** apt's directories: empty lists (images are shipped after `rm -rf /var/lib/apt/lists/*`) and the sources. */
export function aptState(layer: Layer, sources: Record<string, string>): Layer {
  layer.dir("/var/lib/apt/lists/partial", 0o700).dir("/var/cache/apt/archives/partial", 0o700);
  layer.dir("/etc/apt/apt.conf.d").dir("/etc/apt/preferences.d").dir("/etc/apt/trusted.gpg.d").dir("/etc/apt/sources.list.d");
  for (const [path, text] of Object.entries(sources)) layer.file(path, text);
  return layer;
}
