/** docker volume inspect (cli/command/volume/inspect.go): GET /volumes/{name} for each. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli, INSPECT_FORMAT_HELP, inspectAll } from "../system/dockercli";

export const volumeInspectCommand: CommandSpec = {
  use: "inspect [OPTIONS] VOLUME [VOLUME...]",
  short: "Display detailed information on one or more volumes",
  args: requiresMinArgs(1),
  flags: [{ name: "format", short: "f", kind: "string", usage: INSPECT_FORMAT_HELP }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    await inspectAll(cli, ctx.args, ctx.flags.string("format"), (name) => cli.client.get<unknown>(`/volumes/${name}`));
    return 0;
  },
};
