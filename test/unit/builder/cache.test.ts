// BuildKit's cache records as the Engine API lists them (moby api/types/build
// CacheRecord: ID, Parents, Type, Description, InUse, Shared, Size, CreatedAt, LastUsedAt,
// UsageCount): one per step that made a layer, its parent the step below it.
import { describe, expect, it } from "vitest";
import { BuildCache } from "../../../src/engine/daemon/builder/cache";
import { digest } from "../../../src/engine/fs/digest";
import { Layer } from "../../../src/engine/fs/layer";

describe("BuildCache", () => {
  it("keeps a record per layer step, with its vertex, parent, size and use", () => {
    let now = "2026-01-01T00:00:00Z";
    const cache = new BuildCache(() => now);
    const history = { created: now, createdBy: "x", emptyLayer: false };
    const k1 = digest("one");
    const k2 = digest("two");
    cache.set(k1, { layer: new Layer(), history }, { description: "[2/3] RUN echo hi", parent: "base" });
    cache.set(digest("meta"), { layer: null, history: { ...history, emptyLayer: true } });
    cache.set(k2, { layer: new Layer(), history }, { description: "[3/3] COPY a.txt .", parent: k1 });
    now = "2026-01-01T00:05:00Z";
    cache.use(k2);
    const records = cache.records();
    expect(records.map((r) => r.Description)).toEqual(["[2/3] RUN echo hi", "[3/3] COPY a.txt ."]);
    expect(records[0]?.Parents).toBeNull();
    expect(records[1]?.Parents).toEqual([records[0]?.ID]);
    expect(records[1]).toMatchObject({
      Type: "regular",
      InUse: false,
      Shared: false,
      UsageCount: 2,
      CreatedAt: "2026-01-01T00:00:00Z",
      LastUsedAt: "2026-01-01T00:05:00Z",
    });
    expect(records[0]?.ID).toMatch(/^[0-9a-z]{25}$/);
    expect(cache.size).toBe(2);
  });

  it("forgets every record on prune and reports them", () => {
    const cache = new BuildCache();
    const history = { created: "", createdBy: "x", emptyLayer: false };
    cache.set(digest("one"), { layer: new Layer(), history }, { description: "[2/2] RUN true", parent: "base" });
    const ids = cache.records().map((r) => r.ID);
    expect(cache.prune()).toEqual({ ids, reclaimed: 0 });
    expect(cache.records()).toEqual([]);
    expect(cache.get(digest("one"))).toBeUndefined();
  });
});
