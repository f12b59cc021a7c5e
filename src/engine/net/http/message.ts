import type { Endpoint } from "../../kernel/socket";
import { HttpHeaders } from "./headers";

/** A request as a server receives it, its body read in full. */
export interface HttpRequest {
  method: string;
  /** The request target as sent: "/containers/json?all=1". */
  target: string;
  /** "HTTP/1.1". */
  version: string;
  headers: HttpHeaders;
  body: string;
  /** The client's address, when it came over a socket. */
  remote?: Endpoint;
}

/** What a client sends: the body, if any, is framed with Content-Length. */
export interface HttpRequestInit {
  method: string;
  target: string;
  headers?: HttpHeaders | Record<string, string> | Array<[string, string]>;
  body?: string;
}

export interface HttpResponseHead {
  version: string;
  status: number;
  /** The reason phrase as sent ("OK", "UPGRADED"). */
  statusText: string;
  headers: HttpHeaders;
}

export function toHeaders(init: HttpHeaders | Record<string, string> | Array<[string, string]> | undefined): HttpHeaders {
  return init instanceof HttpHeaders ? init : new HttpHeaders(init);
}

/** The path and decoded query parameters of a request target. */
export function splitTarget(target: string): { path: string; query: Array<[string, string]> } {
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const query: Array<[string, string]> = [];
  if (q >= 0) {
    for (const part of target.slice(q + 1).split("&")) {
      if (part === "") continue;
      const eq = part.indexOf("=");
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? "" : part.slice(eq + 1);
      query.push([decodeComponent(name), decodeComponent(value)]);
    }
  }
  return { path, query };
}

function decodeComponent(text: string): string {
  const plus = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}
