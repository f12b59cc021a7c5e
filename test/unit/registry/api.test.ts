/**
 * The registry's HTTP API V2 over its storage, as distribution 2.8 answers it
 * (docs/spec/api.md: "Pushing An Image", "Listing Repositories", "Listing Image Tags",
 * the errors envelope and its codes) and the filesystem layout of
 * registry/storage/paths.go; the layer blob a push uploads (OCI image-spec layer.md).
 */
import { describe, expect, it } from "vitest";
import { digest } from "../../../src/engine/fs/digest";
import { Layer } from "../../../src/engine/fs/layer";
import { MemFileSystem } from "../../../src/engine/fs/memfs";
import { RegistryApi } from "../../../src/engine/registry/api";
import { layerFromBlob, layerToBlob } from "../../../src/engine/registry/layer-blob";
import { imageUpload } from "../../../src/engine/registry/manifest";
import { RegistryStorage } from "../../../src/engine/registry/storage";

function registry(): { api: RegistryApi; fs: MemFileSystem } {
  const fs = new MemFileSystem(() => 0);
  let n = 0;
  const api = new RegistryApi(new RegistryStorage(fs, "/var/lib/registry"), () => `00000000-0000-4000-a000-00000000000${n++}`);
  return { api, fs };
}

function upload(api: RegistryApi, name: string, content: string): number {
  const started = api.handle({ method: "POST", target: `/v2/${name}/blobs/uploads/`, body: "" });
  expect(started.status).toBe(202);
  const location = started.headers.Location;
  return api.handle({ method: "PUT", target: `${location}?digest=${encodeURIComponent(digest(content))}`, body: content }).status;
}

const layer = new Layer({ mtimeMs: 1_700_000_000_000 })
  .file("/etc/motd", "hello\n")
  .symlink("/bin/sh", "busybox")
  .dir("/var/cache", 0o700)
  .whiteout("/tmp/old")
  .freeze();

describe("layer blobs", () => {
  it("round-trips a layer through its tar with the same diff ID", () => {
    const blob = layerToBlob(layer);
    expect(blob).toContain("tmp/.wh.old");
    const back = layerFromBlob(blob);
    expect(back.diffId()).toBe(layer.diffId());
    expect(back.get("/tmp/old")?.type).toBe("whiteout");
  });

  it("keeps opaque directories as .wh..wh..opq", () => {
    const opaque = new Layer().dir("/data");
    const entry = opaque.get("/data");
    if (entry?.type === "dir") entry.opaque = true;
    const blob = layerToBlob(opaque.freeze());
    expect(blob).toContain("data/.wh..wh..opq");
    expect(layerFromBlob(blob).diffId()).toBe(opaque.diffId());
  });
});

describe("registry API V2", () => {
  it("answers the version check with {}", () => {
    const res = registry().api.handle({ method: "GET", target: "/v2/", body: "" });
    expect(res.status).toBe(200);
    expect(res.body).toBe("{}");
    expect(res.headers["Docker-Distribution-Api-Version"]).toBe("registry/2.0");
  });

  it("stores a pushed image under the filesystem driver's layout and lists it", () => {
    const { api, fs } = registry();
    const config = JSON.stringify({ architecture: "amd64", os: "linux", rootfs: { type: "layers", diff_ids: [layer.diffId()] } });
    const up = imageUpload({ configText: config, layers: [layer], layerSizes: [6] });
    expect(upload(api, "app", up.layers[0].blob())).toBe(201);
    expect(upload(api, "app", config)).toBe(201);
    const put = api.handle({ method: "PUT", target: "/v2/app/manifests/latest", body: up.manifest });
    expect(put.status).toBe(201);
    expect(put.headers["Docker-Content-Digest"]).toBe(up.digest);
    expect(fs.readText("/var/lib/registry/docker/registry/v2/repositories/app/_manifests/tags/latest/current/link")).toBe(up.digest);
    expect(api.handle({ method: "GET", target: "/v2/_catalog", body: "" }).body).toBe('{"repositories":["app"]}\n');
    expect(api.handle({ method: "GET", target: "/v2/app/tags/list", body: "" }).body).toBe('{"name":"app","tags":["latest"]}\n');
    const got = api.handle({ method: "GET", target: "/v2/app/manifests/latest", body: "" });
    expect(got.body).toBe(up.manifest);
    expect(api.handle({ method: "HEAD", target: `/v2/app/blobs/${up.layers[0].digest}`, body: "" }).status).toBe(200);
    // Another repository sees the blob only once it is mounted.
    expect(api.handle({ method: "HEAD", target: `/v2/other/blobs/${up.layers[0].digest}`, body: "" }).status).toBe(404);
    const mounted = api.handle({ method: "POST", target: `/v2/other/blobs/uploads/?mount=${up.layers[0].digest}&from=app`, body: "" });
    expect(mounted.status).toBe(201);
  });

  it("refuses a manifest whose blobs were never uploaded, and content that does not match its digest", () => {
    const { api } = registry();
    const up = imageUpload({ configText: "{}", layers: [layer], layerSizes: [6] });
    const res = api.handle({ method: "PUT", target: "/v2/app/manifests/latest", body: up.manifest });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).errors[0].code).toBe("MANIFEST_BLOB_UNKNOWN");
    const started = api.handle({ method: "POST", target: "/v2/app/blobs/uploads/", body: "" });
    const bad = api.handle({ method: "PUT", target: `${started.headers.Location}?digest=${digest("x")}`, body: "y" });
    expect(JSON.parse(bad.body).errors[0].code).toBe("DIGEST_INVALID");
  });

  it("answers unknown manifests and repositories with the registry's error codes", () => {
    const { api } = registry();
    const manifest = api.handle({ method: "GET", target: "/v2/app/manifests/latest", body: "" });
    expect(manifest.status).toBe(404);
    expect(manifest.body).toBe('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}\n');
    const tags = api.handle({ method: "GET", target: "/v2/app/tags/list", body: "" });
    expect(JSON.parse(tags.body).errors[0]).toEqual({
      code: "NAME_UNKNOWN",
      message: "repository name not known to registry",
      detail: { name: "app" },
    });
  });
});
