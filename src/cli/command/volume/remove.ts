/**
 * docker volume rm (cli/command/volume/remove.go): DELETE /volumes/{name} for each,
 * printing each removed name; the errors are joined at the end (exit 1).
 */
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { dockerCli } from "../system/dockercli";

export const volumeRemoveCommand: CommandSpec = {
  use: "rm [OPTIONS] VOLUME [VOLUME...]",
  short: "Remove one or more volumes",
  long: "Remove one or more volumes. You cannot remove a volume that is in use by a container.",
  aliases: ["remove"],
  args: requiresMinArgs(1),
  flags: [{ name: "force", short: "f", kind: "bool", usage: "Force the removal of one or more volumes" }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const errors: string[] = [];
    for (const name of ctx.args) {
      try {
        await cli.client.delete(`/volumes/${name}`, { force: ctx.flags.bool("force") ? "1" : undefined });
        await cli.out(`${name}\n`);
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        errors.push(e.message);
      }
    }
    if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
    return 0;
  },
};
