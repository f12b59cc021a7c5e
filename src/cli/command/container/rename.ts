/** docker rename (cli/command/container/rename.go): POST /containers/{id}/rename?name=…. */
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { containerPath } from "./each";

export const renameCommand: CommandSpec = {
  use: "rename CONTAINER NEW_NAME",
  short: "Rename a container",
  aliasesHelp: "docker container rename, docker rename",
  args: exactArgs(2),
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const [oldName, newName] = ctx.args.map((a) => a.trim());
    if (oldName === "" || newName === "") throw new Error("Error: Neither old nor new names may be empty");
    await cli.client.post(containerPath(oldName, "rename"), { name: newName });
    return 0;
  },
};
