import type { Listener } from "../../kernel/socket";
import { type HttpRequest, type HttpResponseWriter, serveHttp } from "../../net/http";
import type { DaemonContext } from "../context";
import { ENGINE } from "../version";
import { type ApiResponse, type HijackedConnection, Query, type Router } from "./router";

/** Headers every Engine API response carries (moby api/server/middleware/version.go). */
function apiHeaders(contentType?: string): Record<string, string> {
  return {
    "Api-Version": ENGINE.apiVersion,
    "Docker-Experimental": "false",
    Ostype: "linux",
    Server: `Docker/${ENGINE.version} (linux)`,
    ...(contentType ? { "Content-Type": contentType } : {}),
  };
}

/** Adapts one HTTP exchange to the router's response interface. */
function respond(req: HttpRequest, res: HttpResponseWriter): ApiResponse {
  return {
    json(status, body) {
      res.writeHead(status, apiHeaders("application/json"));
      res.end(`${JSON.stringify(body)}\n`);
    },
    empty(status, headers) {
      res.writeHead(status, { ...apiHeaders(), ...headers });
      res.end();
    },
    stream(status, contentType, headers) {
      res.writeHead(status, { ...apiHeaders(contentType), ...headers });
      res.write("");
      return {
        write: (chunk) => res.write(chunk),
        end: () => res.end(),
        onClose: (listener) => res.onClose(listener),
      };
    },
    hijack(contentType): HijackedConnection {
      const upgrade = req.headers.get("Upgrade") !== undefined && req.headers.get("Upgrade") !== null;
      if (upgrade) res.writeHead(101, { ...apiHeaders(contentType), Connection: "Upgrade", Upgrade: "tcp" }, "UPGRADED");
      else res.writeHead(200, apiHeaders(contentType));
      const socket = res.hijack();
      const dataListeners: Array<(data: string) => void> = [];
      const endListeners: Array<() => void> = [];
      let ended = false;
      const pump = () => {
        for (;;) {
          const data = socket.isClosed ? null : socket.tryRead();
          if (data === undefined) {
            socket.onReadable(pump);
            return;
          }
          if (data === null) {
            if (!ended) {
              ended = true;
              for (const listener of endListeners) listener();
            }
            return;
          }
          for (const listener of dataListeners) listener(data);
        }
      };
      // Reading starts once someone listens, so nothing the client sent is lost.
      let reading = false;
      const listen = () => {
        if (reading) return;
        reading = true;
        pump();
      };
      return {
        write: (data) => {
          if (!socket.isClosed) socket.send(data);
        },
        onData: (listener) => {
          dataListeners.push(listener);
          listen();
        },
        onEnd: (listener) => {
          endListeners.push(listener);
          listen();
        },
        close: () => {
          if (!socket.isClosed) {
            socket.shutdownWrite();
          }
        },
      };
    },
  };
}

/** Serves the Engine API on a listening socket (/var/run/docker.sock, tcp 2375). */
export function serveEngineApi(listener: Listener, router: Router, ctx: DaemonContext): void {
  serveHttp(
    listener,
    (req, res) => {
      const q = req.target.indexOf("?");
      const path = q < 0 ? req.target : req.target.slice(0, q);
      let body: unknown = null;
      // A tar archive (PUT /containers/{id}/archive) reaches its route as the raw text.
      if (req.headers.get("Content-Type")?.startsWith("application/x-tar")) body = req.body;
      else if (req.body.trim() !== "") {
        try {
          body = JSON.parse(req.body);
        } catch {
          res.writeHead(400, apiHeaders("application/json"));
          res.end(`${JSON.stringify({ message: "invalid JSON: unexpected end of JSON input" })}\n`);
          return;
        }
      }
      return router.dispatch(
        ctx,
        { method: req.method, path, query: new Query(q < 0 ? "" : req.target.slice(q + 1)), body, header: (name) => req.headers.get(name) },
        respond(req, res),
      );
    },
    { now: () => ctx.clock.now() },
  );
}
