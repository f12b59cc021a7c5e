import type { FileSystem } from "../fs/filesystem";
import { binaryContent } from "../kernel/exec";

/**
 * What one path of a package holds. A string is a regular file's text; binaries point
 * to a program model (the ELF stub of kernel/exec), symlinks name their target.
 */
export type PackageFile = string | { binary: string } | { symlink: string } | { text: string; mode: number };

/** Files a package installs, by absolute path. Parent directories are implied. */
export type PackageFiles = Record<string, PackageFile>;

export function bin(program: string): PackageFile {
  return { binary: program };
}

export function link(target: string): PackageFile {
  return { symlink: target };
}

export function script(text: string): PackageFile {
  return { text, mode: 0o755 };
}

/**
 * Every directory and file a package owns, in the order dpkg's .list files keep them:
 * `/.` first, then each path after its parent (the tar member order of a .deb).
 */
export function ownedPaths(files: PackageFiles): string[] {
  const paths = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) paths.add(`/${parts.slice(0, i).join("/")}`);
  }
  return ["/.", ...[...paths].sort()];
}

/** mkdir -p that leaves existing directories (and symlinks to them, like /bin -> usr/bin) alone. */
function ensureDir(fs: FileSystem, dir: string): void {
  if (dir === "/" || fs.exists(dir)) return;
  ensureDir(fs, dir.slice(0, dir.lastIndexOf("/")) || "/");
  fs.mkdir(dir, { mode: 0o755 });
}

/** Unpacks `files` into `fs`, replacing what is there, as dpkg, apk and rpm do. */
export function unpackFiles(fs: FileSystem, files: PackageFiles): void {
  for (const [path, file] of Object.entries(files)) {
    ensureDir(fs, path.slice(0, path.lastIndexOf("/")) || "/");
    if (fs.exists(path) || isDanglingLink(fs, path)) fs.unlink(path);
    if (typeof file === "string") fs.writeFile(path, file, { mode: 0o644 });
    else if ("binary" in file) fs.writeFile(path, binaryContent(file.binary), { mode: 0o755 });
    else if ("symlink" in file) fs.symlink(file.symlink, path);
    else fs.writeFile(path, file.text, { mode: file.mode });
    if (typeof file !== "string" && !("symlink" in file)) fs.chmod(path, "binary" in file ? 0o755 : file.mode);
  }
}

function isDanglingLink(fs: FileSystem, path: string): boolean {
  try {
    return fs.lstat(path).type === "symlink";
  } catch {
    return false;
  }
}

/** Removes a package's files, then the directories it owned that are now empty. */
export function removeFiles(fs: FileSystem, files: PackageFiles): void {
  for (const path of Object.keys(files)) {
    if (fs.exists(path) || isDanglingLink(fs, path)) fs.unlink(path);
  }
  const dirs = ownedPaths(files)
    .filter((p) => p !== "/." && !(p in files))
    .reverse();
  for (const dir of dirs) {
    try {
      if (fs.lstat(dir).type === "dir" && fs.readdir(dir).length === 0) fs.rmdir(dir);
    } catch {
      // already gone or not ours to remove
    }
  }
}
