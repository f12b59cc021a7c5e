// Expected text: docker/cli v28.5.2 cli/command/system (version.go's template and
// tabwriter, prune.go's confirmation template, df), docker101-run.lab's `system prune`.
import { describe, expect, it } from "vitest";
import { systemCommand, versionCommand, versionString } from "../../../../src/cli/command/system/cmd";
import { API_VERSION } from "../../../../src/engine/daemon/api/types";
import { fakeCli, root } from "./fake-cli";

const serverVersion = {
  Platform: { Name: "Docker Engine - Community" },
  Components: [
    {
      Name: "Engine",
      Version: "28.5.2",
      Details: {
        ApiVersion: "1.51",
        Arch: "amd64",
        BuildTime: "2025-11-05T10:36:07.000000000+00:00",
        Experimental: "false",
        GitCommit: "89c5e8f",
        GoVersion: "go1.24.9",
        KernelVersion: "6.8.0-1021-aws",
        MinAPIVersion: "1.24",
        Os: "linux",
      },
    },
    { Name: "containerd", Version: "v1.7.28", Details: { GitCommit: "b98a3aace656320842a23f4a392a33f46af97866" } },
    { Name: "runc", Version: "1.3.0", Details: { GitCommit: "v1.3.0-0-g4ca628d1" } },
    { Name: "docker-init", Version: "0.19.0", Details: { GitCommit: "de40ad0" } },
  ],
  Version: "28.5.2",
  ApiVersion: "1.51",
  MinAPIVersion: "1.24",
  GitCommit: "89c5e8f",
  GoVersion: "go1.24.9",
  Os: "linux",
  Arch: "amd64",
  KernelVersion: "6.8.0-1021-aws",
  BuildTime: "2025-11-05T10:36:07.000000000+00:00",
};

describe("docker version", () => {
  it("prints the Client and Server blocks aligned at column 20", async () => {
    const f = fakeCli({ "GET /version": serverVersion });
    expect(await f.run(root(versionCommand), ["version"])).toBe(0);
    expect(f.out).toBe(`Client: Docker Engine - Community
 Version:           29.1.3
 API version:       ${API_VERSION}
 Go version:        go1.25.5
 Git commit:        f52814d
 Built:             Fri Dec 12 14:49:02 2025
 OS/Arch:           linux/amd64
 Context:           default

Server: Docker Engine - Community
 Engine:
  Version:          28.5.2
  API version:      1.51 (minimum version 1.24)
  Go version:       go1.24.9
  Git commit:       89c5e8f
  Built:            Wed Nov  5 10:36:07 2025
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          v1.7.28
  GitCommit:        b98a3aace656320842a23f4a392a33f46af97866
 runc:
  Version:          1.3.0
  GitCommit:        v1.3.0-0-g4ca628d1
 docker-init:
  Version:          0.19.0
  GitCommit:        de40ad0
`);
  });

  it("formats with a template", async () => {
    const f = fakeCli({ "GET /version": serverVersion });
    await f.run(root(versionCommand), ["version", "--format", "{{.Client.Version}} {{.Server.Version}}"]);
    expect(f.out).toBe("29.1.3 28.5.2\n");
  });

  it("--version text", () => {
    expect(versionString()).toMatch(/^Docker version \d+\.\d+\.\d+, build [0-9a-f]{7}$/);
  });
});

describe("docker system prune", () => {
  it("asks with the list of what goes (docker101-run.lab)", async () => {
    const f = fakeCli({}, { stdin: ["n"] });
    expect(await f.run(root(systemCommand), ["system", "prune"])).toBe(0);
    expect(f.out).toBe(`WARNING! This will remove:
  - all stopped containers
  - all networks not used by at least one container
  - all dangling images
  - unused build cache

Are you sure you want to continue? [y/N] `);
  });

  it("lists filters and volumes in the prompt", async () => {
    const f = fakeCli({}, { stdin: [""] });
    await f.run(root(systemCommand), ["system", "prune", "-a", "--volumes", "--filter", "label=a=b"]);
    expect(f.out).toBe(`WARNING! This will remove:
  - all stopped containers
  - all networks not used by at least one container
  - all anonymous volumes not used by at least one container
  - all images without at least one container associated to them
  - all build cache

  Items to be pruned will be filtered with:
  - label=a=b

Are you sure you want to continue? [y/N] `);
  });

  it("prunes each kind in order and totals the space", async () => {
    const id = "e".repeat(64);
    const f = fakeCli({
      "POST /containers/prune": { ContainersDeleted: [id], SpaceReclaimed: 1000 },
      "POST /networks/prune": { NetworksDeleted: null },
      "POST /images/prune": { ImagesDeleted: null, SpaceReclaimed: 0 },
      "POST /build/prune": { CachesDeleted: ["k1"], SpaceReclaimed: 2000 },
    });
    expect(await f.run(root(systemCommand), ["system", "prune", "-f"])).toBe(0);
    expect(f.out).toBe(`Deleted Containers:\n${id}\n\nDeleted build cache objects:\nk1\n\nTotal reclaimed space: 3kB\n`);
    expect(f.calls.map((c) => c.path)).toEqual(["/containers/prune", "/networks/prune", "/images/prune", "/build/prune"]);
  });

  it("prints only the total when nothing goes", async () => {
    const f = fakeCli({
      "POST /containers/prune": {},
      "POST /networks/prune": {},
      "POST /images/prune": {},
      "POST /build/prune": {},
    });
    await f.run(root(systemCommand), ["system", "prune", "-f"]);
    expect(f.out).toBe("Total reclaimed space: 0B\n");
  });
});

describe("docker system df", () => {
  it("prints the summary table", async () => {
    const f = fakeCli({
      "GET /system/df": {
        LayersSize: 78_100_000,
        Images: [
          {
            Id: "sha256:1",
            ParentId: "",
            RepoTags: ["ubuntu:latest"],
            RepoDigests: [],
            Created: 0,
            Size: 78_100_000,
            SharedSize: 0,
            Labels: null,
            Containers: 1,
          },
        ],
        Containers: [
          {
            Id: "c1",
            Names: ["/x"],
            Image: "ubuntu",
            ImageID: "",
            Command: "bash",
            Created: 0,
            Ports: [],
            SizeRw: 12_000,
            Labels: {},
            State: "exited",
            Status: "Exited (0)",
            HostConfig: { NetworkMode: "default" },
            NetworkSettings: { Networks: {} },
            Mounts: [],
          },
        ],
        Volumes: [],
        BuildCache: [],
      },
    });
    expect(await f.run(root(systemCommand), ["system", "df"])).toBe(0);
    expect(f.out).toBe(`TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE
Images          1         1         78.1MB    0B (0%)
Containers      1         0         12kB      12kB (100%)
Local Volumes   0         0         0B        0B
Build Cache     0         0         0B        0B
`);
  });
});
