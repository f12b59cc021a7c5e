import { isSysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { UnknownHostError } from "../../kernel/socket";
import { encodeCommand, parseReply, type Reply } from "../redis/resp";

/**
 * The app's connection to redis, as node_redis 2.x keeps it: connects at start, logs
 * `Connection made to the Redis server` when ready, reconnects with a back-off growing
 * 1.7 times from 200 ms after an error or a lost connection.
 */
export class RedisClient {
  fd: number | null = null;
  /** Virtual time of the next reconnection attempt. */
  retryAt = 0;
  private delay = 200;
  private buffer = "";

  constructor(
    private readonly proc: Process,
    readonly host: string,
    readonly port: number,
  ) {}

  private log(text: string): Promise<void> {
    return this.proc.stdout.write(`${text}\n`);
  }

  get connected(): boolean {
    return this.fd !== null;
  }

  /** One connection attempt; on failure, logs the error as the app's 'error' handler does. */
  async connect(): Promise<boolean> {
    if (this.fd !== null) return true;
    try {
      this.fd = this.proc.connect(this.host, this.port);
    } catch (err) {
      let reason: string;
      if (err instanceof UnknownHostError) reason = `getaddrinfo ENOTFOUND ${this.host} ${this.host}:${this.port}`;
      else if (isSysError(err)) reason = `connect ${err.code} ${this.proc.resolveHost(this.host) ?? this.host}:${this.port}`;
      else throw err;
      await this.log("Error from the redis connection:");
      await this.log(`{ Error: Redis connection to ${this.host}:${this.port} failed - ${reason}`);
      this.scheduleRetry();
      return false;
    }
    this.delay = 200;
    this.buffer = "";
    await this.log("Connection made to the Redis server");
    return true;
  }

  private scheduleRetry(): void {
    this.retryAt = this.proc.now() + this.delay;
    this.delay = Math.round(this.delay * 1.7);
  }

  /** The connection ended under the app ('end' event). */
  async lost(): Promise<void> {
    if (this.fd === null) return;
    this.proc.close(this.fd);
    this.fd = null;
    await this.log("Lost connection to Redis server");
    this.scheduleRetry();
  }

  /** Whether redis closed the connection while the app was idle (a poll said it is readable). */
  async checkClosed(): Promise<void> {
    if (this.fd === null) return;
    const chunk = await this.proc.read(this.fd).catch(() => null);
    if (chunk === null) await this.lost();
    else this.buffer += chunk;
  }

  /** Sends one command and waits for its reply; null if the connection broke. */
  async call(args: string[]): Promise<Reply | null> {
    if (this.fd === null && !(await this.connect())) return null;
    const fd = this.fd as number;
    try {
      await this.proc.write(fd, encodeCommand(args));
      for (;;) {
        const parsed = parseReply(this.buffer);
        if (parsed) {
          this.buffer = this.buffer.slice(parsed.next);
          return parsed.value;
        }
        const chunk = await this.proc.read(fd);
        if (chunk === null) break;
        this.buffer += chunk;
      }
    } catch (err) {
      if (!isSysError(err) || err.code === "EINTR") throw err;
    }
    await this.lost();
    return null;
  }
}
