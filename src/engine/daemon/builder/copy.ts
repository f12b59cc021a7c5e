/**
 * COPY and ADD (moby builder/dockerfile/copy.go, BuildKit's FileOp copy): sources from the
 * build context or another stage's filesystem, with globs; a directory source copies its
 * contents; several sources, or a destination ending in "/", need a directory; missing
 * parents are made; `--chown` sets the owner; ADD also unpacks local tar archives.
 */
import { tarWithOptions, untar } from "../../fs/archive";
import { digest } from "../../fs/digest";
import { base, clean, join } from "../../fs/filepath";
import type { FileSystem } from "../../fs/filesystem";
import { Layer } from "../../fs/layer";
import { commitLayer, OverlayFileSystem } from "../../fs/overlay";

export interface CopyRequest {
  sources: string[];
  dest: string;
  /** The stage's WORKDIR, for a relative destination. */
  workdir: string;
  chown?: { uid: number; gid: number };
  chmod?: number;
  /** ADD: local tar archives are extracted at the destination. */
  extract: boolean;
}

/** Thrown when a source matches nothing, worded as BuildKit's checksum error. */
export class CopySourceError extends Error {}

/**
 * The ref BuildKit names in its checksum errors: the client session's context,
 * `<session uuid>::<shared key>`, here derived from the context's own root.
 */
function sessionRef(from: FileSystem): string {
  const hex = digest(`${from.stat("/").ino}`).slice(7);
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  return `${uuid}::${BigInt(`0x${hex.slice(32, 56)}`)
    .toString(36)
    .padStart(25, "0")
    .slice(-25)}`;
}

/** The paths (in `from`) that the sources name, globs expanded, in order. */
export function resolveSources(from: FileSystem, sources: string[]): string[] {
  const out: string[] = [];
  for (const source of sources) {
    const path = clean(join("/", source));
    if (!/[*?[]/.test(path)) {
      if (!from.exists(path)) {
        throw new CopySourceError(
          `failed to compute cache key: failed to calculate checksum of ref ${sessionRef(from)}: "${path}": not found`,
        );
      }
      out.push(path);
      continue;
    }
    const matches = glob(from, path);
    if (matches.length === 0) throw new CopySourceError(`lstat ${source}: no source files were specified`);
    out.push(...matches);
  }
  return out;
}

function glob(fs: FileSystem, pattern: string): string[] {
  let paths = ["/"];
  for (const part of pattern.split("/").filter((p) => p !== "")) {
    const re = new RegExp(
      `^${part
        .replace(/[.+^${}()|\\]/g, "\\$&")
        .replace(/\*/g, "[^/]*")
        .replace(/\?/g, "[^/]")}$`,
    );
    const next: string[] = [];
    for (const dir of paths) {
      let names: string[];
      try {
        names = fs.readdir(dir).sort();
      } catch {
        continue;
      }
      for (const name of names) if (re.test(name)) next.push(join(dir, name));
    }
    paths = next;
  }
  return paths;
}

/** What the copied files are, for the cache key: a digest of their archive. */
export function sourceChecksum(from: FileSystem, paths: string[]): string {
  return digest(paths.map((p) => tarWithOptions(from, p === "/" ? "/" : p, { includeSourceDir: true })).join(""));
}

/** Copies into a new layer over `lowers`; returns the layer the copy made. */
export function copyIntoLayer(from: FileSystem, lowers: Layer[], request: CopyRequest, now: () => number): Layer {
  const upper = new Layer();
  const rootfs = new OverlayFileSystem(lowers, upper, now);
  const paths = resolveSources(from, request.sources);
  let dest = request.dest.startsWith("/") ? request.dest : join(request.workdir || "/", request.dest);
  const destIsDir = request.dest.endsWith("/") || request.dest.endsWith("/.") || paths.length > 1 || isDir(rootfs, clean(dest));
  dest = clean(dest);
  for (const path of paths) {
    const srcIsDir = from.stat(path).type === "dir";
    if (request.extract && !srcIsDir && isTar(from, path)) {
      mkdirAll(rootfs, dest, request.chown);
      untar(rootfs, from.readText(path), dest);
      continue;
    }
    const target = srcIsDir ? dest : destIsDir ? join(dest, base(path)) : dest;
    mkdirAll(rootfs, srcIsDir ? target : parentOf(target), request.chown);
    // A directory's contents go in; the directory itself is not copied (COPY dir/ /dest).
    const archive = srcIsDir
      ? tarWithOptions(from, path)
      : tarWithOptions(from, parentOf(path), { includeFiles: [base(path)], rebaseNames: { [base(path)]: base(target) } });
    untar(rootfs, archive, srcIsDir ? target : parentOf(target), { chown: request.chown ?? { uid: 0, gid: 0 } });
    if (request.chmod !== undefined) applyChmod(rootfs, srcIsDir ? target : target, request.chmod);
  }
  return commitLayer(upper);
}

function isDir(fs: FileSystem, path: string): boolean {
  try {
    return fs.stat(path).type === "dir";
  } catch {
    return false;
  }
}

function isTar(fs: FileSystem, path: string): boolean {
  const text = fs.readText(path);
  return text.length >= 512 && text.slice(257, 262) === "ustar";
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

function mkdirAll(fs: FileSystem, path: string, owner?: { uid: number; gid: number }): void {
  if (isDir(fs, path)) return;
  mkdirAll(fs, parentOf(path), owner);
  fs.mkdir(path, { mode: 0o755 });
  if (owner) fs.chown(path, owner.uid, owner.gid);
}

function applyChmod(fs: FileSystem, path: string, mode: number): void {
  fs.chmod(path, mode);
  if (fs.lstat(path).type !== "dir") return;
  for (const child of fs.readdir(path)) applyChmod(fs, join(path, child), mode);
}

/** `--chown=user:group`: numbers as they are, names from the image's passwd and group files. */
export function resolveChown(rootfs: FileSystem, spec: string): { uid: number; gid: number } {
  const [user, group] = spec.split(":");
  const uid = lookup(rootfs, "/etc/passwd", user, 2);
  const gid =
    group !== undefined ? lookup(rootfs, "/etc/group", group, 2) : /^\d+$/.test(user) ? uid : lookup(rootfs, "/etc/passwd", user, 3);
  return { uid, gid };
}

function lookup(fs: FileSystem, file: string, name: string, field: number): number {
  if (/^\d+$/.test(name)) return Number(name);
  let text = "";
  try {
    text = fs.readText(file);
  } catch {
    // no such file: every name is unknown
  }
  for (const line of text.split("\n")) {
    const parts = line.split(":");
    if (parts[0] === name) return Number(parts[field]);
  }
  throw new Error(`unable to convert uid/gid chown string to host mapping: can't find uid for user ${name}: no such user: ${name}`);
}
