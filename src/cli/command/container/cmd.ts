/**
 * `docker container` and its subcommands (cli/command/container/cmd.go), and the
 * top-level forms (`docker run`, `docker ps`, ...) the command tree lists as well.
 */
import type { CommandSpec } from "../../cobra/command";
import { attachCommand } from "./attach";
import { commitCommand } from "./commit";
import { cpCommand } from "./cp";
import { createCommand } from "./create";
import { diffCommand } from "./diff";
import { execCommand } from "./exec";
import { exportCommand } from "./export";
import { containerInspectCommand } from "./inspect";
import { killCommand } from "./kill";
import { listCommand, psCommand } from "./list";
import { logsCommand } from "./logs";
import { pauseCommand, unpauseCommand } from "./pause";
import { portCommand } from "./port";
import { containerPruneCommand } from "./prune";
import { renameCommand } from "./rename";
import { restartCommand } from "./restart";
import { rmCommand } from "./rm";
import { runCommand } from "./run";
import { startCommand } from "./start";
import { statsCommand } from "./stats";
import { stopCommand } from "./stop";
import { topCommand } from "./top";
import { updateCommand } from "./update";
import { waitCommand } from "./wait";

/** The verbs docker lists at the top level too (`docker stop` = `docker container stop`). */
export const containerVerbs: CommandSpec[] = [
  attachCommand,
  commitCommand,
  cpCommand,
  createCommand,
  diffCommand,
  execCommand,
  exportCommand,
  killCommand,
  logsCommand,
  pauseCommand,
  portCommand,
  psCommand,
  renameCommand,
  restartCommand,
  rmCommand,
  runCommand,
  startCommand,
  statsCommand,
  stopCommand,
  topCommand,
  unpauseCommand,
  updateCommand,
  waitCommand,
];

/** Under `docker container` no verb belongs to the "Common Commands" group. */
const sub = (spec: CommandSpec): CommandSpec => ({ ...spec, group: undefined });

export const containerCommand: CommandSpec = {
  use: "container",
  short: "Manage containers",
  group: "Management Commands",
  subcommands: [...containerVerbs.filter((c) => c !== psCommand).map(sub), listCommand, containerInspectCommand, containerPruneCommand],
};
