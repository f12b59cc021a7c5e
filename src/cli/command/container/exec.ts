/**
 * docker exec (cli/command/container/exec.go): POST /containers/{id}/exec, then
 * POST /exec/{id}/start hijacked (or detached with -d), and the exec's exit code from
 * GET /exec/{id}/json.
 */
import type { ContainerInspect, ExecCreateRequest, ExecInspect } from "../../../engine/daemon/api/types";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { dockerCli } from "../system/dockercli";
import { detachKeyBytes, resizeTty, streamAttached } from "./attach-io";
import { containerPath } from "./each";

function envOf(ctx: CommandContext): string[] {
  const proc = dockerCli(ctx).proc;
  const fromFiles = ctx.flags.list("env-file").flatMap((f) =>
    proc.fs
      .readText(proc.resolve(f))
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("#")),
  );
  return [...fromFiles, ...ctx.flags.list("env")].map((v) => (v.includes("=") || proc.env[v] === undefined ? v : `${v}=${proc.env[v]}`));
}

async function runExec(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  const [container, ...cmd] = ctx.args;
  const detach = ctx.flags.bool("detach");
  const tty = ctx.flags.bool("tty");
  const interactive = ctx.flags.bool("interactive");
  const detachKeys = ctx.flags.string("detach-keys");
  detachKeyBytes(detachKeys);
  await cli.client.get<ContainerInspect>(containerPath(container, "json"));
  if (!detach && tty && interactive && !cli.proc.isatty(0)) throw new Error("the input device is not a TTY");
  const term = cli.proc.ttyOf(1);
  const consoleSize: [number, number] | null = tty && term ? [term.rows, term.cols] : null;
  const request: ExecCreateRequest = {
    User: ctx.flags.string("user"),
    Privileged: ctx.flags.bool("privileged"),
    Tty: tty,
    ConsoleSize: consoleSize,
    AttachStdin: interactive && !detach,
    AttachStdout: !detach,
    AttachStderr: !detach,
    DetachKeys: detachKeys,
    Env: envOf(ctx),
    WorkingDir: ctx.flags.string("workdir"),
    Cmd: cmd,
  };
  const created = await cli.client.post<{ Id: string }>(containerPath(container, "exec"), undefined, request);
  if (!created?.Id) throw new Error("exec ID empty");
  const startBody = { Detach: detach, Tty: tty, ConsoleSize: consoleSize };
  if (detach) {
    await cli.client.post(`/exec/${created.Id}/start`, undefined, startBody);
    return 0;
  }
  const conn = await cli.client.hijack(`/exec/${created.Id}/start`, { body: startBody });
  if (tty && cli.proc.isatty(0)) await resizeTty(cli, `/exec/${created.Id}/resize`);
  await streamAttached(cli, conn, { tty, stdin: interactive, detachKeys });
  conn.close();
  const info = await cli.client.get<ExecInspect>(`/exec/${created.Id}/json`);
  const code = info.ExitCode ?? 0;
  if (code !== 0) throw new StatusError("", code);
  return 0;
}

export const execCommand: CommandSpec = {
  use: "exec [OPTIONS] CONTAINER COMMAND [ARG...]",
  short: "Execute a command in a running container",
  aliasesHelp: "docker container exec, docker exec",
  args: requiresMinArgs(2),
  interspersed: false,
  group: "Common Commands",
  flags: [
    { name: "detach-keys", kind: "string", usage: "Override the key sequence for detaching a container" },
    { name: "interactive", short: "i", kind: "bool", usage: "Keep STDIN open even if not attached" },
    { name: "tty", short: "t", kind: "bool", usage: "Allocate a pseudo-TTY" },
    { name: "detach", short: "d", kind: "bool", usage: "Detached mode: run command in the background" },
    { name: "user", short: "u", kind: "string", usage: 'Username or UID (format: "<name|uid>[:<group|gid>]")' },
    { name: "privileged", kind: "bool", usage: "Give extended privileges to the command" },
    { name: "env", short: "e", kind: "list", usage: "Set environment variables" },
    { name: "env-file", kind: "list", usage: "Read in a file of environment variables" },
    { name: "workdir", short: "w", kind: "string", usage: "Working directory inside the container" },
  ],
  run: runExec,
};
