/**
 * The build cache. BuildKit keys a step by its parent's key, the instruction and, for
 * COPY and ADD, the checksums of the files copied, so editing app.py invalidates only the
 * COPY step and what follows it. The classic builder keeps its own: it finds an image
 * whose parent is the current one and whose config matches (moby imageprobe.go), which
 * here is the same key pointing at the intermediate image that step committed.
 *
 * Each step that made a layer is also one of BuildKit's cache records (moby/buildkit
 * cache/manager.go): an ID, its parent record, the vertex that made it as description, its
 * size, and when and how often it was used. `docker buildx du`, `docker system df` and
 * `docker builder prune` read them through GET /system/df and POST /build/prune.
 */
import type { BuildCacheRecord } from "../api/types";
import type { DaemonContext } from "../context";
import type { LayerStep } from "./state";

/** What the cache knows of a step besides its outcome. */
export interface StepOrigin {
  /** The vertex's name: `[2/4] RUN pip install flask`. */
  description: string;
  /** The cache key of the step below (the state's key before this step). */
  parent: string;
}

interface CacheEntry {
  step: LayerStep;
  origin?: StepOrigin;
  createdAt: string;
  lastUsedAt: string;
  usageCount: number;
}

export class BuildCache {
  private readonly steps = new Map<string, CacheEntry>();
  private readonly images = new Map<string, string>();

  constructor(private readonly now: () => string = () => "0001-01-01T00:00:00Z") {}

  get(key: string): LayerStep | undefined {
    return this.steps.get(key)?.step;
  }

  set(key: string, step: LayerStep, origin?: StepOrigin): void {
    const now = this.now();
    this.steps.set(key, { step, origin, createdAt: now, lastUsedAt: now, usageCount: 1 });
  }

  /** A cache hit: BuildKit's record is used again (its usage count and last-used time). */
  use(key: string): void {
    const entry = this.steps.get(key);
    if (!entry) return;
    entry.usageCount++;
    entry.lastUsedAt = this.now();
  }

  /** The classic builder's intermediate image for a step. */
  image(key: string): string | undefined {
    return this.images.get(key);
  }

  setImage(key: string, id: string): void {
    this.images.set(key, id);
  }

  /** How many records the cache holds. */
  get size(): number {
    return this.records().length;
  }

  /** BuildKit's cache records (client.UsageInfo as the Engine API's BuildCache lists them). */
  records(): BuildCacheRecord[] {
    const records: BuildCacheRecord[] = [];
    for (const [key, entry] of this.steps) {
      if (!entry.step.layer) continue;
      const parent = entry.origin ? this.steps.get(entry.origin.parent) : undefined;
      records.push({
        ID: recordId(key),
        Parents: parent?.step.layer && entry.origin ? [recordId(entry.origin.parent)] : null,
        Type: "regular",
        Description: entry.origin?.description ?? "",
        InUse: false,
        Shared: false,
        Size: entry.step.layer.size(),
        CreatedAt: entry.createdAt,
        LastUsedAt: entry.lastUsedAt,
        UsageCount: entry.usageCount,
      });
    }
    return records;
  }

  /**
   * `docker builder prune` (POST /build/prune): forgets every record and answers what went,
   * as BuildKit's cache records.
   */
  prune(): { ids: string[]; reclaimed: number } {
    const records = this.records();
    this.steps.clear();
    this.images.clear();
    return { ids: records.map((r) => r.ID), reclaimed: records.reduce((n, r) => n + r.Size, 0) };
  }
}

/** A record's ID as BuildKit prints them: 25 base-36 characters (identity.NewID). */
function recordId(key: string): string {
  return BigInt(`0x${key.slice(7, 39)}`)
    .toString(36)
    .padStart(25, "0")
    .slice(-25);
}

/**
 * Each daemon's caches, one per builder. Kept beside the daemon rather than in its context
 * so that the builder stays one self-contained subsystem.
 */
const caches = new WeakMap<DaemonContext, { buildkit: BuildCache; classic: BuildCache }>();

export function buildCache(ctx: DaemonContext, classic: boolean): BuildCache {
  let entry = caches.get(ctx);
  if (!entry) {
    const now = () => ctx.isoNow();
    entry = { buildkit: new BuildCache(now), classic: new BuildCache(now) };
    caches.set(ctx, entry);
  }
  return classic ? entry.classic : entry.buildkit;
}

/**
 * BuildKit's records: what GET /system/df lists as BuildCache. The classic builder's cache
 * is its intermediate images, which are images, not build cache.
 */
export function buildCacheRecords(ctx: DaemonContext): BuildCacheRecord[] {
  return buildCache(ctx, false).records();
}

/** POST /build/prune: BuildKit's records go; the classic builder's images stay, as in moby. */
export function pruneBuildCache(ctx: DaemonContext): { ids: string[]; reclaimed: number } {
  return buildCache(ctx, false).prune();
}
