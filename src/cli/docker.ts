/**
 * The `docker` program (docker/cli cmd/docker): builds the DockerCli the commands run
 * against (output streams, the process, the Engine API client for -H / DOCKER_HOST) and
 * executes the command tree with the terminal's width for help text.
 */
import type { Program } from "../engine/kernel/exec";
import type { Process } from "../engine/kernel/process";
import type { ApiClient } from "./client/client";
import { newClient } from "./client/dial";
import { execute } from "./cobra/execute";
import { dockerCommand } from "./command/commands";
import type { DockerCli } from "./command/system/dockercli";

/**
 * The -H/--host global option, read ahead of the command line's full parse because the
 * client is built before the command runs (docker's cli.Initialize does the same order).
 */
export function hostFlag(argv: string[]): string | undefined {
  let host: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("-") || arg === "--") break;
    if (arg === "-H" || arg === "--host") host = argv[++i];
    else if (arg.startsWith("--host=")) host = arg.slice(7);
    else if (/^-H./.test(arg)) host = arg.slice(2).replace(/^=/, "");
    else if (["--config", "-c", "--context", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey"].includes(arg)) i++;
  }
  return host;
}

function newDockerCli(proc: Process, argv: string[]): DockerCli {
  let client: ApiClient | undefined;
  return {
    proc,
    out: (s) => proc.stdout.write(s),
    err: (s) => proc.stderr.write(s),
    get client() {
      client ??= newClient(proc, hostFlag(argv));
      return client;
    },
  };
}

export const docker: Program = async (proc) => {
  const argv = proc.argv.slice(1);
  const cli = newDockerCli(proc, argv);
  const width = proc.ttyOf(1)?.cols;
  return execute(dockerCommand, argv, cli, { width });
};
