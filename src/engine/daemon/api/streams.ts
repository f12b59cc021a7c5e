import type { Container } from "../container/container";
import type { LogEntry } from "../container/logs";
import { invalidParameter } from "../errors";
import type { Query, Route } from "./router";
import { frame } from "./stdcopy";
import type { ExecCreateRequest } from "./types";

const flag = (q: Query, name: string) => ["1", "true"].includes(q.get(name) ?? "");

/** --since/--until as the API takes them: Unix seconds with optional fraction. */
function seconds(value: string | null): number | undefined {
  if (value === null || value === "" || value === "0") return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw invalidParameter(`invalid value for "since": ${value}`);
  return n * 1000;
}

function timestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

function encode(container: Container, entry: LogEntry, timestamps: boolean): string {
  const text = timestamps ? `${timestamp(entry.time)} ${entry.text}` : entry.text;
  return container.config.Tty ? text : frame(entry.stream, text);
}

/** The exec-start body's Tty flag decides the stream format, as in moby. */
function contentType(tty: boolean): string {
  return tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";
}

export const streamRoutes: Route[] = [
  {
    method: "GET",
    path: "/containers/{id}/logs",
    handler: (ctx, req, res, [id]) => {
      const container = ctx.containers.get(id);
      const q = req.query;
      const wantOut = flag(q, "stdout");
      const wantErr = flag(q, "stderr");
      if (!wantOut && !wantErr) throw invalidParameter("Bad parameters: you must choose at least one stream");
      const since = seconds(q.get("since"));
      const until = seconds(q.get("until"));
      const timestamps = flag(q, "timestamps");
      const tailParam = q.get("tail") ?? "all";
      const keep = (e: LogEntry) =>
        (e.stream === "stdout" ? wantOut : wantErr) && (since === undefined || e.time >= since) && (until === undefined || e.time <= until);
      let entries = container.logs.entries.filter(keep);
      if (tailParam !== "all" && tailParam !== "") {
        const n = Number(tailParam);
        if (Number.isInteger(n) && n >= 0) entries = n === 0 ? [] : entries.slice(-n);
      }
      const stream = res.stream(200, contentType(container.config.Tty));
      for (const entry of entries) stream.write(encode(container, entry, timestamps));
      if (!flag(q, "follow") || !container.isRunning) {
        stream.end();
        return;
      }
      const stopFollow = container.logs.follow((entry) => {
        if (keep(entry)) stream.write(encode(container, entry, timestamps));
      });
      const onStop = () => {
        stopFollow();
        container.stopListeners.delete(onStop);
        stream.end();
      };
      container.stopListeners.add(onStop);
      stream.onClose(() => {
        stopFollow();
        container.stopListeners.delete(onStop);
      });
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/attach",
    handler: (ctx, req, res, [id]) => {
      const container = ctx.containers.get(id);
      const q = req.query;
      const tty = container.config.Tty;
      const conn = res.hijack(contentType(tty));
      if (flag(q, "logs")) for (const entry of container.logs.entries) conn.write(encode(container, entry, false));
      if (!flag(q, "stream")) {
        conn.close();
        return;
      }
      const wantOut = flag(q, "stdout");
      const wantErr = flag(q, "stderr");
      const onOutput = (stream: "stdout" | "stderr", data: string) => {
        if (stream === "stdout" ? !wantOut : !wantErr) return;
        conn.write(tty ? data : frame(stream, data));
      };
      const detach = () => {
        container.outputListeners.delete(onOutput);
        container.stopListeners.delete(onStop);
      };
      const onStop = () => {
        detach();
        conn.close();
      };
      container.outputListeners.add(onOutput);
      container.stopListeners.add(onStop);
      if (flag(q, "stdin")) {
        conn.onData((data) => {
          const running = container.running;
          if (!running) return;
          if (running.tty) running.tty.input(data);
          else running.stdin?.send?.(data);
        });
        conn.onEnd(() => {
          detach();
          // stdin at EOF: a StdinOnce container (docker run -i) sees end of input.
          if (container.config.StdinOnce && container.running?.stdin) {
            container.running.stdin.release();
            container.running.stdin = null;
          }
        });
      } else conn.onEnd(detach);
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/resize",
    handler: (ctx, req, res, [id]) => {
      const container = ctx.containers.get(id);
      const tty = container.running?.tty;
      if (!tty) throw invalidParameter(`cannot resize container ${container.id}: not running or no tty`);
      tty.resize(Number(req.query.get("w") ?? 80), Number(req.query.get("h") ?? 24));
      res.empty(200);
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/exec",
    handler: (ctx, req, res, [id]) => {
      const body = (req.body ?? {}) as ExecCreateRequest;
      if (!Array.isArray(body.Cmd) || body.Cmd.length === 0) throw invalidParameter("No exec command specified");
      const instance = ctx.execs.create(ctx.containers.get(id), body);
      res.json(201, { Id: instance.id });
    },
  },
  {
    method: "POST",
    path: "/exec/{id}/start",
    handler: (ctx, req, res, [id]) => {
      const instance = ctx.execs.get(id);
      const body = (req.body ?? {}) as { Detach?: boolean; Tty?: boolean };
      if (body.Detach) {
        ctx.execs.start(instance, { output: () => {}, done: () => {} });
        res.empty(200);
        return;
      }
      const tty = instance.config.Tty ?? false;
      const conn = res.hijack(contentType(tty));
      try {
        ctx.execs.start(instance, {
          output: (stream, data) => conn.write(tty ? data : frame(stream, data)),
          done: () => conn.close(),
        });
      } catch (err) {
        // After the hijack, moby writes the start error into the stream itself, as stdout
        // (a stdcopy frame when there is no TTY: api/server/router/container/exec.go).
        const message = `${err instanceof Error ? err.message : String(err)}\r\n`;
        conn.write(tty ? message : frame("stdout", message));
        conn.close();
        return;
      }
      conn.onData((data) => instance.input(data));
      conn.onEnd(() => instance.closeInput());
    },
  },
  {
    method: "POST",
    path: "/exec/{id}/resize",
    handler: (ctx, req, res, [id]) => {
      ctx.execs.get(id).tty?.resize(Number(req.query.get("w") ?? 80), Number(req.query.get("h") ?? 24));
      res.empty(200);
    },
  },
  {
    method: "GET",
    path: "/exec/{id}/json",
    handler: (ctx, _req, res, [id]) => res.json(200, ctx.execs.get(id).inspect()),
  },
];
