/**
 * docker events / docker system events (cli/command/system/events.go): GET /events,
 * one line per event as it arrives, until --until or an interrupt ends the stream.
 */
import type { EventMessage } from "../../../engine/daemon/api/types";
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { execute, parse } from "../../formatter/templates";
import { decodeJsonStream } from "../image/jsonmessage";
import { bodyChunks, dockerCli, filterFlag, filtersQuery, INSPECT_FORMAT_HELP, nowMs } from "./dockercli";
import { prettyPrintEvent } from "./events-format";

/**
 * timetypes.GetTimestamp: --since/--until as a Unix time ("1700000000", "1700000000.5"),
 * an RFC 3339 date or date-time (partial forms allowed, UTC), or a duration before now ("10m").
 */
export function eventTimestamp(value: string, nowMs: number): string {
  if (value === "") return "";
  if (/^\d+(\.\d+)?$/.test(value)) return value;
  const d = /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)$/.exec(value);
  if (d) {
    const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    return secondsString(nowMs - Number(d[1]) * (unit[d[2] ?? "s"] ?? 1000));
  }
  const m = /^(\d{4}-\d\d-\d\d)(?:T(\d\d)(?::(\d\d)(?::(\d\d)(\.\d+)?)?)?)?(Z|[+-]\d\d:\d\d)?$/.exec(value);
  if (!m) throw new Error(`failed to parse value as time or duration: "${value}"`);
  const iso = `${m[1]}T${m[2] ?? "00"}:${m[3] ?? "00"}:${m[4] ?? "00"}${m[5] ?? ""}${m[6] ?? "Z"}`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`failed to parse value as time or duration: "${value}"`);
  return secondsString(ms);
}

/** `seconds.nanoseconds`, as GetTimestamp formats it. */
function secondsString(ms: number): string {
  const sec = Math.floor(ms / 1000);
  return `${sec}.${String(Math.round((ms - sec * 1000) * 1e6)).padStart(9, "0")}`;
}

export const eventsCommand: CommandSpec = {
  use: "events [OPTIONS]",
  short: "Get real time events from the server",
  aliasesHelp: "docker system events, docker events",
  args: noArgs,
  flags: [
    filterFlag("Filter output based on conditions provided", "f"),
    { name: "format", kind: "string", usage: INSPECT_FORMAT_HELP },
    { name: "since", kind: "string", usage: "Show all events created since timestamp" },
    { name: "until", kind: "string", usage: "Stream events until this timestamp" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const format = ctx.flags.string("format");
    let tmpl: ReturnType<typeof parse> | undefined;
    if (format !== "") {
      try {
        tmpl = parse(format === "json" ? "{{json .}}" : format);
      } catch (e) {
        throw new StatusError(`Error parsing format: ${(e as Error).message}`, 64);
      }
    }
    const now = nowMs(cli);
    const res = await cli.client.stream("GET", "/events", {
      query: {
        since: eventTimestamp(ctx.flags.string("since"), now) || undefined,
        until: eventTimestamp(ctx.flags.string("until"), now) || undefined,
        filters: filtersQuery(ctx.flags.list("filter")),
      },
    });
    for await (const msg of decodeJsonStream(bodyChunks(res))) {
      const event = msg as unknown as EventMessage;
      await cli.out(tmpl ? `${execute(tmpl, event)}\n` : prettyPrintEvent(event));
    }
    return 0;
  },
};
