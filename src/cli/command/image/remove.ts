/**
 * docker rmi / docker image rm (cli/command/image/remove.go): DELETE /images/{name} for
 * each argument, printing `Untagged:` and `Deleted:` lines; errors are gathered and
 * reported together at the end.
 */
import type { ImageDeleteItem } from "../../../engine/daemon/api/types";
import { ApiError } from "../../client/errors";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { dockerCli } from "../system/dockercli";

export const rmiCommand: CommandSpec = {
  use: "rmi [OPTIONS] IMAGE [IMAGE...]",
  short: "Remove one or more images",
  aliasesHelp: "docker image rm, docker image remove, docker rmi",
  args: requiresMinArgs(1),
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force removal of the image" },
    { name: "no-prune", kind: "bool", usage: "Do not delete untagged parents" },
    {
      name: "platform",
      kind: "stringSlice",
      usage: 'Remove only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
    },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const force = ctx.flags.bool("force");
    const errors: string[] = [];
    let fatal = false;
    for (const img of ctx.args) {
      try {
        const items = await cli.client.delete<ImageDeleteItem[]>(`/images/${img}`, {
          force: force ? "1" : undefined,
          noprune: ctx.flags.bool("no-prune") ? "1" : undefined,
        });
        for (const item of items ?? []) {
          await cli.out(item.Deleted ? `Deleted: ${item.Deleted}\n` : `Untagged: ${item.Untagged}\n`);
        }
      } catch (e) {
        if (!(e instanceof Error)) throw e;
        if (!(e instanceof ApiError && e.notFound)) fatal = true;
        errors.push(e.message);
      }
    }
    if (errors.length === 0) return 0;
    // With --force, images that were not there are only reported, as `rm -f` does.
    if (!force || fatal) throw new StatusError(errors.join("\n"), 1);
    await cli.err(`${errors.join("\n")}\n`);
    return 0;
  },
};

export const imageRemoveCommand: CommandSpec = {
  ...rmiCommand,
  use: "rm [OPTIONS] IMAGE [IMAGE...]",
  aliases: ["rmi", "remove"],
};
