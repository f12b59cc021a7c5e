/**
 * The whole `docker` command tree in one place (docker/cli cli/command/commands
 * AddCommands): the management commands, then every top-level shortcut.
 */
import { dockerRootCommand } from "../cobra/root";
import { builderCommand, buildxCommand } from "./builder/cmd";
import { containerCommand, containerVerbs } from "./container/cmd";
import { buildCommand, historyCommand, imageCommand, imagesCommand, pullCommand, pushCommand, rmiCommand, tagCommand } from "./image/cmd";
import { networkCommand } from "./network/cmd";
import { loginCommand, logoutCommand, searchCommand } from "./registry/cmd";
import { eventsCommand, infoCommand, inspectCommand, systemCommand, versionCommand } from "./system/cmd";
import { CLIENT_GIT_COMMIT, CLIENT_VERSION } from "./system/version-info";
import { volumeCommand } from "./volume/cmd";

export const dockerCommand = dockerRootCommand(
  [
    // Management commands
    builderCommand,
    containerCommand,
    imageCommand,
    networkCommand,
    buildxCommand,
    systemCommand,
    volumeCommand,
    // Top-level shortcuts
    ...containerVerbs,
    buildCommand,
    historyCommand,
    imagesCommand,
    pullCommand,
    pushCommand,
    rmiCommand,
    tagCommand,
    loginCommand,
    logoutCommand,
    searchCommand,
    versionCommand,
    infoCommand,
    eventsCommand,
    inspectCommand,
  ],
  { version: `${CLIENT_VERSION}, build ${CLIENT_GIT_COMMIT}` },
);
