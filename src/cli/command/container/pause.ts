/** docker pause and unpause (cli/command/container/pause.go, unpause.go): the cgroup freezer per container. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath, forEachContainer } from "./each";

export const pauseCommand: CommandSpec = {
  use: "pause CONTAINER [CONTAINER...]",
  short: "Pause all processes within one or more containers",
  aliasesHelp: "docker container pause, docker pause",
  args: requiresMinArgs(1),
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    return forEachContainer(cli, ctx.args, (name) => cli.client.open("POST", containerPath(name, "pause")));
  },
};

export const unpauseCommand: CommandSpec = {
  use: "unpause CONTAINER [CONTAINER...]",
  short: "Unpause all processes within one or more containers",
  aliasesHelp: "docker container unpause, docker unpause",
  args: requiresMinArgs(1),
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    return forEachContainer(cli, ctx.args, (name) => cli.client.open("POST", containerPath(name, "unpause")));
  },
};
