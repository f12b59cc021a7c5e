/**
 * The HTTP/1.1 the Docker client speaks to dockerd (Go's net/http client as moby's
 * client package drives it): one request per connection, a JSON or raw body with its
 * Content-Length, and responses framed by Content-Length, chunked encoding, or the end
 * of the connection. A 101 response hands the raw connection over (hijack).
 */
import type { Conn } from "./conn";
import { takeUtf8, utf8Length } from "./utf8";

export interface HttpRequest {
  method: string;
  /** Path and query: `/v1.51/containers/json?all=1`. */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

/** Serialises a request the way Go's http.Request.Write does: Host first, then the headers. */
export function formatRequest(req: HttpRequest, host: string): string {
  const lines = [`${req.method} ${req.target} HTTP/1.1`, `Host: ${host}`];
  for (const [name, value] of Object.entries(req.headers)) lines.push(`${name}: ${value}`);
  if (req.body !== undefined) lines.push(`Content-Length: ${utf8Length(req.body)}`);
  return `${lines.join("\r\n")}\r\n\r\n${req.body ?? ""}`;
}

export interface ResponseHead {
  status: number;
  statusText: string;
  /** Header names lower-cased. */
  headers: Map<string, string>;
}

type Framing = { kind: "length"; left: number } | { kind: "chunked"; left: number; done: boolean } | { kind: "eof" };

/** Reads one response from a connection: its head, then its body chunk by chunk. */
export class ResponseReader {
  private framing: Framing = { kind: "eof" };
  private finished = false;

  private constructor(
    readonly conn: Conn,
    readonly head: ResponseHead,
  ) {}

  static async read(conn: Conn): Promise<ResponseReader> {
    let text = "";
    for (;;) {
      const end = text.indexOf("\r\n\r\n");
      if (end >= 0) {
        conn.unread(text.slice(end + 4));
        const reader = new ResponseReader(conn, parseHead(text.slice(0, end)));
        reader.framing = framingOf(reader.head);
        return reader;
      }
      const chunk = await conn.read();
      if (chunk === null) throw new Error("EOF");
      text += chunk;
    }
  }

  get status(): number {
    return this.head.status;
  }

  header(name: string): string | undefined {
    return this.head.headers.get(name.toLowerCase());
  }

  /** The next piece of the body, or null at its end. */
  async next(): Promise<string | null> {
    if (this.finished) return null;
    const f = this.framing;
    if (f.kind === "eof") {
      const chunk = await this.conn.read();
      if (chunk === null) this.finished = true;
      return chunk;
    }
    if (f.kind === "length") return this.nextSized(f);
    return this.nextChunk(f);
  }

  /** The whole (rest of the) body. */
  async text(): Promise<string> {
    let out = "";
    for (let chunk = await this.next(); chunk !== null; chunk = await this.next()) out += chunk;
    return out;
  }

  private async nextSized(f: { left: number }): Promise<string | null> {
    if (f.left === 0) {
      this.finished = true;
      return null;
    }
    const chunk = await this.conn.read();
    if (chunk === null) {
      this.finished = true;
      return null;
    }
    const [head, rest, used] = takeUtf8(chunk, f.left);
    f.left -= used;
    if (rest !== "") this.conn.unread(rest);
    return head;
  }

  private async nextChunk(f: { left: number; done: boolean }): Promise<string | null> {
    if (f.left === 0) {
      const size = await this.readLine();
      if (size === null) {
        this.finished = true;
        return null;
      }
      f.left = Number.parseInt(size.split(";")[0], 16);
      if (!(f.left > 0)) {
        // The last chunk, then trailers up to an empty line.
        for (let line = await this.readLine(); line !== null && line !== ""; line = await this.readLine());
        this.finished = true;
        return null;
      }
    }
    const chunk = await this.conn.read();
    if (chunk === null) {
      this.finished = true;
      return null;
    }
    const [head, rest, used] = takeUtf8(chunk, f.left);
    f.left -= used;
    if (f.left === 0) {
      // Each chunk's data ends with CRLF.
      const after = rest.startsWith("\r\n") ? rest.slice(2) : rest;
      if (after !== "") this.conn.unread(after);
      if (!rest.startsWith("\r\n")) await this.skipCrlf();
    } else if (rest !== "") this.conn.unread(rest);
    return head;
  }

  private async skipCrlf(): Promise<void> {
    let text = "";
    while (text.length < 2) {
      const chunk = await this.conn.read();
      if (chunk === null) return;
      text += chunk;
    }
    this.conn.unread(text.slice(2));
  }

  private async readLine(): Promise<string | null> {
    let text = "";
    for (;;) {
      const nl = text.indexOf("\r\n");
      if (nl >= 0) {
        this.conn.unread(text.slice(nl + 2));
        return text.slice(0, nl);
      }
      const chunk = await this.conn.read();
      if (chunk === null) return text === "" ? null : text;
      text += chunk;
    }
  }
}

function parseHead(text: string): ResponseHead {
  const [statusLine, ...lines] = text.split("\r\n");
  const m = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(statusLine);
  if (!m) throw new Error(`malformed HTTP response "${statusLine}"`);
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(m[1]), statusText: m[2], headers };
}

function framingOf(head: ResponseHead): Framing {
  if (head.status === 101 || head.status === 204 || head.status === 304) return { kind: "length", left: 0 };
  if (head.headers.get("transfer-encoding")?.toLowerCase().includes("chunked")) return { kind: "chunked", left: 0, done: false };
  const length = head.headers.get("content-length");
  if (length !== undefined) return { kind: "length", left: Number(length) };
  return { kind: "eof" };
}
