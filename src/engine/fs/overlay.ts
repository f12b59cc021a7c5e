/**
 * A container's root filesystem as Docker's overlay2 driver mounts it: the image's
 * read-only layers (lowerdir) under the container's writable layer (upperdir), merged by
 * Linux overlayfs (Documentation/filesystems/overlayfs.rst).
 *
 * - Lookup goes top down; a whiteout hides the path in the layers below, an opaque
 *   directory hides everything below it, a non-directory ends the search.
 * - readdir merges the names of every layer that contributes to a directory.
 * - The first change to anything that lives only in an image layer copies it up, with
 *   its parent directories, into the writable layer; the image layers never change, so
 *   every container of an image shares them.
 * - Removing something an image layer holds leaves a whiteout; making a directory where
 *   one was removed makes it opaque.
 * - Without the redirect_dir feature (Docker does not enable it) renaming a directory
 *   that an image layer holds fails with EXDEV, and mv falls back to copying.
 */
import { utf8ToBytes } from "@noble/hashes/utils.js";
import { SysError } from "../kernel/errno";
import type { FileSystem, StatFs, Stats, WriteOptions } from "./filesystem";
import {
  allocateIno,
  type DirEntry,
  dataSize,
  type FileEntry,
  Layer,
  type LayerEntry,
  type PresentEntry,
  type WhiteoutEntry,
} from "./layer";
import { joinPath } from "./path";

/** ext4 (the usual backing filesystem of /var/lib/docker) reports 4096 for a directory. */
const DIR_SIZE = 4096;

/** The umask every process starts with, applied to new files and directories. */
const UMASK = 0o022;

/** Linux's MAXSYMLINKS. */
const MAX_SYMLINKS = 40;

/** Workers and Node both have TextDecoder; the engine's lib (ES2023, no DOM) does not declare it. */
declare const TextDecoder: new () => { decode(bytes: Uint8Array): string };

const WHITEOUT: WhiteoutEntry = Object.freeze({ type: "whiteout" });

/** One line of `docker diff`: Added, Changed or Deleted. */
export interface Change {
  kind: "A" | "C" | "D";
  path: string;
}

/** A path found in the merged tree. */
interface Node {
  path: string;
  entry: PresentEntry;
  /** Index in the stack (0 is the writable layer) of the layer the entry comes from. */
  top: number;
  /** For a directory, the layers merged into it, top first; more than one makes a merge dir. */
  layers: number[];
}

/** Where a path walk ended: the directory holding the last name, and what it names. */
interface Lookup {
  parent: Node;
  path: string;
  node: Node | undefined;
}

export class OverlayFileSystem implements FileSystem {
  /** The writable layer first, then the image layers from the top down. */
  private readonly stack: Layer[];
  private readonly everyLayer: number[];
  /** Access times by inode, kept off the layers: reading an image file copies nothing up. */
  private readonly atimes = new Map<number, number>();

  constructor(
    lowers: Layer[],
    readonly upper: Layer,
    private readonly now: () => number,
    private readonly df: Partial<StatFs> = {},
  ) {
    this.stack = [upper, ...[...lowers].reverse()];
    this.everyLayer = this.stack.map((_, i) => i);
  }

  stat(path: string): Stats {
    return this.stats(this.existing(path, true));
  }

  lstat(path: string): Stats {
    return this.stats(this.existing(path, false));
  }

  exists(path: string): boolean {
    try {
      return this.walk(path, true).node !== undefined;
    } catch {
      return false;
    }
  }

  readFile(path: string): Uint8Array {
    const entry = this.readable(path);
    const data = typeof entry.data === "string" ? utf8ToBytes(entry.data) : entry.data.slice();
    this.accessed(entry);
    return data;
  }

  readText(path: string): string {
    const entry = this.readable(path);
    const text = typeof entry.data === "string" ? entry.data : new TextDecoder().decode(entry.data);
    this.accessed(entry);
    return text;
  }

  writeFile(path: string, data: string | Uint8Array, options: WriteOptions = {}): void {
    const at = this.walk(path, true);
    if (at.node?.entry.type === "dir") throw new SysError("EISDIR", path);
    const content = typeof data === "string" ? data : data.slice();
    const now = this.now();
    if (at.node) {
      const entry = this.copyUp(at.path) as FileEntry;
      entry.data = options.append ? concat(entry.data, content) : content;
      entry.mtimeMs = now;
      this.atimes.set(entry.ino, now);
      return;
    }
    const parent = this.copyUp(at.parent.path);
    // An explicit mode already went through the creating process's umask, as open(2)'s does.
    const mode = options.mode ?? 0o666 & ~UMASK;
    const ino = allocateIno();
    this.upper.set(at.path, { type: "file", mode, uid: 0, gid: 0, mtimeMs: now, data: content, ino });
    this.atimes.set(ino, now);
    parent.mtimeMs = now;
  }

  readdir(path: string): string[] {
    const node = this.existing(path, true);
    if (node.entry.type !== "dir") throw new SysError("ENOTDIR", path);
    return this.names(node);
  }

  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    const mode = (options.mode ?? 0o777 & ~UMASK) & 0o7777;
    if (!options.recursive) {
      const at = this.walk(path, false);
      if (at.node) throw new SysError("EEXIST", path);
      this.makeDir(at, mode);
      return;
    }
    const names = path.split("/").filter((p) => p !== "");
    let prefix = "";
    for (const [i, name] of names.entries()) {
      prefix += `/${name}`;
      const at = this.walk(prefix, true);
      if (!at.node) this.makeDir(at, mode);
      else if (at.node.entry.type !== "dir") throw new SysError(i === names.length - 1 ? "EEXIST" : "ENOTDIR", path);
    }
  }

  rmdir(path: string): void {
    const at = this.walk(path, false);
    if (!at.node) throw new SysError("ENOENT", path);
    if (at.node.entry.type !== "dir") throw new SysError("ENOTDIR", path);
    if (at.path === "/") throw new SysError("EBUSY", path);
    if (this.names(at.node).length > 0) throw new SysError("ENOTEMPTY", path);
    this.remove(at);
  }

  unlink(path: string): void {
    const at = this.walk(path, false);
    if (!at.node) throw new SysError("ENOENT", path);
    if (at.node.entry.type === "dir") throw new SysError("EISDIR", path);
    this.remove(at);
  }

  rename(from: string, to: string): void {
    const src = this.walk(from, false);
    if (!src.node) throw new SysError("ENOENT", from);
    const dst = this.walk(to, false);
    if (src.path === dst.path || (dst.node && dst.node.entry === src.node.entry)) return;
    const isDir = src.node.entry.type === "dir";
    if (isDir) {
      if (dst.path.startsWith(`${src.path}/`)) throw new SysError("EINVAL", from);
      if (dst.node && dst.node.entry.type !== "dir") throw new SysError("ENOTDIR", to);
      if (dst.node && this.names(dst.node).length > 0) throw new SysError("ENOTEMPTY", to);
      // overlayfs without redirect_dir cannot move a directory an image layer holds.
      if (isMergeOrLower(src.node) || (dst.node && isMergeOrLower(dst.node))) throw new SysError("EXDEV", from);
    } else if (dst.node?.entry.type === "dir") throw new SysError("EISDIR", to);
    const leaveWhiteout = this.lowerHas(src.parent, src.path);
    const hideLower = isDir && this.lowerHas(dst.parent, dst.path);
    const entry = this.copyUp(src.path);
    const dstParent = this.copyUp(dst.parent.path);
    this.upper.rename(src.path, dst.path);
    if (leaveWhiteout) this.upper.set(src.path, WHITEOUT);
    if (hideLower) (entry as DirEntry).opaque = true;
    const now = this.now();
    (this.upper.get(src.parent.path) as DirEntry).mtimeMs = now;
    dstParent.mtimeMs = now;
  }

  symlink(target: string, path: string): void {
    const at = this.walk(path, false);
    if (at.node) throw new SysError("EEXIST", path);
    const parent = this.copyUp(at.parent.path);
    const now = this.now();
    this.upper.set(at.path, { type: "symlink", target, uid: 0, gid: 0, mtimeMs: now, ino: allocateIno() });
    parent.mtimeMs = now;
  }

  link(existing: string, path: string): void {
    const src = this.walk(existing, false);
    if (!src.node) throw new SysError("ENOENT", existing);
    if (src.node.entry.type === "dir") throw new SysError("EPERM", existing);
    const dst = this.walk(path, false);
    if (dst.node) throw new SysError("EEXIST", path);
    this.copyUp(src.path);
    const parent = this.copyUp(dst.parent.path);
    this.upper.link(src.path, dst.path);
    parent.mtimeMs = this.now();
  }

  readlink(path: string): string {
    const node = this.existing(path, false);
    if (node.entry.type !== "symlink") throw new SysError("EINVAL", path);
    return node.entry.target;
  }

  realpath(path: string): string {
    return this.existing(path, true).path;
  }

  chmod(path: string, mode: number): void {
    const entry = this.copyUp(this.existing(path, true).path);
    if (entry.type !== "symlink") entry.mode = mode & 0o7777;
  }

  chown(path: string, uid: number, gid: number): void {
    const entry = this.copyUp(this.existing(path, true).path);
    entry.uid = uid;
    entry.gid = gid;
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    const entry = this.copyUp(this.existing(path, true).path);
    entry.mtimeMs = mtimeMs;
    this.atimes.set(entry.ino, atimeMs);
  }

  /** Docker's overlay reports the filesystem that holds /var/lib/docker. */
  statfs(_path: string): StatFs {
    const blockSize = this.df.blockSize ?? 4096;
    const blocks = this.df.blocks ?? 16_226_715;
    const files = this.df.files ?? 4_128_768;
    let bytes = 0;
    for (const layer of this.stack) bytes += layer.size();
    // As on a fresh host, the base system already uses part of the disk.
    const baseUsed = Math.floor(blocks * 0.23);
    return {
      type: "overlay",
      source: "overlay",
      blockSize,
      blocks,
      files,
      blocksFree: blocks - baseUsed - Math.ceil(bytes / blockSize),
      filesFree: files - 180_000 - this.upper.paths().length,
      ...this.df,
    };
  }

  /**
   * `docker diff`: moby's overlay2 Changes (pkg/archive changes.go `changes` with
   * changes_linux.go `overlayDeletedFile`) walking the writable layer. A whiteout or an
   * opaque directory is a deletion; a path an image layer also holds is a change, except
   * a directory whose mode and mtime are those of the image's (copied up only to reach a
   * child); anything else is an addition. The parent of an addition or deletion is
   * listed as changed even when its own metadata is not.
   */
  changes(): Change[] {
    const out: Change[] = [];
    const changedDirs = new Set<string>();
    const lowers = this.stack.slice(1);
    for (const path of this.upper.paths()) {
      const entry = this.upper.get(path) as LayerEntry;
      let kind: Change["kind"];
      if (entry.type === "whiteout" || (entry.type === "dir" && entry.opaque)) kind = "D";
      else {
        const below = lowers.map((l) => l.get(path)).find((e) => e !== undefined);
        if (below?.type === "dir" && entry.type === "dir" && sameDir(entry, below)) continue;
        kind = below ? "C" : "A";
      }
      if (entry.type === "dir") changedDirs.add(path);
      const parent = parentOf(path);
      if (kind !== "C" && parent !== "/" && !changedDirs.has(parent)) {
        out.push({ kind: "C", path: parent });
        changedDirs.add(parent);
      }
      out.push({ kind, path });
    }
    return out;
  }

  // --- lookup --------------------------------------------------------------------

  private root(): Node {
    return { path: "/", entry: this.upper.get("/") as DirEntry, top: 0, layers: this.everyLayer };
  }

  /** ovl_lookup for one name in a directory: the top entry, and the layers merged below it. */
  private step(dir: Node, name: string): Node | undefined {
    const path = joinPath(dir.path, name);
    let entry: PresentEntry | undefined;
    let top = -1;
    const layers: number[] = [];
    for (const i of dir.layers) {
      const found = this.stack[i].get(path);
      if (!found) continue;
      if (found.type === "whiteout") break;
      if (!entry) {
        entry = found;
        top = i;
      } else if (found.type !== "dir") break;
      layers.push(i);
      if (entry.type !== "dir" || (found.type === "dir" && found.opaque)) break;
    }
    return entry ? { path, entry, top, layers } : undefined;
  }

  /**
   * Resolves `path` name by name, following symbolic links inside this tree (an absolute
   * target starts again at this tree's root) and, when `follow`, a link in the last name.
   * A missing last name is not an error: it may be about to be created.
   */
  private walk(path: string, follow: boolean): Lookup {
    const pending = path.split("/").filter((p) => p !== "" && p !== ".");
    const trail: Node[] = [];
    let dir = this.root();
    let links = 0;
    for (;;) {
      const name = pending.shift();
      if (name === undefined) return { parent: trail.at(-1) ?? dir, path: dir.path, node: dir };
      if (name === "..") {
        dir = trail.pop() ?? dir;
        continue;
      }
      const last = pending.length === 0;
      const node = this.step(dir, name);
      if (node?.entry.type === "symlink" && (follow || !last)) {
        if (++links > MAX_SYMLINKS) throw new SysError("ELOOP", path);
        const target = node.entry.target;
        pending.unshift(...target.split("/").filter((p) => p !== "" && p !== "."));
        if (target.startsWith("/")) {
          trail.length = 0;
          dir = this.root();
        }
        continue;
      }
      if (last) return { parent: dir, path: joinPath(dir.path, name), node };
      if (!node) throw new SysError("ENOENT", path);
      if (node.entry.type !== "dir") throw new SysError("ENOTDIR", path);
      trail.push(dir);
      dir = node;
    }
  }

  private existing(path: string, follow: boolean): Node {
    const { node } = this.walk(path, follow);
    if (!node) throw new SysError("ENOENT", path);
    return node;
  }

  private readable(path: string): FileEntry {
    const node = this.existing(path, true);
    if (node.entry.type === "dir") throw new SysError("EISDIR", path);
    return node.entry as FileEntry;
  }

  /** Whether an image layer, seen through `parent`, holds `path` (removing it needs a whiteout). */
  private lowerHas(parent: Node, path: string): boolean {
    for (const i of parent.layers) {
      if (i === 0) continue;
      const entry = this.stack[i].get(path);
      if (entry) return entry.type !== "whiteout";
    }
    return false;
  }

  private names(dir: Node): string[] {
    if (dir.layers.length === 1) {
      const layer = this.stack[dir.layers[0]];
      return layer.children(dir.path).filter((name) => layer.get(joinPath(dir.path, name))?.type !== "whiteout");
    }
    const seen = new Set<string>();
    const names: string[] = [];
    for (const i of dir.layers) {
      const layer = this.stack[i];
      for (const name of layer.children(dir.path)) {
        if (seen.has(name)) continue;
        seen.add(name);
        if (layer.get(joinPath(dir.path, name))?.type !== "whiteout") names.push(name);
      }
    }
    return names.sort();
  }

  // --- changes -------------------------------------------------------------------

  /**
   * Copy-up: brings `path` (link-free, existing) and every directory above it into the
   * writable layer, keeping their metadata and inode numbers, and returns the writable
   * layer's entry, which the caller may then change.
   */
  private copyUp(path: string): PresentEntry {
    let node = this.root();
    for (const name of path.split("/")) {
      if (name === "") continue;
      const parent = node;
      const found = this.step(node, name);
      if (!found) throw new SysError("ENOENT", path);
      node = found;
      if (node.top === 0) continue;
      const copy = copyOf(node.entry);
      this.upper.set(node.path, copy);
      // The copy is a new entry in the upper parent, whose mtime moves as for any creation:
      // that is why `docker diff` lists every directory above a changed file as C.
      if (parent.entry.type === "dir" && parent.top === 0) parent.entry.mtimeMs = this.now();
      node = { path: node.path, entry: copy, top: 0, layers: copy.type === "dir" ? [0, ...node.layers] : [0] };
    }
    return node.entry;
  }

  private makeDir(at: Lookup, mode: number): void {
    const parent = this.copyUp(at.parent.path);
    const now = this.now();
    const entry: DirEntry = { type: "dir", mode, uid: 0, gid: 0, mtimeMs: now, ino: allocateIno() };
    // A directory made where one was removed must not show the removed one's contents.
    if (this.upper.get(at.path)?.type === "whiteout") entry.opaque = true;
    this.upper.set(at.path, entry);
    parent.mtimeMs = now;
  }

  private remove(at: Lookup): void {
    const whiteout = this.lowerHas(at.parent, at.path);
    const parent = this.copyUp(at.parent.path);
    this.upper.delete(at.path);
    if (whiteout) this.upper.set(at.path, WHITEOUT);
    parent.mtimeMs = this.now();
  }

  // --- stat ----------------------------------------------------------------------

  private stats(node: Node): Stats {
    const entry = node.entry;
    const common = {
      uid: entry.uid,
      gid: entry.gid,
      ino: entry.ino,
      mtimeMs: entry.mtimeMs,
      atimeMs: this.atimes.get(entry.ino) ?? entry.mtimeMs,
      ctimeMs: entry.mtimeMs,
    };
    const layer = this.stack[node.top];
    switch (entry.type) {
      case "dir":
        return { ...common, type: "dir", mode: entry.mode, size: DIR_SIZE, nlink: this.dirLinks(node) };
      case "symlink":
        // Linux shows every symlink as lrwxrwxrwx, sized by its target's length (symlink(7)).
        return { ...common, type: "symlink", mode: 0o777, size: dataSize(entry.target), nlink: layer.links(entry) };
      case "file":
        return { ...common, type: "file", mode: entry.mode, size: dataSize(entry.data), nlink: layer.links(entry) };
    }
  }

  /**
   * overlayfs reports nlink 1 for a merge directory rather than count subdirectories
   * across layers (fs/overlayfs/inode.c, ovl_getattr), which is why `ls -l /` in a
   * container shows 1; a directory from one layer has ext4's 2 + its subdirectories.
   */
  private dirLinks(node: Node): number {
    if (node.layers.length > 1) return 1;
    const layer = this.stack[node.top];
    let subdirs = 0;
    for (const name of layer.children(node.path)) {
      if (layer.get(joinPath(node.path, name))?.type === "dir") subdirs++;
    }
    return 2 + subdirs;
  }

  /** relatime: a read moves atime to now when it was not later than mtime (mount(8)). */
  private accessed(entry: FileEntry): void {
    if ((this.atimes.get(entry.ino) ?? entry.mtimeMs) <= entry.mtimeMs) this.atimes.set(entry.ino, this.now());
  }
}

/**
 * `docker commit`: the container's writable layer, frozen into an image layer. Entries
 * are copied (the container may go on writing), whiteouts and opaque marks kept, and a
 * file with several names stays one file with several names.
 */
export function commitLayer(upper: Layer): Layer {
  const layer = new Layer();
  layer.set("/", { ...(upper.get("/") as DirEntry) });
  const firstName = new Map<LayerEntry, string>();
  for (const path of upper.paths()) {
    const entry = upper.get(path) as LayerEntry;
    const name = firstName.get(entry);
    if (name !== undefined) {
      layer.link(name, path);
      continue;
    }
    firstName.set(entry, path);
    layer.set(path, entry.type === "whiteout" ? WHITEOUT : { ...entry });
  }
  return layer.freeze();
}

/** A directory taken up by copy-up is a plain one: merging continues below it. */
function copyOf(entry: PresentEntry): PresentEntry {
  if (entry.type !== "dir") return { ...entry };
  const { opaque: _opaque, ...plain } = entry;
  return plain;
}

/** A copied-up directory counts as unchanged when mode and mtime still match (moby sameFsTime). */
function sameDir(upper: DirEntry, lower: DirEntry): boolean {
  if (upper.mode !== lower.mode) return false;
  const a = upper.mtimeMs;
  const b = lower.mtimeMs;
  return a === b || (Math.floor(a / 1000) === Math.floor(b / 1000) && (a % 1000 === 0 || b % 1000 === 0));
}

function isMergeOrLower(node: Node): boolean {
  return node.top !== 0 || node.layers.length > 1;
}

function concat(before: string | Uint8Array, after: string | Uint8Array): string | Uint8Array {
  if (typeof before === "string" && typeof after === "string") return before + after;
  const a = typeof before === "string" ? utf8ToBytes(before) : before;
  const b = typeof after === "string" ? utf8ToBytes(after) : after;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}
