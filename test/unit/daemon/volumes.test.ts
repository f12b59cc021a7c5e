/**
 * The local volume driver as moby v29.1.3 reports and fills it:
 * daemon/volume/service/convert.go (CreatedAt formatted with time.RFC3339) and
 * daemon/create_unix.go populateVolumes + container/container_unix.go copyExistingContents
 * ("copy image data to volume": only into an empty volume, owner and mode included,
 * skipped for nocopy, never for binds).
 */
import { describe, expect, it } from "vitest";
import type { HostConfig, MountPoint } from "../../../src/engine/daemon/api/types";
import { populateVolumes } from "../../../src/engine/daemon/volume/populate";
import { VolumeStore } from "../../../src/engine/daemon/volume/store";
import { Layer } from "../../../src/engine/fs/layer";
import { MemFileSystem } from "../../../src/engine/fs/memfs";
import { OverlayFileSystem } from "../../../src/engine/fs/overlay";

const T = Date.UTC(2025, 1, 14, 12, 0, 0);

function image(): OverlayFileSystem {
  const layer = new Layer({ mtimeMs: T })
    .dir("/data", 0o755, { uid: 999, gid: 1000 })
    .file("/usr/share/nginx/html/index.html", "<h1>Welcome to nginx!</h1>\n")
    .file("/etc/hostname", "x\n")
    .symlink("/usr/share/nginx/html/latest", "index.html")
    .freeze();
  return new OverlayFileSystem([layer], new Layer(), () => T);
}

function volume(store: VolumeStore, name: string, target: string): MountPoint {
  store.create(name);
  return {
    Type: "volume",
    Name: name,
    Source: store.dataPath(name),
    Destination: target,
    Driver: "local",
    Mode: "z",
    RW: true,
    Propagation: "",
  };
}

describe("volume store", () => {
  it("reports CreatedAt in RFC 3339 with whole seconds", () => {
    const store = new VolumeStore(new MemFileSystem(() => T), () => "2026-01-01T00:00:05.123456789Z");
    expect(store.inspect(store.create("myvol")).CreatedAt).toBe("2026-01-01T00:00:05Z");
  });
});

describe("populateVolumes", () => {
  it("copies the image's directory into an empty volume, with owner, mode and times", () => {
    const host = new MemFileSystem(() => T);
    const store = new VolumeStore(host, () => "2026-01-01T00:00:00Z");
    const mounts = [volume(store, "redis", "/data"), volume(store, "html", "/usr/share/nginx/html")];
    populateVolumes(host, image(), mounts, {} as HostConfig);
    const data = host.stat(store.dataPath("redis"));
    expect([data.uid, data.gid, data.mode, data.mtimeMs]).toEqual([999, 1000, 0o755, T]);
    expect(host.readText(`${store.dataPath("html")}/index.html`)).toBe("<h1>Welcome to nginx!</h1>\n");
    expect(host.readlink(`${store.dataPath("html")}/latest`)).toBe("index.html");
  });

  it("leaves a volume that already holds files alone", () => {
    const host = new MemFileSystem(() => T);
    const store = new VolumeStore(host, () => "2026-01-01T00:00:00Z");
    const mounts = [volume(store, "html", "/usr/share/nginx/html")];
    host.writeFile(`${store.dataPath("html")}/mine.html`, "mine\n");
    populateVolumes(host, image(), mounts, {} as HostConfig);
    expect(host.readdir(store.dataPath("html"))).toEqual(["mine.html"]);
  });

  it("copies nothing for nocopy (-v and --mount), for binds, or where the image has no directory", () => {
    const host = new MemFileSystem(() => T);
    const store = new VolumeStore(host, () => "2026-01-01T00:00:00Z");
    const a = volume(store, "va", "/usr/share/nginx/html");
    const b = { ...volume(store, "vb", "/data") };
    const c = volume(store, "vc", "/etc/hostname");
    const d = volume(store, "vd", "/nowhere");
    host.mkdir("/srv/site", { recursive: true });
    const bind: MountPoint = {
      Type: "bind",
      Source: "/srv/site",
      Destination: "/usr/share/nginx/html",
      Mode: "",
      RW: true,
      Propagation: "rprivate",
    };
    const hostConfig = {
      Binds: ["va:/usr/share/nginx/html:nocopy"],
      Mounts: [{ Type: "volume", Source: "vb", Target: "/data", VolumeOptions: { NoCopy: true } }],
    } as HostConfig;
    populateVolumes(host, image(), [a, b, c, d, bind], hostConfig);
    for (const name of ["va", "vb", "vc", "vd"]) expect(host.readdir(store.dataPath(name))).toEqual([]);
    expect(host.stat(store.dataPath("vb")).uid).toBe(0);
    expect(host.readdir("/srv/site")).toEqual([]);
  });
});
