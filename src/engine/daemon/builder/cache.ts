/**
 * The build cache. BuildKit keys a step by its parent's key, the instruction and, for
 * COPY and ADD, the checksums of the files copied, so editing app.py invalidates only the
 * COPY step and what follows it. The classic builder keeps its own: it finds an image
 * whose parent is the current one and whose config matches (moby imageprobe.go), which
 * here is the same key pointing at the intermediate image that step committed.
 */
import type { DaemonContext } from "../context";
import type { LayerStep } from "./state";

export class BuildCache {
  private readonly steps = new Map<string, LayerStep>();
  private readonly images = new Map<string, string>();

  get(key: string): LayerStep | undefined {
    return this.steps.get(key);
  }

  set(key: string, step: LayerStep): void {
    this.steps.set(key, step);
  }

  /** The classic builder's intermediate image for a step. */
  image(key: string): string | undefined {
    return this.images.get(key);
  }

  setImage(key: string, id: string): void {
    this.images.set(key, id);
  }

  /** How many records the cache holds (`docker system df`'s build cache count). */
  get size(): number {
    return this.steps.size;
  }

  /**
   * `docker builder prune` (POST /build/prune): forgets every record and answers what went,
   * as BuildKit's cache records: an ID of 25 base-36 characters and the bytes it held.
   */
  prune(): { ids: string[]; reclaimed: number } {
    const ids: string[] = [];
    let reclaimed = 0;
    for (const [key, step] of this.steps) {
      if (!step.layer) continue;
      ids.push(
        BigInt(`0x${key.slice(7, 39)}`)
          .toString(36)
          .padStart(25, "0")
          .slice(-25),
      );
      reclaimed += step.layer.size();
    }
    this.steps.clear();
    this.images.clear();
    return { ids, reclaimed };
  }
}

/**
 * Each daemon's caches, one per builder. Kept beside the daemon rather than in its context
 * so that the builder stays one self-contained subsystem.
 */
const caches = new WeakMap<DaemonContext, { buildkit: BuildCache; classic: BuildCache }>();

/** Both builders' caches of a daemon. */
export function buildCaches(ctx: DaemonContext): BuildCache[] {
  return [buildCache(ctx, false), buildCache(ctx, true)];
}

export function buildCache(ctx: DaemonContext, classic: boolean): BuildCache {
  let entry = caches.get(ctx);
  if (!entry) {
    entry = { buildkit: new BuildCache(), classic: new BuildCache() };
    caches.set(ctx, entry);
  }
  return classic ? entry.classic : entry.buildkit;
}
