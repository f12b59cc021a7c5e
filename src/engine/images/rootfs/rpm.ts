import type { Layer } from "../../fs/layer";

/** An RPM package as `rpm -q` names it: name-version-release.arch. */
export interface RpmPackage {
  name: string;
  version: string;
  release: string;
  arch: "x86_64" | "noarch";
  summary: string;
  /** Bytes installed. */
  size?: number;
}

/** `"name-version-release.arch summary"` lines, the compact way the base sets are written. */
export function rpmPackages(lines: string[]): RpmPackage[] {
  return lines.map((line) => {
    const space = line.indexOf(" ");
    const nvra = line.slice(0, space);
    const summary = line.slice(space + 1);
    const dot = nvra.lastIndexOf(".");
    const arch = nvra.slice(dot + 1) as RpmPackage["arch"];
    const nvr = nvra.slice(0, dot);
    const releaseAt = nvr.lastIndexOf("-");
    const versionAt = nvr.lastIndexOf("-", releaseAt - 1);
    return {
      name: nvr.slice(0, versionAt),
      version: nvr.slice(versionAt + 1, releaseAt),
      release: nvr.slice(releaseAt + 1),
      arch,
      summary,
    };
  });
}

/**
 * The RPM database. Real CentOS 8 keeps Berkeley DB files (Packages, Name, ...) and
 * EL9 an SQLite file, /var/lib/rpm/rpmdb.sqlite; here that file holds one JSON object
 * per line and per installed package, in installation order:
 *   {"name":"bash","version":"4.4.20","release":"1.el8_4","arch":"x86_64","summary":"The GNU Bourne Again shell","size":6930068}
 * The rpm, yum and dnf models read and append to it.
 */
export function rpmDatabase(layer: Layer, packages: RpmPackage[]): Layer {
  const lines = packages.map((p) =>
    JSON.stringify({ name: p.name, version: p.version, release: p.release, arch: p.arch, summary: p.summary, size: p.size ?? 0 }),
  );
  layer.file("/var/lib/rpm/rpmdb.sqlite", `${lines.join("\n")}\n`);
  return layer;
}
