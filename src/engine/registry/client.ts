/**
 * dockerd's side of the registry API: the requests a push and a pull make (ping, blob
 * exists, upload or mount, manifest put and get, blob get), over a transport that is the
 * virtual network for a registry at host:port, or the playground's Docker Hub.
 */
import type { Socket } from "../kernel/socket";
import { formatRequest } from "../net/http/encoder";
import { HttpHeaders } from "../net/http/headers";
import { BodyDecoder, responseFraming, takeResponseHead } from "../net/http/parser";
import type { RegistryApi, V2Request, V2Response } from "./api";
import { MANIFEST_V2 } from "./manifest";

export type RoundTrip = (req: V2Request) => Promise<V2Response>;

/** An error as dockerd reports it, the registry's message included. */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly code = "",
  ) {
    super(message);
  }
}

/** The Hub answers in-process: it is the playground's, not any host's. */
export function hubTransport(hub: RegistryApi): RoundTrip {
  return async (req) => hub.handle(req);
}

/** Opens a connection to the registry (throws as connect(2) does). */
export type Dial = () => Socket;

/** One request per connection (Connection: close), its answer read without blocking a task. */
export function httpTransport(dial: Dial, host: string): RoundTrip {
  return (req) =>
    new Promise<V2Response>((resolve, reject) => {
      let socket: Socket;
      try {
        socket = dial();
      } catch (err) {
        reject(err);
        return;
      }
      const headers: Record<string, string> = { Host: host, "User-Agent": "docker/28.5.1 go/go1.24.8", Connection: "close" };
      socket.send(
        formatRequest({
          method: req.method,
          target: req.target,
          headers,
          body: req.method === "GET" || req.method === "HEAD" ? undefined : req.body,
        }),
      );
      let buffer = "";
      let head: ReturnType<typeof takeResponseHead> = null;
      let decoder: BodyDecoder | null = null;
      let body = "";
      const finish = () => {
        socket.close();
        const h = head?.head.headers ?? new HttpHeaders();
        const out: Record<string, string> = {};
        for (const name of ["Content-Type", "Docker-Content-Digest", "Location", "Docker-Upload-UUID"]) {
          const v = h.get(name);
          if (v !== null) out[name] = v;
        }
        resolve({ status: head?.head.status ?? 0, headers: out, body });
      };
      const pump = () => {
        for (;;) {
          const chunk = socket.tryRead();
          if (chunk === undefined) {
            socket.onReadable(pump);
            return;
          }
          if (chunk === null) {
            if (!head) {
              socket.close();
              reject(new RegistryError("EOF"));
              return;
            }
            decoder?.end();
            finish();
            return;
          }
          if (!head) {
            buffer += chunk;
            head = takeResponseHead(buffer);
            if (!head) continue;
            decoder = new BodyDecoder(responseFraming(req.method, head.head));
            body += decoder.push(head.rest);
          } else body += (decoder as BodyDecoder).push(chunk);
          if ((decoder as BodyDecoder).done) {
            finish();
            return;
          }
        }
      };
      pump();
    });
}

/** The registry's own error message: "manifest unknown", "blob unknown to registry". */
function registryMessage(res: V2Response): { code: string; message: string } {
  try {
    const doc = JSON.parse(res.body) as { errors?: Array<{ code: string; message: string }> };
    const first = doc.errors?.[0];
    if (first) return { code: first.code, message: first.message };
  } catch {
    // not a JSON errors envelope
  }
  return { code: "", message: res.body.trim() };
}

/** distribution's errcode text: "manifest unknown: manifest unknown" (the code's description, then the message). */
function describe(res: V2Response): RegistryError {
  const { code, message } = registryMessage(res);
  const title = code.toLowerCase().replace(/_/g, " ");
  return new RegistryError(code ? `${title}: ${message}` : message, code);
}

/** The requests of a push and a pull against one registry. */
export class RegistryClient {
  constructor(private readonly roundTrip: RoundTrip) {}

  async ping(): Promise<void> {
    const res = await this.roundTrip({ method: "GET", target: "/v2/", body: "" });
    if (res.status !== 200 && res.status !== 401) throw describe(res);
  }

  async hasBlob(name: string, digest: string): Promise<boolean> {
    const res = await this.roundTrip({ method: "HEAD", target: `/v2/${name}/blobs/${digest}`, body: "" });
    return res.status === 200;
  }

  /** Mounts the blob from `from` when the registry has it, else uploads `content()` in one PUT. */
  async putBlob(name: string, digest: string, content: () => string, from?: string): Promise<"mounted" | "pushed"> {
    const mount = from ? `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}` : "";
    const started = await this.roundTrip({ method: "POST", target: `/v2/${name}/blobs/uploads/${mount}`, body: "" });
    if (started.status === 201) return "mounted";
    if (started.status !== 202 || !started.headers.Location) throw describe(started);
    const res = await this.roundTrip({
      method: "PUT",
      target: `${started.headers.Location}?digest=${encodeURIComponent(digest)}`,
      body: content(),
    });
    if (res.status !== 201) throw describe(res);
    return "pushed";
  }

  async putManifest(name: string, tag: string, text: string): Promise<string> {
    const res = await this.roundTrip({ method: "PUT", target: `/v2/${name}/manifests/${tag}`, body: text });
    if (res.status !== 201) throw describe(res);
    return res.headers["Docker-Content-Digest"] ?? "";
  }

  /** The manifest a tag or digest names; undefined when the registry has none (MANIFEST_UNKNOWN, NAME_UNKNOWN). */
  async manifest(name: string, reference: string): Promise<{ text: string; digest: string } | undefined> {
    const res = await this.roundTrip({ method: "GET", target: `/v2/${name}/manifests/${reference}`, body: "" });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw describe(res);
    if (res.headers["Content-Type"] && res.headers["Content-Type"] !== MANIFEST_V2)
      throw new RegistryError("unsupported manifest media type");
    return { text: res.body, digest: res.headers["Docker-Content-Digest"] ?? "" };
  }

  /** GET /v2/<name>/tags/list: undefined for a repository the registry does not know (NAME_UNKNOWN). */
  async tags(name: string): Promise<string[] | undefined> {
    const res = await this.roundTrip({ method: "GET", target: `/v2/${name}/tags/list`, body: "" });
    if (res.status === 404) return undefined;
    if (res.status !== 200) throw describe(res);
    return (JSON.parse(res.body) as { tags: string[] | null }).tags ?? [];
  }

  async blob(name: string, digest: string): Promise<string> {
    const res = await this.roundTrip({ method: "GET", target: `/v2/${name}/blobs/${digest}`, body: "" });
    if (res.status !== 200) throw describe(res);
    return res.body;
  }
}
