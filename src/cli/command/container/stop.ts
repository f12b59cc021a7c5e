/** docker stop (cli/command/container/stop.go): POST /containers/{id}/stop for each. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath, forEachContainer } from "./each";

export const stopCommand: CommandSpec = {
  use: "stop [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop one or more running containers",
  aliasesHelp: "docker container stop, docker stop",
  args: requiresMinArgs(1),
  flags: [
    { name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" },
    { name: "timeout", short: "t", kind: "int", usage: "Seconds to wait before killing the container" },
    // The deprecated --time spelling of --timeout.
    { name: "time", kind: "int", usage: "Seconds to wait before killing the container (deprecated: use --timeout)", hidden: true },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const timeout = ctx.flags.changed("timeout")
      ? ctx.flags.number("timeout")
      : ctx.flags.changed("time")
        ? ctx.flags.number("time")
        : undefined;
    const signal = ctx.flags.string("signal") || undefined;
    return forEachContainer(cli, ctx.args, (name) =>
      cli.client.open("POST", containerPath(name, "stop"), { query: { signal, t: timeout } }),
    );
  },
};
