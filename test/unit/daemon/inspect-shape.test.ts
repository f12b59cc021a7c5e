/**
 * `docker inspect` returns the Engine API's documents with real Docker's keys, in
 * its order. Keys from moby api/types/container/container.go (InspectResponse, State),
 * api/types/container/network_settings.go (NetworkSettings after API v1.52 dropped the
 * deprecated Bridge/IPAddress/... fields, api/docs/CHANGELOG.md "v1.52 API changes"),
 * and api/types/volume (Volume). GraphDriver is present with the overlay2 driver.
 */
import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

async function inspect(lines: string[]): Promise<unknown[]> {
  const sim = new Simulation({ nodes: 1 });
  await sim.start();
  await sim.run(parseScript(`${lines.join("\n")}\n`));
  return JSON.parse(sim.entries.at(-1)?.output ?? "null") as unknown[];
}

describe("docker inspect documents", () => {
  it("a running container has InspectResponse's keys, in order", async () => {
    const [doc] = (await inspect(["docker run -d --name web -p 8080:80 nginx", "docker inspect web"])) as Array<Record<string, unknown>>;
    expect(Object.keys(doc)).toEqual([
      "Id",
      "Created",
      "Path",
      "Args",
      "State",
      "Image",
      "ResolvConfPath",
      "HostnamePath",
      "HostsPath",
      "LogPath",
      "Name",
      "RestartCount",
      "Driver",
      "Platform",
      "MountLabel",
      "ProcessLabel",
      "AppArmorProfile",
      "ExecIDs",
      "HostConfig",
      "GraphDriver",
      "Mounts",
      "Config",
      "NetworkSettings",
    ]);
    expect(Object.keys(doc.State as object)).toEqual([
      "Status",
      "Running",
      "Paused",
      "Restarting",
      "OOMKilled",
      "Dead",
      "Pid",
      "ExitCode",
      "Error",
      "StartedAt",
      "FinishedAt",
    ]);
    expect(Object.keys(doc.NetworkSettings as object)).toEqual(["SandboxID", "SandboxKey", "Ports", "Networks"]);
    const settings = doc.NetworkSettings as {
      Ports: Record<string, unknown>;
      Networks: Record<string, { IPAddress: string; Gateway: string }>;
    };
    expect(settings.Ports["80/tcp"]).toEqual([
      { HostIp: "0.0.0.0", HostPort: "8080" },
      { HostIp: "::", HostPort: "8080" },
    ]);
    expect(settings.Networks.bridge.IPAddress).toMatch(/^172\.17\.0\.\d+$/);
    expect(settings.Networks.bridge.Gateway).toBe("172.17.0.1");
    expect(doc.Name).toBe("/web");
    expect((doc.Config as { OnBuild?: unknown }).OnBuild).toBeUndefined();
  });

  it("a volume has the local driver's document", async () => {
    const [doc] = (await inspect(["docker volume create data", "docker volume inspect data"])) as Array<Record<string, unknown>>;
    expect(Object.keys(doc)).toEqual(["CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope"]);
    expect(doc.Mountpoint).toBe("/var/lib/docker/volumes/data/_data");
  });
});
