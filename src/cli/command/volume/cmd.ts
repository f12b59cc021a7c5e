/** `docker volume` and its subcommands (cli/command/volume/cmd.go). */
import type { CommandSpec } from "../../cobra/command";
import { volumeCreateCommand } from "./create";
import { volumeInspectCommand } from "./inspect";
import { volumeListCommand } from "./list";
import { volumePruneCommand } from "./prune";
import { volumeRemoveCommand } from "./remove";

export const volumeCommand: CommandSpec = {
  use: "volume COMMAND",
  short: "Manage volumes",
  group: "Management Commands",
  subcommands: [volumeCreateCommand, volumeInspectCommand, volumeListCommand, volumePruneCommand, volumeRemoveCommand],
};
