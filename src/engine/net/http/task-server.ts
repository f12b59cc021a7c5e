import { isSysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import { type HeaderInit, ResponseEncoder, type ResponseOptions } from "./encoder";
import type { HttpRequest } from "./message";
import { BodyDecoder, HttpParseError, type RequestHead, requestFraming, takeRequestHead } from "./parser";
import { type HttpServerOptions, keepAlive } from "./server";

export type TaskHttpHandler = (req: HttpRequest, res: TaskResponseWriter) => Promise<void>;

interface Connection {
  buffer: string;
  head: RequestHead | null;
  decoder: BodyDecoder | null;
  body: string;
}

/**
 * The event loop of a single-process server (nginx's worker, a Flask dev server, the
 * registry) on a listening descriptor: poll, accept, read requests, answer them in turn.
 * Returns when the listening socket is closed. A client gone mid-answer is dropped; the
 * process ignores SIGPIPE for that, as those servers do.
 */
export async function serveHttpTask(
  proc: Process,
  listenFd: number,
  handler: TaskHttpHandler,
  options: HttpServerOptions = {},
): Promise<void> {
  proc.trap(Signal.SIGPIPE, "ignore");
  const conns = new Map<number, Connection>();
  const drop = (fd: number) => {
    conns.delete(fd);
    if (proc.hasFd(fd)) proc.close(fd);
  };
  for (;;) {
    const ready = await proc.poll([listenFd, ...conns.keys()]);
    for (const fd of ready) {
      if (fd === listenFd) {
        try {
          conns.set(await proc.accept(listenFd), { buffer: "", head: null, decoder: null, body: "" });
        } catch (err) {
          if (!isSysError(err, "EINVAL")) throw err;
          for (const open of [...conns.keys()]) drop(open);
          return;
        }
        continue;
      }
      const conn = conns.get(fd) as Connection;
      let chunk: string | null;
      try {
        chunk = await proc.read(fd);
      } catch (err) {
        if (!isSysError(err, "ECONNRESET")) throw err;
        chunk = null;
      }
      if (chunk === null) {
        drop(fd);
        continue;
      }
      conn.buffer += chunk;
      if (!(await answer(proc, fd, conn, handler, options))) drop(fd);
    }
  }
}

/** Answers every complete request buffered on `conn`; false when the connection must close. */
async function answer(proc: Process, fd: number, conn: Connection, handler: TaskHttpHandler, options: HttpServerOptions): Promise<boolean> {
  for (;;) {
    try {
      if (!conn.head) {
        const taken = takeRequestHead(conn.buffer);
        if (!taken) return true;
        conn.head = taken.head;
        conn.buffer = taken.rest;
        conn.decoder = new BodyDecoder(requestFraming(taken.head.headers));
        conn.body = "";
      }
      const decoder = conn.decoder as BodyDecoder;
      conn.body += decoder.push(conn.buffer);
      conn.buffer = "";
      if (!decoder.done) return true;
      conn.buffer = decoder.rest;
    } catch (err) {
      if (!(err instanceof HttpParseError)) throw err;
      await send(
        proc,
        fd,
        "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request",
      );
      return false;
    }
    const head = conn.head as RequestHead;
    const req: HttpRequest = { ...head, body: conn.body, remote: proc.endpoints(fd).remote ?? undefined };
    conn.head = null;
    conn.decoder = null;
    const close = !keepAlive(head.version, head.headers);
    const res = new TaskResponseWriter(proc, fd, head.method, { now: options.now, close });
    try {
      await handler(req, res);
      if (!res.finished) await res.end();
    } catch (err) {
      if (isSysError(err, "EPIPE") || isSysError(err, "ECONNRESET")) return false;
      if (res.headersSent) return false;
      await res.fail(err);
    }
    if (close || res.broken) return false;
  }
}

async function send(proc: Process, fd: number, data: string): Promise<boolean> {
  if (data === "") return true;
  try {
    await proc.write(fd, data);
    return true;
  } catch (err) {
    if (isSysError(err, "EPIPE") || isSysError(err, "ECONNRESET")) return false;
    throw err;
  }
}

/** A response written by a task: the same framing as the service-side writer, through write(2). */
export class TaskResponseWriter {
  private readonly encoder: ResponseEncoder;
  /** Set when the client went away while the answer was being written. */
  broken = false;

  constructor(
    private readonly proc: Process,
    readonly fd: number,
    method: string,
    private readonly options: ResponseOptions,
  ) {
    this.encoder = new ResponseEncoder(method, options);
  }

  writeHead(status: number, headers?: HeaderInit, reason?: string): void {
    this.encoder.head(status, headers, reason);
  }

  async write(chunk: string): Promise<void> {
    if (this.encoder.finished || this.broken) return;
    if (!(await send(this.proc, this.fd, this.encoder.body(chunk)))) this.broken = true;
  }

  async end(body?: string): Promise<void> {
    if (this.encoder.finished) return;
    const data = this.encoder.end(body ?? "");
    if (!this.broken && !(await send(this.proc, this.fd, data))) this.broken = true;
  }

  get headersSent(): boolean {
    return this.encoder.headSent;
  }

  get finished(): boolean {
    return this.encoder.finished;
  }

  async fail(err: unknown): Promise<void> {
    const encoder = new ResponseEncoder("GET", this.options);
    encoder.head(500, { "Content-Type": "text/plain; charset=utf-8" });
    this.encoder.finished = true;
    if (!(await send(this.proc, this.fd, encoder.end(`${err instanceof Error ? err.message : String(err)}\n`)))) this.broken = true;
  }
}
