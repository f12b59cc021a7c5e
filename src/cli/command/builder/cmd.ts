/**
 * docker buildx, the BuildKit client plugin (buildx commands/root.go), and docker builder,
 * which docker hands to buildx whole when BuildKit is the default builder (docker/cli
 * cmd/docker/builder.go forwardBuilder: `builder` becomes `buildx`, shown as
 * `docker builder`).
 */
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { buildCommand } from "../image/build";
import { duCommand } from "./du";
import { inspectCommand } from "./inspect";
import { lsCommand } from "./ls";
import { pruneCommand } from "./prune";
import { versionCommand } from "./version";

/** buildx's hint under its help while experimental commands are off. */
const EXPERIMENTAL_HINT = "Experimental commands and flags are hidden. Set BUILDX_EXPERIMENTAL=1 to show them.";

function buildxTree(use: string, short: string): CommandSpec {
  return {
    use,
    short,
    long: "Extended build capabilities with BuildKit",
    additionalHelp: EXPERIMENTAL_HINT,
    persistentFlags: [
      { name: "builder", kind: "string", usage: "Override the configured builder instance" },
      { name: "debug", short: "D", kind: "bool", usage: "Enable debug logging" },
    ],
    // buildx's root RunE: its help, and for a word that names no command, an error after it.
    args: () => undefined,
    run: async (ctx) => {
      await ctx.showHelp("out");
      if (ctx.args.length === 0) return 0;
      throw new StatusError(`ERROR: unknown command: ${JSON.stringify(ctx.args[0])}`, 1);
    },
    subcommands: [
      { ...buildCommand, group: undefined, aliases: ["b"], short: "Start a build" },
      duCommand,
      inspectCommand,
      lsCommand,
      pruneCommand,
      versionCommand,
    ],
  };
}

export const buildxCommand: CommandSpec = { ...buildxTree("buildx", "Docker Buildx"), plugin: true, group: "Management Commands" };

export const builderCommand: CommandSpec = { ...buildxTree("builder", "Manage builds"), group: "Management Commands" };
