/**
 * docker create / docker container create (cli/command/container/create.go): the run
 * flags turned into POST /containers/create, pulling the image first when the daemon
 * does not have it ("Unable to find image 'ubuntu:latest' locally").
 */
import type { ContainerCreateRequest } from "../../../engine/daemon/api/types";
import { ApiError } from "../../client/errors";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec, FlagValues } from "../../cobra/command";
import { StatusError } from "../../cobra/errors";
import { type DockerCli, dockerCli } from "../system/dockercli";
import { parseContainerFlags } from "./config";
import { containerFlags, createOnlyFlags } from "./opts";
import { familiarImage, pullImage } from "./pull";

export interface CreateOptions {
  name: string;
  pull: string;
  quiet: boolean;
  platform: string;
}

interface CreateResponse {
  Id: string;
  Warnings: string[] | null;
}

export function createOptionsOf(flags: FlagValues): CreateOptions {
  return { name: flags.string("name"), pull: flags.string("pull"), quiet: flags.bool("quiet"), platform: flags.string("platform") };
}

/** validatePullOpt. */
export function validatePull(pull: string): void {
  if (!["always", "missing", "never", ""].includes(pull)) {
    throw new Error(`invalid pull option: '${pull}': must be one of "always", "missing" or "never"`);
  }
}

/** opts.go's parse with the command's flags, reading env files from the CLI's filesystem. */
export function containerConfigOf(cli: DockerCli, flags: FlagValues, args: string[]): ContainerCreateRequest {
  const proc = cli.proc;
  return parseContainerFlags(flags, args[0], args.slice(1), {
    env: proc.env,
    cwd: proc.cwd,
    readFile: (path) => proc.fs.readText(proc.resolve(path)),
  });
}

/** Only an image reference (not an ID) can be pulled. */
function isPullable(image: string): boolean {
  return !/^(sha256:)?[0-9a-f]{64}$/.test(image);
}

/** create.go's createContainer: returns the new container's ID. */
export async function createContainer(cli: DockerCli, config: ContainerCreateRequest, options: CreateOptions): Promise<string> {
  const image = config.Image ?? "";
  const quiet = options.quiet;
  const cidFile = config.HostConfig?.ContainerIDFile ?? "";
  if (cidFile !== "" && cli.proc.fs.exists(cli.proc.resolve(cidFile))) {
    throw new Error(`container ID file found, make sure the other container isn't running or delete ${cidFile}`);
  }
  if (options.pull === "always") await pullImage(cli, image, quiet, options.platform);
  const tty = cli.proc.ttyOf(1);
  const body: ContainerCreateRequest = {
    ...config,
    HostConfig: { ...config.HostConfig, ConsoleSize: [tty?.rows ?? 0, tty?.cols ?? 0] },
  };
  const query = { name: options.name || undefined, platform: options.platform || undefined };
  let response: CreateResponse;
  try {
    response = await cli.client.post<CreateResponse>("/containers/create", query, body);
  } catch (err) {
    if (!(err instanceof ApiError && err.notFound && options.pull === "missing" && isPullable(image))) throw err;
    if (!quiet) await cli.err(`Unable to find image '${familiarImage(image)}' locally\n`);
    await pullImage(cli, image, quiet, options.platform);
    response = await cli.client.post<CreateResponse>("/containers/create", query, body);
  }
  for (const warning of response.Warnings ?? []) await cli.err(`WARNING: ${warning}\n`);
  if (cidFile !== "") cli.proc.fs.writeFile(cli.proc.resolve(cidFile), response.Id);
  return response.Id;
}

async function runCreate(ctx: CommandContext): Promise<number> {
  const cli = dockerCli(ctx);
  let config: ContainerCreateRequest;
  try {
    validatePull(ctx.flags.string("pull"));
    config = containerConfigOf(cli, ctx.flags, ctx.args);
  } catch (err) {
    throw new StatusError(`docker: ${(err as Error).message}\n\nRun 'docker create --help' for more information`, 125);
  }
  const id = await createContainer(cli, config, createOptionsOf(ctx.flags));
  await cli.out(`${id}\n`);
  return 0;
}

export const createCommand: CommandSpec = {
  use: "create [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create a new container",
  aliasesHelp: "docker container create, docker create",
  args: requiresMinArgs(1),
  interspersed: false,
  flags: [...createOnlyFlags, ...containerFlags],
  run: runCreate,
};
