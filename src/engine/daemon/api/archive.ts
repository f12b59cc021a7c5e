/**
 * The archive routes (moby daemon/server/router/container/copy.go, daemon/archive.go,
 * archive_unix.go, export.go): `docker cp` stats a path (HEAD, the stat in the
 * X-Docker-Container-Path-Stat header), reads it as a tar (GET) or extracts a tar into
 * a directory (PUT); `docker export` reads the whole root filesystem as a tar.
 *
 * Paths resolve in the container's view of its files: the overlay (so what is copied in
 * lands in the writable layer and `docker diff` shows it) with the container's volumes,
 * binds and tmpfs mounts over it, as moby's openContainerFS mounts them.
 */
import { tarWithOptions, untar } from "../../fs/archive";
import { preserveTrailingDotOrSeparator } from "../../fs/archive-copy";
import { BindFileSystem } from "../../fs/bind";
import { base, clean, dir, join } from "../../fs/filepath";
import type { FileSystem, Stats } from "../../fs/filesystem";
import { MountTable } from "../../fs/mount";
import { TarError } from "../../fs/tar";
import { errorText, isSysError, SysError } from "../../kernel/errno";
import type { Container } from "../container/container";
import type { DaemonContext } from "../context";
import { ApiError, conflict, invalidParameter, notFound, systemError } from "../errors";
import type { ApiRequest, Route } from "./router";

/** container.PathStat, the JSON in X-Docker-Container-Path-Stat. */
export interface ContainerPathStat {
  name: string;
  size: number;
  /** A Go os.FileMode: permission bits, then type bits from bit 31 down. */
  mode: number;
  mtime: string;
  linkTarget: string;
}

/** os.FileMode's type and special bits (Go's io/fs), as numbers: ModeDir is 1<<31. */
const GO_MODE = {
  dir: 2 ** 31,
  symlink: 2 ** 27,
  device: 2 ** 26,
  namedPipe: 2 ** 25,
  socket: 2 ** 24,
  setuid: 2 ** 23,
  setgid: 2 ** 22,
  charDevice: 2 ** 21,
  sticky: 2 ** 20,
};

/** syscall mode -> os.FileMode, as os.Lstat's fillFileStatFromSys does it. */
export function goFileMode(stats: Pick<Stats, "type" | "mode">): number {
  let mode = stats.mode & 0o777;
  const typeBits: Record<Stats["type"], number> = {
    file: 0,
    dir: GO_MODE.dir,
    symlink: GO_MODE.symlink,
    blockdev: GO_MODE.device,
    chardev: GO_MODE.device + GO_MODE.charDevice,
    fifo: GO_MODE.namedPipe,
    socket: GO_MODE.socket,
  };
  mode += typeBits[stats.type];
  if (stats.mode & 0o4000) mode += GO_MODE.setuid;
  if (stats.mode & 0o2000) mode += GO_MODE.setgid;
  if (stats.mode & 0o1000) mode += GO_MODE.sticky;
  return mode;
}

/** time.Time's JSON (RFC 3339 with nanoseconds, trailing zeros dropped). */
function goTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.?0+Z$/, "Z");
}

/**
 * The container's files as `docker cp` sees them: a running container's own mounts
 * (volumes, binds, tmpfs and the hostname, hosts and resolv.conf files) over its
 * overlay, but not /proc, /sys or /dev; a stopped one's volumes and binds from the host.
 */
function containerFs(ctx: DaemonContext, container: Container): FileSystem {
  const fs = new MountTable(container.rootfs, { source: "overlay", type: "overlay" });
  const destinations = new Set(container.mounts.map((m) => m.Destination));
  if (container.running) {
    for (const entry of container.running.sandbox.fs.mounts()) {
      if (!destinations.has(entry.target) && !/^\/etc\/(hostname|hosts|resolv\.conf)$/.test(entry.target)) continue;
      fs.mount(entry.target, entry.fs, entry);
    }
    return fs;
  }
  for (const mount of container.mounts) {
    if (mount.Type === "tmpfs" || !container.rootfs.exists(mount.Destination)) continue;
    fs.mount(mount.Destination, new BindFileSystem(ctx.hostFs, mount.Source, !mount.RW), { source: mount.Source, type: "bind" });
  }
  return fs;
}

/** symlink.FollowSymlinkInScope: the link's final target, or as far as it resolves. */
function followSymlink(fs: FileSystem, path: string): string {
  try {
    return fs.realpath(path);
  } catch {
    const target = fs.readlink(path);
    return clean(target.startsWith("/") ? target : join(dir(path), target));
  }
}

/** containerFSView.Stat. */
function statPath(fs: FileSystem, path: string): ContainerPathStat {
  const stats = fs.lstat(clean(path));
  return {
    name: base(path),
    size: stats.size,
    mode: goFileMode(stats),
    mtime: goTime(stats.mtimeMs),
    linkTarget: stats.type === "symlink" ? followSymlink(fs, clean(path)) : "",
  };
}

/** httputils.ArchiveFormValues. */
function archivePath(req: ApiRequest): string {
  const path = req.query.get("path") ?? "";
  if (path === "") throw invalidParameter("bad parameter: path cannot be empty");
  return path;
}

/** How the daemon words a failure on `path`: moby's containerFileNotFound for a missing file. */
function archiveError(err: unknown, path: string, name: string): Error {
  if (err instanceof ApiError) return err;
  if (isSysError(err, "ENOENT")) return notFound(`Could not find the file ${path} in container ${name}`);
  if (err instanceof TarError) return systemError(err.message);
  if (err instanceof SysError) return systemError(`${errorText(err).charAt(0).toLowerCase()}${errorText(err).slice(1)}`);
  return systemError(err instanceof Error ? err.message : String(err));
}

function pathStatHeader(stat: ContainerPathStat): Record<string, string> {
  let bin = "";
  for (const b of new TextEncoder().encode(JSON.stringify(stat))) bin += String.fromCharCode(b);
  return { "X-Docker-Container-Path-Stat": btoa(bin) };
}

/** The user `docker cp -a` extracts as (applyTarCopyUserOptions): Config.User in the container. */
function containerUser(fs: FileSystem, user: string): { uid: number; gid: number } {
  if (user === "") return { uid: 0, gid: 0 };
  const [name, group] = user.split(":");
  const lookup = (file: string, key: string) => {
    try {
      return fs
        .readText(file)
        .split("\n")
        .find((line) => line.split(":")[0] === key)
        ?.split(":");
    } catch {
      return undefined;
    }
  };
  const passwd = /^\d+$/.test(name) ? undefined : lookup("/etc/passwd", name);
  if (!/^\d+$/.test(name) && !passwd) throw systemError(`unable to find user ${name}: no matching entries in passwd file`);
  const uid = passwd ? Number(passwd[2]) : Number(name);
  let gid = passwd ? Number(passwd[3]) : 0;
  if (group !== undefined) gid = /^\d+$/.test(group) ? Number(group) : Number(lookup("/etc/group", group)?.[2] ?? 0);
  return { uid, gid };
}

/** checkWritablePath: extracting into a read-only volume or root filesystem is refused. */
function checkWritablePath(container: Container, absPath: string): void {
  const within = (dest: string) => absPath === dest || absPath.startsWith(`${dest === "/" ? "" : dest}/`);
  const mount = container.mounts.find((m) => within(m.Destination));
  if (mount) {
    if (!mount.RW) throw invalidParameter("mounted volume is marked read-only");
    return;
  }
  if (container.hostConfig.ReadonlyRootfs) throw invalidParameter("container rootfs is marked read-only");
}

function eventAttributes(container: Container): Record<string, string> {
  return { image: container.config.Image, name: container.name };
}

export const archiveRoutes: Route[] = [
  {
    method: "HEAD",
    path: "/containers/{name}/archive",
    handler: (ctx, req, res, [name]) => {
      // A HEAD answer has no body: the status alone tells the client what went wrong.
      try {
        const container = ctx.containers.get(name);
        const path = archivePath(req);
        let stat: ContainerPathStat;
        try {
          stat = statPath(containerFs(ctx, container), path);
        } catch (err) {
          throw archiveError(err, path, name);
        }
        res.empty(200, pathStatHeader(stat));
      } catch (err) {
        res.empty(err instanceof ApiError ? err.status : 500);
      }
    },
  },
  {
    method: "GET",
    path: "/containers/{name}/archive",
    handler: (ctx, req, res, [name]) => {
      const container = ctx.containers.get(name);
      const path = archivePath(req);
      let archive: string;
      let stat: ContainerPathStat;
      try {
        const fs = containerFs(ctx, container);
        const absPath = preserveTrailingDotOrSeparator(join("/", path), path);
        stat = statPath(fs, absPath);
        // A directory is archived from inside ("." renamed to its base name), a file from its parent.
        const isDir = stat.mode >= GO_MODE.dir;
        const [sourceDir, sourceBase] = isDir ? [clean(absPath), "."] : [dir(absPath), base(absPath)];
        archive = tarWithOptions(fs, sourceDir, {
          includeFiles: [sourceBase],
          includeSourceDir: true,
          rebaseNames: { [sourceBase]: base(absPath) },
        });
      } catch (err) {
        throw archiveError(err, path, name);
      }
      ctx.events.emit("container", "archive-path", container.id, eventAttributes(container));
      const stream = res.stream(200, "application/x-tar", pathStatHeader(stat));
      stream.write(archive);
      stream.end();
    },
  },
  {
    method: "PUT",
    path: "/containers/{name}/archive",
    handler: (ctx, req, res, [name]) => {
      const container = ctx.containers.get(name);
      const path = archivePath(req);
      const noOverwrite = req.query.get("noOverwriteDirNonDir");
      const allowOverwriteDirWithFile = noOverwrite === null || !["1", "true", "True", "TRUE"].includes(noOverwrite);
      const copyUIDGID = ["1", "true", "True", "TRUE"].includes(req.query.get("copyUIDGID") ?? "");
      try {
        const fs = containerFs(ctx, container);
        const absPath = preserveTrailingDotOrSeparator(fs.realpath(join("/", path)), path);
        if (fs.lstat(clean(absPath)).type !== "dir") throw invalidParameter("extraction point is not a directory");
        checkWritablePath(container, clean(absPath));
        untar(fs, typeof req.body === "string" ? req.body : "", clean(absPath), {
          noOverwriteDirNonDir: !allowOverwriteDirWithFile,
          chown: copyUIDGID ? containerUser(fs, container.config.User) : undefined,
        });
      } catch (err) {
        throw archiveError(err, path, name);
      }
      ctx.events.emit("container", "extract-to-dir", container.id, eventAttributes(container));
      res.empty(200);
    },
  },
  {
    method: "GET",
    path: "/containers/{name}/export",
    handler: (ctx, _req, res, [name]) => {
      const container = ctx.containers.get(name);
      if (container.status === "dead") throw conflict(`You cannot export container ${container.id} which is Dead`);
      if (container.status === "removing") throw conflict(`You cannot export container ${container.id} which is being removed`);
      // The writable layer mounted over the image's: the container's own root, no volumes.
      let archive: string;
      try {
        archive = tarWithOptions(container.rootfs, "/");
      } catch (err) {
        throw systemError(`Error exporting container ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      ctx.events.emit("container", "export", container.id, eventAttributes(container));
      const stream = res.stream(200, "application/octet-stream");
      stream.write(archive);
      stream.end();
    },
  },
];
