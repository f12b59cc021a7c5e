/**
 * `docker image` and its subcommands (cli/command/image/cmd.go), and the top-level
 * shortcuts (images, pull, push, rmi, tag, history) the command tree lists.
 */
import type { CommandSpec } from "../../cobra/command";
import { imageBuildCommand } from "./build";
import { historyCommand } from "./history";
import { imageInspectCommand } from "./inspect";
import { imageListCommand } from "./list";
import { imagePruneCommand } from "./prune";
import { imagePullCommand } from "./pull";
import { imagePushCommand } from "./push";
import { imageRemoveCommand } from "./remove";
import { imageTagCommand } from "./tag";

export { buildCommand } from "./build";
export { historyCommand } from "./history";
export { imagesCommand } from "./list";
export { pullCommand } from "./pull";
export { pushCommand } from "./push";
export { rmiCommand } from "./remove";
export { tagCommand } from "./tag";

/** The subcommands of `docker image` (import, load and save are not modelled). */
export const imageCommands: CommandSpec[] = [
  imageBuildCommand,
  historyCommand,
  imageInspectCommand,
  imageListCommand,
  imagePruneCommand,
  imagePullCommand,
  imagePushCommand,
  imageRemoveCommand,
  imageTagCommand,
];

export const imageCommand: CommandSpec = {
  use: "image",
  short: "Manage images",
  group: "Management Commands",
  subcommands: imageCommands,
};
