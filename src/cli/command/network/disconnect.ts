/** docker network disconnect (cli/command/network/disconnect.go): POST /networks/{id}/disconnect. */
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";

export const networkDisconnectCommand: CommandSpec = {
  use: "disconnect [OPTIONS] NETWORK CONTAINER",
  short: "Disconnect a container from a network",
  args: exactArgs(2),
  flags: [{ name: "force", short: "f", kind: "bool", usage: "Force the container to disconnect from a network" }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const [network = "", container = ""] = ctx.args;
    await cli.client.post(`/networks/${network}/disconnect`, undefined, { Container: container, Force: ctx.flags.bool("force") });
    return 0;
  },
};
