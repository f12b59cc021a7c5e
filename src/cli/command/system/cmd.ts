/** `docker system` and its subcommands (cli/command/system/cmd.go). */
import type { CommandSpec } from "../../cobra/command";
import { dfCommand } from "./df";
import { eventsCommand } from "./events";
import { infoCommand } from "./info";
import { systemPruneCommand } from "./prune";

export { eventsCommand } from "./events";
export { infoCommand } from "./info";
export { inspectCommand } from "./inspect";
export { ROOT_VERSION, versionCommand, versionString } from "./version";

export const systemCommand: CommandSpec = {
  use: "system",
  short: "Manage Docker",
  group: "Management Commands",
  subcommands: [dfCommand, { ...eventsCommand, group: undefined }, { ...infoCommand, group: undefined }, systemPruneCommand],
};
