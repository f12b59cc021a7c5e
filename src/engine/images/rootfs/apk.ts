import type { Layer } from "../../fs/layer";

/** An Alpine package as apk's installed database records it. */
export interface ApkPackage {
  name: string;
  version: string;
  description: string;
  /** Bytes, as the I: field counts them. */
  installedSize: number;
  license: string;
  origin?: string;
  url?: string;
  depends?: string;
  provides?: string;
}

export type ApkRow = [string, string, string, number, string, Partial<ApkPackage>?];

export function apkPackages(rows: ApkRow[]): ApkPackage[] {
  return rows.map(([name, version, description, installedSize, license, extra]) => ({
    name,
    version,
    description,
    installedSize,
    license,
    ...extra,
  }));
}

/**
 * /lib/apk/db/installed: one paragraph per package of single-letter fields (P name,
 * V version, A arch, S size, I installed size, T description, U url, L license,
 * o origin, D depends, p provides), as apk-tools 2 writes it.
 */
export function apkInstalled(packages: ApkPackage[]): string {
  return packages
    .map((p) => {
      const lines = [
        `P:${p.name}`,
        `V:${p.version}`,
        "A:x86_64",
        `S:${Math.round(p.installedSize / 2.4)}`,
        `I:${p.installedSize}`,
        `T:${p.description}`,
      ];
      lines.push(`U:${p.url ?? "https://alpinelinux.org"}`, `L:${p.license}`, `o:${p.origin ?? p.name}`);
      if (p.depends) lines.push(`D:${p.depends}`);
      if (p.provides) lines.push(`p:${p.provides}`);
      return `${lines.join("\n")}\n`;
    })
    .join("\n")
    .concat("\n");
}

/** The apk database and its configuration: installed, world, repositories. */
export function apkDatabase(layer: Layer, packages: ApkPackage[], world: string[], branch: string): Layer {
  layer.file("/lib/apk/db/installed", apkInstalled(packages));
  layer.file("/lib/apk/db/lock", "", 0o600);
  layer.file("/lib/apk/db/triggers", "");
  layer.file("/lib/apk/db/scripts.tar", "");
  layer.file("/etc/apk/world", `${world.join("\n")}\n`);
  layer.file("/etc/apk/arch", "x86_64\n");
  layer.file(
    "/etc/apk/repositories",
    `https://dl-cdn.alpinelinux.org/alpine/${branch}/main\nhttps://dl-cdn.alpinelinux.org/alpine/${branch}/community\n`,
  );
  layer.dir("/etc/apk/keys").dir("/etc/apk/protected_paths.d").dir("/var/cache/apk");
  return layer;
}
