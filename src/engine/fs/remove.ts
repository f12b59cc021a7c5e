import type { FileSystem } from "./filesystem";

/** rm -rf for the daemon's own bookkeeping trees (a container's directory, a volume): a missing path is no error. */
export function removeTree(fs: FileSystem, path: string): void {
  if (!fs.exists(path)) return;
  if (fs.lstat(path).type === "dir") {
    for (const name of fs.readdir(path)) removeTree(fs, `${path}/${name}`);
    fs.rmdir(path);
  } else fs.unlink(path);
}
