// Expected text: volumes.lab (seed 002's transcript) and docker/cli v28.5.2
// cli/command/volume (prune.go warnings, remove.go error joining).
import { describe, expect, it } from "vitest";
import { volumeCommand } from "../../../../src/cli/command/volume/cmd";
import { ApiFailure, fakeCli, root } from "../system/fake-cli";

const vol = (Name: string) => ({
  CreatedAt: "2026-01-01T00:00:00Z",
  Driver: "local",
  Labels: null,
  Mountpoint: `/var/lib/docker/volumes/${Name}/_data`,
  Name,
  Options: null,
  Scope: "local",
});

describe("docker volume", () => {
  it("create prints the name", async () => {
    const f = fakeCli({ "POST /volumes/create": (c: { body?: unknown }) => vol((c.body as { Name: string }).Name) });
    expect(await f.run(root(volumeCommand), ["volume", "create", "myvol"])).toBe(0);
    expect(f.out).toBe("myvol\n");
    expect(f.calls[0]?.body).toEqual({ Driver: "local", DriverOpts: {}, Labels: {}, Name: "myvol" });
  });

  it("ls lists DRIVER and VOLUME NAME in natural order", async () => {
    const f = fakeCli({ "GET /volumes": { Volumes: [vol("vol10"), vol("myvol"), vol("vol2")], Warnings: null } });
    expect(await f.run(root(volumeCommand), ["volume", "ls"])).toBe(0);
    expect(f.out).toBe("DRIVER    VOLUME NAME\nlocal     myvol\nlocal     vol2\nlocal     vol10\n");
  });

  it("ls -q prints names only", async () => {
    const f = fakeCli({ "GET /volumes": { Volumes: [vol("b"), vol("a")], Warnings: null } });
    await f.run(root(volumeCommand), ["volume", "ls", "-q", "--filter", "dangling=true"]);
    expect(f.out).toBe("a\nb\n");
    expect(f.calls[0]?.query).toEqual({ filters: '{"dangling":{"true":true}}' });
  });

  it("inspect prints an indented JSON array, or a template", async () => {
    const f = fakeCli({ "GET /volumes/myvol": vol("myvol") });
    await f.run(root(volumeCommand), ["volume", "inspect", "myvol"]);
    expect(f.out).toBe(`[
    {
        "CreatedAt": "2026-01-01T00:00:00Z",
        "Driver": "local",
        "Labels": null,
        "Mountpoint": "/var/lib/docker/volumes/myvol/_data",
        "Name": "myvol",
        "Options": null,
        "Scope": "local"
    }
]
`);
    const g = fakeCli({ "GET /volumes/redis_data": vol("redis_data") });
    await g.run(root(volumeCommand), ["volume", "inspect", "--format", "{{ .Mountpoint }}", "redis_data"]);
    expect(g.out).toBe("/var/lib/docker/volumes/redis_data/_data\n");
  });

  it("inspect of a missing volume fails after printing what it found", async () => {
    const f = fakeCli({ "GET /volumes/nope": new ApiFailure(404, "get nope: no such volume") });
    expect(await f.run(root(volumeCommand), ["volume", "inspect", "nope"])).toBe(1);
    expect(f.out).toBe("[]\n");
    expect(f.err).toBe("Error response from daemon: get nope: no such volume\n");
  });

  it("rm reports the daemon's error and exits 1", async () => {
    const f = fakeCli({ "DELETE /volumes/my-vol": new ApiFailure(404, "get my-vol: no such volume") });
    expect(await f.run(root(volumeCommand), ["volume", "rm", "my-vol"])).toBe(1);
    expect(f.err).toBe("Error response from daemon: get my-vol: no such volume\n");
  });

  it("prune prompts, then lists what went", async () => {
    const id = "a".repeat(64);
    const f = fakeCli({ "POST /volumes/prune": { VolumesDeleted: [id], SpaceReclaimed: 0 } }, { stdin: ["y"] });
    expect(await f.run(root(volumeCommand), ["volume", "prune"])).toBe(0);
    expect(f.out).toBe(
      "WARNING! This will remove anonymous local volumes not used by at least one container.\n" +
        `Are you sure you want to continue? [y/N] Deleted Volumes:\n${id}\n\nTotal reclaimed space: 0B\n`,
    );
  });

  it("prune -a asks about every unused volume and sends all=true", async () => {
    const f = fakeCli({ "POST /volumes/prune": { VolumesDeleted: null, SpaceReclaimed: 0 } }, { stdin: ["y"] });
    await f.run(root(volumeCommand), ["volume", "prune", "-a"]);
    expect(f.out).toContain("WARNING! This will remove all local volumes not used by at least one container.");
    expect(f.calls[0]?.query).toEqual({ filters: '{"all":{"true":true}}' });
  });
});
