// The `docker` root command (cmd/docker/docker.go newDockerCommand): global
// options, --version, and the help page's closing line. Subcommands come
// from the command tree in src/cli/command.
import { globalFlags } from "../flags/global";
import type { CommandSpec } from "./command";

export interface RootOptions {
  /** "28.3.2, build 578ccf6": the text after "Docker version ". */
  version: string;
  configDir?: string;
}

export function dockerRootCommand(subcommands: CommandSpec[], options: RootOptions): CommandSpec {
  return {
    use: "docker [OPTIONS] COMMAND [ARG...]",
    short: "A self-sufficient runtime for containers",
    flags: globalFlags(options.configDir),
    version: options.version,
    additionalHelp: "For more help on how to use Docker, head to https://docs.docker.com/go/guides/",
    subcommands,
  };
}
