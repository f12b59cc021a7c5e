import type { DaemonContext } from "../context";
import { ApiError } from "../errors";
import { BODY_TYPES, checkBody } from "./decode";

/** A request as the router sees it: the API version prefix (/v1.51) already stripped. */
export interface ApiRequest {
  method: string;
  path: string;
  query: Query;
  body: unknown;
  /** Request header fields, by name without case (X-Registry-Auth). */
  header?: (name: string) => string | null;
}

/** The query string's parameters (the engine has no DOM URLSearchParams). */
export class Query {
  private readonly params = new Map<string, string[]>();

  constructor(search: string) {
    for (const part of search.replace(/^\?/, "").split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      const key = decode(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? "" : decode(part.slice(eq + 1));
      this.params.set(key, [...(this.params.get(key) ?? []), value]);
    }
  }

  get(name: string): string | null {
    return this.params.get(name)?.[0] ?? null;
  }

  getAll(name: string): string[] {
    return this.params.get(name) ?? [];
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/**
 * A path parameter as mux hands it over, unescaped. The CLI escapes what it puts in a
 * path (url.URL.EscapedPath), so a `%` that starts no escape is taken as itself.
 */
function unescapePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** How a route answers: a JSON document, an empty status, or a stream. */
export interface ApiResponse {
  json(status: number, body: unknown): void;
  /** No body; `headers` for answers carried in headers (HEAD /containers/{id}/archive). */
  empty(status: number, headers?: Record<string, string>): void;
  /** A streamed body (logs, events, pull progress, tar archives); `end` closes it. */
  stream(status: number, contentType: string, headers?: Record<string, string>): ApiStream;
  /**
   * Answers `101 UPGRADED` (or 200 for a client that did not ask to upgrade) and hands
   * over the raw connection, as attach and exec start do.
   */
  hijack(contentType: string): HijackedConnection;
}

/** The raw two-way connection after a hijack. */
export interface HijackedConnection {
  write(data: string): void;
  onData(listener: (data: string) => void): void;
  /** The client closed its sending side (stdin at EOF) or went away. */
  onEnd(listener: () => void): void;
  close(): void;
}

export interface ApiStream {
  write(chunk: string): void;
  end(): void;
  /** Called when the client goes away first. */
  onClose(listener: () => void): void;
}

export type Handler = (ctx: DaemonContext, req: ApiRequest, res: ApiResponse, params: string[]) => void | Promise<void>;

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE" | "HEAD";
  /** The path with `{name}` placeholders, as the Engine API reference writes it. */
  path: string;
  handler: Handler;
}

/** Compiles `/containers/{id}/json` into a matcher that captures the placeholders. */
function matcher(path: string): RegExp {
  const source = path
    .replace(/[.]/g, "\\.")
    .replace(/\{name\}/g, "(.+)")
    .replace(/\{[a-z]+\}/g, "([^/]+)");
  return new RegExp(`^${source}$`);
}

/**
 * The Engine API's route table (moby api/server/router/*): one list, matched in order,
 * a 404 `page not found` for anything else, errors answered as {"message": ...}.
 */
export class Router {
  private readonly compiled: Array<Route & { re: RegExp }>;

  constructor(routes: Route[]) {
    this.compiled = routes.map((r) => ({ ...r, re: matcher(r.path) }));
  }

  async dispatch(ctx: DaemonContext, req: ApiRequest, res: ApiResponse): Promise<void> {
    const path = req.path.replace(/^\/v\d+\.\d+(?=\/)/, "");
    for (const route of this.compiled) {
      const m = route.re.exec(path);
      if (!m || (route.method !== req.method && !(route.method === "GET" && req.method === "HEAD"))) continue;
      try {
        const bodyType = BODY_TYPES[`${route.method} ${route.path}`];
        if (bodyType && req.body !== null) checkBody(req.body, bodyType);
        await route.handler(ctx, { ...req, path }, res, m.slice(1).map(unescapePath));
      } catch (err) {
        if (err instanceof ApiError) {
          if (err.status === 304) res.empty(304);
          else res.json(err.status, { message: err.message });
          return;
        }
        ctx.kernel.runtime.onFault?.(`dockerd ${req.method} ${path}`, err);
        res.json(500, { message: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    res.json(404, { message: "page not found" });
  }
}
