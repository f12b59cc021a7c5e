/** docker wait (cli/command/container/wait.go): blocks until each container stops, printing its exit code. */
import type { ContainerWaitResponse } from "../../../engine/daemon/api/types";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { dockerCli } from "../system/dockercli";
import { containerPath } from "./each";

export const waitCommand: CommandSpec = {
  use: "wait CONTAINER [CONTAINER...]",
  short: "Block until one or more containers stop, then print their exit codes",
  aliasesHelp: "docker container wait, docker wait",
  args: requiresMinArgs(1),
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const errors: string[] = [];
    for (const name of ctx.args) {
      try {
        const res = await cli.client.post<ContainerWaitResponse>(containerPath(name, "wait"));
        await cli.out(`${res.StatusCode}\n`);
      } catch (err) {
        errors.push((err as Error).message);
      }
    }
    if (errors.length > 0) throw new StatusError(errors.join("\n"), 1);
    return 0;
  },
};
