/**
 * docker attach (cli/command/container/attach.go): the running container's streams on
 * this terminal. The detach keys end it with "read escape sequence"; otherwise it ends
 * with the container and exits with its status.
 */
import type { ContainerInspect } from "../../../engine/daemon/api/types";
import { exactArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { ESCAPE_MESSAGE } from "../../streams/escape";
import { type DockerCli, dockerCli } from "../system/dockercli";
import { attachContainer, detachKeyBytes, resizeTty, startSignalProxy, streamAttached } from "./attach-io";
import { containerPath } from "./each";
import { exitStatus, waitExitOrRemoved } from "./wait-exit";

/** inspectContainerAndCheckState. */
async function inspectRunning(cli: DockerCli, name: string): Promise<ContainerInspect> {
  const c = await cli.client.get<ContainerInspect>(containerPath(name, "json"));
  if (!c.State.Running) throw new Error("cannot attach to a stopped container, start it first");
  if (c.State.Paused) throw new Error("cannot attach to a paused container, unpause it first");
  if (c.State.Restarting) throw new Error("cannot attach to a restarting container, wait until it is running");
  return c;
}

async function runAttach(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const detachKeys = ctx.flags.string("detach-keys");
  detachKeyBytes(detachKeys);
  const name = ctx.args[0];
  const wait = await waitExitOrRemoved(cli, name, false);
  try {
    const c = await inspectRunning(cli, name);
    const wantStdin = !ctx.flags.bool("no-stdin");
    if (wantStdin && c.Config.Tty && !cli.proc.isatty(0)) throw new Error("the input device is not a TTY");
    const stdin = wantStdin && c.Config.OpenStdin;
    const signals = ctx.flags.bool("sig-proxy") && !c.Config.Tty ? startSignalProxy(cli, c.Id) : undefined;
    try {
      const conn = await attachContainer(cli, c.Id, { stdin, stdout: true, stderr: true, detachKeys });
      await inspectRunning(cli, c.Id);
      if (c.Config.Tty && cli.proc.isatty(1)) await resizeTty(cli, containerPath(c.Id, "resize"));
      const end = await streamAttached(cli, conn, { tty: c.Config.Tty, stdin, detachKeys, signals });
      conn.close();
      if (end === "detached") throw new StatusError(ESCAPE_MESSAGE, 1);
    } finally {
      signals?.stop();
    }
    const status = await exitStatus(cli, wait);
    if (status !== 0) throw new StatusError("", status);
    return 0;
  } finally {
    wait.conn.close();
  }
}

export const attachCommand: CommandSpec = {
  use: "attach [OPTIONS] CONTAINER",
  short: "Attach local standard input, output, and error streams to a running container",
  aliasesHelp: "docker container attach, docker attach",
  args: exactArgs(1),
  flags: [
    { name: "no-stdin", kind: "bool", usage: "Do not attach STDIN" },
    { name: "sig-proxy", kind: "bool", default: true, usage: "Proxy all received signals to the process" },
    { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
  ],
  run: runAttach,
};
