/**
 * docker start (cli/command/container/start.go): without -a/-i each container is started
 * and its name printed; with them one container is attached, started and followed to its exit.
 */
import type { ContainerInspect } from "../../../engine/daemon/api/types";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { type DockerCli, dockerCli } from "../system/dockercli";
import { attachContainer, detachKeyBytes, resizeTty, startSignalProxy, streamAttached } from "./attach-io";
import { containerPath } from "./each";
import { exitStatus, waitExitOrRemoved } from "./wait-exit";

async function startAttached(cli: DockerCli, name: string, openStdin: boolean, detachKeys: string): Promise<number> {
  const c = await cli.client.get<ContainerInspect>(containerPath(name, "json"));
  const signals = c.Config.Tty ? undefined : startSignalProxy(cli, c.Id);
  try {
    const stdin = openStdin && c.Config.OpenStdin;
    const conn = await attachContainer(cli, c.Id, { stdin, stdout: true, stderr: true, detachKeys });
    const wait = await waitExitOrRemoved(cli, c.Id, c.HostConfig.AutoRemove);
    try {
      await cli.client.post(containerPath(c.Id, "start"));
    } catch (err) {
      conn.close();
      wait.conn.close();
      throw err;
    }
    if (c.Config.Tty && cli.proc.isatty(1)) await resizeTty(cli, containerPath(c.Id, "resize"));
    const end = await streamAttached(cli, conn, { tty: c.Config.Tty, stdin, detachKeys, signals });
    conn.close();
    if (end === "detached") {
      wait.conn.close();
      return 0;
    }
    const status = await exitStatus(cli, wait);
    if (status !== 0) throw new StatusError("", status);
    return 0;
  } finally {
    signals?.stop();
  }
}

async function runStart(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const detachKeys = ctx.flags.string("detach-keys");
  detachKeyBytes(detachKeys);
  const attach = ctx.flags.bool("attach");
  const interactive = ctx.flags.bool("interactive");
  if (attach || interactive) {
    if (ctx.args.length > 1) throw new Error("you cannot start and attach multiple containers at once");
    return startAttached(cli, ctx.args[0], interactive, detachKeys);
  }
  // startContainersWithoutAttachments: the failures are listed, then one summary line.
  const failed: string[] = [];
  for (const name of ctx.args) {
    try {
      await cli.client.post(containerPath(name, "start"));
      await cli.out(`${name}\n`);
    } catch (err) {
      await cli.err(`${(err as Error).message}\n`);
      failed.push(name);
    }
  }
  if (failed.length > 0) throw new Error(`failed to start containers: ${failed.join(", ")}`);
  return 0;
}

export const startCommand: CommandSpec = {
  use: "start [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Start one or more stopped containers",
  aliasesHelp: "docker container start, docker start",
  args: requiresMinArgs(1),
  flags: [
    { name: "attach", short: "a", kind: "bool", usage: "Attach STDOUT/STDERR and forward signals" },
    { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
    { name: "interactive", short: "i", kind: "bool", usage: "Attach container's STDIN" },
    { name: "checkpoint", kind: "string", usage: "Restore from this checkpoint", hidden: true },
    { name: "checkpoint-dir", kind: "string", usage: "Use a custom checkpoint storage directory", hidden: true },
  ],
  run: runStart,
};
