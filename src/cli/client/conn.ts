/**
 * A connection to dockerd as the client reads it: a socket descriptor with a read-ahead
 * buffer, so that the HTTP reader can give back what it read past a response (the first
 * bytes of a hijacked stream).
 */

/** The descriptor calls a connection needs; a Process provides them. */
export interface FdIo {
  read(fd: number): Promise<string | null>;
  write(fd: number, data: string): Promise<void>;
  close(fd: number): void;
}

/** What the client needs of a byte stream: tests give it an in-memory one. */
export interface Conn {
  /** The descriptor, for poll(2); -1 when the stream has none. */
  readonly fd: number;
  /** The next chunk (buffered text first), or null at end of stream. */
  read(): Promise<string | null>;
  /** Puts text back in front of the stream. */
  unread(text: string): void;
  /** Whether text is already buffered (a read will not block). */
  readonly buffered: boolean;
  write(data: string): Promise<void>;
  /** Half-close: the daemon sees end of input (CloseWrite on a hijacked connection). */
  closeWrite(): void;
  close(): void;
}

export class FdConn implements Conn {
  private pending = "";
  private closed = false;

  constructor(
    private readonly io: FdIo & { shutdown?(fd: number): void },
    readonly fd: number,
  ) {}

  get buffered(): boolean {
    return this.pending !== "";
  }

  async read(): Promise<string | null> {
    if (this.pending !== "") {
      const chunk = this.pending;
      this.pending = "";
      return chunk;
    }
    if (this.closed) return null;
    return this.io.read(this.fd);
  }

  unread(text: string): void {
    this.pending = text + this.pending;
  }

  write(data: string): Promise<void> {
    return this.io.write(this.fd, data);
  }

  closeWrite(): void {
    this.io.shutdown?.(this.fd);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.io.close(this.fd);
  }
}
