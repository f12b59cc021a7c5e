/**
 * docker logs (cli/command/container/logs.go): GET /containers/{id}/logs, demultiplexed
 * unless the container has a TTY; with --follow it streams until the container stops
 * or the user presses ^C.
 */
import type { ContainerInspect } from "../../../engine/daemon/api/types";
import { getTimestamp } from "../../client/timestamp";
import { exactArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { Demuxer, STDERR } from "../../streams/stdcopy";
import { dockerCli } from "../system/dockercli";
import { containerPath } from "./each";

async function runLogs(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const name = ctx.args[0];
  const c = await cli.client.get<ContainerInspect>(containerPath(name, "json"));
  const now = cli.proc.now();
  const since = ctx.flags.string("since");
  const until = ctx.flags.string("until");
  const res = await cli.client.stream("GET", containerPath(name, "logs"), {
    query: {
      stdout: true,
      stderr: true,
      since: since ? getTimestamp(since, now) : undefined,
      until: until ? getTimestamp(until, now) : undefined,
      timestamps: ctx.flags.bool("timestamps") || undefined,
      follow: ctx.flags.bool("follow") || undefined,
      tail: ctx.flags.string("tail"),
      details: ctx.flags.bool("details") || undefined,
    },
  });
  const demux = c.Config.Tty ? null : new Demuxer();
  try {
    for (let chunk = await res.next(); chunk !== null; chunk = await res.next()) {
      if (!demux) {
        await cli.out(chunk);
        continue;
      }
      for (const frame of demux.push(chunk)) {
        if (frame.stream === STDERR) await cli.err(frame.text);
        else await cli.out(frame.text);
      }
    }
  } finally {
    res.conn.close();
  }
  return 0;
}

export const logsCommand: CommandSpec = {
  use: "logs [OPTIONS] CONTAINER",
  short: "Fetch the logs of a container",
  aliasesHelp: "docker container logs, docker logs",
  args: exactArgs(1),
  flags: [
    { name: "follow", short: "f", kind: "bool", usage: "Follow log output" },
    {
      name: "since",
      kind: "string",
      usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
    },
    {
      name: "until",
      kind: "string",
      usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)',
    },
    { name: "timestamps", short: "t", kind: "bool", usage: "Show timestamps" },
    { name: "details", kind: "bool", usage: "Show extra details provided to logs" },
    { name: "tail", short: "n", kind: "string", default: "all", usage: "Number of lines to show from the end of the logs" },
  ],
  run: runLogs,
};
