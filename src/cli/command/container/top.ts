/** docker top (cli/command/container/top.go): GET /containers/{id}/top as a tab-aligned table. */
import type { ContainerTopResponse } from "../../../engine/daemon/api/types";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { TabWriter } from "../../formatter/tabwriter";
import { dockerCli } from "../system/dockercli";
import { containerPath } from "./each";

export const topCommand: CommandSpec = {
  use: "top CONTAINER [ps OPTIONS]",
  short: "Display the running processes of a container",
  aliasesHelp: "docker container top, docker top",
  args: requiresMinArgs(1),
  interspersed: false,
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const [name, ...psArgs] = ctx.args;
    const top = await cli.client.get<ContainerTopResponse>(containerPath(name, "top"), {
      ps_args: psArgs.length > 0 ? psArgs.join(" ") : undefined,
    });
    // tabwriter.NewWriter(dockerCli.Out(), 20, 1, 3, ' ', 0)
    const w = new TabWriter({ minwidth: 20, tabwidth: 1, padding: 3, padchar: " " });
    w.write(`${top.Titles.join("\t")}\n`);
    for (const proc of top.Processes) w.write(`${proc.join("\t")}\n`);
    await cli.out(w.flush());
    return 0;
  },
};
