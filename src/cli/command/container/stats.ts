/**
 * docker stats (cli/command/container/stats.go): one GET /containers/{id}/stats stream
 * per container, the table redrawn every half second in place (cursor home, each line
 * ended by erase-to-end-of-line, the rest of the screen erased) until ^C. Without names
 * it follows the container events: started containers join, dead (or with --all,
 * destroyed) ones leave. With --no-stream it prints one table, from two samples a
 * second apart so that CPU % has a delta.
 */
import type { ContainerStats, ContainerSummary, EventMessage } from "../../../engine/daemon/api/types";
import { filtersJson } from "../../client/query";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { type DockerCli, dockerCli, FORMAT_HELP, renderFormatted } from "../system/dockercli";
import { containerPath } from "./each";
import { JsonStreams } from "./json-streams";
import { emptyEntry, entryFromSample, newStatsFormat, STATS_HEADERS, type StatsEntry, statsRow } from "./stats-format";

/** How long collect waits for a sample before it shows the container as "--". */
const SAMPLE_TIMEOUT_MS = 2000;

/** One container being watched: its latest figures, or the error that ended its stream. */
interface Watched {
  entry: StatsEntry;
  error: string | null;
  /** A first sample (or error) arrived: the WaitGroup's Done. */
  first: boolean;
  close: () => void;
}

/** The containers `docker stats` shows, each with its stats stream (stats and collect). */
class Watchlist {
  readonly items: Watched[] = [];

  constructor(
    private readonly cli: DockerCli,
    private readonly streams: JsonStreams,
    private readonly stream: boolean,
  ) {}

  /** stats.add then collect: a container already watched is not added twice. */
  async add(container: string): Promise<void> {
    if (this.items.some((w) => w.entry.container === container)) return;
    const w: Watched = { entry: emptyEntry(container), error: null, first: false, close: () => {} };
    this.items.push(w);
    try {
      // IncludePreviousSample without streaming: the daemon answers with two samples' delta.
      const res = await this.cli.client.stream("GET", containerPath(container, "stats"), {
        query: { stream: this.stream ? "true" : "false" },
      });
      w.close = this.streams.add(
        res,
        (msg) => {
          w.entry = entryFromSample(container, msg as ContainerStats);
          w.error = null;
          w.first = true;
          if (!this.stream) w.close();
        },
        () => {
          w.first = true;
        },
      );
    } catch (err) {
      w.error = err instanceof Error ? err.message : String(err);
      w.entry.isInvalid = true;
      w.first = true;
    }
  }

  remove(id: string): void {
    const i = this.items.findIndex((w) => w.entry.container === id);
    if (i < 0) return;
    this.items[i].close();
    this.items.splice(i, 1);
  }

  /** waitFirst.Wait(): until every container has a sample, or has timed out without one. */
  async waitFirst(): Promise<void> {
    const deadline = this.cli.proc.now() + SAMPLE_TIMEOUT_MS;
    for (;;) {
      const waiting = this.items.filter((w) => !w.first);
      if (waiting.length === 0) return;
      const left = deadline - this.cli.proc.now();
      if (left <= 0) {
        for (const w of waiting) {
          w.entry = { ...emptyEntry(w.entry.container), isInvalid: true };
          w.error = "timeout waiting for stats";
          w.first = true;
        }
        return;
      }
      await this.streams.pump(left);
    }
  }
}

/**
 * Follows container events for `docker stats` without names (monitorContainerEvents),
 * subscribed before the container list is asked for so that no start is missed: started
 * containers (and with --all created ones) join, destroyed (without --all, dead) ones leave.
 */
async function followEvents(cli: DockerCli, streams: JsonStreams, list: Watchlist, all: boolean): Promise<void> {
  const res = await cli.client.stream("GET", "/events", { query: { filters: filtersJson([["type", "container"]]) } });
  streams.add(res, (msg) => {
    const e = msg as EventMessage;
    const id = e.Actor?.ID ?? "";
    if (id === "") return;
    if (e.Action === "start" || (all && e.Action === "create")) void list.add(id);
    else if (e.Action === "destroy" || (!all && e.Action === "die")) list.remove(id);
  });
}

/** One redraw: home, each line followed by erase-in-line, then erase below. */
function frame(table: string): string {
  return `\x1b[H${table
    .split("\n")
    .map((line) => `${line}\x1b[K\n`)
    .join("")}\x1b[J`;
}

async function runStats(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const all = ctx.flags.bool("all");
  const noStream = ctx.flags.bool("no-stream");
  const trunc = !ctx.flags.bool("no-trunc");
  const streams = new JsonStreams(cli.proc);
  const list = new Watchlist(cli, streams, !noStream);
  const showAll = ctx.args.length === 0;
  try {
    if (showAll) {
      await followEvents(cli, streams, list, all);
      const containers = await cli.client.get<ContainerSummary[]>("/containers/json", { all: all || undefined });
      for (const c of containers) await list.add(c.Id);
      await list.waitFirst();
    } else {
      for (const name of ctx.args) await list.add(name);
      await list.waitFirst();
      const errors = list.items.flatMap((w) => (w.error ? [w.error] : []));
      if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
    }

    const format = newStatsFormat(ctx.flags.string("format"));
    const render = () => renderFormatted({ format, headers: STATS_HEADERS, rows: list.items.map((w) => statsRow(w.entry, trunc)) });
    if (noStream) {
      if (list.items.length > 0) await cli.out(render());
      return 0;
    }
    // The ticker: a redraw every 500ms, the streams read in between.
    for (let next = cli.proc.now() + 500; ; next += 500) {
      for (let left = next - cli.proc.now(); left > 0; left = next - cli.proc.now()) await streams.pump(left);
      if (list.items.length === 0 && !showAll) {
        await cli.out("\x1b[H\x1b[J");
        return 0;
      }
      await cli.out(frame(render()));
    }
  } finally {
    streams.closeAll();
  }
}

export const statsCommand: CommandSpec = {
  use: "stats [OPTIONS] [CONTAINER...]",
  short: "Display a live stream of container(s) resource usage statistics",
  aliasesHelp: "docker container stats, docker stats",
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Show all containers (default shows just running)" },
    { name: "no-stream", kind: "bool", usage: "Disable streaming stats and only pull the first result" },
    { name: "no-trunc", kind: "bool", usage: "Do not truncate output" },
    { name: "format", kind: "string", usage: FORMAT_HELP },
  ],
  run: runStats,
};
