import { HttpHeaders } from "./headers";
import type { HttpRequestInit } from "./message";
import { toHeaders } from "./message";
import { byteLength } from "./octets";
import { encodeChunk, LAST_CHUNK } from "./parser";
import { bodyless, statusText } from "./status";

export type HeaderInit = HttpHeaders | Record<string, string> | Array<[string, string]>;

/** A request on the wire: the body, if any, framed with Content-Length. */
export function formatRequest(init: HttpRequestInit): string {
  const headers = toHeaders(init.headers);
  const body = init.body ?? "";
  if (init.body !== undefined && !headers.has("Content-Length") && !headers.hasToken("Transfer-Encoding", "chunked")) {
    headers.set("Content-Length", String(byteLength(body)));
  }
  return `${init.method} ${init.target} HTTP/1.1\r\n${headers.serialize()}\r\n${body}`;
}

export interface ResponseOptions {
  /** Milliseconds on the virtual clock, for the Date header Go's net/http adds; none without it. */
  now?: () => number;
  /** Whether the connection closes after this response (Connection: close). */
  close?: boolean;
}

/**
 * Turns a response into wire text, whoever sends it (a kernel service or a task). As with
 * Go's net/http, the head waits for the first body write: a response finished in one
 * end() gets a Content-Length, one written in pieces is chunked. An empty write flushes
 * the head alone (http.Flusher), for streams such as /events.
 */
export class ResponseEncoder {
  headSent = false;
  finished = false;
  status = 0;
  private pending: { status: number; headers: HttpHeaders; reason?: string } | null = null;
  private chunked = false;
  private readonly noBody: boolean;

  constructor(
    method: string,
    private readonly options: ResponseOptions = {},
  ) {
    this.noBody = method === "HEAD";
  }

  /** Sets the status and headers; they go out with the first write or end. */
  head(status: number, init?: HeaderInit, reason?: string): void {
    if (this.headSent || this.pending) throw new Error("http: superfluous response.WriteHeader call");
    this.status = status;
    this.pending = { status, headers: toHeaders(init), reason };
  }

  /** The head, if it has not gone out yet: wire text, or "". */
  flush(): string {
    if (this.headSent) return "";
    if (!this.pending) this.head(200);
    const { status, headers, reason } = this.pending as { status: number; headers: HttpHeaders; reason?: string };
    this.headSent = true;
    const out = new HttpHeaders();
    if (this.options.now && !headers.has("Date")) out.append("Date", new Date(this.options.now()).toUTCString());
    for (const [name, value] of headers.entries()) out.append(name, value);
    if (!bodyless(status) && !headers.has("Content-Length") && !headers.hasToken("Transfer-Encoding", "chunked")) {
      out.append("Transfer-Encoding", "chunked");
    }
    this.chunked = !bodyless(status) && out.hasToken("Transfer-Encoding", "chunked");
    if (this.options.close && !headers.has("Connection")) out.append("Connection", "close");
    return `HTTP/1.1 ${status} ${reason ?? statusText(status)}\r\n${out.serialize()}\r\n`;
  }

  body(data: string): string {
    const head = this.flush();
    if (this.noBody || bodyless(this.status) || data === "") return head;
    return head + (this.chunked ? encodeChunk(data) : data);
  }

  /** The rest of the response; a head still pending gets the Content-Length of `data`. */
  end(data = ""): string {
    if (this.finished) return "";
    if (!this.headSent) {
      if (!this.pending) this.head(200);
      const headers = (this.pending as { headers: HttpHeaders }).headers;
      if (!bodyless(this.status) && !headers.has("Content-Length") && !headers.hasToken("Transfer-Encoding", "chunked")) {
        headers.set("Content-Length", String(byteLength(data)));
      }
    }
    let out = this.body(data);
    if (this.chunked && !this.noBody) out += LAST_CHUNK;
    this.finished = true;
    return out;
  }
}
