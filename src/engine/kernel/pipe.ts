import { SysError } from "./errno";
import { type OpenFile, RefCounted } from "./fd";
import type { Scheduler } from "./scheduler";
import { Signal } from "./signal";
import type { Task } from "./task";

/** Linux's default pipe capacity: a writer blocks beyond it until the reader catches up. */
const PIPE_CAPACITY = 65536;

type Waiter = () => void;

/** An anonymous pipe, pipe(2): a bounded buffer between a write end and a read end. */
export class Pipe {
  private buffer = "";
  private readers = 1;
  private writers = 1;
  private readWaiters: Waiter[] = [];
  private writeWaiters: Waiter[] = [];
  readonly readEnd: OpenFile;
  readonly writeEnd: OpenFile;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly sendSignal: (task: Task, sig: number) => void,
  ) {
    this.readEnd = new PipeEnd(this, "read");
    this.writeEnd = new PipeEnd(this, "write");
  }

  async read(task: Task): Promise<string | null> {
    while (this.buffer === "") {
      if (this.writers === 0) return null;
      await task.block<void>(this.scheduler, (wake) => this.wait(this.readWaiters, wake), "pipe_read");
    }
    const chunk = this.buffer;
    this.buffer = "";
    this.notify(this.writeWaiters);
    return chunk;
  }

  async write(task: Task, data: string): Promise<void> {
    let rest = data;
    while (rest.length > 0) {
      if (this.readers === 0) {
        // SIGPIPE's default action kills the writer before write(2) returns; only a
        // writer that ignores or catches it sees EPIPE.
        this.sendSignal(task, Signal.SIGPIPE);
        task.checkExit();
        throw new SysError("EPIPE");
      }
      const room = PIPE_CAPACITY - this.buffer.length;
      if (room <= 0) {
        await task.block<void>(this.scheduler, (wake) => this.wait(this.writeWaiters, wake), "pipe_write");
        continue;
      }
      this.buffer += rest.slice(0, room);
      rest = rest.slice(room);
      this.notify(this.readWaiters);
    }
  }

  /** Whether a read would return at once: data is buffered or every writer has gone. */
  readReady(): boolean {
    return this.buffer !== "" || this.writers === 0;
  }

  /** read(2) on a non-blocking descriptor: undefined stands for EAGAIN. */
  tryRead(): string | null | undefined {
    if (this.buffer === "") return this.writers === 0 ? null : undefined;
    const chunk = this.buffer;
    this.buffer = "";
    this.notify(this.writeWaiters);
    return chunk;
  }

  onReadable(cb: () => void): () => void {
    if (this.readReady()) {
      cb();
      return () => {};
    }
    return this.wait(this.readWaiters, cb);
  }

  /**
   * A write from kernel code, which has no task to block: it may go past the capacity.
   * With no reader left it fails with EPIPE (a kernel service gets no SIGPIPE).
   */
  send(data: string): void {
    if (this.readers === 0) throw new SysError("EPIPE");
    if (data === "") return;
    this.buffer += data;
    this.notify(this.readWaiters);
  }

  /** Puts data back in front of the buffer, to be read again first (an HTTP server handing over a hijacked connection). */
  unshift(data: string): void {
    if (data === "" || this.readers === 0) return;
    this.buffer = data + this.buffer;
    this.notify(this.readWaiters);
  }

  get writerCount(): number {
    return this.writers;
  }

  closeEnd(end: "read" | "write"): void {
    if (end === "read") {
      this.readers--;
      this.buffer = "";
      this.notify(this.writeWaiters);
    } else {
      this.writers--;
      this.notify(this.readWaiters);
    }
  }

  private wait(list: Waiter[], wake: Waiter): () => void {
    list.push(wake);
    return () => {
      const idx = list.indexOf(wake);
      if (idx >= 0) list.splice(idx, 1);
    };
  }

  private notify(list: Waiter[]): void {
    for (const wake of list.splice(0)) wake();
  }
}

class PipeEnd extends RefCounted implements OpenFile {
  readonly kind = "pipe";
  readonly readable: boolean;
  readonly writable: boolean;

  constructor(
    private readonly pipe: Pipe,
    private readonly end: "read" | "write",
  ) {
    super();
    this.readable = end === "read";
    this.writable = end === "write";
  }

  read(task: Task): Promise<string | null> {
    if (this.end !== "read") return Promise.reject(new SysError("EBADF"));
    return this.pipe.read(task);
  }

  write(task: Task, data: string): Promise<void> {
    if (this.end !== "write") return Promise.reject(new SysError("EBADF"));
    return this.pipe.write(task, data);
  }

  tryRead(): string | null | undefined {
    if (this.end !== "read") throw new SysError("EBADF");
    return this.pipe.tryRead();
  }

  readReady(): boolean {
    return this.end === "read" && this.pipe.readReady();
  }

  onReadable(cb: () => void): () => void {
    if (this.end !== "read") throw new SysError("EBADF");
    return this.pipe.onReadable(cb);
  }

  send(data: string): void {
    if (this.end !== "write") throw new SysError("EBADF");
    this.pipe.send(data);
  }

  protected closed(): void {
    this.pipe.closeEnd(this.end);
  }
}
