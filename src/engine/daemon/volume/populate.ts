import type { FileSystem, Stats } from "../../fs/filesystem";
import type { HostConfig, MountPoint } from "../api/types";

/**
 * Docker's "copy image data to volume" (moby v29 daemon/create_unix.go populateVolumes,
 * container_unix.go copyExistingContents): when a container is created, every volume
 * mount whose volume directory is still empty receives what the image holds at the mount
 * path, with modes, owners and times (containerd continuity fs.CopyDir). So an anonymous
 * volume for redis's VOLUME /data starts as the image's redis-owned /data, and a new
 * named volume mounted over nginx's /usr/share/nginx/html starts with its pages.
 * `-v name:/path:nocopy` and `--mount ...,volume-nocopy` turn it off; binds never copy.
 */
export function populateVolumes(hostFs: FileSystem, rootfs: FileSystem, mounts: MountPoint[], host: HostConfig): void {
  const noCopy = noCopyTargets(host);
  for (const mount of mounts) {
    if (mount.Type !== "volume" || noCopy.has(mount.Destination)) continue;
    let source: Stats;
    try {
      source = rootfs.stat(mount.Destination);
    } catch {
      continue; // Nothing in the image there: nothing to copy.
    }
    if (source.type !== "dir") continue;
    if (hostFs.readdir(mount.Source).length !== 0) continue; // "destination is not empty, do not copy"
    copyDir(rootfs, rootfs.realpath(mount.Destination), hostFs, mount.Source);
  }
}

/** The mount points whose spec says not to copy (DefaultCopyMode is true on Linux). */
function noCopyTargets(host: HostConfig): Set<string> {
  const out = new Set<string>();
  for (const bind of host.Binds ?? []) {
    const [, target, mode = ""] = bind.split(":");
    if (mode.split(",").includes("nocopy")) out.add(target);
  }
  for (const spec of host.Mounts ?? []) if (spec.VolumeOptions?.NoCopy) out.add(spec.Target);
  return out;
}

/** continuity's copyDirectory: the tree below `src`, then the directory's own metadata. */
function copyDir(from: FileSystem, src: string, to: FileSystem, dst: string): void {
  const stats = from.stat(src);
  if (!to.exists(dst)) to.mkdir(dst, { mode: stats.mode });
  for (const name of from.readdir(src)) {
    const s = `${src === "/" ? "" : src}/${name}`;
    const d = `${dst}/${name}`;
    const entry = from.lstat(s);
    if (entry.type === "dir") {
      copyDir(from, s, to, d);
      continue;
    }
    if (entry.type === "symlink") {
      to.symlink(from.readlink(s), d);
      continue; // lchown and lutimes have no FileSystem counterpart; a symlink's own owner is root here.
    }
    if (entry.type !== "file") continue; // Devices, fifos and sockets: not in image layers here.
    to.writeFile(d, from.readFile(s), { mode: entry.mode });
    copyInfo(to, d, entry);
  }
  copyInfo(to, dst, stats);
}

/** copyFileInfo: owner, mode, then times (last, as chmod and chown touch ctime only). */
function copyInfo(to: FileSystem, path: string, stats: Stats): void {
  to.chown(path, stats.uid, stats.gid);
  to.chmod(path, stats.mode);
  to.utimes(path, stats.atimeMs, stats.mtimeMs);
}
