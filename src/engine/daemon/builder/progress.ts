/**
 * How a build reports what it does. The classic builder writes text lines
 * (`Step 2/4 : RUN pip install flask`, ` ---> Using cache`); BuildKit reports a graph of
 * vertices with statuses and logs (its SolveStatus, which moby forwards to the client as
 * `moby.buildkit.trace` aux messages) and the client draws the progress. Here the trace is
 * sent as JSON, with the fields of BuildKit's client.SolveStatus.
 */
import type { SolveStatus, TraceVertex } from "../api/types";

export type { SolveStatus };

export interface BuildOutput {
  /** Classic builder text, a line or part of one. */
  stream(text: string): void;
  /** A BuildKit trace update. */
  trace(status: SolveStatus): void;
  /** Other aux messages: `moby.image.id` with the built image's ID. */
  aux(id: string, value: unknown): void;
}

/** A vertex being reported: started, then cached, done or failed. */
export class Vertex {
  private readonly vertex: TraceVertex;

  constructor(
    private readonly out: BuildOutput,
    private readonly now: () => number,
    digest: string,
    name: string,
  ) {
    this.vertex = { Digest: digest, Name: name };
  }

  get digest(): string {
    return this.vertex.Digest;
  }

  start(): this {
    this.vertex.Started = this.now();
    this.send();
    return this;
  }

  cached(): void {
    this.vertex.Cached = true;
    this.vertex.Started ??= this.now();
    this.vertex.Completed = this.vertex.Started;
    this.send();
  }

  done(): void {
    this.vertex.Completed = this.now();
    this.send();
  }

  fail(error: string): void {
    this.vertex.Completed = this.now();
    this.vertex.Error = error;
    this.send();
  }

  /** A status line under the vertex (`transferring context: 2B`), finished at once or later. */
  status(id: string, finished = true): () => void {
    const started = this.now();
    const finish = () => this.out.trace({ statuses: [{ ID: id, Vertex: this.vertex.Digest, Started: started, Completed: this.now() }] });
    if (finished) {
      finish();
      return () => {};
    }
    this.out.trace({ statuses: [{ ID: id, Vertex: this.vertex.Digest, Started: started }] });
    return finish;
  }

  /** An unfinished status's progress (a layer's bytes so far). */
  progress(id: string, current?: number, total?: number): void {
    this.out.trace({ statuses: [{ ID: id, Vertex: this.vertex.Digest, Current: current, Total: total }] });
  }

  /** A build check's warning, reported under this vertex as BuildKit reports lint warnings. */
  warn(short: string, detail: string, url: string, range: [number, number]): void {
    this.out.trace({ warnings: [{ Vertex: this.vertex.Digest, Level: 1, Short: short, Detail: [detail], URL: url, Range: range }] });
  }

  log(stream: "stdout" | "stderr", data: string): void {
    this.out.trace({ logs: [{ Vertex: this.vertex.Digest, Stream: stream === "stdout" ? 1 : 2, Data: data, Timestamp: this.now() }] });
  }

  private send(): void {
    this.out.trace({ vertexes: [{ ...this.vertex }] });
  }
}
