import type { PackageFiles } from "../files";

/** An RPM in an EL8 repository (repodata's primary.xml fields the tools print). */
export interface RpmPackage {
  name: string;
  version: string;
  release: string;
  arch: "x86_64" | "noarch";
  /** Repository id: appstream, baseos, extras. */
  repo: string;
  /** Download bytes. */
  size: number;
  /** Installed bytes. */
  installedSize: number;
  summary: string;
  requires?: string[];
  /** Weak dependencies dnf installs by default (install_weak_deps=True). */
  recommends?: string[];
  files: PackageFiles;
  /** A module stream the package comes from, enabled on install (`Enabling module streams:`). */
  module?: string;
}

export function nevra(p: Pick<RpmPackage, "name" | "version" | "release" | "arch">): string {
  return `${p.name}-${p.version}-${p.release}.${p.arch}`;
}
