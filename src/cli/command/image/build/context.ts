/**
 * The build context as the client sends it (docker/cli cli/command/image/build/context.go):
 * the directory's files as a tar, less what .dockerignore excludes, but always with the
 * Dockerfile and .dockerignore themselves; or, for `docker build -`, stdin: a tar as it
 * is, or a Dockerfile wrapped in a tar of its own.
 */

import { join } from "../../../../engine/fs/filepath";
import type { FileSystem, Stats } from "../../../../engine/fs/filesystem";
import { type TarEntry, tarEntry, writeTar } from "../../../../engine/fs/tar";
import { PatternMatcher, readDockerignore } from "./dockerignore";

/** The tar of `root` for a build, with the Dockerfile's path in it. */
export function packContext(fs: FileSystem, root: string, dockerfile: string): string {
  let patterns: string[] = [];
  try {
    patterns = readDockerignore(fs.readText(join(root, ".dockerignore")));
  } catch {
    // no .dockerignore: everything goes
  }
  const keep = new Set([".dockerignore", dockerfile.replace(/^\.\//, "")]);
  const matcher = new PatternMatcher(patterns);
  const entries: TarEntry[] = [];
  const walk = (path: string, rel: string) => {
    for (const name of fs.readdir(path).sort()) {
      const childRel = rel ? `${rel}/${name}` : name;
      const childPath = join(path, name);
      const stats = fs.lstat(childPath);
      const excluded = !keep.has(childRel) && matcher.excludes(childRel);
      // An excluded directory is still walked when an exception may bring files back.
      if (excluded && !(stats.type === "dir" && matcher.hasExceptions())) continue;
      const entry = toEntry(fs, childPath, childRel, stats);
      if (entry && !excluded) entries.push(entry);
      if (stats.type === "dir") walk(childPath, childRel);
    }
  };
  walk(root, "");
  return writeTar(entries);
}

function toEntry(fs: FileSystem, path: string, name: string, stats: Stats): TarEntry | null {
  const common = { mode: stats.mode & 0o7777, uid: stats.uid, gid: stats.gid, mtime: Math.floor(stats.mtimeMs / 1000) };
  switch (stats.type) {
    case "dir":
      return tarEntry({ ...common, name: `${name}/`, type: "dir" });
    case "file":
      return tarEntry({ ...common, name, type: "file", data: fs.readText(path) });
    case "symlink":
      return tarEntry({ ...common, name, type: "symlink", linkname: fs.readlink(path) });
    default:
      return null;
  }
}

/** `docker build -`: stdin is the context when it is a tar, else it is the Dockerfile. */
export function contextFromStdin(input: string): { tar: string; dockerfile?: string } {
  if (input.length >= 512 && input.slice(257, 262) === "ustar") return { tar: input };
  return { tar: writeTar([tarEntry({ name: "Dockerfile", type: "file", mode: 0o600, data: input })]), dockerfile: "Dockerfile" };
}
