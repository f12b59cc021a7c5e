/** docker network inspect (cli/command/network/inspect.go): GET /networks/{id} for each. */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli, INSPECT_FORMAT_HELP, inspectAll } from "../system/dockercli";

export const networkInspectCommand: CommandSpec = {
  use: "inspect [OPTIONS] NETWORK [NETWORK...]",
  short: "Display detailed information on one or more networks",
  args: requiresMinArgs(1),
  flags: [
    { name: "format", short: "f", kind: "string", usage: INSPECT_FORMAT_HELP },
    { name: "verbose", short: "v", kind: "bool", usage: "Verbose output for diagnostics" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const verbose = ctx.flags.bool("verbose") ? "true" : undefined;
    await inspectAll(cli, ctx.args, ctx.flags.string("format"), (name) => cli.client.get<unknown>(`/networks/${name}`, { verbose }));
    return 0;
  },
};
