// docker inspect and docker container inspect: docker/cli v29.1.3 cli/command/system/inspect.go
// (inspectAutodetect order, isErrSkippable, "error: no such object: %s", the --type and
// --size messages) and cli/command/container/inspect.go (GET /containers/{id}/json?size=1).
import { describe, expect, it } from "vitest";
import { containerCommand } from "../../../../src/cli/command/container/cmd";
import { inspectCommand } from "../../../../src/cli/command/system/inspect";
import { ApiFailure, fakeCli, root } from "./fake-cli";

const mount = {
  Type: "volume",
  Name: "myvol",
  Source: "/var/lib/docker/volumes/myvol/_data",
  Destination: "/app",
  Driver: "local",
  Mode: "z",
  RW: true,
  Propagation: "",
};
const container = { Id: "c0ffee", Name: "/danivolumetest", Mounts: [mount] };
const volume = { Name: "myvol", Driver: "local", Mountpoint: "/var/lib/docker/volumes/myvol/_data" };

describe("docker inspect", () => {
  it("finds a container first and renders {{json .Mounts}} as docker does (volumes.lab)", async () => {
    const f = fakeCli({ "GET /containers/danivolumetest/json": container });
    expect(await f.run(root(inspectCommand), ["inspect", "--format", "{{json .Mounts}}", "danivolumetest"])).toBe(0);
    expect(f.out).toBe(
      '[{"Type":"volume","Name":"myvol","Source":"/var/lib/docker/volumes/myvol/_data","Destination":"/app","Driver":"local","Mode":"z","RW":true,"Propagation":""}]\n',
    );
  });

  it("goes on to images, networks and volumes when a kind does not know the name", async () => {
    const missing = (what: string) => new ApiFailure(404, `No such ${what}: myvol`);
    const f = fakeCli({
      "GET /containers/myvol/json": missing("container"),
      "GET /images/myvol/json": missing("image"),
      "GET /networks/myvol": new ApiFailure(404, "network myvol not found"),
      "GET /volumes/myvol": volume,
    });
    expect(await f.run(root(inspectCommand), ["inspect", "-f", "{{.Mountpoint}}", "myvol"])).toBe(0);
    expect(f.out).toBe("/var/lib/docker/volumes/myvol/_data\n");
  });

  it("asks for swarm objects only on a swarm manager, then says no such object", async () => {
    const f = fakeCli({
      "GET /containers/x/json": new ApiFailure(404, "No such container: x"),
      "GET /images/x/json": new ApiFailure(404, "No such image: x:latest"),
      "GET /networks/x": new ApiFailure(404, "network x not found"),
      "GET /volumes/x": new ApiFailure(404, "get x: no such volume"),
      "GET /info": { Swarm: { ControlAvailable: false } },
      "GET /plugins/x/json": new ApiFailure(404, "plugin x found"),
    });
    expect(await f.run(root(inspectCommand), ["inspect", "x"])).toBe(1);
    expect(f.out).toBe("[]\n");
    expect(f.err).toBe("error: no such object: x\n");
    expect(f.calls.map((c) => c.path)).toEqual([
      "/containers/x/json",
      "/images/x/json",
      "/networks/x",
      "/volumes/x",
      "/info",
      "/plugins/x/json",
    ]);
  });

  it("--type limits the search to one kind and reports its own error", async () => {
    const f = fakeCli({ "GET /volumes/web": new ApiFailure(404, "get web: no such volume") });
    expect(await f.run(root(inspectCommand), ["inspect", "--type", "volume", "web"])).toBe(1);
    expect(f.err).toBe("Error response from daemon: get web: no such volume\n");
    const g = fakeCli({});
    expect(await g.run(root(inspectCommand), ["inspect", "--type", "box", "web"])).toBe(1);
    expect(g.err).toBe(
      'unknown type: "box": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"\n',
    );
  });

  it("--size asks the container for its sizes and warns for other kinds", async () => {
    const f = fakeCli({
      "GET /containers/myvol/json": new ApiFailure(404, "No such container: myvol"),
      "GET /images/myvol/json": new ApiFailure(404, "No such image: myvol:latest"),
      "GET /networks/myvol": new ApiFailure(404, "network myvol not found"),
      "GET /volumes/myvol": volume,
    });
    expect(await f.run(root(inspectCommand), ["inspect", "-s", "-f", "{{.Name}}", "myvol"])).toBe(0);
    expect(f.calls[0]?.query).toEqual({ size: "1" });
    expect(f.err).toBe("WARNING: --size ignored for volume\n");
  });
});

describe("docker container inspect", () => {
  it("GETs /containers/{id}/json, with size=1 for --size", async () => {
    const f = fakeCli({ "GET /containers/web/json": { ...container, SizeRw: 2, SizeRootFs: 192_325_046 } });
    expect(await f.run(root(containerCommand), ["container", "inspect", "-s", "-f", "{{.SizeRw}} {{.SizeRootFs}}", "web"])).toBe(0);
    expect(f.out).toBe("2 192325046\n");
    expect(f.calls[0]?.query).toEqual({ size: "1" });
  });

  it("fails with the daemon's message for a missing container", async () => {
    const f = fakeCli({ "GET /containers/nope/json": new ApiFailure(404, "No such container: nope") });
    expect(await f.run(root(containerCommand), ["container", "inspect", "nope"])).toBe(1);
    expect(f.out).toBe("[]\n");
    expect(f.err).toBe("Error response from daemon: No such container: nope\n");
  });
});
