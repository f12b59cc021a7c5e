import type { Listener, Socket } from "../../kernel/socket";
import { type HeaderInit, ResponseEncoder, type ResponseOptions } from "./encoder";
import type { HttpRequest } from "./message";
import { BodyDecoder, HttpParseError, type RequestHead, requestFraming, takeRequestHead } from "./parser";

export type HttpHandler = (req: HttpRequest, res: HttpResponseWriter) => void | Promise<void>;

export interface HttpServerOptions {
  /** The virtual clock, for the Date header; responses carry none without it. */
  now?: () => number;
}

/** Whether the connection stays open after this request (RFC 9112 §9.3). */
export function keepAlive(version: string, headers: RequestHead["headers"]): boolean {
  if (headers.hasToken("Connection", "close")) return false;
  return version === "HTTP/1.1" || headers.hasToken("Connection", "keep-alive");
}

/**
 * Serves HTTP/1.1 on `listener` the way a kernel service does: event-driven, never
 * blocking a task. Requests on one connection are answered in order (keep-alive and
 * pipelining); the handler gets each with its body read in full.
 */
export function serveHttp(listener: Listener, handler: HttpHandler, options: HttpServerOptions = {}): void {
  listener.onConnection((socket) => new HttpConnection(socket, handler, options).start());
}

interface Incoming {
  head: RequestHead;
  decoder: BodyDecoder;
  body: string;
}

class HttpConnection {
  private buffer = "";
  private current: Incoming | null = null;
  private active: HttpResponseWriter | null = null;
  private hijacked = false;
  private peerEnded = false;
  private cancel: () => void = () => {};

  constructor(
    readonly socket: Socket,
    private readonly handler: HttpHandler,
    private readonly options: HttpServerOptions,
  ) {}

  start(): void {
    this.cancel = this.socket.onReadable(this.pump);
  }

  private readonly pump = (): void => {
    if (this.hijacked || this.socket.isClosed) return;
    let data: string | null | undefined;
    try {
      data = this.socket.tryRead();
    } catch {
      data = null;
    }
    if (data === undefined) {
      this.cancel = this.socket.onReadable(this.pump);
      return;
    }
    if (data === null) {
      this.peerEnded = true;
      // A client that only half-closed still reads the answer; a streaming handler hears of it.
      if (this.active) this.active.peerEnded();
      else this.socket.close();
      return;
    }
    this.buffer += data;
    this.process();
    if (!this.hijacked && !this.socket.isClosed) this.cancel = this.socket.onReadable(this.pump);
  };

  private process(): void {
    while (!this.active && !this.hijacked && !this.socket.isClosed) {
      try {
        if (!this.current) {
          const taken = takeRequestHead(this.buffer);
          if (!taken) return;
          this.buffer = taken.rest;
          this.current = { head: taken.head, decoder: new BodyDecoder(requestFraming(taken.head.headers)), body: "" };
          // curl waits a moment for this before sending a large body (RFC 9110 §10.1.1).
          if (taken.head.headers.get("Expect")?.toLowerCase() === "100-continue") this.send("HTTP/1.1 100 Continue\r\n\r\n");
        }
        const incoming = this.current;
        incoming.body += incoming.decoder.push(this.buffer);
        this.buffer = "";
        if (!incoming.decoder.done) return;
        this.buffer = incoming.decoder.rest;
        this.current = null;
        this.dispatch(incoming);
      } catch (err) {
        if (!(err instanceof HttpParseError)) throw err;
        // What Go's server answers to a request it cannot parse.
        this.send("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request");
        this.socket.close();
        return;
      }
    }
  }

  private dispatch(incoming: Incoming): void {
    const { head, body } = incoming;
    const req: HttpRequest = { ...head, body, remote: this.socket.remote };
    const persistent = keepAlive(head.version, head.headers);
    const res = new HttpResponseWriter(this, head.method, { now: this.options.now, close: !persistent });
    this.active = res;
    const fail = (err: unknown) => res.fail(err);
    try {
      const result = this.handler(req, res);
      if (result instanceof Promise) result.catch(fail);
    } catch (err) {
      fail(err);
    }
  }

  send(data: string): boolean {
    if (data === "" || this.socket.isClosed) return !this.socket.isClosed;
    try {
      this.socket.send(data);
      return true;
    } catch {
      return false;
    }
  }

  /** The response in progress is complete: next request, or close. */
  finished(res: HttpResponseWriter, close: boolean): void {
    if (this.active !== res) return;
    this.active = null;
    if (close || this.peerEnded) {
      this.socket.close();
      return;
    }
    this.process();
  }

  hijack(): Socket {
    this.hijacked = true;
    this.active = null;
    this.cancel();
    this.socket.unshift(this.buffer);
    this.buffer = "";
    return this.socket;
  }

  abort(): void {
    this.active = null;
    this.socket.close();
  }
}

/** The server side of one response: status and headers, then the body in pieces or at once. */
export class HttpResponseWriter {
  private readonly encoder: ResponseEncoder;
  private readonly closeListeners: Array<() => void> = [];
  private gone = false;

  constructor(
    private readonly conn: HttpConnection,
    method: string,
    private readonly options: ResponseOptions,
  ) {
    this.encoder = new ResponseEncoder(method, options);
  }

  /** Sets status and headers; they are sent with the first write or end (write("") sends them alone). */
  writeHead(status: number, headers?: HeaderInit, reason?: string): void {
    this.encoder.head(status, headers, reason);
  }

  /** A piece of the body: chunked unless a Content-Length was set. */
  write(chunk: string): void {
    if (this.encoder.finished || this.gone) return;
    if (!this.conn.send(this.encoder.body(chunk))) this.peerGone();
  }

  end(body?: string): void {
    if (this.encoder.finished) return;
    this.conn.send(this.encoder.end(body ?? ""));
    this.conn.finished(this, this.options.close === true);
  }

  /**
   * Takes the connection over after the head (`101 UPGRADED` for attach and exec): the
   * socket, with anything the client already sent after its request, is the caller's now.
   */
  hijack(): Socket {
    if (!this.encoder.headSent && this.encoder.status !== 0) this.conn.send(this.encoder.flush());
    this.encoder.finished = true;
    return this.conn.hijack();
  }

  get headersSent(): boolean {
    return this.encoder.headSent;
  }

  get finished(): boolean {
    return this.encoder.finished;
  }

  /** Whether the client has gone (closed its connection) before the response ended. */
  get closed(): boolean {
    return this.gone;
  }

  /** Calls `cb` when the client goes away before the response ends (a streaming `docker logs -f` interrupted). */
  onClose(cb: () => void): void {
    if (this.gone) cb();
    else this.closeListeners.push(cb);
  }

  /** The client sent end of file: listeners stop streaming, the response may still be read. */
  peerEnded(): void {
    for (const cb of this.closeListeners.splice(0)) cb();
  }

  peerGone(): void {
    if (this.gone || this.encoder.finished) return;
    this.gone = true;
    for (const cb of this.closeListeners.splice(0)) cb();
    this.encoder.finished = true;
    this.conn.abort();
  }

  /** The handler threw: a 500 if nothing was sent yet, else the connection is cut. */
  fail(err: unknown): void {
    if (this.encoder.finished) return;
    if (this.encoder.headSent) {
      this.encoder.finished = true;
      this.conn.abort();
      return;
    }
    const text = `${err instanceof Error ? err.message : String(err)}\n`;
    const encoder = new ResponseEncoder("GET", this.options);
    encoder.head(500, { "Content-Type": "text/plain; charset=utf-8" });
    this.conn.send(encoder.end(text));
    this.encoder.finished = true;
    this.conn.finished(this, this.options.close === true);
  }
}
