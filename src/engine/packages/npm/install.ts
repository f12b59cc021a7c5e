import type { FileSystem } from "../../fs/filesystem";
import type { Placed } from "./tree";

/** The package.json npm leaves in node_modules: the registry's manifest plus `_` fields it no longer writes. */
function manifest(p: Placed): string {
  const { pkg } = p;
  const json: Record<string, unknown> = { name: pkg.name, version: pkg.version };
  if (pkg.description) json.description = pkg.description;
  json.license = pkg.license;
  if (Object.keys(pkg.dependencies).length > 0) json.dependencies = pkg.dependencies;
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function tarball(name: string, version: string): string {
  return `https://registry.npmjs.org/${name}/-/${name.split("/").pop()}-${version}.tgz`;
}

/** The lockfile's entry for one installed package (lockfileVersion 3). */
function lockEntry(p: Placed): Record<string, unknown> {
  const entry: Record<string, unknown> = { version: p.pkg.version, resolved: tarball(p.pkg.name, p.pkg.version) };
  if (p.dev) entry.dev = true;
  entry.license = p.pkg.license;
  if (Object.keys(p.pkg.dependencies).length > 0) entry.dependencies = p.pkg.dependencies;
  return entry;
}

export interface Project {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** package-lock.json, and node_modules/.package-lock.json (the same without the root entry). */
export function lockfiles(project: Project, placed: Placed[]): { lock: string; hidden: string } {
  const root: Record<string, unknown> = {};
  if (project.name) root.name = project.name;
  if (project.version) root.version = project.version;
  if (typeof project.license === "string") root.license = project.license;
  if (project.dependencies && Object.keys(project.dependencies).length) root.dependencies = project.dependencies;
  if (project.devDependencies && Object.keys(project.devDependencies).length) root.devDependencies = project.devDependencies;
  const packages: Record<string, unknown> = { "": root };
  for (const p of placed) packages[p.location] = lockEntry(p);
  const head: Record<string, unknown> = {};
  if (project.name) head.name = project.name;
  if (project.version) head.version = project.version;
  const lock = { ...head, lockfileVersion: 3, requires: true, packages };
  const hiddenPackages = { ...packages };
  delete hiddenPackages[""];
  const hidden = { ...head, lockfileVersion: 3, requires: true, packages: hiddenPackages };
  return { lock: `${JSON.stringify(lock, null, 2)}\n`, hidden: `${JSON.stringify(hidden, null, 2)}\n` };
}

/** Writes each placed package into `dir`/node_modules: its package.json and its files. */
export function writePackages(fs: FileSystem, dir: string, placed: Placed[]): void {
  for (const p of placed) {
    const base = `${dir}/${p.location}`;
    fs.mkdir(base, { recursive: true });
    fs.writeFile(`${base}/package.json`, manifest(p));
    for (const [rel, text] of Object.entries(p.pkg.files)) {
      const path = `${base}/${rel}`;
      fs.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
      fs.writeFile(path, text);
    }
  }
}

/** The version installed at `dir`/`location`, if any. */
export function installedVersion(fs: FileSystem, dir: string, location: string): string | null {
  try {
    return (JSON.parse(fs.readText(`${dir}/${location}/package.json`)) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}
