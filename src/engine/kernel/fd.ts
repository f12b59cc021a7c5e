import { SysError } from "./errno";
import type { Task } from "./task";
import type { Tty } from "./tty";

/**
 * An open file description: what a file descriptor points to. Several descriptors
 * (after dup or fork) share one description; it is released when the last closes.
 * Data is text: the playground's programs exchange UTF-8 text, never raw bytes.
 */
export interface OpenFile {
  readonly kind: "tty" | "pipe" | "file" | "null" | "dir" | "socket";
  /** The next chunk of input, or null at end of file. Blocks the task while none is ready. */
  read(task: Task): Promise<string | null>;
  write(task: Task, data: string): Promise<void>;
  /** Adds a reference (dup, fork). */
  retain(): void;
  /** Drops a reference; the last one releases the description. */
  release(): void;
  readonly tty?: Tty;
  readonly path?: string;
  readonly readable: boolean;
  readonly writable: boolean;
  // Readiness, for poll(2) and for kernel services (dockerd) that never block a task.
  // Files without these members (regular files, /dev/null) are always ready, as poll(2) says.
  /** Data without blocking: the chunk, null at end of file, undefined when a read would block. */
  tryRead?(): string | null | undefined;
  /** Whether a read would return at once (data or end of file), without consuming anything. */
  readReady?(): boolean;
  /** Calls `cb` once when data or end of file is available (at once if it already is); returns a cancel. */
  onReadable?(cb: () => void): () => void;
  /** A write that never blocks, for kernel services: no capacity limit. */
  send?(data: string): void;
}

/** Reference counting shared by every kind of open file. */
export abstract class RefCounted {
  private refs = 1;
  retain(): void {
    this.refs++;
  }
  release(): void {
    if (--this.refs === 0) this.closed();
  }
  protected abstract closed(): void;
}

/** /dev/null: reads end at once, writes vanish. */
export class NullFile extends RefCounted implements OpenFile {
  readonly kind = "null";
  readonly path = "/dev/null";
  readonly readable = true;
  readonly writable = true;
  async read(): Promise<string | null> {
    return null;
  }
  async write(): Promise<void> {}
  protected closed(): void {}
}

/**
 * A process's file descriptor table. Descriptors marked close-on-exec (the shell's own
 * pipe ends, pipe2(O_CLOEXEC)) are not passed to spawned children.
 */
export class FdTable {
  private readonly fds = new Map<number, OpenFile>();
  private readonly cloexec = new Set<number>();

  get(fd: number): OpenFile | undefined {
    return this.fds.get(fd);
  }

  /** Installs `file` at `fd`, closing what was there; the table takes over the reference. */
  set(fd: number, file: OpenFile, closeOnExec = false): void {
    const old = this.fds.get(fd);
    this.fds.set(fd, file);
    if (closeOnExec) this.cloexec.add(fd);
    else this.cloexec.delete(fd);
    old?.release();
  }

  setCloseOnExec(fd: number, on: boolean): void {
    if (!this.fds.has(fd)) throw new SysError("EBADF");
    if (on) this.cloexec.add(fd);
    else this.cloexec.delete(fd);
  }

  /** The lowest free descriptor at or above `min`, as open(2) and F_DUPFD pick. */
  lowestFree(min = 0): number {
    let fd = min;
    while (this.fds.has(fd)) fd++;
    return fd;
  }

  /** dup2(2): `to` refers to what `from` refers to. */
  dup2(from: number, to: number): void {
    const file = this.fds.get(from);
    if (!file) throw new SysError("EBADF");
    if (from === to) return;
    file.retain();
    this.set(to, file);
  }

  close(fd: number): void {
    const file = this.fds.get(fd);
    if (!file) throw new SysError("EBADF");
    this.fds.delete(fd);
    this.cloexec.delete(fd);
    file.release();
  }

  closeAll(): void {
    for (const fd of [...this.fds.keys()]) this.close(fd);
  }

  /** A copy for a child process, as fork + exec make it: close-on-exec descriptors stay behind. */
  fork(): FdTable {
    const copy = new FdTable();
    for (const [fd, file] of this.fds) {
      if (this.cloexec.has(fd)) continue;
      file.retain();
      copy.fds.set(fd, file);
    }
    return copy;
  }

  entries(): Array<[number, OpenFile]> {
    return [...this.fds.entries()].sort((a, b) => a[0] - b[0]);
  }
}
