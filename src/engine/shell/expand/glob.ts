import type { FileSystem } from "../../fs/filesystem";
import { resolvePath } from "../../fs/path";
import { hasGlobChars, matchPattern, unescapeGlob } from "./pattern";

export interface GlobOptions {
  /** shopt -s dotglob: * matches names that start with a dot. */
  dotglob?: boolean;
}

/**
 * Pathname expansion: the paths matching `pattern` (quoted characters backslash-escaped),
 * sorted in the C locale's byte order, written the way the pattern was (relative stays
 * relative). Names starting with a dot match only a pattern that starts with one, and
 * . and .. never (bash 5.2's globskipdots).
 */
export function globPaths(pattern: string, fs: FileSystem, cwd: string, options: GlobOptions = {}): string[] {
  const absolute = pattern.startsWith("/");
  const components = pattern.split("/").filter((c, i, all) => c !== "" || i === all.length - 1);
  const trailingSlash = pattern.endsWith("/");
  if (trailingSlash) components.pop();
  let matches: string[] = [absolute ? "/" : ""];
  for (const [i, component] of components.entries()) {
    const last = i === components.length - 1;
    const next: string[] = [];
    for (const base of matches) {
      const dir = resolvePath(cwd, base || ".");
      if (!hasGlobChars(component)) {
        const path = base + unescapeGlob(component);
        if (last ? exists(fs, resolvePath(cwd, path)) : isDir(fs, resolvePath(cwd, path))) next.push(last ? path : `${path}/`);
        continue;
      }
      for (const name of readdir(fs, dir)) {
        if (name.startsWith(".") && !component.startsWith(".") && !component.startsWith("\\.") && !options.dotglob) continue;
        if (!matchPattern(component, name, true)) continue;
        const path = base + name;
        if (last) next.push(path);
        else if (isDir(fs, resolvePath(cwd, path))) next.push(`${path}/`);
      }
    }
    matches = next;
    if (matches.length === 0) return [];
  }
  if (trailingSlash) matches = matches.filter((m) => isDir(fs, resolvePath(cwd, m))).map((m) => `${m}/`);
  return matches.sort(compareBytes);
}

/** The C locale's collation: by code point. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function readdir(fs: FileSystem, dir: string): string[] {
  try {
    return fs.readdir(dir);
  } catch {
    return [];
  }
}

function exists(fs: FileSystem, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

function isDir(fs: FileSystem, path: string): boolean {
  try {
    return fs.stat(path).type === "dir";
  } catch {
    return false;
  }
}
