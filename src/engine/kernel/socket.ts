import { SysError } from "./errno";
import { type OpenFile, RefCounted } from "./fd";
import { Pipe } from "./pipe";
import type { Scheduler } from "./scheduler";
import type { Task } from "./task";

/** One end of a connection: an IPv4 address and TCP port, or a Unix socket path with port 0. */
export interface Endpoint {
  address: string;
  port: number;
}

/** SIGPIPE on a socket is raised by the system call (Process.write), which knows the kernel. */
const NO_SIGNAL = () => {};

/**
 * A connected stream socket (TCP or Unix): two pipes, one each way. A task reads and
 * writes it as any descriptor; a kernel service (dockerd) uses the non-blocking side,
 * tryRead/onReadable/send, and never blocks a task.
 */
export class Socket extends RefCounted implements OpenFile {
  readonly kind = "socket";
  readonly readable = true;
  readonly writable = true;
  private open = true;
  private writeShut = false;
  /** Set when the peer aborted (RST): reads fail with ECONNRESET instead of ending. */
  private reset = false;
  private peer: Socket | null = null;

  private constructor(
    private readonly rx: Pipe,
    private readonly tx: Pipe,
    readonly local: Endpoint,
    readonly remote: Endpoint,
  ) {
    super();
  }

  /** A connected pair, as the kernel makes one when a connection is accepted: [client end, server end]. */
  static pair(scheduler: Scheduler, client: Endpoint, server: Endpoint): [Socket, Socket] {
    const toServer = new Pipe(scheduler, NO_SIGNAL);
    const toClient = new Pipe(scheduler, NO_SIGNAL);
    const a = new Socket(toClient, toServer, client, server);
    const b = new Socket(toServer, toClient, server, client);
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  async read(task: Task): Promise<string | null> {
    if (!this.open) throw new SysError("EBADF");
    const chunk = await this.rx.read(task);
    if (chunk === null && this.reset) throw new SysError("ECONNRESET");
    return chunk;
  }

  write(task: Task, data: string): Promise<void> {
    if (!this.open) return Promise.reject(new SysError("EBADF"));
    if (this.writeShut) return Promise.reject(new SysError("EPIPE"));
    return this.tx.write(task, data);
  }

  tryRead(): string | null | undefined {
    if (!this.open) throw new SysError("EBADF");
    const chunk = this.rx.tryRead();
    if (chunk === null && this.reset) throw new SysError("ECONNRESET");
    return chunk;
  }

  readReady(): boolean {
    return this.open && this.rx.readReady();
  }

  onReadable(cb: () => void): () => void {
    return this.rx.onReadable(cb);
  }

  send(data: string): void {
    if (!this.open || this.writeShut) throw new SysError("EPIPE");
    this.tx.send(data);
  }

  /** Puts received data back to be read first (a server handing a connection over after its headers). */
  unshift(data: string): void {
    this.rx.unshift(data);
  }

  /** shutdown(SHUT_WR): the peer reads end of file; this end can still read. */
  shutdownWrite(): void {
    if (this.writeShut) return;
    this.writeShut = true;
    this.tx.closeEnd("write");
  }

  /** Whether the peer has closed its sending side (a read would end). */
  get peerClosed(): boolean {
    return this.rx.writerCount === 0;
  }

  get isClosed(): boolean {
    return !this.open;
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    this.shutdownWrite();
    this.rx.closeEnd("read");
  }

  /** Closes with a reset (RST), as a connection refused after it was accepted: the peer reads ECONNRESET. */
  abort(): void {
    if (this.peer?.open) this.peer.reset = true;
    this.close();
  }

  protected closed(): void {
    this.close();
  }
}

/** A listening socket: connections wait in its backlog until accepted. */
export class Listener extends RefCounted implements OpenFile {
  readonly kind = "socket";
  readonly readable = true;
  readonly writable = false;
  private backlog: Socket[] = [];
  private waiters: Array<() => void> = [];
  private handler: ((socket: Socket) => void) | null = null;
  private open = true;

  constructor(
    private readonly scheduler: Scheduler,
    readonly local: Endpoint,
    private readonly unbind: () => void,
  ) {
    super();
  }

  /** A new connection from the network (the server end of the pair). */
  deliver(socket: Socket): void {
    if (this.handler) {
      this.handler(socket);
      return;
    }
    this.backlog.push(socket);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** accept(2): the next connection, blocking the task until one arrives. */
  async accept(task: Task): Promise<Socket> {
    for (;;) {
      const next = this.backlog.shift();
      if (next) return next;
      if (!this.open) throw new SysError("EINVAL");
      await task.block<void>(this.scheduler, (wake) => this.onReadable(wake), "inet_csk_accept");
    }
  }

  /** Service style: `cb` takes every connection, those waiting in the backlog first. */
  onConnection(cb: (socket: Socket) => void): void {
    this.handler = cb;
    for (const socket of this.backlog.splice(0)) cb(socket);
  }

  get isClosed(): boolean {
    return !this.open;
  }

  /** Stops listening: the address is free again and connections never accepted are reset. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.unbind();
    for (const socket of this.backlog.splice(0)) socket.abort();
    for (const wake of this.waiters.splice(0)) wake();
  }

  async read(): Promise<string | null> {
    throw new SysError("ENOTCONN");
  }

  async write(): Promise<void> {
    throw new SysError("ENOTCONN");
  }

  /** A listening socket polls readable when a connection waits to be accepted. */
  readReady(): boolean {
    return this.backlog.length > 0 || !this.open;
  }

  tryRead(): string | null | undefined {
    return undefined;
  }

  onReadable(cb: () => void): () => void {
    if (this.readReady()) {
      cb();
      return () => {};
    }
    this.waiters.push(cb);
    return () => {
      const idx = this.waiters.indexOf(cb);
      if (idx >= 0) this.waiters.splice(idx, 1);
    };
  }

  protected closed(): void {
    this.close();
  }
}

/** Name resolution failed (getaddrinfo's EAI_NONAME): not an errno, so not a SysError. */
export class UnknownHostError extends Error {
  constructor(readonly host: string) {
    super(`Could not resolve host: ${host}`);
    this.name = "UnknownHostError";
  }
}
