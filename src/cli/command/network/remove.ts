/**
 * docker network rm (cli/command/network/remove.go): DELETE /networks/{id} for each;
 * errors go to stderr as they happen and the command ends with `exit status 1`.
 */
import type { NetworkResource } from "../../../engine/daemon/api/types";
import { ApiError } from "../../client/errors";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { confirm, dockerCli } from "../system/dockercli";

const INGRESS_WARNING =
  "WARNING! Before removing the routing-mesh network, make sure all the nodes in your swarm run the same docker engine version. " +
  "Otherwise, removal may not be effective and functionality of newly create ingress networks will be impaired.\nAre you sure you want to continue?";

export const networkRemoveCommand: CommandSpec = {
  use: "rm NETWORK [NETWORK...]",
  short: "Remove one or more networks",
  aliases: ["remove"],
  args: requiresMinArgs(1),
  flags: [{ name: "force", short: "f", kind: "bool", usage: "Do not error if the network does not exist" }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    let status = 0;
    for (const name of ctx.args) {
      const nw = await cli.client.get<NetworkResource>(`/networks/${name}`).catch(() => undefined);
      if (nw?.Ingress && !(await confirm(cli, INGRESS_WARNING))) continue;
      try {
        await cli.client.delete(`/networks/${name}`);
        await cli.out(`${name}\n`);
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        if (ctx.flags.bool("force") && e instanceof ApiError && e.notFound) continue;
        await cli.err(`${e.message}\n`);
        status = 1;
      }
    }
    if (status !== 0) throw new StatusError(`exit status ${status}`, status);
    return 0;
  },
};
