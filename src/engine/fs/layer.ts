/**
 * An image layer, or a container's writable layer: the files one step of a build added,
 * changed or deleted, as the tar of a layer holds them (OCI image-spec layer.md). Paths
 * are absolute and normalised ("/etc/os-release"); the root "/" always exists. A deleted
 * path is a whiteout entry, overlayfs's 0/0 character device, and a directory whose lower
 * contents were dropped carries the opaque mark (overlayfs.rst, "whiteouts and opaque
 * directories").
 *
 * A layer is a plain map of entries, not a memfs Volume: every container of an image
 * shares the image's frozen layers, and its own layer starts as little more than two
 * empty maps.
 */
import { digest, sha256Hex } from "./digest";
import { joinPath, normalizePath } from "./path";

export interface FileEntry {
  type: "file";
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  data: string | Uint8Array;
  ino: number;
}

export interface DirEntry {
  type: "dir";
  mode: number;
  uid: number;
  gid: number;
  mtimeMs: number;
  /** trusted.overlay.opaque=y: the directory hides whatever the layers below hold there. */
  opaque?: boolean;
  ino: number;
}

export interface SymlinkEntry {
  type: "symlink";
  target: string;
  uid: number;
  gid: number;
  mtimeMs: number;
  ino: number;
}

/** overlayfs's whiteout, a 0/0 character device: "this path is deleted in lower layers". */
export interface WhiteoutEntry {
  type: "whiteout";
}

export type LayerEntry = FileEntry | DirEntry | SymlinkEntry | WhiteoutEntry;

/** Any entry but a whiteout: something a lookup can find. */
export type PresentEntry = Exclude<LayerEntry, WhiteoutEntry>;

let lastIno = 1;

/**
 * The next inode number. One counter for every layer of the process keeps numbers unique
 * across the layers an overlay stacks, and the same from one run to the next.
 */
export function allocateIno(): number {
  lastIno += 1;
  return lastIno;
}

/** Bytes a file's data takes on disk: a string counts as its UTF-8 encoding. */
export function dataSize(data: string | Uint8Array): number {
  if (typeof data !== "string") return data.length;
  let n = 0;
  for (let i = 0; i < data.length; i++) {
    const unit = data.charCodeAt(i);
    if (unit < 0x80) n += 1;
    else if (unit < 0x800) n += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(data.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

export class Layer {
  private readonly entries = new Map<string, LayerEntry>();
  /** Names directly under each directory path, so readdir need not scan the layer. */
  private readonly kids = new Map<string, Set<string>>();
  /** Link counts of entries reachable by more than one name (link(2)); the rest have one. */
  private readonly linked = new Map<LayerEntry, number>();
  private readonly mtimeMs: number;
  private sortedKids: Map<string, string[]> | undefined;
  private cachedDiffId: string | undefined;
  private cachedSize: number | undefined;
  private isFrozen = false;

  constructor(options: { mtimeMs?: number } = {}) {
    this.mtimeMs = options.mtimeMs ?? 0;
    this.entries.set("/", { type: "dir", mode: 0o755, uid: 0, gid: 0, mtimeMs: this.mtimeMs, ino: allocateIno() });
  }

  get frozen(): boolean {
    return this.isFrozen;
  }

  // --- builder: how the image catalogue writes a root filesystem --------------------

  file(path: string, data: string | Uint8Array, mode = 0o644, owner?: { uid: number; gid: number }): this {
    const at = this.builderPath(path);
    this.set(at, {
      type: "file",
      mode,
      uid: owner?.uid ?? 0,
      gid: owner?.gid ?? 0,
      mtimeMs: this.mtimeMs,
      data,
      ino: allocateIno(),
    });
    return this;
  }

  /** A directory; declaring one that exists (perhaps implicitly) sets its mode (and owner, when given). */
  dir(path: string, mode = 0o755, owner?: { uid: number; gid: number }): this {
    this.writable();
    const at = this.builderPath(path);
    const existing = this.entries.get(at);
    if (existing?.type === "dir") {
      existing.mode = mode;
      if (owner) Object.assign(existing, owner);
      return this;
    }
    this.set(at, { type: "dir", mode, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0, mtimeMs: this.mtimeMs, ino: allocateIno() });
    return this;
  }

  symlink(path: string, target: string): this {
    const at = this.builderPath(path);
    this.set(at, { type: "symlink", target, uid: 0, gid: 0, mtimeMs: this.mtimeMs, ino: allocateIno() });
    return this;
  }

  whiteout(path: string): this {
    this.set(this.builderPath(path), { type: "whiteout" });
    return this;
  }

  // --- low level ------------------------------------------------------------------

  get(path: string): LayerEntry | undefined {
    return this.entries.get(path);
  }

  /**
   * Puts `entry` at `path`, replacing what was there (a directory replaced by anything
   * else loses its contents). The parent need not have an entry: a layer may hold
   * /etc/passwd alone, its /etc coming from a lower layer.
   */
  set(path: string, entry: LayerEntry): void {
    this.writable();
    if (path === "/") {
      if (entry.type !== "dir") throw new Error("the root of a layer is a directory");
      this.entries.set(path, entry);
      return;
    }
    const old = this.entries.get(path);
    if (old) {
      this.unname(old);
      if (old.type === "dir" && entry.type !== "dir") this.deleteChildren(path);
    } else this.attach(path);
    this.entries.set(path, entry);
  }

  /** Removes `path` and, for a directory, everything under it. */
  delete(path: string): void {
    this.writable();
    if (path === "/") throw new Error("the root of a layer cannot be deleted");
    const old = this.entries.get(path);
    if (!old) return;
    this.deleteChildren(path);
    this.unname(old);
    this.entries.delete(path);
    this.detach(path);
  }

  /** A second name for the file or symlink at `existing`, sharing its entry (link(2)). */
  link(existing: string, path: string): void {
    this.writable();
    const entry = this.entries.get(existing);
    if (!entry || entry.type === "dir" || entry.type === "whiteout") throw new Error(`cannot link ${existing}`);
    this.set(path, entry);
    this.linked.set(entry, this.links(entry) + 1);
  }

  /** Moves the entry at `from`, with everything under it, to `to` (replacing `to`). */
  rename(from: string, to: string): void {
    this.writable();
    if (from === to) return;
    if (!this.entries.has(from)) throw new Error(`no entry at ${from}`);
    const moved: Array<[string, LayerEntry]> = [];
    this.collect(from, moved);
    if (this.entries.has(to)) this.delete(to);
    for (const [path] of moved) {
      this.entries.delete(path);
      this.kids.delete(path);
    }
    this.detach(from);
    for (const [path, entry] of moved) {
      const dest = to + path.slice(from.length);
      this.entries.set(dest, entry);
      this.attach(dest);
    }
  }

  /** How many names the entry has in this layer (st_nlink of a file). */
  links(entry: LayerEntry): number {
    return this.linked.get(entry) ?? 1;
  }

  /** Names directly under `dir`, sorted, whiteouts included. */
  children(dir: string): string[] {
    const cached = this.sortedKids?.get(dir);
    if (cached) return cached;
    const names = [...(this.kids.get(dir) ?? [])].sort();
    if (this.sortedKids) this.sortedKids.set(dir, Object.freeze(names) as string[]);
    return names;
  }

  /**
   * Every path but the root, depth first with names sorted in each directory: parents
   * come before their children, in the order filepath.Walk visits a layer's tree.
   */
  paths(): string[] {
    const out: string[] = [];
    const visit = (dir: string): void => {
      for (const name of this.children(dir)) {
        const path = joinPath(dir, name);
        out.push(path);
        visit(path);
      }
    };
    visit("/");
    return out;
  }

  /** Image layers are immutable: later set(), delete() and builder calls throw. */
  freeze(): this {
    if (this.isFrozen) return this;
    for (const entry of this.entries.values()) Object.freeze(entry);
    this.isFrozen = true;
    this.sortedKids = new Map();
    return this;
  }

  /**
   * The layer's content address. Docker hashes the layer tar; this hashes a canonical
   * listing of the same facts (path, type, mode, owner, link target, data digest, opaque
   * mark), so two layers with the same content share a diff ID whatever their timestamps.
   */
  diffId(): string {
    if (this.cachedDiffId) return this.cachedDiffId;
    const lines = this.paths().map((path) => JSON.stringify([path, ...describe(this.entries.get(path) as LayerEntry)]));
    const id = digest(lines.join("\n"));
    if (this.isFrozen) this.cachedDiffId = id;
    return id;
  }

  /** Bytes of file data, each hard-linked file counted once: the SIZE docker history shows. */
  size(): number {
    if (this.cachedSize !== undefined) return this.cachedSize;
    const seen = new Set<LayerEntry>();
    let total = 0;
    for (const entry of this.entries.values()) {
      if (entry.type !== "file" || seen.has(entry)) continue;
      seen.add(entry);
      total += dataSize(entry.data);
    }
    if (this.isFrozen) this.cachedSize = total;
    return total;
  }

  // --- internals ------------------------------------------------------------------

  private writable(): void {
    if (this.isFrozen) throw new Error("an image layer is read-only");
  }

  /** Normalises a builder path and creates its missing parents as 0755 directories. */
  private builderPath(path: string): string {
    const at = normalizePath(path);
    let dir = "";
    for (const name of at.split("/").slice(1, -1)) {
      dir = `${dir}/${name}`;
      const entry = this.entries.get(dir);
      if (entry?.type === "dir") continue;
      if (entry && entry.type !== "whiteout") throw new Error(`${dir} is not a directory in this layer (building ${at})`);
      this.set(dir, { type: "dir", mode: 0o755, uid: 0, gid: 0, mtimeMs: this.mtimeMs, ino: allocateIno() });
    }
    return at;
  }

  private attach(path: string): void {
    const slash = path.lastIndexOf("/");
    const parent = slash === 0 ? "/" : path.slice(0, slash);
    let names = this.kids.get(parent);
    if (!names) {
      names = new Set();
      this.kids.set(parent, names);
    }
    names.add(path.slice(slash + 1));
  }

  private detach(path: string): void {
    const slash = path.lastIndexOf("/");
    const parent = slash === 0 ? "/" : path.slice(0, slash);
    const names = this.kids.get(parent);
    if (!names) return;
    names.delete(path.slice(slash + 1));
    if (names.size === 0) this.kids.delete(parent);
  }

  private deleteChildren(dir: string): void {
    const names = this.kids.get(dir);
    if (!names) return;
    for (const name of names) {
      const path = joinPath(dir, name);
      this.deleteChildren(path);
      const entry = this.entries.get(path);
      if (entry) this.unname(entry);
      this.entries.delete(path);
    }
    this.kids.delete(dir);
  }

  /** Preorder list of `path` and everything under it. */
  private collect(path: string, out: Array<[string, LayerEntry]>): void {
    const entry = this.entries.get(path);
    if (entry) out.push([path, entry]);
    for (const name of this.kids.get(path) ?? []) this.collect(joinPath(path, name), out);
  }

  /** One name of `entry` goes away. */
  private unname(entry: LayerEntry): void {
    const n = this.linked.get(entry);
    if (n === undefined) return;
    if (n <= 2) this.linked.delete(entry);
    else this.linked.set(entry, n - 1);
  }
}

/** The fields of an entry that make its content, in a fixed order, for the diff ID. */
function describe(entry: LayerEntry): Array<string | number | boolean> {
  switch (entry.type) {
    case "file":
      return ["file", entry.mode, entry.uid, entry.gid, sha256Hex(entry.data)];
    case "dir":
      return ["dir", entry.mode, entry.uid, entry.gid, entry.opaque === true];
    case "symlink":
      return ["symlink", entry.uid, entry.gid, entry.target];
    case "whiteout":
      return ["whiteout"];
  }
}
