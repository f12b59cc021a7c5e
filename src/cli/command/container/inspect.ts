/** docker container inspect (cli/command/container/inspect.go): GET /containers/{id}/json for each. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli, INSPECT_FORMAT_HELP, inspectAll } from "../system/dockercli";

export const containerInspectCommand: CommandSpec = {
  use: "inspect [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Display detailed information on one or more containers",
  args: requiresMinArgs(1),
  flags: [
    { name: "format", short: "f", kind: "string", usage: INSPECT_FORMAT_HELP },
    { name: "size", short: "s", kind: "bool", usage: "Display total file sizes" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const size = ctx.flags.bool("size") ? "1" : undefined;
    await inspectAll(cli, ctx.args, ctx.flags.string("format"), (ref) => cli.client.get<unknown>(`/containers/${ref}/json`, { size }));
    return 0;
  },
};
