import type { FileSystem } from "../../fs/filesystem";
import { formatControl, type Paragraph, parseControl } from "./control";
import type { DebPackage } from "./package";

/** dpkg's database of installed packages: /var/lib/dpkg/status and /var/lib/dpkg/info/*. */
export const STATUS = "/var/lib/dpkg/status";
export const INFO = "/var/lib/dpkg/info";

export interface Installed {
  name: string;
  version: string;
  architecture: string;
  status: string;
  description: string;
  paragraph: Paragraph;
}

export function readStatus(fs: FileSystem): Installed[] {
  let text = "";
  try {
    text = fs.readText(STATUS);
  } catch {
    return [];
  }
  return parseControl(text).map((p) => ({
    name: p.get("Package") ?? "",
    version: p.get("Version") ?? "",
    architecture: p.get("Architecture") ?? "",
    status: p.get("Status") ?? "",
    description: p.get("Description") ?? "",
    paragraph: p,
  }));
}

export function isInstalled(entry: Installed): boolean {
  return entry.status.endsWith(" installed");
}

/** The status paragraph dpkg writes once a package is configured, in dpkg's field order. */
export function statusParagraph(pkg: DebPackage, maintainer: string): Paragraph {
  const p: Paragraph = new Map();
  p.set("Package", pkg.name);
  p.set("Status", "install ok installed");
  p.set("Priority", pkg.priority ?? "optional");
  p.set("Section", pkg.section);
  p.set("Installed-Size", String(pkg.installedSize));
  p.set("Maintainer", maintainer);
  p.set("Architecture", pkg.architecture);
  if (pkg.source) p.set("Source", pkg.source);
  p.set("Version", pkg.version);
  if (pkg.depends?.length) p.set("Depends", pkg.depends.join(", "));
  if (pkg.recommends?.length) p.set("Recommends", pkg.recommends.join(", "));
  if (pkg.suggests?.length) p.set("Suggests", pkg.suggests.join(", "));
  if (pkg.conffiles?.length) p.set("Conffiles", pkg.conffiles.map((c) => `\n ${c} ${contentDigest(pkg.files[c])}`).join(""));
  p.set("Description", pkg.description);
  return p;
}

/** Rewrites the status file with `entries` (sorted by name, as dpkg keeps it). */
export function writeStatus(fs: FileSystem, entries: Installed[]): void {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  fs.writeFile(STATUS, formatControl(sorted.map((e) => e.paragraph)));
}

/** Adds or replaces one package's paragraph. */
export function recordInstalled(fs: FileSystem, paragraph: Paragraph): void {
  const name = paragraph.get("Package") ?? "";
  const entries = readStatus(fs).filter((e) => e.name !== name);
  entries.push({
    name,
    version: paragraph.get("Version") ?? "",
    architecture: paragraph.get("Architecture") ?? "",
    status: paragraph.get("Status") ?? "",
    description: paragraph.get("Description") ?? "",
    paragraph,
  });
  writeStatus(fs, entries);
}

export function forgetInstalled(fs: FileSystem, name: string): void {
  writeStatus(
    fs,
    readStatus(fs).filter((e) => e.name !== name),
  );
}

/** Files and directories a package owns, from /var/lib/dpkg/info/<pkg>.list. */
export function packageList(fs: FileSystem, name: string): string[] | null {
  for (const file of [`${INFO}/${name}.list`, `${INFO}/${name}:amd64.list`]) {
    try {
      return fs.readText(file).split("\n").filter(Boolean);
    } catch {
      // try the multiarch name
    }
  }
  return null;
}

/**
 * Stand-in for the MD5 sum dpkg records per conffile: 32 hex digits derived from the
 * content (FNV-1a, four rounds), stable so that `dpkg -s` output does not change.
 */
function contentDigest(file: unknown): string {
  const text = typeof file === "string" ? file : JSON.stringify(file ?? "");
  let out = "";
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}
