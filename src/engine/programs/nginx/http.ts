import { utf8Length } from "../coreutils/utf8";
/**
 * The HTTP/1.1 messages nginx reads and writes (ngx_http_parse.c reduced to what curl and
 * browsers send): a request line, headers, and a body sized by Content-Length.
 */
export interface HttpRequest {
  method: string;
  target: string;
  version: string;
  /** Header names in lower case. */
  headers: Map<string, string>;
  body: string;
  /** The request line as the access log's $request shows it. */
  line: string;
}

export interface HttpResponse {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** Reason phrases nginx sends (ngx_http_header_filter_module.c). */
export const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  301: "Moved Permanently",
  302: "Moved Temporarily",
  304: "Not Modified",
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  405: "Not Allowed",
  413: "Request Entity Too Large",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
};

/** UTF-8 length: Content-Length and $body_bytes_sent count bytes, not characters. */
export function byteLength(text: string): number {
  return utf8Length(text);
}

/**
 * Takes one complete request off the front of `buffer`: the request and what follows it,
 * null while the head or body is incomplete, or "bad" for a malformed request line.
 */
export function takeRequest(buffer: string): { request: HttpRequest; rest: string } | null | "bad" {
  const end = buffer.indexOf("\r\n\r\n");
  const lfEnd = buffer.indexOf("\n\n");
  const headEnd = end >= 0 && (lfEnd < 0 || end < lfEnd) ? end + 4 : lfEnd >= 0 ? lfEnd + 2 : -1;
  if (headEnd < 0) return null;
  const lines = buffer.slice(0, headEnd).split(/\r?\n/);
  const line = lines[0];
  const m = /^([A-Z]+) (\S+)(?: (HTTP\/\d\.\d))?$/.exec(line);
  if (!m) return "bad";
  const headers = new Map<string, string>();
  for (const h of lines.slice(1)) {
    const colon = h.indexOf(":");
    if (colon > 0) headers.set(h.slice(0, colon).trim().toLowerCase(), h.slice(colon + 1).trim());
  }
  const length = Number(headers.get("content-length") ?? 0);
  const rest = buffer.slice(headEnd);
  if (rest.length < length) return null;
  return {
    request: { method: m[1], target: m[2], version: m[3] ?? "HTTP/0.9", headers, body: rest.slice(0, length), line },
    rest: rest.slice(length),
  };
}

/** The status line and headers, then the body unless the request was HEAD. */
export function serialize(res: HttpResponse, head: boolean): string {
  const lines = [`HTTP/1.1 ${res.status} ${REASONS[res.status] ?? ""}`, ...res.headers.map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join("\r\n")}\r\n\r\n${head ? "" : res.body}`;
}

/** An HTTP-date (RFC 9110 IMF-fixdate) for a virtual-clock time. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}
