import { notFound } from "../errors";
import type { Image } from "./image";
import { familiarName, familiarString, parseReference, type Reference } from "./reference";

/**
 * The daemon's images and the references (repo:tag) that name them, as moby's image
 * store and reference store keep them.
 */
export class ImageStore {
  private readonly images = new Map<string, Image>();
  /** familiar repo:tag -> image ID, in tagging order. */
  private readonly tags = new Map<string, string>();

  all(): Image[] {
    return [...this.images.values()];
  }

  add(image: Image): Image {
    const existing = this.images.get(image.id);
    if (existing) return existing;
    this.images.set(image.id, image);
    return image;
  }

  delete(id: string): void {
    this.images.delete(id);
    for (const [tag, target] of this.tags) if (target === id) this.tags.delete(tag);
  }

  /** Points `ref` at `id`; returns the image the tag named before, if another. */
  tag(ref: Reference, id: string): string | undefined {
    const key = familiarString({ ...ref, digest: undefined });
    const previous = this.tags.get(key);
    this.tags.set(key, id);
    return previous !== id ? previous : undefined;
  }

  untag(key: string): string | undefined {
    const id = this.tags.get(key);
    this.tags.delete(key);
    return id;
  }

  repoTags(id: string): string[] {
    return [...this.tags].filter(([, target]) => target === id).map(([tag]) => tag);
  }

  /** The image a reference names: repo:tag, a full or short ID, or sha256:ID. */
  find(name: string): Image | undefined {
    const byId = this.byId(name);
    if (byId) return byId;
    let ref: Reference;
    try {
      ref = parseReference(name);
    } catch {
      return undefined;
    }
    if (ref.digest) {
      const repo = familiarName(ref);
      return this.all().find((image) => image.repoDigests.includes(`${repo}@${ref.digest}`));
    }
    const id = this.tags.get(familiarString(ref));
    return id ? this.images.get(id) : undefined;
  }

  get(name: string): Image {
    const image = this.find(name);
    if (image) return image;
    throw notFound(`No such image: ${displayName(name)}`);
  }

  private byId(name: string): Image | undefined {
    const hex = name.startsWith("sha256:") ? name.slice(7) : name;
    if (!/^[0-9a-f]{1,64}$/.test(hex)) return undefined;
    const full = this.images.get(`sha256:${hex}`);
    if (full) return full;
    if (hex.length < 1) return undefined;
    const matches = this.all().filter((image) => image.id.slice(7).startsWith(hex));
    // A short ID must be unambiguous; a name that is all hex digits may still be a repository.
    return matches.length === 1 ? matches[0] : undefined;
  }
}

/** How "No such image" names what was asked for: with its tag made explicit. */
function displayName(name: string): string {
  try {
    const ref = parseReference(name);
    return ref.digest ? name : familiarString(ref);
  } catch {
    return name;
  }
}
