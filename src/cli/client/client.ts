/**
 * The Engine API client (moby's client package as docker/cli uses it): requests under the
 * API version prefix, JSON in and out, errors from {"message"}, streamed bodies (logs,
 * stats, events, pull progress) and hijacked connections (attach, exec start).
 * Every call opens its own connection, so several can be in flight at once.
 */
import { API_VERSION } from "../../engine/daemon/api/types";
import { CLIENT_VERSION } from "../command/system/version-info";
import type { Conn } from "./conn";
import { ApiError, daemonMessage } from "./errors";
import type { DaemonHost } from "./host";
import { formatRequest, type HttpRequest, ResponseReader } from "./http";
import { encodeQuery, type Query } from "./query";

/** The Host header moby's client sends over a unix socket (client.DummyHost). */
export const DUMMY_HOST = "api.moby.localhost";

export interface PendingResponse {
  conn: Conn;
  response(): Promise<ResponseReader>;
}

export type Dialer = () => Promise<Conn>;

export interface RequestOptions {
  query?: Query;
  /** A JSON body (serialised here) or raw text (a tar stream for cp/build). */
  body?: unknown;
  headers?: Record<string, string>;
}

export class ApiClient {
  constructor(
    readonly host: DaemonHost,
    private readonly dial: Dialer,
  ) {}

  /** Builds the request for `path` (`/containers/json`), versioned as the client sends it. */
  buildRequest(method: string, path: string, options: RequestOptions = {}): HttpRequest {
    const query = encodeQuery(options.query ?? {});
    const headers: Record<string, string> = { "User-Agent": `Docker-Client/${CLIENT_VERSION} (linux)` };
    let body: string | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === "string") {
        body = options.body;
        headers["Content-Type"] = "application/x-tar";
      } else {
        body = JSON.stringify(options.body);
        headers["Content-Type"] = "application/json";
      }
    }
    Object.assign(headers, options.headers);
    return { method, target: `/v${API_VERSION}${path}${query ? `?${query}` : ""}`, headers, body };
  }

  get hostHeader(): string {
    return this.host.proto === "unix" ? DUMMY_HOST : `${this.host.host}:${this.host.port}`;
  }

  /**
   * Sends a request and returns its response once the head has arrived, the body unread;
   * a 4xx/5xx answer is read whole and thrown as an ApiError.
   */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<ResponseReader> {
    const conn = await this.dial();
    try {
      await conn.write(formatRequest(this.buildRequest(method, path, options), this.hostHeader));
      const res = await ResponseReader.read(conn);
      if (res.status >= 400) throw new ApiError(res.status, daemonMessage(res.status, await res.text()));
      return res;
    } catch (err) {
      conn.close();
      throw err;
    }
  }

  /**
   * Sends a request without waiting for the answer, for long polls such as
   * POST /containers/{id}/wait sent before the container starts: `response()` reads it later.
   */
  async open(method: string, path: string, options: RequestOptions = {}): Promise<PendingResponse> {
    const conn = await this.dial();
    await conn.write(formatRequest(this.buildRequest(method, path, options), this.hostHeader));
    return {
      conn,
      response: async () => {
        const res = await ResponseReader.read(conn);
        if (res.status >= 400) {
          const body = await res.text();
          conn.close();
          throw new ApiError(res.status, daemonMessage(res.status, body));
        }
        return res;
      },
    };
  }

  /** A request whose JSON answer is returned (undefined for an empty body). */
  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.send(method, path, options);
    try {
      const text = await res.text();
      return (text.trim() === "" ? undefined : JSON.parse(text)) as T;
    } finally {
      res.conn.close();
    }
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.json<T>("GET", path, { query });
  }

  post<T = void>(path: string, query?: Query, body?: unknown): Promise<T> {
    return this.json<T>("POST", path, { query, body });
  }

  delete<T = void>(path: string, query?: Query): Promise<T> {
    return this.json<T>("DELETE", path, { query });
  }

  /** A request whose body is read as it comes: close `res.conn` when done. */
  stream(method: string, path: string, options: RequestOptions = {}): Promise<ResponseReader> {
    return this.send(method, path, options);
  }

  /**
   * Attach and exec start: asks for `Upgrade: tcp` and returns the raw connection after
   * the 101 (or 200) head; what the daemon sent past the head stays buffered in it.
   */
  async hijack(path: string, options: RequestOptions = {}): Promise<Conn> {
    const headers = { Connection: "Upgrade", Upgrade: "tcp", ...options.headers };
    const res = await this.send("POST", path, { ...options, headers });
    return res.conn;
  }
}
