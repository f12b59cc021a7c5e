import type { FileSystem } from "../../fs/filesystem";
import { canonicalName, type Release } from "./index";

/** The dist-info directory of a release: the wheel's project name as its file spells it. */
export function distInfoName(release: Release): string {
  return `${release.file.split("-")[0]}-${release.version}.dist-info`;
}

/** Canonical names of the distributions installed in `sitePackages` (their dist-info). */
export function installedDistributions(fs: FileSystem, sitePackages: string): Map<string, string> {
  const found = new Map<string, string>();
  let names: string[] = [];
  try {
    names = fs.readdir(sitePackages);
  } catch {
    return found;
  }
  for (const name of names) {
    const m = /^(.+)-([^-]+)\.(dist|egg)-info$/.exec(name);
    if (m) found.set(canonicalName(m[1] as string), m[2] as string);
  }
  return found;
}

/**
 * Unpacks a release into site-packages as a wheel install does: the import packages, then
 * the dist-info with METADATA, INSTALLER, WHEEL, top_level.txt and the RECORD of every file.
 */
export function installRelease(fs: FileSystem, sitePackages: string, release: Release, interpreter: string): void {
  const record: string[] = [];
  // Console scripts go to the prefix's bin (site-packages is <prefix>/lib/pythonX.Y/site-packages).
  const prefix = sitePackages.split("/").slice(0, -3).join("/");
  for (const [name, entry] of Object.entries(release.scripts ?? {})) {
    const [module, func] = entry.split(":") as [string, string];
    fs.mkdir(`${prefix}/bin`, { recursive: true });
    // pip's distlib script template (pip/_internal/operations/install/wheel.py).
    fs.writeFile(
      `${prefix}/bin/${name}`,
      `#!${interpreter}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${module} import ${func}\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(${func}())\n`,
      { mode: 0o755 },
    );
    record.push(`../../../bin/${name},,`);
  }
  const write = (rel: string, text: string) => {
    const path = `${sitePackages}/${rel}`;
    fs.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    fs.writeFile(path, text);
    record.push(`${rel},,`);
  };
  for (const [module, source] of Object.entries(release.modules)) write(`${module}/__init__.py`, source);
  const info = distInfoName(release);
  write(
    `${info}/METADATA`,
    `Metadata-Version: 2.1\nName: ${release.name}\nVersion: ${release.version}\nSummary: ${release.summary}\n${release.requires
      .map((r) => `Requires-Dist: ${r.name}${r.spec ? ` (${r.spec})` : ""}${r.marker ? ` ; ${r.marker}` : ""}\n`)
      .join("")}`,
  );
  write(`${info}/INSTALLER`, "pip\n");
  write(`${info}/WHEEL`, "Wheel-Version: 1.0\nGenerator: bdist_wheel (0.37.1)\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
  write(`${info}/top_level.txt`, `${Object.keys(release.modules).join("\n")}\n`);
  record.push(`${info}/RECORD,,`);
  fs.writeFile(`${sitePackages}/${info}/RECORD`, `${record.join("\n")}\n`);
}

/** The dist-info directory of an installed distribution, by canonical name. */
function installedDistInfo(fs: FileSystem, sitePackages: string, key: string): string | null {
  let names: string[] = [];
  try {
    names = fs.readdir(sitePackages);
  } catch {
    return null;
  }
  for (const name of names) {
    const m = /^(.+)-([^-]+)\.dist-info$/.exec(name);
    if (m && canonicalName(m[1] as string) === key) return name;
  }
  return null;
}

/** An installed distribution's METADATA fields (Name, Version, Summary, Requires-Dist...). */
export function installedMetadata(fs: FileSystem, sitePackages: string, key: string): Map<string, string[]> | null {
  const info = installedDistInfo(fs, sitePackages, key);
  if (info === null) return null;
  const fields = new Map<string, string[]>();
  let text = "";
  try {
    text = fs.readText(`${sitePackages}/${info}/METADATA`);
  } catch {
    return fields;
  }
  for (const line of text.split("\n")) {
    const m = /^([A-Za-z-]+): ?(.*)$/.exec(line);
    if (m) fields.set(m[1] as string, [...(fields.get(m[1] as string) ?? []), m[2] as string]);
  }
  return fields;
}

/** Removes what an installed distribution's RECORD lists, as `pip uninstall` does. */
export function uninstallDistribution(fs: FileSystem, sitePackages: string, key: string): void {
  const info = installedDistInfo(fs, sitePackages, key);
  if (info === null) return;
  let record: string[] = [];
  try {
    record = fs.readText(`${sitePackages}/${info}/RECORD`).split("\n");
  } catch {
    record = [];
  }
  const dirs = new Set<string>([`${sitePackages}/${info}`]);
  for (const line of record) {
    const rel = line.split(",")[0];
    if (!rel) continue;
    const parts = `${sitePackages}/${rel}`.split("/");
    const path: string[] = [];
    for (const part of parts) {
      if (part === "..") path.pop();
      else path.push(part);
    }
    const full = path.join("/");
    try {
      fs.unlink(full);
    } catch {
      // Already gone: pip goes on.
    }
    const dir = full.slice(0, full.lastIndexOf("/"));
    if (dir.startsWith(`${sitePackages}/`)) dirs.add(dir);
  }
  // Emptied package directories go too, deepest first.
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    try {
      if (fs.readdir(dir).length === 0) fs.rmdir(dir);
    } catch {
      // Not empty or not there.
    }
  }
}
