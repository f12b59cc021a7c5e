/** docker restart (cli/command/container/restart.go): POST /containers/{id}/restart for each. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath, forEachContainer } from "./each";

export const restartCommand: CommandSpec = {
  use: "restart [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Restart one or more containers",
  aliasesHelp: "docker container restart, docker restart",
  args: requiresMinArgs(1),
  flags: [
    { name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" },
    { name: "timeout", short: "t", kind: "int", usage: "Seconds to wait before killing the container" },
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
      cli.client.open("POST", containerPath(name, "restart"), { query: { signal, t: timeout } }),
    );
  },
};
