import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import type { HttpRequest } from "../../net/http/message";
import { byteLength } from "../../net/http/octets";
import { BodyDecoder, HttpParseError, requestFraming, takeRequestHead } from "../../net/http/parser";
import { statusText } from "../../net/http/status";
import { RedisClient } from "./redis-client";

/**
 * russmckendrick/moby-counter (binocarlos/moby-counter): a node app on port 80 that keeps
 * the whales clicked on its page in a redis list. Routes of its server.js:
 * GET /v1/ping, GET and POST /v1/whales, and the static files of client/ for the rest.
 */

interface Answer {
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

/** Node's http.ServerResponse after res.end(body): its own headers, then Date, Connection, Content-Length. */
function serialize(proc: Process, answer: Answer, close: boolean): string {
  const lines = [
    `HTTP/1.1 ${answer.status} ${statusText(answer.status)}`,
    ...answer.headers.map(([k, v]) => `${k}: ${v}`),
    `Date: ${new Date(proc.now()).toUTCString()}`,
    `Connection: ${close ? "close" : "keep-alive"}`,
    `Content-Length: ${byteLength(answer.body)}`,
  ];
  return `${lines.join("\r\n")}\r\n\r\n${answer.body}`;
}

const TYPES: Record<string, string> = {
  html: "text/html",
  css: "text/css",
  js: "application/javascript",
  png: "image/png",
  gif: "image/gif",
};

/** ecstatic serving client/: index.html for directories, 404 `File not found. :(` otherwise. */
function serveFile(proc: Process, path: string): Answer {
  const root = proc.resolve("client");
  let file = `${root}${path}`;
  const fs = proc.fs;
  if (fs.exists(file) && fs.stat(file).type === "dir") file = `${file.replace(/\/$/, "")}/index.html`;
  if (path.includes("..") || !fs.exists(file) || fs.stat(file).type !== "file") {
    return { status: 404, headers: [["content-type", "text/plain"]], body: "File not found. :(" };
  }
  const ext = file.slice(file.lastIndexOf(".") + 1);
  return {
    status: 200,
    headers: [["content-type", `${TYPES[ext] ?? "application/octet-stream"}; charset=UTF-8`]],
    body: fs.readText(file),
  };
}

/**
 * The answer to one request; null when it waits for redis to come back (node_redis's offline
 * queue). A request that finds redis gone tries to connect at once rather than wait for the back-off.
 */
async function route(proc: Process, redis: RedisClient, req: HttpRequest): Promise<Answer | null> {
  const path = req.target.split("?")[0];
  if (path === "/v1/ping" && req.method === "GET") {
    return { status: 200, headers: [], body: JSON.stringify({ connected: redis.connected }) };
  }
  if (path === "/v1/whales" && req.method === "GET") {
    const reply = await redis.call(["LRANGE", "whales", "0", "-1"]);
    if (!reply) return null;
    const items = reply.type === "array" ? (reply.value ?? []).map((r) => (r.type === "bulk" ? r.value : null)) : [];
    return { status: 200, headers: [["Content-type", "application/json"]], body: JSON.stringify(items) };
  }
  if (path === "/v1/whales" && req.method === "POST") {
    if (!(await redis.call(["RPUSH", "whales", req.body]))) return null;
    await redis.call(["SAVE"]);
    return { status: 200, headers: [], body: "ok" };
  }
  return serveFile(proc, path === "/" ? "/index.html" : path);
}

interface Connection {
  fd: number;
  buffer: string;
  waiting: HttpRequest[];
}

/** Takes every complete request off a connection's buffer. */
function takeRequests(conn: Connection): HttpRequest[] | "bad" {
  const out: HttpRequest[] = [];
  try {
    for (;;) {
      const taken = takeRequestHead(conn.buffer);
      if (!taken) return out;
      const decoder = new BodyDecoder(requestFraming(taken.head.headers));
      const body = decoder.push(taken.rest);
      if (!decoder.done) return out;
      conn.buffer = decoder.rest;
      out.push({ ...taken.head, body });
    }
  } catch (err) {
    if (err instanceof HttpParseError) return "bad";
    throw err;
  }
}

function parsePort(argv: string[]): number {
  for (let i = 1; i < argv.length; i++) {
    const m = /^(?:-p|--port)(?:=(\d+))?$/.exec(argv[i]);
    if (m) return Number(m[1] ?? argv[i + 1]);
  }
  return 80;
}

export const mobyCounter: Program = async (proc) => {
  // node's resident set for a small express-style app.
  proc.setMemory(872_480, 38_912);
  const port = parsePort(proc.argv);
  const redisPort = Number(proc.env.USE_REDIS_PORT || 6379);
  const redisHost = proc.env.USE_REDIS_HOST || "redis";
  const redis = new RedisClient(proc, redisHost, redisPort);
  await proc.stdout.write(`-------------------------------------------\nhave host: ${redisHost}\nhave port: ${redisPort}\n`);
  const listenFd = proc.listen("0.0.0.0", port);
  await proc.stdout.write(`server listening on port: ${port}\n`);
  await redis.connect();
  // node exits at once on SIGTERM and SIGINT (no handlers installed by the app).
  proc.trap(Signal.SIGPIPE, "ignore");
  const conns = new Map<number, Connection>();
  const drop = (conn: Connection) => {
    conns.delete(conn.fd);
    proc.close(conn.fd);
  };
  const answer = async (conn: Connection): Promise<void> => {
    while (conn.waiting.length > 0) {
      const req = conn.waiting[0];
      const res = await route(proc, redis, req);
      if (!res) return;
      conn.waiting.shift();
      const close = req.headers.hasToken("Connection", "close") || req.version === "HTTP/1.0";
      await proc.write(conn.fd, serialize(proc, res, close));
      if (close) {
        drop(conn);
        return;
      }
    }
  };
  for (;;) {
    const watch = [listenFd, ...conns.keys(), ...(redis.fd !== null ? [redis.fd] : [])];
    const timeout = redis.connected ? undefined : Math.max(0, redis.retryAt - proc.now());
    let ready: number[];
    try {
      ready = await proc.poll(watch, timeout);
    } catch (err) {
      if (isSysError(err, "EINTR")) continue;
      throw err;
    }
    if (!redis.connected && proc.now() >= redis.retryAt && (await redis.connect())) {
      for (const conn of [...conns.values()]) await answer(conn).catch(() => drop(conn));
    }
    for (const fd of ready) {
      if (fd === listenFd) {
        const conn = await proc.accept(listenFd).catch(() => null);
        if (conn !== null) conns.set(conn, { fd: conn, buffer: "", waiting: [] });
        continue;
      }
      if (fd === redis.fd) {
        await redis.checkClosed();
        continue;
      }
      const conn = conns.get(fd);
      if (!conn) continue;
      const chunk = await proc.read(fd).catch(() => null);
      if (chunk === null) {
        drop(conn);
        continue;
      }
      conn.buffer += chunk;
      const requests = takeRequests(conn);
      if (requests === "bad") {
        await proc.write(fd, "HTTP/1.1 400 Bad Request\r\n\r\n").catch(() => {});
        drop(conn);
        continue;
      }
      conn.waiting.push(...requests);
      await answer(conn).catch(() => drop(conn));
    }
  }
};

export const mobyCounterPrograms = { "moby-counter": mobyCounter };
