/** docker diff (cli/command/container/diff.go): GET /containers/{id}/changes as `C /run`, `A …`, `D …`. */
import type { ContainerChange } from "../../../engine/daemon/api/types";
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath } from "./each";

const KIND = ["C", "A", "D"];

export const diffCommand: CommandSpec = {
  use: "diff CONTAINER",
  short: "Inspect changes to files or directories on a container's filesystem",
  aliasesHelp: "docker container diff, docker diff",
  args: exactArgs(1),
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const changes = (await cli.client.get<ContainerChange[] | null>(containerPath(ctx.args[0], "changes"))) ?? [];
    for (const change of changes) await cli.out(`${KIND[change.Kind]} ${change.Path}\n`);
    return 0;
  },
};
