/**
 * Several streamed JSON responses read by one process (the work docker/cli gives one
 * goroutine per stream): the `docker` process is one task, so it polls the connections
 * and decodes whichever has data, one JSON document per line, as json.Decoder does.
 */
import { SysError } from "../../../engine/kernel/errno";
import type { Process } from "../../../engine/kernel/process";
import type { ResponseReader } from "../../client/http";

interface Source {
  res: ResponseReader;
  pending: string;
  onMessage: (msg: unknown) => void;
  onEnd: () => void;
}

export class JsonStreams {
  private readonly sources = new Set<Source>();

  constructor(private readonly proc: Process) {}

  /** Reads `res` from now on: each document to `onMessage`, then `onEnd` at the end of the body. */
  add(res: ResponseReader, onMessage: (msg: unknown) => void, onEnd: () => void = () => {}): () => void {
    const source: Source = { res, pending: "", onMessage, onEnd };
    this.sources.add(source);
    return () => this.close(source);
  }

  get size(): number {
    return this.sources.size;
  }

  /**
   * Waits up to `timeoutMs` (virtual time) for data on any stream and handles what came.
   * Returns at the deadline, or earlier once some data was handled.
   */
  async pump(timeoutMs: number): Promise<void> {
    const sources = [...this.sources];
    let ready = sources.filter((s) => s.res.conn.buffered);
    if (ready.length === 0) {
      let fds: number[];
      try {
        fds = await this.proc.poll(
          sources.map((s) => s.res.conn.fd),
          timeoutMs,
        );
      } catch (err) {
        if (err instanceof SysError && err.code === "EINTR") return;
        throw err;
      }
      ready = sources.filter((s) => fds.includes(s.res.conn.fd));
    }
    for (const source of ready) {
      if (!this.sources.has(source)) continue;
      const chunk = await source.res.next();
      if (chunk === null) {
        this.close(source);
        source.onEnd();
        continue;
      }
      source.pending += chunk;
      for (let nl = source.pending.indexOf("\n"); nl >= 0; nl = source.pending.indexOf("\n")) {
        const line = source.pending.slice(0, nl).trim();
        source.pending = source.pending.slice(nl + 1);
        if (line !== "" && this.sources.has(source)) source.onMessage(JSON.parse(line));
      }
    }
  }

  /** Closes every stream (the deferred closes when the command returns). */
  closeAll(): void {
    for (const source of [...this.sources]) this.close(source);
  }

  private close(source: Source): void {
    if (!this.sources.delete(source)) return;
    source.res.conn.close();
  }
}
