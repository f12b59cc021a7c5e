/**
 * BuildKit's progress display (moby/buildkit util/progress/progressui), fed by the
 * `moby.buildkit.trace` messages of POST /build: the plain mode's `#5 [2/3] RUN ...`,
 * `#5 CACHED`, `#5 DONE 0.3s` blocks, and the tty mode's ` => [2/3] RUN ...  0.3s` frame
 * (drawn once, when the build ends), then the summary of a failed step.
 */

import type { SolveStatus, TraceLog, TraceStatus, TraceVertex, TraceWarning } from "../../../../engine/daemon/api/types";

export type { SolveStatus };

interface VertexView {
  index: number;
  vertex: TraceVertex;
  statuses: TraceStatus[];
  logs: string[];
  partial: string;
  printedHeader: boolean;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export class BuildProgress {
  private readonly vertices = new Map<string, VertexView>();
  private readonly order: VertexView[] = [];
  private started = Number.NaN;
  private ended = 0;
  /** Build checks' warnings, listed again once the build ends (buildx printWarnings). */
  readonly warnings: TraceWarning[] = [];

  constructor(
    private readonly mode: "plain" | "tty" | "quiet",
    private readonly write: (text: string) => void,
  ) {
    if (mode === "plain") write('#0 building with "default" instance using docker driver\n\n');
  }

  private view(digest: string): VertexView {
    let view = this.vertices.get(digest);
    if (!view) {
      view = {
        index: this.order.length + 1,
        vertex: { Digest: digest, Name: "" },
        statuses: [],
        logs: [],
        partial: "",
        printedHeader: false,
      };
      this.vertices.set(digest, view);
      this.order.push(view);
    }
    return view;
  }

  update(status: SolveStatus): void {
    for (const v of status.vertexes ?? []) this.onVertex(v);
    for (const s of status.statuses ?? []) this.onStatus(s);
    for (const l of status.logs ?? []) this.onLog(l);
    for (const w of status.warnings ?? []) this.onWarning(w);
  }

  private onWarning(w: TraceWarning): void {
    this.warnings.push(w);
    if (this.mode !== "plain") return;
    const view = this.view(w.Vertex);
    this.header(view);
    this.write(`#${view.index} WARN: ${w.Short}\n`);
  }

  /**
   * buildx's printWarnings, after the progress: the count in yellow (aec colours it even
   * when stderr is not a terminal), then each warning's short text. Nothing when quiet.
   */
  warningSummary(): string {
    if (this.warnings.length === 0 || this.mode === "quiet") return "";
    const count = this.warnings.length === 1 ? "1 warning found" : `${this.warnings.length} warnings found`;
    return `\n \x1b[33m${count} (use docker --debug to expand):\n\x1b[0m${this.warnings.map((w) => ` - ${w.Short}\n`).join("")}`;
  }

  private header(view: VertexView): void {
    if (view.printedHeader || this.mode !== "plain") return;
    view.printedHeader = true;
    this.write(`#${view.index} ${view.vertex.Name}\n`);
  }

  private onVertex(v: TraceVertex): void {
    const view = this.view(v.Digest);
    view.vertex = { ...view.vertex, ...v };
    if (v.Started !== undefined && Number.isNaN(this.started)) this.started = v.Started;
    if (v.Completed !== undefined) this.ended = Math.max(this.ended, v.Completed);
    if (this.mode !== "plain") return;
    this.header(view);
    if (v.Cached) this.write(`#${view.index} CACHED\n\n`);
    else if (v.Error) {
      this.flushPartial(view);
      this.write(`#${view.index} ERROR: ${v.Error}\n\n`);
    } else if (v.Completed !== undefined) {
      this.flushPartial(view);
      this.write(`#${view.index} DONE ${seconds(v.Completed - (v.Started ?? v.Completed))}s\n\n`);
    }
  }

  private onStatus(s: TraceStatus): void {
    const view = this.view(s.Vertex);
    const existing = view.statuses.findIndex((x) => x.ID === s.ID);
    if (existing >= 0) view.statuses[existing] = { ...view.statuses[existing], ...s };
    else view.statuses.push(s);
    if (this.mode !== "plain" || s.Completed === undefined) return;
    this.header(view);
    const took = s.Completed - (s.Started ?? s.Completed);
    this.write(`#${view.index} ${s.ID}${took >= 50 ? ` ${seconds(took)}s` : ""} done\n`);
  }

  private onLog(l: TraceLog): void {
    const view = this.view(l.Vertex);
    const text = view.partial + l.Data;
    const lines = text.split("\n");
    view.partial = lines.pop() ?? "";
    const at = ((l.Timestamp - (view.vertex.Started ?? l.Timestamp)) / 1000).toFixed(3);
    for (const line of lines) {
      view.logs.push(`${at} ${line}`);
      if (this.mode === "plain") {
        this.header(view);
        this.write(`#${view.index} ${at} ${line}\n`);
      }
    }
  }

  private flushPartial(view: VertexView): void {
    if (view.partial === "") return;
    const line = view.partial;
    view.partial = "";
    view.logs.push(line);
    if (this.mode === "plain") this.write(`#${view.index} ${line}\n`);
  }

  /** The tty mode's last frame: every step with its time, right-aligned to the terminal. */
  finish(width: number): void {
    if (this.mode !== "tty") return;
    const cols = width > 0 ? width : 80;
    const done = this.order.filter((v) => v.vertex.Completed !== undefined).length;
    const total = seconds(Math.max(0, this.ended - (Number.isNaN(this.started) ? this.ended : this.started)));
    const failed = this.order.some((v) => v.vertex.Error);
    let out = align(`[+] Building ${total}s (${done}/${this.order.length}) ${failed ? "FINISHED" : "FINISHED"}`, "docker:default", cols);
    for (const view of this.order) {
      const v = view.vertex;
      const prefix = v.Cached ? " => CACHED " : v.Error ? " => ERROR " : " => ";
      const took = v.Completed !== undefined && v.Started !== undefined ? v.Completed - v.Started : 0;
      out += align(`${prefix}${v.Name}`, `${seconds(took)}s`, cols);
      for (const s of view.statuses) {
        const st = s.Completed !== undefined && s.Started !== undefined ? s.Completed - s.Started : 0;
        out += align(` => => ${s.ID}`, `${seconds(st)}s`, cols);
      }
    }
    this.write(out);
  }

  /** After a failure: the failed step and its last log lines, as buildx prints them. */
  failedSteps(): string {
    let out = "";
    for (const view of this.order) {
      if (!view.vertex.Error) continue;
      this.flushPartial(view);
      out += `------\n > ${view.vertex.Name}:\n${view.logs
        .slice(-10)
        .map((l) => `${l}\n`)
        .join("")}------\n`;
    }
    return out;
  }
}

function align(left: string, right: string, width: number): string {
  const room = width - right.length - 1;
  const text = left.length > room ? `${left.slice(0, Math.max(0, room - 1))} ` : left.padEnd(room, " ");
  return `${text} ${right}\n`;
}

/** errdefs.Source.Print: the Dockerfile lines around a failed instruction. */
export function sourceExcerpt(file: string, data: string, range: [number, number]): string {
  const lines = data.split("\n");
  let [start, end] = range;
  if (start > lines.length || start < 1) return "";
  if (end > lines.length) end = lines.length;
  const pad = end === start ? 4 : 2;
  const prepadStart = start;
  let p = 0;
  while (p < pad) {
    if (start > 1) {
      start--;
      p++;
    }
    if (end !== lines.length) {
      end++;
      p++;
    }
    p++;
  }
  let out = `${file}:${prepadStart}\n--------------------\n`;
  for (let i = start; i <= end; i++) {
    const pfx = i >= range[0] && i <= range[1] ? ">>>" : "   ";
    out += ` ${String(i).padStart(3)} | ${pfx} ${lines[i - 1]}\n`;
  }
  return `${out}--------------------\n`;
}
