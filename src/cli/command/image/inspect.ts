/**
 * docker image inspect (cli/command/image/inspect.go): GET /images/{name}/json for each
 * argument, printed as an indented JSON array or through --format.
 */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli, INSPECT_FORMAT_HELP, inspectAll } from "../system/dockercli";

export const imageInspectCommand: CommandSpec = {
  use: "inspect [OPTIONS] IMAGE [IMAGE...]",
  short: "Display detailed information on one or more images",
  args: requiresMinArgs(1),
  flags: [
    { name: "format", short: "f", kind: "string", usage: INSPECT_FORMAT_HELP },
    {
      name: "platform",
      kind: "string",
      usage:
        "Inspect a specific platform of the multi-platform image.\nIf the image or the server is not multi-platform capable, the command will error out if the platform does not match.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
    },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    await inspectAll(cli, ctx.args, ctx.flags.string("format"), (ref) => cli.client.get<unknown>(`/images/${ref}/json`));
    return 0;
  },
};
