/**
 * docker rm (cli/command/container/rm.go): DELETE /containers/{id} for each; with
 * --force a container that does not exist is not an error.
 */
import { ApiError } from "../../client/errors";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { dockerCli } from "../system/dockercli";
import { containerPath } from "./each";

export const rmCommand: CommandSpec = {
  use: "rm [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Remove one or more containers",
  aliases: ["remove"],
  aliasesHelp: "docker container rm, docker container remove, docker rm",
  args: requiresMinArgs(1),
  flags: [
    { name: "force", short: "f", kind: "bool", usage: "Force the removal of a running container (uses SIGKILL)" },
    { name: "link", short: "l", kind: "bool", usage: "Remove the specified link" },
    { name: "volumes", short: "v", kind: "bool", usage: "Remove anonymous volumes associated with the container" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const force = ctx.flags.bool("force");
    const errors: string[] = [];
    for (const name of ctx.args) {
      const id = name.replace(/^\/+|\/+$/g, "");
      try {
        if (id === "") throw new Error("container name cannot be empty");
        await cli.client.delete(containerPath(id), {
          force: force || undefined,
          v: ctx.flags.bool("volumes") || undefined,
          link: ctx.flags.bool("link") || undefined,
        });
        await cli.out(`${name}\n`);
      } catch (err) {
        if (force && err instanceof ApiError && err.notFound) continue;
        errors.push((err as Error).message);
      }
    }
    if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
    return 0;
  },
};
