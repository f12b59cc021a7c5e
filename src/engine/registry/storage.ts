/**
 * A registry's storage, laid out as distribution's filesystem driver lays it out under
 * its root directory (registry/storage/paths.go):
 *
 *   docker/registry/v2/blobs/sha256/<2 hex>/<hex>/data
 *   docker/registry/v2/repositories/<name>/_layers/sha256/<hex>/link
 *   docker/registry/v2/repositories/<name>/_manifests/revisions/sha256/<hex>/link
 *   docker/registry/v2/repositories/<name>/_manifests/tags/<tag>/current/link
 *
 * The `registry` container keeps it in its /var/lib/registry volume; the offline Docker
 * Hub keeps one for the whole playground.
 */
import { digest as digestOf } from "../fs/digest";
import type { FileSystem } from "../fs/filesystem";

const V2 = "docker/registry/v2";
const DIGEST = /^sha256:[0-9a-f]{64}$/;

export class RegistryStorage {
  constructor(
    private readonly fs: FileSystem,
    private readonly root: string,
  ) {}

  private path(...parts: string[]): string {
    return [this.root.replace(/\/$/, ""), V2, ...parts].join("/");
  }

  private blobPath(digest: string): string {
    const hex = digest.slice(7);
    return this.path("blobs", "sha256", hex.slice(0, 2), hex, "data");
  }

  private write(path: string, data: string): void {
    this.fs.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    this.fs.writeFile(path, data);
  }

  private readLink(path: string): string | undefined {
    return this.fs.exists(path) ? this.fs.readText(path) : undefined;
  }

  /** A blob's content when `name` links it (blobs are shared, repositories see their own). */
  blob(name: string, digest: string): string | undefined {
    if (!DIGEST.test(digest) || !this.fs.exists(this.path("repositories", name, "_layers", "sha256", digest.slice(7), "link"))) {
      return undefined;
    }
    const path = this.blobPath(digest);
    return this.fs.exists(path) ? this.fs.readText(path) : undefined;
  }

  /** Whether the blob store has `digest`, whichever repository brought it: a cross-repository mount needs no upload. */
  hasBlob(digest: string): boolean {
    return DIGEST.test(digest) && this.fs.exists(this.blobPath(digest));
  }

  /** Stores an uploaded blob; false when its content does not match the digest (DIGEST_INVALID). */
  putBlob(name: string, digest: string, content: string): boolean {
    if (digestOf(content) !== digest) return false;
    if (!this.hasBlob(digest)) this.write(this.blobPath(digest), content);
    this.linkBlob(name, digest);
    return true;
  }

  /** Links a blob the store already holds into a repository. */
  linkBlob(name: string, digest: string): void {
    this.write(this.path("repositories", name, "_layers", "sha256", digest.slice(7), "link"), digest);
  }

  /** A manifest by tag or digest: its text and digest. */
  manifest(name: string, reference: string): { text: string; digest: string } | undefined {
    const digest = DIGEST.test(reference)
      ? reference
      : this.readLink(this.path("repositories", name, "_manifests", "tags", reference, "current", "link"));
    if (!digest || !this.fs.exists(this.path("repositories", name, "_manifests", "revisions", "sha256", digest.slice(7), "link"))) {
      return undefined;
    }
    const path = this.blobPath(digest);
    return this.fs.exists(path) ? { text: this.fs.readText(path), digest } : undefined;
  }

  /** Stores a manifest and points `tag` at it (when the reference is a tag); its digest. */
  putManifest(name: string, reference: string, text: string): string {
    const digest = digestOf(text);
    if (!this.hasBlob(digest)) this.write(this.blobPath(digest), text);
    this.write(this.path("repositories", name, "_manifests", "revisions", "sha256", digest.slice(7), "link"), digest);
    if (!DIGEST.test(reference)) this.write(this.path("repositories", name, "_manifests", "tags", reference, "current", "link"), digest);
    return digest;
  }

  /** Repository names, sorted: those with a _manifests directory, at any depth (catalog.go). */
  repositories(): string[] {
    const out: string[] = [];
    const walk = (dir: string, prefix: string): void => {
      if (!this.fs.exists(dir)) return;
      for (const entry of this.fs.readdir(dir)) {
        if (entry === "_manifests") out.push(prefix);
        else if (!entry.startsWith("_")) walk(`${dir}/${entry}`, prefix ? `${prefix}/${entry}` : entry);
      }
    };
    walk(this.path("repositories"), "");
    return out.sort();
  }

  /** A repository's tags, sorted; undefined for an unknown repository. */
  tags(name: string): string[] | undefined {
    const dir = this.path("repositories", name, "_manifests", "tags");
    if (!this.fs.exists(this.path("repositories", name, "_manifests"))) return undefined;
    return this.fs.exists(dir) ? this.fs.readdir(dir).sort() : [];
  }
}
