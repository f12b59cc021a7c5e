import type { Clock } from "../engine/kernel/clock";
import { errorText, isSysError } from "../engine/kernel/errno";
import type { HttpResponseHead } from "../engine/net/http";
import type { Host } from "../engine/playground/host";
import { type LanBrowser, request } from "./lan-http";
import type { Command, WorkerEvent } from "./protocol";

export type HttpCommand = Extract<Command, { type: "http" }>;
export type HttpResponseEvent = Extract<WorkerEvent, { type: "http-response" }>;

/** How long the browser waits for a service to answer, on the virtual clock, before a 504. */
export const GATEWAY_TIMEOUT_MS = 60_000;

/**
 * Fields that describe one hop, not the message (RFC 9110 §7.6.1), and those the page's
 * fetch recomputes: the connection to the service is this module's, not the browser's.
 */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "host"]);
/** Bodies travel as text: an encoded (gzip) body would not survive, so none is asked for. */
const REQUEST_DROPPED = new Set([...HOP_BY_HOP, "accept-encoding", "content-length"]);
const RESPONSE_DROPPED = new Set([...HOP_BY_HOP, "content-length"]);

export interface HttpDeps {
  host: Host | undefined;
  browser: LanBrowser;
  clock: Clock;
}

/**
 * A request from the page's `/port/<host>/<port>/...` URLs, made as a browser on the LAN
 * would make it to http://<host's IP>:<port>/...: the answer is the service's own, or a
 * page that says why there is none (nothing listens: 502; no answer in time: 504).
 */
export function forwardHttp(command: HttpCommand, deps: HttpDeps): Promise<HttpResponseEvent> {
  const { id, port } = command;
  const where = `${command.host}:${port}`;
  const { host } = deps;
  if (!host) return Promise.resolve(errorPage(id, 502, `There is no instance named ${command.host} in this playground.`));
  const path = command.path.startsWith("/") ? command.path : `/${command.path}`;
  const headers: Array<[string, string]> = [["Host", `${host.ip}:${port}`]];
  for (const [name, value] of command.headers) if (!REQUEST_DROPPED.has(name.toLowerCase())) headers.push([name, value]);
  headers.push(["Connection", "close"]);
  const hasBody = command.body !== "" || !["GET", "HEAD"].includes(command.method);
  let socket: ReturnType<LanBrowser["connect"]>;
  try {
    socket = deps.browser.connect(host, port);
  } catch (err) {
    if (isSysError(err, "ECONNREFUSED")) {
      return Promise.resolve(errorPage(id, 502, `Nothing listens on ${where}: no container publishes port ${port} on ${command.host}.`));
    }
    return Promise.resolve(errorPage(id, 502, `${where} cannot be reached: ${errorText(err)}.`));
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (event: HttpResponseEvent) => {
      if (settled) return;
      settled = true;
      deps.clock.clearTimer(timer);
      resolve(event);
    };
    const timer = deps.clock.setTimer(GATEWAY_TIMEOUT_MS, () => {
      socket.close();
      settle(errorPage(id, 504, `${where} accepted the connection but sent no answer within ${GATEWAY_TIMEOUT_MS / 1000} seconds.`));
    });
    request(socket, { method: command.method, target: path, headers, body: hasBody ? command.body : undefined }).then(
      ({ head, body }) => settle(responseEvent(id, head, body)),
      (err) => {
        const reason = isSysError(err, "ECONNRESET")
          ? `the port is published, but nothing in the container listens on it (connection reset by peer)`
          : errorText(err);
        settle(errorPage(id, 502, `${where} did not answer: ${reason}.`));
      },
    );
  });
}

/** The service's response as the page's fetch will rebuild it: status, reason, end-to-end headers, body. */
export function responseEvent(id: number, head: HttpResponseHead, body: string): HttpResponseEvent {
  const headers = head.headers.entries().filter(([name]) => !RESPONSE_DROPPED.has(name.toLowerCase()));
  return { type: "http-response", id, status: head.status, statusText: head.statusText, headers, body };
}

/** A small HTML page in the playground's words, for when the service cannot answer. */
export function errorPage(id: number, status: 502 | 504, message: string): HttpResponseEvent {
  const title = status === 502 ? "502 Bad Gateway" : "504 Gateway Timeout";
  const body = `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<h1>${title}</h1>
<p>${escapeHtml(message)}</p>
<p>Stevedore forwards this address to the published port of an instance in the playground.</p>
</body>
</html>
`;
  return {
    type: "http-response",
    id,
    status,
    statusText: title.slice(4),
    headers: [["Content-Type", "text/html; charset=utf-8"]],
    body,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
}
