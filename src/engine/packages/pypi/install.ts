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
export function installRelease(fs: FileSystem, sitePackages: string, release: Release): void {
  const record: string[] = [];
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
