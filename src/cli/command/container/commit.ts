/** docker commit (cli/command/container/commit.go): POST /commit, printing the new image's ID. */
import { requiresRangeArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";

export const commitCommand: CommandSpec = {
  use: "commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
  short: "Create a new image from a container's changes",
  aliasesHelp: "docker container commit, docker commit",
  args: requiresRangeArgs(1, 2),
  flags: [
    { name: "author", short: "a", kind: "string", usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { name: "change", short: "c", kind: "list", usage: "Apply Dockerfile instruction to the created image" },
    { name: "message", short: "m", kind: "string", usage: "Commit message" },
    { name: "pause", short: "p", kind: "bool", default: true, usage: "Pause container during commit" },
    { name: "no-pause", kind: "bool", usage: "Disable pausing container during commit", hidden: true },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const [container, reference] = ctx.args;
    let repo: string | undefined;
    let tag: string | undefined;
    if (reference) {
      const colon = reference.lastIndexOf(":");
      const hasTag = colon > reference.lastIndexOf("/");
      repo = hasTag ? reference.slice(0, colon) : reference;
      tag = hasTag ? reference.slice(colon + 1) : undefined;
    }
    const pause = ctx.flags.bool("pause") && !ctx.flags.bool("no-pause");
    const res = await cli.client.post<{ Id: string }>(
      "/commit",
      {
        container,
        repo,
        tag,
        comment: ctx.flags.string("message") || undefined,
        author: ctx.flags.string("author") || undefined,
        changes: ctx.flags.list("change"),
        pause,
      },
      {},
    );
    await cli.out(`${res.Id}\n`);
    return 0;
  },
};
