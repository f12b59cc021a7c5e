/**
 * The registry's HTTP API V2 (distribution's docs/spec/api.md), over a RegistryStorage:
 * the version check, the catalog, tag lists, manifests and blobs by digest, and blob
 * uploads (monolithic, chunked with PATCH, or mounted from another repository).
 * The `registry` program serves it on :5000; dockerd's registry client speaks it.
 */
import { MANIFEST_V2, parseManifest } from "./manifest";
import type { RegistryStorage } from "./storage";

export interface V2Request {
  method: string;
  /** The request target: path and query. */
  target: string;
  body: string;
}

export interface V2Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const NAME = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*";
const ROUTES = {
  tags: new RegExp(`^/v2/(${NAME})/tags/list$`),
  manifest: new RegExp(`^/v2/(${NAME})/manifests/([^/]+)$`),
  blob: new RegExp(`^/v2/(${NAME})/blobs/(sha256:[0-9a-f]{64})$`),
  uploads: new RegExp(`^/v2/(${NAME})/blobs/uploads/?$`),
  upload: new RegExp(`^/v2/(${NAME})/blobs/uploads/([0-9a-f-]+)$`),
};
const VERSION_HEADER = { "Docker-Distribution-Api-Version": "registry/2.0" };

/** The errors envelope of api.md ("Errors"), with the codes' own messages. */
function error(status: number, code: string, message: string, detail: unknown = null): V2Response {
  return json(status, { errors: [{ code, message, detail }] });
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): V2Response {
  return {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...VERSION_HEADER, ...headers },
    body: `${JSON.stringify(value)}\n`,
  };
}

function empty(status: number, headers: Record<string, string>): V2Response {
  return { status, headers: { ...VERSION_HEADER, "Content-Length": "0", ...headers }, body: "" };
}

function query(target: string): Map<string, string> {
  const q = target.indexOf("?");
  const out = new Map<string, string>();
  if (q < 0) return out;
  for (const part of target.slice(q + 1).split("&")) {
    const eq = part.indexOf("=");
    if (eq > 0) out.set(decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1)));
  }
  return out;
}

/** One registry: its storage, and the uploads in progress (by UUID). */
export class RegistryApi {
  private readonly uploads = new Map<string, { name: string; data: string }>();

  constructor(
    readonly storage: RegistryStorage,
    private readonly newUuid: () => string,
  ) {}

  handle(req: V2Request): V2Response {
    const path = req.target.split("?")[0];
    const method = req.method;
    if (path === "/v2/" || path === "/v2")
      return { status: 200, headers: { "Content-Type": "application/json; charset=utf-8", ...VERSION_HEADER }, body: "{}" };
    if (path === "/v2/_catalog" && method === "GET") return json(200, { repositories: this.storage.repositories() });
    let m = ROUTES.tags.exec(path);
    if (m && method === "GET") {
      const tags = this.storage.tags(m[1]);
      if (!tags) return error(404, "NAME_UNKNOWN", "repository name not known to registry", { name: m[1] });
      return json(200, { name: m[1], tags });
    }
    m = ROUTES.manifest.exec(path);
    if (m) return this.manifest(method, m[1], m[2], req.body);
    m = ROUTES.blob.exec(path);
    if (m && (method === "GET" || method === "HEAD")) {
      const blob = this.storage.blob(m[1], m[2]);
      if (blob === undefined) return error(404, "BLOB_UNKNOWN", "blob unknown to registry", m[2]);
      return {
        status: 200,
        headers: { "Content-Type": "application/octet-stream", "Docker-Content-Digest": m[2], ...VERSION_HEADER },
        body: method === "HEAD" ? "" : blob,
      };
    }
    m = ROUTES.uploads.exec(path);
    if (m && method === "POST") return this.startUpload(m[1], query(req.target));
    m = ROUTES.upload.exec(path);
    if (m) return this.continueUpload(method, m[1], m[2], query(req.target), req.body);
    return { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...VERSION_HEADER }, body: "404 page not found\n" };
  }

  private manifest(method: string, name: string, reference: string, body: string): V2Response {
    if (method === "PUT") {
      let doc: ReturnType<typeof parseManifest>;
      try {
        doc = parseManifest(body);
      } catch {
        return error(400, "MANIFEST_INVALID", "manifest invalid");
      }
      for (const d of [doc.config, ...doc.layers]) {
        if (this.storage.blob(name, d.digest) === undefined)
          return error(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry", d.digest);
      }
      const digest = this.storage.putManifest(name, reference, body);
      return empty(201, { Location: `/v2/${name}/manifests/${digest}`, "Docker-Content-Digest": digest });
    }
    if (method !== "GET" && method !== "HEAD") return error(405, "UNSUPPORTED", "The operation is unsupported.");
    const found = this.storage.manifest(name, reference);
    if (!found)
      return error(
        404,
        "MANIFEST_UNKNOWN",
        "manifest unknown",
        reference.startsWith("sha256:") ? { Digest: reference } : { Tag: reference },
      );
    return {
      status: 200,
      headers: { "Content-Type": MANIFEST_V2, "Docker-Content-Digest": found.digest, ...VERSION_HEADER },
      body: method === "HEAD" ? "" : found.text,
    };
  }

  private startUpload(name: string, params: Map<string, string>): V2Response {
    const mount = params.get("mount");
    if (mount && this.storage.hasBlob(mount)) {
      this.storage.linkBlob(name, mount);
      return empty(201, { Location: `/v2/${name}/blobs/${mount}`, "Docker-Content-Digest": mount });
    }
    const uuid = this.newUuid();
    this.uploads.set(uuid, { name, data: "" });
    return empty(202, { Location: `/v2/${name}/blobs/uploads/${uuid}`, "Docker-Upload-UUID": uuid, Range: "0-0" });
  }

  private continueUpload(method: string, name: string, uuid: string, params: Map<string, string>, body: string): V2Response {
    const upload = this.uploads.get(uuid);
    if (!upload || upload.name !== name) return error(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
    upload.data += body;
    if (method === "PATCH") {
      return empty(202, {
        Location: `/v2/${name}/blobs/uploads/${uuid}`,
        "Docker-Upload-UUID": uuid,
        Range: `0-${Math.max(0, upload.data.length - 1)}`,
      });
    }
    if (method !== "PUT") return error(405, "UNSUPPORTED", "The operation is unsupported.");
    const digest = params.get("digest") ?? "";
    this.uploads.delete(uuid);
    if (!this.storage.putBlob(name, digest, upload.data))
      return error(400, "DIGEST_INVALID", "provided digest did not match uploaded content");
    return empty(201, { Location: `/v2/${name}/blobs/${digest}`, "Docker-Content-Digest": digest });
  }
}
