// Outputs of real docker 28 (docs.docker.com/reference/cli/docker/image/pull, .../image/rm
// and the seeds' transcripts in /work/shared/labs: images-node.lab, registry.lab).
import { describe, expect, it } from "vitest";
import { historyCommand, imageCommand, pullCommand, rmiCommand, tagCommand } from "../../../../src/cli/command/image/cmd";
import { ApiFailure, fakeCli, root } from "../system/fake-cli";

const digest = `sha256:${"c".repeat(64)}`;

describe("docker pull", () => {
  it("prints the default tag, the daemon's statuses and the reference", async () => {
    const f = fakeCli({
      "POST /images/create": [
        { status: "Pulling from library/alpine", id: "latest" },
        { status: "Pulling fs layer", progressDetail: {}, id: "2d35ebdb57d9" },
        { status: "Downloading", progressDetail: { current: 3000, total: 3600000 }, id: "2d35ebdb57d9" },
        { status: "Pull complete", progressDetail: {}, id: "2d35ebdb57d9" },
        { status: `Digest: ${digest}` },
        { status: "Status: Downloaded newer image for alpine:latest" },
      ],
    });
    expect(await f.run(root(pullCommand), ["pull", "alpine"])).toBe(0);
    expect(f.out).toBe(
      [
        "Using default tag: latest",
        "latest: Pulling from library/alpine",
        "2d35ebdb57d9: Pulling fs layer",
        "2d35ebdb57d9: Pull complete",
        `Digest: ${digest}`,
        "Status: Downloaded newer image for alpine:latest",
        "docker.io/library/alpine:latest",
        "",
      ].join("\n"),
    );
    expect(f.calls[0]?.query).toMatchObject({ fromImage: "docker.io/library/alpine", tag: "latest" });
    expect(f.calls[0]?.headers?.["X-Registry-Auth"]).toBe("e30=");
  });

  it("reports the daemon's refusal", async () => {
    const f = fakeCli({
      "POST /images/create": new ApiFailure(404, "pull access denied for dani, repository does not exist or may require 'docker login'"),
    });
    expect(await f.run(root(pullCommand), ["pull", "dani:salt_master"])).toBe(1);
    expect(f.out).toBe("");
    expect(f.err).toBe(
      "Error response from daemon: pull access denied for dani, repository does not exist or may require 'docker login'\n",
    );
  });

  it("keeps a registry host in the reference", async () => {
    const f = fakeCli({ "POST /images/create": [{ status: "Pulling from danidebian", id: "latest" }] });
    await f.run(root(pullCommand), ["pull", "-q", "localhost:5000/danidebian"]);
    expect(f.out).toBe("localhost:5000/danidebian:latest\n");
    expect(f.calls[0]?.query).toMatchObject({ fromImage: "localhost:5000/danidebian", tag: "latest" });
  });
});

describe("docker rmi", () => {
  it("prints Untagged and Deleted lines", async () => {
    const f = fakeCli({
      "DELETE /images/ubuntu": [{ Untagged: "ubuntu:latest" }, { Untagged: `ubuntu@${digest}` }, { Deleted: digest }],
    });
    expect(await f.run(root(imageCommand), ["image", "rm", "ubuntu"])).toBe(0);
    expect(f.out).toBe(`Untagged: ubuntu:latest\nUntagged: ubuntu@${digest}\nDeleted: ${digest}\n`);
  });

  it("fails with every error after trying each image", async () => {
    const f = fakeCli({
      "DELETE /images/localhost:5000/danitest": new ApiFailure(404, "No such image: localhost:5000/danitest:latest"),
      "DELETE /images/alpine": [{ Untagged: "alpine:latest" }],
    });
    expect(await f.run(root(rmiCommand), ["rmi", "localhost:5000/danitest", "alpine"])).toBe(1);
    expect(f.out).toBe("Untagged: alpine:latest\n");
    expect(f.err).toBe("Error response from daemon: No such image: localhost:5000/danitest:latest\n");
  });

  it("only reports missing images with --force", async () => {
    const f = fakeCli({ "DELETE /images/foo": new ApiFailure(404, "No such image: foo:latest") });
    expect(await f.run(root(rmiCommand), ["rmi", "-f", "foo"])).toBe(0);
    expect(f.err).toBe("Error response from daemon: No such image: foo:latest\n");
  });

  it("needs an argument", async () => {
    const f = fakeCli({});
    expect(await f.run(root(rmiCommand), ["rmi"])).toBe(1);
    expect(f.err).toContain("'docker rmi' requires at least 1 argument");
  });
});

describe("docker tag", () => {
  it("sends the full repository name and tag", async () => {
    const f = fakeCli({ "POST /images/3f57d9401f8d/tag": undefined });
    expect(await f.run(root(tagCommand), ["tag", "3f57d9401f8d", "ourfiglet"])).toBe(0);
    expect(f.out).toBe("");
    expect(f.calls[0]?.query).toEqual({ repo: "docker.io/library/ourfiglet", tag: "latest" });
  });
});

describe("docker history", () => {
  // Layout of `docker history` in the docs (reference/cli/docker/image/history).
  it("prints the table with <missing> layers", async () => {
    const now = Date.UTC(2026, 0, 1);
    const f = fakeCli(
      {
        "GET /images/hello:v0.1/history": [
          {
            Id: `sha256:${"a".repeat(64)}`,
            Created: now / 1000 - 120,
            CreatedBy: 'CMD ["node" "index.js"]',
            Tags: ["hello:v0.1"],
            Size: 0,
            Comment: "buildkit.dockerfile.v0",
          },
          {
            Id: "<missing>",
            Created: now / 1000 - 3 * 7 * 86400,
            CreatedBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]',
            Tags: null,
            Size: 0,
            Comment: "",
          },
          {
            Id: "<missing>",
            Created: now / 1000 - 3 * 7 * 86400,
            CreatedBy: "/bin/sh -c #(nop) ADD file:37a76ec18f9887751cd8473744917d08b7431fc4085097bb6a09d81b41775473 in / ",
            Tags: null,
            Size: 7800000,
            Comment: "",
          },
        ],
      },
      { now },
    );
    expect(await f.run(root(historyCommand), ["history", "hello:v0.1"])).toBe(0);
    expect(f.out).toBe(
      `IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT
${"a".repeat(12)}   2 minutes ago   CMD ["node" "index.js"]                         0B        buildkit.dockerfile.v0
<missing>      3 weeks ago     /bin/sh -c #(nop)  CMD ["/bin/sh"]              0B        
<missing>      3 weeks ago     /bin/sh -c #(nop) ADD file:37a76ec18f9887751…   7.8MB     
`,
    );
  });
});

describe("docker image prune", () => {
  it("asks first and stops on no", async () => {
    const f = fakeCli({}, { stdin: ["n"] });
    expect(await f.run(root(imageCommand), ["image", "prune"])).toBe(0);
    expect(f.out).toBe("WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ");
    expect(f.calls).toEqual([]);
  });

  it("prunes dangling images and reports the space", async () => {
    const f = fakeCli({
      "POST /images/prune": { ImagesDeleted: [{ Deleted: digest }], SpaceReclaimed: 1234567 },
    });
    expect(await f.run(root(imageCommand), ["image", "prune", "-f"])).toBe(0);
    expect(f.out).toBe(`Deleted Images:\ndeleted: ${digest}\n\nTotal reclaimed space: 1.235MB\n`);
    expect(f.calls[0]?.query).toEqual({ filters: '{"dangling":{"true":true}}' });
  });
});
