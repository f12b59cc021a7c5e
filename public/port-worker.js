/**
 * Stevedore's port worker: serves /port/<host>/<port>/... as if the browser had opened
 * http://<host>:<port>/... on the playground's LAN. The playground runs inside a page (its
 * Web Worker), so each request goes to an open playground tab over a MessageChannel; that
 * tab has its worker make the request to the published port and sends the answer back.
 *
 * Bodies travel as text (the playground's connections carry strings): HTML, CSS, JSON and
 * scripts come through; bytes that are not UTF-8 text do not.
 */

const SCOPE = new URL(self.registration.scope);
const PORT_PATH = new RegExp(`^${escapeRegExp(SCOPE.pathname)}port/([^/]+)/(\\d{1,5})(/.*)?$`);
/** Longer than the playground's own 60 s gateway timeout, so that its 504 page is the one shown. */
const ANSWER_TIMEOUT_MS = 65_000;
/** Statuses whose response has no body (a Response with one would throw). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const target = portTarget(event.request);
  if (!target) return;
  event.respondWith(serve(event.request, target));
});

/**
 * Which host and port a request is for: a URL under /port/<host>/<port>/, or an absolute
 * path ("/style.css") asked for by a page served from one, which on the real LAN would
 * have gone to the same host and port.
 */
function portTarget(request) {
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin) return null;
  const own = PORT_PATH.exec(url.pathname);
  if (own) return { host: decodeURIComponent(own[1]), port: Number(own[2]), path: own[3], search: url.search };
  if (!request.referrer) return null;
  const from = new URL(request.referrer);
  const referrer = from.origin === SCOPE.origin ? PORT_PATH.exec(from.pathname) : null;
  if (!referrer) return null;
  return { host: decodeURIComponent(referrer[1]), port: Number(referrer[2]), path: url.pathname, search: url.search };
}

async function serve(request, target) {
  const { host, port } = target;
  if (target.path === undefined) {
    // /port/node1/8080 → /port/node1/8080/, so the service's relative links resolve under it.
    return Response.redirect(`${SCOPE.origin}${SCOPE.pathname}port/${encodeURIComponent(host)}/${port}/${target.search}`, 301);
  }
  const client = await playgroundClient();
  if (!client) {
    return page(
      503,
      "Service Unavailable",
      `No playground is open in this browser, so nothing can answer for ${host}:${port}. Open Stevedore in a tab, start the service, then reload this page.`,
    );
  }
  const headers = [...request.headers.entries()];
  const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
  const answer = await ask(client, {
    type: "port-request",
    host,
    port,
    method: request.method,
    path: `${target.path}${target.search}`,
    headers,
    body,
  });
  if (!answer) return page(504, "Gateway Timeout", `The playground tab did not answer for ${host}:${port}.`);
  return toResponse(answer);
}

/** The playground tab to ask: the most recently focused window that is not itself a /port/ page. */
async function playgroundClient() {
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  return windows.find((client) => !PORT_PATH.test(new URL(client.url).pathname)) ?? null;
}

/** Posts the request with a channel for the answer; null when none comes in time. */
function ask(client, message) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      resolve(null);
    }, ANSWER_TIMEOUT_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    client.postMessage(message, [channel.port2]);
  });
}

function toResponse(answer) {
  const headers = new Headers();
  for (const [name, value] of answer.headers) {
    try {
      headers.append(name, value);
    } catch {
      // A field the Fetch API does not accept is left out, as a browser drops a malformed one.
    }
  }
  const body = NULL_BODY.has(answer.status) ? null : answer.body;
  try {
    return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
  } catch {
    // A status Fetch cannot represent (below 200) or a reason phrase it rejects.
    return new Response(body, { status: answer.status >= 200 && answer.status <= 599 ? answer.status : 502, headers });
  }
}

function page(status, title, message) {
  const html = `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>${status} ${title}</title></head>
<body>
<h1>${status} ${title}</h1>
<p>${escapeHtml(message)}</p>
</body>
</html>
`;
  return new Response(html, { status, statusText: title, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
