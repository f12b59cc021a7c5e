/**
 * `docker events`' default line (cli/command/system/events.go prettyPrintEvent):
 * `2026-01-01T00:00:05.000000000Z container start 3f4e… (image=nginx, name=web)`.
 */
import type { EventMessage } from "../../../engine/daemon/api/types";

/** time.Format with RFC3339NanoFixed in UTC (the playground's hosts run on UTC). */
export function rfc3339NanoFixed(ms: number, nanosInMs = 0): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const nanos = d.getUTCMilliseconds() * 1_000_000 + nanosInMs;
  return `${date}T${time}.${pad(nanos, 9)}Z`;
}

export function prettyPrintEvent(e: EventMessage): string {
  let out = "";
  if (e.timeNano) {
    // timeNano passes 2^53: whole milliseconds survive JSON, which the kernel clock counts in.
    out += `${rfc3339NanoFixed(Math.round(e.timeNano / 1e6))} `;
  } else if (e.time) {
    out += `${rfc3339NanoFixed(e.time * 1000)} `;
  }
  out += `${e.Type} ${e.Action} ${e.Actor.ID}`;
  const attrs = e.Actor.Attributes ?? {};
  const keys = Object.keys(attrs).sort();
  if (keys.length > 0) out += ` (${keys.map((k) => `${k}=${attrs[k]}`).join(", ")})`;
  return `${out}\n`;
}
