/** `docker network` and its subcommands (cli/command/network/cmd.go). */
import type { CommandSpec } from "../../cobra/command";
import { networkConnectCommand } from "./connect";
import { networkCreateCommand } from "./create";
import { networkDisconnectCommand } from "./disconnect";
import { networkInspectCommand } from "./inspect";
import { networkListCommand } from "./list";
import { networkPruneCommand } from "./prune";
import { networkRemoveCommand } from "./remove";

export const networkCommand: CommandSpec = {
  use: "network",
  short: "Manage networks",
  group: "Management Commands",
  subcommands: [
    networkConnectCommand,
    networkCreateCommand,
    networkDisconnectCommand,
    networkInspectCommand,
    networkListCommand,
    networkPruneCommand,
    networkRemoveCommand,
  ],
};
