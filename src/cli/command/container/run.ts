/**
 * docker run / docker container run (cli/command/container/run.go): create (pulling if
 * needed), attach unless -d, wait for the exit, start, stream, and exit with the
 * container's status. Errors of the daemon come back as 125, 126 or 127 (toStatusError).
 */
import type { ContainerCreateRequest } from "../../../engine/daemon/api/types";
import { ConnectionError } from "../../client/errors";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import type { FlagSpec } from "../../flags/value";
import type { SignalProxy } from "../../streams/sigproxy";
import { dockerCli } from "../system/dockercli";
import { attachContainer, detachKeyBytes, resizeTty, startSignalProxy, streamAttached } from "./attach-io";
import { containerConfigOf, createContainer, createOptionsOf, validatePull } from "./create";
import { containerFlags, createOnlyFlags } from "./opts";
import { exitStatus, waitExitOrRemoved } from "./wait-exit";

/** withHelp: the error, a blank line, and the pointer to the command's help. */
export function withHelp(message: string, command: string): string {
  return `docker: ${message}\n\nRun 'docker ${command} --help' for more information`;
}

/**
 * toStatusError: 127 when the command was not found, 126 when it could not be executed,
 * 125 for every other failure of docker itself.
 */
export function toStatusError(err: Error): StatusError {
  const msg = err.message;
  if (
    msg.includes("executable file not found") ||
    msg.includes("no such file or directory") ||
    msg.includes("system cannot find the file specified")
  ) {
    return new StatusError(withHelp(msg, "run"), 127);
  }
  if (msg.includes("permission denied") || msg.includes("is a directory")) return new StatusError(withHelp(msg, "run"), 126);
  return new StatusError(withHelp(msg, "run"), 125);
}

const runFlags: FlagSpec[] = [
  { name: "detach", short: "d", kind: "bool", usage: "Run container in background and print container ID" },
  { name: "sig-proxy", kind: "bool", default: true, usage: "Proxy received signals to the process" },
  { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
  ...createOnlyFlags.map((f) => (f.name === "pull" ? { ...f, usage: 'Pull image before running ("always", "missing", "never")' } : f)),
];

async function runRun(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const flags = ctx.flags;
  let config: ContainerCreateRequest;
  try {
    validatePull(flags.string("pull"));
    config = containerConfigOf(cli, flags, ctx.args);
  } catch (err) {
    throw new StatusError(withHelp((err as Error).message, "run"), 125);
  }
  const detach = flags.bool("detach");
  if (!detach) {
    // Streams.In().CheckTty
    if (config.Tty && config.AttachStdin && !cli.proc.isatty(0)) throw new Error("the input device is not a TTY");
  } else {
    if (flags.list("attach").length > 0) throw new Error("conflicting options: cannot specify both --attach and --detach");
    config = { ...config, AttachStdin: false, AttachStdout: false, AttachStderr: false, StdinOnce: false };
  }
  const detachKeys = flags.string("detach-keys");
  detachKeyBytes(detachKeys);

  let id: string;
  try {
    id = await createContainer(cli, config, createOptionsOf(flags));
  } catch (err) {
    if (err instanceof ConnectionError) throw err;
    throw toStatusError(err as Error);
  }
  const signals: SignalProxy | undefined = flags.bool("sig-proxy") ? startSignalProxy(cli, id) : undefined;
  try {
    return await runContainer(ctx, id, config, detachKeys, signals);
  } finally {
    signals?.stop();
  }
}

async function runContainer(
  ctx: CommandContext,
  id: string,
  config: ContainerCreateRequest,
  detachKeys: string,
  signals: SignalProxy | undefined,
): Promise<number> {
  const cli = dockerCli(ctx);
  const attach = Boolean(config.AttachStdin || config.AttachStdout || config.AttachStderr);
  const conn = attach
    ? await attachContainer(cli, id, {
        stdin: Boolean(config.AttachStdin),
        stdout: Boolean(config.AttachStdout),
        stderr: Boolean(config.AttachStderr),
        detachKeys,
      })
    : undefined;
  const wait = await waitExitOrRemoved(cli, id, Boolean(config.HostConfig?.AutoRemove));
  try {
    await cli.client.post(`/containers/${id}/start`);
  } catch (err) {
    conn?.close();
    wait.conn.close();
    if (err instanceof ConnectionError) throw err;
    throw toStatusError(err as Error);
  }
  if (!conn) {
    wait.conn.close();
    await cli.out(`${id}\n`);
    return 0;
  }
  if (config.Tty && cli.proc.isatty(1)) await resizeTty(cli, `/containers/${id}/resize`);
  const end = await streamAttached(cli, conn, { tty: Boolean(config.Tty), stdin: Boolean(config.AttachStdin), detachKeys, signals });
  conn.close();
  if (end === "detached") {
    // The user typed the detach keys: the container keeps running.
    wait.conn.close();
    return 0;
  }
  return exitStatus(cli, wait);
}

export const runCommand: CommandSpec = {
  use: "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create and run a new container from an image",
  aliasesHelp: "docker container run, docker run",
  args: requiresMinArgs(1),
  interspersed: false,
  group: "Common Commands",
  flags: [...runFlags, ...containerFlags],
  run: runRun,
};
