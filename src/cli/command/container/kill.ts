/** docker kill (cli/command/container/kill.go): POST /containers/{id}/kill?signal=… for each. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath, forEachContainer } from "./each";

export const killCommand: CommandSpec = {
  use: "kill [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Kill one or more running containers",
  aliasesHelp: "docker container kill, docker kill",
  args: requiresMinArgs(1),
  flags: [{ name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const signal = ctx.flags.string("signal") || undefined;
    return forEachContainer(cli, ctx.args, (name) => cli.client.open("POST", containerPath(name, "kill"), { query: { signal } }));
  },
};
