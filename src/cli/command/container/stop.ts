/** docker stop (cli/command/container/stop.go): POST /containers/{id}/stop for each. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath, forEachContainer } from "./each";
import { stopFlags, stopQuery } from "./stop-options";

export const stopCommand: CommandSpec = {
  use: "stop [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Stop one or more running containers",
  aliasesHelp: "docker container stop, docker stop",
  args: requiresMinArgs(1),
  flags: stopFlags,
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const query = stopQuery(ctx);
    return forEachContainer(cli, ctx.args, (name) => cli.client.open("POST", containerPath(name, "stop"), { query }));
  },
};
