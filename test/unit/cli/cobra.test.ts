// The command tree: help pages (docker/cli cli/cobra.go usageTemplate),
// argument rules (cli/required.go), flag errors (FlagErrorFunc, exit 125)
// and unknown commands (cmd/docker/docker.go), as docker 28/29 prints them.
import { describe, expect, it } from "vitest";
import { exactArgs, noArgs, requiresMinArgs } from "../../../src/cli/cobra/args";
import type { CommandContext, CommandSpec } from "../../../src/cli/cobra/command";
import { StatusError } from "../../../src/cli/cobra/errors";
import { execute } from "../../../src/cli/cobra/execute";
import { dockerRootCommand } from "../../../src/cli/cobra/root";

let last: CommandContext | undefined;
const record = async (ctx: CommandContext) => {
  last = ctx;
  return 0;
};

const run: CommandSpec = {
  use: "run [OPTIONS] IMAGE [COMMAND] [ARG...]",
  short: "Create and run a new container from an image",
  aliasesHelp: "docker container run, docker run",
  group: "Common Commands",
  args: requiresMinArgs(1),
  interspersed: false,
  flags: [
    { name: "detach", short: "d", kind: "bool", usage: "Run container in background and print container ID" },
    { name: "env", short: "e", kind: "list", usage: "Set environment variables" },
    { name: "help", kind: "bool", usage: "Print usage" },
    { name: "hostname", short: "h", kind: "string", usage: "Container host name" },
    { name: "name", kind: "string", usage: "Assign a name to the container" },
    { name: "rm", kind: "bool", usage: "Automatically remove the container and its associated anonymous volumes when it exits" },
  ],
  run: record,
};
const ps: CommandSpec = {
  use: "ps [OPTIONS]",
  short: "List containers",
  aliasesHelp: "docker container ls, docker container list, docker container ps, docker ps",
  group: "Common Commands",
  args: noArgs,
  flags: [
    { name: "all", short: "a", kind: "bool", usage: "Show all containers (default shows just running)" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only display container IDs" },
  ],
  run: record,
};
const kill: CommandSpec = {
  use: "kill [OPTIONS] CONTAINER [CONTAINER...]",
  short: "Kill one or more running containers",
  args: requiresMinArgs(1),
  flags: [{ name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" }],
  run: record,
};
const rename: CommandSpec = { use: "rename CONTAINER NEW_NAME", short: "Rename a container", args: exactArgs(2), run: record };
const container: CommandSpec = {
  use: "container",
  short: "Manage containers",
  subcommands: [
    { ...ps, use: "ls [OPTIONS]", aliases: ["list", "ps"], aliasesHelp: undefined, group: undefined },
    kill,
    rename,
    { ...run, group: undefined },
  ],
};
const service: CommandSpec = {
  use: "service",
  short: "Manage Swarm services",
  group: "Swarm Commands",
  subcommands: [{ use: "ls [OPTIONS]", short: "List services", run: record }],
};
const failing: CommandSpec = {
  use: "wait CONTAINER [CONTAINER...]",
  short: "Block until one or more containers stop, then print their exit codes",
  run: async () => {
    throw new StatusError("Error response from daemon: No such container: x", 1);
  },
};
const root = dockerRootCommand([run, ps, container, service, kill, rename, failing], { version: "28.3.2, build 578ccf6" });

async function docker(...argv: string[]) {
  let out = "";
  let err = "";
  last = undefined;
  const code = await execute(root, argv, {
    out: async (s) => void (out += s),
    err: async (s) => void (err += s),
  });
  return { code, out, err };
}

describe("execute: dispatch", () => {
  it("parses global options before the command and command flags after", async () => {
    const r = await docker("-D", "--host", "tcp://node2:2375", "run", "-d", "--name", "web", "nginx", "-g", "daemon off;");
    expect(r.code).toBe(0);
    expect(last!.args).toEqual(["nginx", "-g", "daemon off;"]);
    expect(last!.flags.bool("detach")).toBe(true);
    expect(last!.flags.string("name")).toBe("web");
    expect(last!.globals.bool("debug")).toBe(true);
    expect(last!.globals.string("host")).toBe("tcp://node2:2375");
    expect(last!.command.path).toBe("docker run");
  });

  it("finds subcommands by alias", async () => {
    await docker("container", "list", "-aq");
    expect(last!.command.path).toBe("docker container ls");
    expect(last!.flags.bool("all")).toBe(true);
  });

  it("passes a command's exit status through", async () => {
    const r = await docker("wait", "x");
    expect(r).toEqual({ code: 1, out: "", err: "Error response from daemon: No such container: x\n" });
  });
});

describe("execute: errors", () => {
  it("reports unknown flags with the usage line, exit 125", async () => {
    const r = await docker("run", "--foo", "nginx");
    expect(r.code).toBe(125);
    expect(r.err).toBe(
      "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n",
    );
  });

  it("reports unknown global flags against the root", async () => {
    const r = await docker("--foo", "ps");
    expect(r.code).toBe(125);
    expect(r.err).toBe("unknown flag: --foo\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n");
  });

  it("rejects global options after the command", async () => {
    const r = await docker("ps", "--debug");
    expect(r.err.split("\n")[0]).toBe("unknown flag: --debug");
  });

  it("reports unknown shorthands and missing values", async () => {
    expect((await docker("ps", "-z")).err.split("\n")[0]).toBe("unknown shorthand flag: 'z' in -z");
    expect((await docker("kill", "-s")).err.split("\n")[0]).toBe("flag needs an argument: 's' in -s");
  });

  it("reports missing arguments as cli/required.go does, exit 1", async () => {
    const r = await docker("run");
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
    );
    const r2 = await docker("container", "rename", "a");
    expect(r2.err).toBe(
      "docker: 'docker container rename' requires 2 arguments\n\nUsage:  docker container rename CONTAINER NEW_NAME\n\nRun 'docker container rename --help' for more information\n",
    );
    const r3 = await docker("ps", "x");
    expect(r3.err).toBe(
      "docker: 'docker ps' accepts no arguments\n\nUsage:  docker ps [OPTIONS]\n\nRun 'docker ps --help' for more information\n",
    );
  });

  it("reports unknown commands", async () => {
    const r = await docker("contianer", "ls");
    expect(r).toEqual({ code: 1, out: "", err: "docker: unknown command: docker contianer\n\nRun 'docker --help' for more information\n" });
    const r2 = await docker("container", "foo");
    expect(r2.code).toBe(1);
    expect(r2.err).toBe(
      "docker: unknown command: docker container foo\n\nUsage:  docker container\n\nRun 'docker container --help' for more information\n",
    );
  });
});

describe("help", () => {
  it("prints a command's help on --help, exit 0", async () => {
    const r = await docker("container", "kill", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "Usage:  docker container kill [OPTIONS] CONTAINER [CONTAINER...]",
        "",
        "Kill one or more running containers",
        "",
        "Options:",
        "  -s, --signal string   Signal to send to the container",
        "",
      ].join("\n"),
    );
  });

  it("shows aliases and run's own --help (no -h: that is --hostname)", async () => {
    const r = await docker("run", "--help");
    expect(r.out).toBe(
      [
        "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]",
        "",
        "Create and run a new container from an image",
        "",
        "Aliases:",
        "  docker container run, docker run",
        "",
        "Options:",
        "  -d, --detach            Run container in background and print container ID",
        "  -e, --env list          Set environment variables",
        "      --help              Print usage",
        "  -h, --hostname string   Container host name",
        "      --name string       Assign a name to the container",
        // pflag wraps at 79 - 26 - 5 (slop) = 48 columns of text.
        "      --rm                Automatically remove the container and its",
        "                          associated anonymous volumes when it exits",
        "",
      ].join("\n"),
    );
    await docker("run", "-h", "box", "alpine");
    expect(last!.flags.string("hostname")).toBe("box");
  });

  it("derives aliases from the tree when no annotation is given", async () => {
    const r = await docker("container", "ls", "--help");
    expect(r.out).toContain("Aliases:\n  docker container ls, docker container list, docker container ps\n");
  });

  it("-h still shows help, after pflag's deprecation notice", async () => {
    const r = await docker("ps", "-h");
    expect(r.code).toBe(0);
    expect(r.out.startsWith("Flag shorthand -h has been deprecated, use --help\nUsage:  docker ps [OPTIONS]\n")).toBe(true);
  });

  it("prints a management command's help on stderr when given no subcommand", async () => {
    const r = await docker("container");
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      [
        "Usage:  docker container COMMAND",
        "",
        "Manage containers",
        "",
        "Commands:",
        "  kill        Kill one or more running containers",
        "  ls          List containers",
        "  rename      Rename a container",
        "  run         Create and run a new container from an image",
        "",
        "Run 'docker container COMMAND --help' for more information on a command.",
        "",
      ].join("\n"),
    );
  });

  it("prints the top-level help with its sections", async () => {
    const r = await docker("--help");
    expect(r.code).toBe(0);
    const head = [
      "Usage:  docker [OPTIONS] COMMAND",
      "",
      "A self-sufficient runtime for containers",
      "",
      "Common Commands:",
      "  run         Create and run a new container from an image",
      "  ps          List containers",
      "",
      "Management Commands:",
      "  container   Manage containers",
      "",
      "Swarm Commands:",
      "  service     Manage Swarm services",
      "",
      "Commands:",
      "  kill        Kill one or more running containers",
      "  rename      Rename a container",
      "  wait        Block until one or more containers stop, then print their exit codes",
      "",
      "Global Options:",
      "      --config string      Location of client config files (default",
    ].join("\n");
    expect(r.out.startsWith(head)).toBe(true);
    expect(
      r.out.endsWith(
        [
          "  -v, --version            Print version information and quit",
          "",
          "Run 'docker COMMAND --help' for more information on a command.",
          "",
          "For more help on how to use Docker, head to https://docs.docker.com/go/guides/",
          "",
        ].join("\n"),
      ),
    ).toBe(true);
    const bare = await docker();
    expect(bare.out).toBe("");
    expect(bare.err).toBe(r.out);
  });

  it("answers help topics and --version", async () => {
    expect((await docker("help", "container", "kill")).out).toContain("Usage:  docker container kill");
    expect(await docker("help", "nope")).toEqual({ code: 1, out: "", err: "unknown help topic: nope\n" });
    expect(await docker("--version")).toEqual({ code: 0, out: "Docker version 28.3.2, build 578ccf6\n", err: "" });
    expect(await docker("-v")).toEqual({ code: 0, out: "Docker version 28.3.2, build 578ccf6\n", err: "" });
  });
});
