/** docker restart (cli/command/container/restart.go): POST /containers/{id}/restart for each. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath, forEachContainer } from "./each";
import { stopFlags, stopQuery } from "./stop-options";

export const restartCommand: CommandSpec = {
  use: "restart [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Restart one or more containers",
  aliasesHelp: "docker container restart, docker restart",
  args: requiresMinArgs(1),
  flags: stopFlags,
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const query = stopQuery(ctx);
    return forEachContainer(cli, ctx.args, (name) => cli.client.open("POST", containerPath(name, "restart"), { query }));
  },
};
