import { HttpHeaders } from "./headers";
import type { HttpResponseHead } from "./message";
import { byteLength, takeBytes } from "./octets";
import { bodyless } from "./status";

/** A malformed message: the server answers 400, the client gives up on the connection. */
export class HttpParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HttpParseError";
  }
}

export interface RequestHead {
  method: string;
  target: string;
  version: string;
  headers: HttpHeaders;
}

/** Where the head ends in `buffer` (after its empty line), or -1 while it is incomplete. */
function headEnd(buffer: string): { end: number; text: string } | null {
  const crlf = buffer.indexOf("\r\n\r\n");
  const lf = buffer.indexOf("\n\n");
  if (crlf < 0 && lf < 0) return null;
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf + 4, text: buffer.slice(0, crlf) };
  return { end: lf + 2, text: buffer.slice(0, lf) };
}

function parseFields(lines: string[]): HttpHeaders {
  const headers = new HttpHeaders();
  for (const line of lines) {
    if (line === "") continue;
    const colon = line.indexOf(":");
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) throw new HttpParseError(`malformed header line: ${line}`);
    headers.append(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Takes a request head off the front of `buffer`: the head and what follows, or null while incomplete. */
export function takeRequestHead(buffer: string): { head: RequestHead; rest: string } | null {
  // Empty lines before a request line are ignored (RFC 9112 §2.2).
  const trimmed = buffer.replace(/^(?:\r?\n)+/, "");
  const found = headEnd(trimmed);
  if (!found) return null;
  const lines = found.text.split(/\r?\n/);
  const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) (HTTP\/\d\.\d)$/.exec(lines[0]);
  if (!m) throw new HttpParseError(`malformed request line: ${lines[0]}`);
  return { head: { method: m[1], target: m[2], version: m[3], headers: parseFields(lines.slice(1)) }, rest: trimmed.slice(found.end) };
}

/** Takes a response head off the front of `buffer`, or null while incomplete. */
export function takeResponseHead(buffer: string): { head: HttpResponseHead; rest: string } | null {
  const found = headEnd(buffer);
  if (!found) return null;
  const lines = found.text.split(/\r?\n/);
  const m = /^(HTTP\/\d(?:\.\d)?) (\d{3})(?: (.*))?$/.exec(lines[0]);
  if (!m) throw new HttpParseError(`malformed status line: ${lines[0]}`);
  return {
    head: { version: m[1], status: Number(m[2]), statusText: m[3] ?? "", headers: parseFields(lines.slice(1)) },
    rest: buffer.slice(found.end),
  };
}

/** How a message body is delimited (RFC 9112 §6.3). */
export type BodyFraming = { kind: "none" } | { kind: "length"; length: number } | { kind: "chunked" } | { kind: "close" };

export function requestFraming(headers: HttpHeaders): BodyFraming {
  if (headers.hasToken("Transfer-Encoding", "chunked")) return { kind: "chunked" };
  return lengthFraming(headers) ?? { kind: "none" };
}

export function responseFraming(method: string, head: HttpResponseHead): BodyFraming {
  if (method === "HEAD" || bodyless(head.status)) return { kind: "none" };
  if (head.headers.hasToken("Transfer-Encoding", "chunked")) return { kind: "chunked" };
  return lengthFraming(head.headers) ?? { kind: "close" };
}

function lengthFraming(headers: HttpHeaders): BodyFraming | null {
  const value = headers.get("Content-Length");
  if (value === null) return null;
  if (!/^\d+$/.test(value.trim())) throw new HttpParseError(`invalid Content-Length: ${value}`);
  const length = Number(value.trim());
  return length === 0 ? { kind: "none" } : { kind: "length", length };
}

/**
 * Decodes a body as it arrives: push() returns the body text available so far and keeps
 * what belongs to the next message in `rest` once `done`.
 */
export class BodyDecoder {
  done: boolean;
  /** Data after the end of the body (the next pipelined message). */
  rest = "";
  private buffer = "";
  private remaining: number;
  private state: "size" | "data" | "data-end" | "trailers" = "size";

  constructor(private readonly framing: BodyFraming) {
    this.done = framing.kind === "none";
    this.remaining = framing.kind === "length" ? framing.length : 0;
  }

  push(data: string): string {
    if (this.done) {
      this.rest += data;
      return "";
    }
    switch (this.framing.kind) {
      case "close":
        return data;
      case "length": {
        const [body, rest, taken] = takeBytes(data, this.remaining);
        this.remaining -= taken;
        if (this.remaining === 0) {
          this.done = true;
          this.rest = rest;
        }
        return body;
      }
      default:
        this.buffer += data;
        return this.chunks();
    }
  }

  /** The connection ended: only a body delimited by the close is then complete. */
  end(): void {
    if (this.done) return;
    if (this.framing.kind !== "close") throw new HttpParseError("connection closed before the end of the body");
    this.done = true;
  }

  private chunks(): string {
    let out = "";
    for (;;) {
      if (this.state === "size") {
        const nl = this.buffer.indexOf("\n");
        if (nl < 0) return out;
        const line = this.buffer.slice(0, nl).replace(/\r$/, "");
        this.buffer = this.buffer.slice(nl + 1);
        const size = /^([0-9a-fA-F]+)\s*(?:;.*)?$/.exec(line);
        if (!size) throw new HttpParseError(`malformed chunk size: ${line}`);
        this.remaining = Number.parseInt(size[1], 16);
        this.state = this.remaining === 0 ? "trailers" : "data";
        continue;
      }
      if (this.state === "data") {
        if (this.buffer === "") return out;
        const [piece, rest, taken] = takeBytes(this.buffer, this.remaining);
        out += piece;
        this.buffer = rest;
        this.remaining -= taken;
        if (this.remaining > 0) return out;
        this.state = "data-end";
        continue;
      }
      if (this.state === "data-end") {
        const nl = this.buffer.indexOf("\n");
        if (nl < 0) return out;
        this.buffer = this.buffer.slice(nl + 1);
        this.state = "size";
        continue;
      }
      // Trailer fields end with an empty line; they are read and dropped.
      const nl = this.buffer.indexOf("\n");
      if (nl < 0) return out;
      const line = this.buffer.slice(0, nl).replace(/\r$/, "");
      this.buffer = this.buffer.slice(nl + 1);
      if (line === "") {
        this.done = true;
        this.rest = this.buffer;
        this.buffer = "";
        return out;
      }
    }
  }
}

/** One chunk of a chunked body; an empty string would end the body, so it yields nothing. */
export function encodeChunk(data: string): string {
  if (data === "") return "";
  return `${byteLength(data).toString(16)}\r\n${data}\r\n`;
}

/** The last chunk, with no trailers. */
export const LAST_CHUNK = "0\r\n\r\n";
