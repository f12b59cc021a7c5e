// docker buildx / docker builder against canned Engine API answers. Expected texts from
// docker/buildx v0.30.1: commands/ls.go (lsDefaultTableFormat, ` \_ ` indent, truncPlatforms),
// inspect.go (tabwriter padding 1, "BuildKit version:", "GC Policy rule#N:"), diskusage.go
// (duDefaultTableFormat, duDefaultPrettyTemplate, printSummary with tab padding),
// prune.go (normalWarning/allCacheWarning, printTableRow "%-40s\t%-5v\t%-10s\t%s", `Total:`),
// version.go (package, version, revision); GC policy from moby v29.1.3
// daemon/internal/builder-next/worker/gc.go DefaultGCPolicy; docker/cli v29
// cli/command/builder/prune.go for DOCKER_BUILDKIT=0.
import { describe, expect, it } from "vitest";
import { builderCommand, buildxCommand } from "../../../src/cli/command/builder/cmd";
import { truncatePlatforms } from "../../../src/cli/command/builder/ls";
import { defaultGCPolicy } from "../../../src/cli/command/builder/node";
import { fakeCli, root } from "./system/fake-cli";

const BRIDGE = { Name: "bridge", IPAM: { Driver: "default", Options: null, Config: [{ Subnet: "172.17.0.0/16", Gateway: "172.17.0.1" }] } };
const NOW = Date.UTC(2026, 0, 1, 1, 0, 0);

const record = (id: string, size: number, description: string, parents: string[] | null = null) => ({
  ID: id,
  Parents: parents,
  Type: "regular",
  Description: description,
  InUse: false,
  Shared: false,
  Size: size,
  CreatedAt: "2026-01-01T00:00:00.5Z",
  LastUsedAt: "2026-01-01T00:30:00Z",
  UsageCount: 2,
});

const RECORDS = [
  record("5bhs6wdg0i4qbiqc8qy7w9gsa", 13_400_000, "[2/4] RUN pip install flask"),
  record("0zptxmfobed8jj5vlnyxcsvkc", 120, "[4/4] COPY app.py .", ["82qpbcffn43jsvxwqpe1un4g9"]),
  record("82qpbcffn43jsvxwqpe1un4g9", 0, "[3/4] WORKDIR /app", ["5bhs6wdg0i4qbiqc8qy7w9gsa"]),
];

function cli(extra: Record<string, unknown> = {}, opts: { stdin?: string[] } = {}) {
  const f = fakeCli({ "GET /networks/bridge": BRIDGE, ...extra }, { now: NOW, ...opts });
  // A 66GB disk under /var/lib/docker (the playground host's ext4).
  (f.cli.proc.fs as unknown as { statfs: () => unknown }).statfs = () => ({ blockSize: 4096, blocks: 16_226_715 });
  return f;
}

describe("docker buildx ls", () => {
  it("lists the default builder and its node", async () => {
    const f = cli();
    expect(await f.run(root(buildxCommand), ["buildx", "ls"])).toBe(0);
    expect(f.out).toBe(
      `NAME/NODE     DRIVER/ENDPOINT   STATUS    BUILDKIT   PLATFORMS
default*      docker                                 
 \\_ default    \\_ default       running   v0.26.2    linux/amd64 (+3), linux/386
`,
    );
  });

  it("prints every platform with --no-trunc, and custom templates", async () => {
    const f = cli();
    await f.run(root(buildxCommand), ["buildx", "ls", "--no-trunc", "--format", "{{.Name}}: {{.Platforms}}"]);
    expect(f.out).toBe("default: \ndefault: linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/386\n");
  });

  it("folds variants and counts what is left over, as truncPlatforms does", () => {
    expect(truncatePlatforms(["linux/amd64", "linux/amd64/v2", "linux/amd64/v3", "linux/386"], 4)).toBe("linux/amd64 (+3), linux/386");
    // Docker Desktop's node, as its `docker buildx ls` prints it.
    expect(
      truncatePlatforms(
        ["linux/amd64", "linux/amd64/v2", "linux/arm64", "linux/riscv64", "linux/ppc64le", "linux/s390x", "linux/arm/v7", "linux/arm/v6"],
        4,
      ),
    ).toBe("linux/amd64 (+2), linux/arm64, linux/arm (+2), linux/ppc64le, (2 more)");
  });

  it("answers as docker builder ls too", async () => {
    const f = cli();
    await f.run(root(builderCommand), ["builder", "ls"]);
    expect(f.out).toContain(" \\_ default    \\_ default       running");
  });
});

describe("docker buildx inspect", () => {
  it("describes the node, its labels and the daemon's GC policy", async () => {
    const f = cli();
    expect(await f.run(root(buildxCommand), ["buildx", "inspect", "--bootstrap"])).toBe(0);
    expect(f.out).toBe(`Name:   default
Driver: docker

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.26.2
Platforms:        linux/amd64, linux/amd64/v2, linux/amd64/v3, linux/386
Labels:
 org.mobyproject.buildkit.worker.moby.host-gateway-ip: 172.17.0.1
GC Policy rule#0:
 All:            false
 Filters:        type==source.local,type==exec.cachemount,type==source.git.checkout
 Keep Duration:  48h0m0s
 Max Used Space: 922.4MiB
GC Policy rule#1:
 All:            false
 Keep Duration:  1440h0m0s
 Reserved Space: 6.519GiB
 Max Used Space: 46.57GiB
 Min Free Space: 12.11GiB
GC Policy rule#2:
 All:            false
 Reserved Space: 6.519GiB
 Max Used Space: 46.57GiB
 Min Free Space: 12.11GiB
GC Policy rule#3:
 All:            true
 Reserved Space: 6.519GiB
 Max Used Space: 46.57GiB
 Min Free Space: 12.11GiB
`);
  });

  it("keeps only the reserved space when the disk cannot be read", () => {
    const rules = defaultGCPolicy(undefined);
    expect(rules[1]).toMatchObject({ reservedSpace: 2e9, maxUsedSpace: 0, minFreeSpace: 0 });
    expect(rules[0]?.maxUsedSpace).toBe(512e6);
  });

  it("knows no builder but the default one", async () => {
    const f = cli();
    expect(await f.run(root(buildxCommand), ["buildx", "inspect", "mybuilder"])).toBe(1);
    expect(f.err).toBe('ERROR: no builder "mybuilder" found\n');
  });
});

describe("docker buildx du", () => {
  it("lists the cache records smallest first, then the summary", async () => {
    const f = cli({ "GET /system/df": { BuildCache: RECORDS } });
    expect(await f.run(root(buildxCommand), ["buildx", "du"])).toBe(0);
    expect(f.calls.find((c) => c.path === "/system/df")?.query).toEqual({ type: "build-cache" });
    expect(f.out).toBe(`ID                          RECLAIMABLE   SIZE      LAST ACCESSED
82qpbcffn43jsvxwqpe1un4g9   true          0B        30 minutes ago
0zptxmfobed8jj5vlnyxcsvkc   true          120B      30 minutes ago
5bhs6wdg0i4qbiqc8qy7w9gsa   true          13.4MB    30 minutes ago
Reclaimable:\t13.4MB
Total:\t\t13.4MB
`);
  });

  it("prints each record in full with --verbose", async () => {
    const f = cli({ "GET /system/df": { BuildCache: [RECORDS[1]] } });
    await f.run(root(buildxCommand), ["buildx", "du", "--verbose"]);
    expect(f.out).toBe(`ID:           0zptxmfobed8jj5vlnyxcsvkc
Parents:
 - 82qpbcffn43jsvxwqpe1un4g9
Created at:   2026-01-01 00:00:00.5 +0000 UTC
Mutable:      false
Reclaimable:  true
Shared:       false
Size:         120B
Description:  [4/4] COPY app.py .
Usage count:  2
Last used:    30 minutes ago
Type:         regular

Reclaimable:\t120B
Total:\t\t120B
`);
  });

  it("refuses --format with --verbose", async () => {
    const f = cli({ "GET /system/df": { BuildCache: [] } });
    expect(await f.run(root(buildxCommand), ["buildx", "du", "--verbose", "--format", "{{.ID}}"])).toBe(1);
    expect(f.err).toBe("ERROR: --format and --verbose cannot be used together\n");
  });
});

describe("docker buildx prune / docker builder prune", () => {
  it("asks first, then lists what went, each row flushed on its own", async () => {
    const f = cli(
      {
        "GET /system/df": { BuildCache: RECORDS },
        "POST /build/prune": { CachesDeleted: ["5bhs6wdg0i4qbiqc8qy7w9gsa", "82qpbcffn43jsvxwqpe1un4g9"], SpaceReclaimed: 13_400_000 },
      },
      { stdin: ["y"] },
    );
    expect(await f.run(root(builderCommand), ["builder", "prune"])).toBe(0);
    expect(f.out).toBe(
      "WARNING! This will remove all dangling build cache. Are you sure you want to continue? [y/N] " +
        "ID\t\t\t\t\t\tRECLAIMABLE\tSIZE\t\tLAST ACCESSED\n" +
        "5bhs6wdg0i4qbiqc8qy7w9gsa               \ttrue \t\t13.4MB    \t30 minutes ago\n" +
        "82qpbcffn43jsvxwqpe1un4g9               \ttrue \t0B        \t30 minutes ago\n" +
        "Total:\t13.4MB\n",
    );
  });

  it("stops when the answer is no, and says all build cache with -a", async () => {
    const f = cli({}, { stdin: ["n"] });
    expect(await f.run(root(buildxCommand), ["buildx", "prune", "-a"])).toBe(0);
    expect(f.out).toBe("WARNING! This will remove all build cache. Are you sure you want to continue? [y/N] ");
    expect(f.calls.some((c) => c.path === "/build/prune")).toBe(false);
  });

  it("prints only the total when nothing goes", async () => {
    const f = cli({ "GET /system/df": { BuildCache: [] }, "POST /build/prune": { CachesDeleted: null, SpaceReclaimed: 0 } });
    await f.run(root(buildxCommand), ["buildx", "prune", "-f"]);
    expect(f.out).toBe("Total:\t0B\n");
  });

  it("is docker's own prune when DOCKER_BUILDKIT=0", async () => {
    const f = cli({ "POST /build/prune": { CachesDeleted: ["k1"], SpaceReclaimed: 2000 } });
    f.cli.proc.env.DOCKER_BUILDKIT = "0";
    await f.run(root(builderCommand), ["builder", "prune", "-f"]);
    expect(f.out).toBe("Deleted build cache objects:\nk1\n\nTotal reclaimed space: 2kB\n");
  });
});

describe("docker buildx", () => {
  it("prints the plugin's version", async () => {
    const f = cli();
    await f.run(root(buildxCommand), ["buildx", "version"]);
    expect(f.out).toBe("github.com/docker/buildx v0.30.1 9e66234aa13328a5e75b75aa5574e1ca6d6d9c01\n");
  });

  it("shows its help, then the error, for a verb it does not have", async () => {
    const f = cli();
    expect(await f.run(root(buildxCommand), ["buildx", "bogus"])).toBe(1);
    expect(f.out).toMatch(/^Usage: {2}docker buildx \[OPTIONS\] COMMAND\n\nExtended build capabilities with BuildKit\n/);
    expect(f.out).toContain("\n  du          Disk usage\n");
    expect(f.err).toBe('ERROR: unknown command: "bogus"\n');
  });
});
