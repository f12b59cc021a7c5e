import type { FileSystem } from "../../fs/filesystem";
import { debArchive } from "./archives";
import { formatControl, type Paragraph, parseControl } from "./control";
import type { DebArchive, DebPackage } from "./package";
import { listFileName, readSources, type Source } from "./sources";

export const LISTS = "/var/lib/apt/lists";

/** A package apt can install: the archive's record and where `Get:` fetches it from. */
export interface Candidate {
  pkg: DebPackage;
  source: Source;
}

export function packagesFileName(source: Source, component: string): string {
  return listFileName(source, `${component}/binary-amd64/Packages`);
}

/** The pool path of a .deb: pool/main/f/figlet/figlet_2.2.5-3_amd64.deb. */
export function poolPath(pkg: DebPackage): string {
  const src = pkg.source ?? pkg.name;
  const prefix = src.startsWith("lib") ? src.slice(0, 4) : src[0];
  return `pool/${pkg.component}/${prefix}/${src}/${debFileName(pkg)}`;
}

/** figlet_2.2.5-3_amd64.deb: the epoch is not part of the file name. */
export function debFileName(pkg: DebPackage): string {
  return `${pkg.name}_${pkg.version.replace(/^\d+:/, "")}_${pkg.architecture}.deb`;
}

/** The packages of `archive` that `suite`'s `component` index lists. */
export function indexPackages(archive: DebArchive, suite: string, component: string): DebPackage[] {
  const pocket = suite.slice(archive.codename.length);
  return archive.packages.filter((p) => p.component === component && (p.pocket ?? "") === pocket);
}

/** A Packages index in the archive's format (one paragraph per package). */
export function packagesIndex(archive: DebArchive, packages: DebPackage[]): string {
  return formatControl(
    packages.map((pkg) => {
      const p: Paragraph = new Map();
      p.set("Package", pkg.name);
      p.set("Architecture", pkg.architecture);
      p.set("Version", pkg.version);
      p.set("Priority", pkg.priority ?? "optional");
      p.set("Section", pkg.section);
      p.set("Maintainer", archive.maintainer);
      p.set("Installed-Size", String(pkg.installedSize));
      if (pkg.depends?.length) p.set("Depends", pkg.depends.join(", "));
      if (pkg.recommends?.length) p.set("Recommends", pkg.recommends.join(", "));
      if (pkg.suggests?.length) p.set("Suggests", pkg.suggests.join(", "));
      p.set("Filename", poolPath(pkg));
      p.set("Size", String(pkg.size));
      p.set("Description", pkg.description);
      return p;
    }),
  );
}

/**
 * What `apt-get install` can see: the Packages files `apt-get update` left in
 * /var/lib/apt/lists, matched back to the offline archive for their contents. No lists
 * (a fresh image, or after `rm -rf /var/lib/apt/lists/*`) means nothing to install.
 */
export async function readCandidates(fs: FileSystem): Promise<Map<string, Candidate>> {
  const out = new Map<string, Candidate>();
  for (const source of readSources(fs)) {
    const archive = await debArchive(source.suite);
    if (!archive) continue;
    for (const component of source.components) {
      let text: string;
      try {
        text = fs.readText(`${LISTS}/${packagesFileName(source, component)}`);
      } catch {
        continue;
      }
      for (const para of parseControl(text)) {
        const name = para.get("Package") ?? "";
        const pkg = archive.packages.find((p) => p.name === name && p.version === para.get("Version"));
        if (pkg) out.set(name, { pkg, source });
      }
    }
  }
  return out;
}
