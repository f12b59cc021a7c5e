import type { Process } from "../../kernel/process";
import { formatRequest } from "./encoder";
import type { HttpHeaders } from "./headers";
import type { HttpRequestInit, HttpResponseHead } from "./message";
import { BodyDecoder, HttpParseError, responseFraming, takeResponseHead } from "./parser";

/**
 * The client side, for programs: it blocks the calling task. Sends `init` on the connected
 * descriptor `fd` and reads the response head; the body is read from the returned reader.
 */
export async function httpRequest(proc: Process, fd: number, init: HttpRequestInit): Promise<HttpResponseReader> {
  await proc.write(fd, formatRequest(init));
  return readResponse(proc, fd, init.method);
}

/**
 * Reads a response head from `fd` (interim 1xx answers other than 101 are skipped).
 * `buffered` is data already read from the connection (what followed a previous response).
 * Throws HttpParseError when the connection ends before a head: curl's "Empty reply from server".
 */
export async function readResponse(proc: Process, fd: number, method: string, buffered = ""): Promise<HttpResponseReader> {
  let buffer = buffered;
  for (;;) {
    const taken = takeResponseHead(buffer);
    if (taken) {
      const { head, rest } = taken;
      if (head.status >= 100 && head.status < 200 && head.status !== 101) {
        buffer = rest;
        continue;
      }
      return new HttpResponseReader(proc, fd, method, head, rest);
    }
    const chunk = await proc.read(fd);
    if (chunk === null) throw new HttpParseError(buffer === "" ? "empty reply" : "connection closed in the response head");
    buffer += chunk;
  }
}

/** A response being received: its head, and its body as it arrives. */
export class HttpResponseReader implements HttpResponseHead {
  readonly version: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: HttpHeaders;
  /** After `101 Switching Protocols` (Docker's `101 UPGRADED`): the raw connection. */
  readonly hijacked: HijackedStream | null = null;
  private readonly decoder: BodyDecoder;
  private pending: string;

  constructor(
    private readonly proc: Process,
    readonly fd: number,
    method: string,
    head: HttpResponseHead,
    rest: string,
  ) {
    this.version = head.version;
    this.status = head.status;
    this.statusText = head.statusText;
    this.headers = head.headers;
    if (head.status === 101) {
      this.hijacked = new HijackedStream(proc, fd, rest);
      this.decoder = new BodyDecoder({ kind: "none" });
      this.pending = "";
      return;
    }
    this.decoder = new BodyDecoder(responseFraming(method, head));
    this.pending = this.decoder.push(rest);
  }

  /** The next piece of the body, or null at its end. */
  async read(): Promise<string | null> {
    for (;;) {
      if (this.pending !== "") {
        const out = this.pending;
        this.pending = "";
        return out;
      }
      if (this.decoder.done) return null;
      const chunk = await this.proc.read(this.fd);
      if (chunk === null) {
        this.decoder.end();
        return null;
      }
      this.pending = this.decoder.push(chunk);
    }
  }

  async readAll(): Promise<string> {
    let out = "";
    for (;;) {
      const piece = await this.read();
      if (piece === null) return out;
      out += piece;
    }
  }

  /** Data received after the body: the start of the next response on a kept-alive connection. */
  get leftover(): string {
    return this.decoder.rest;
  }

  /** Whether the connection can carry another request (no Connection: close, body delimited). */
  get reusable(): boolean {
    return !this.headers.hasToken("Connection", "close") && this.version === "HTTP/1.1" && this.hijacked === null;
  }
}

/** A connection taken over after an upgrade: raw data both ways. */
export class HijackedStream {
  constructor(
    private readonly proc: Process,
    readonly fd: number,
    private buffered: string,
  ) {}

  async read(): Promise<string | null> {
    if (this.buffered !== "") {
      const out = this.buffered;
      this.buffered = "";
      return out;
    }
    return this.proc.read(this.fd);
  }

  write(data: string): Promise<void> {
    return this.proc.write(this.fd, data);
  }

  /** Half-closes: the server reads end of file (stdin closed) and can still answer. */
  closeWrite(): void {
    this.proc.shutdown(this.fd);
  }
}
