/**
 * docker inspect (cli/command/system/inspect.go): each NAME|ID looked up as a container,
 * an image, a network, a volume, then (on a swarm manager) a service, task or node, a
 * plugin, a secret and a config; the first kind that knows the name answers.
 */
import { ApiError } from "../../client/errors";
import { requiresMinArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { type DockerCli, dockerCli, INSPECT_FORMAT_HELP, inspectAll } from "./dockercli";

/** allTypes, in the order docker lists them in its messages. */
const ALL_TYPES = ["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"];

interface Inspector {
  type: string;
  sizeSupported?: boolean;
  swarm?: boolean;
  path: (ref: string) => string;
}

/** inspectAutodetect: the order docker tries the kinds of object in. */
const AUTODETECT: Inspector[] = [
  { type: "container", sizeSupported: true, path: (ref) => `/containers/${ref}/json` },
  { type: "image", path: (ref) => `/images/${ref}/json` },
  { type: "network", path: (ref) => `/networks/${ref}` },
  { type: "volume", path: (ref) => `/volumes/${ref}` },
  { type: "service", swarm: true, path: (ref) => `/services/${ref}` },
  { type: "task", swarm: true, path: (ref) => `/tasks/${ref}` },
  { type: "node", swarm: true, path: (ref) => `/nodes/${ref}` },
  { type: "plugin", path: (ref) => `/plugins/${ref}/json` },
  { type: "secret", swarm: true, path: (ref) => `/secrets/${ref}` },
  { type: "config", swarm: true, path: (ref) => `/configs/${ref}` },
];

/** isErrSkippable: a miss of one kind sends docker on to the next kind. */
function skippable(e: unknown): boolean {
  if (e instanceof ApiError && e.notFound) return true;
  const message = e instanceof Error ? e.message : "";
  return message.includes("not supported") || message.includes("invalid reference format");
}

const quotedTypes = `"${ALL_TYPES.join('", "')}"`;

export const inspectCommand: CommandSpec = {
  use: "inspect [OPTIONS] NAME|ID [NAME|ID...]",
  short: "Return low-level information on Docker objects",
  args: requiresMinArgs(1),
  flags: [
    { name: "format", short: "f", kind: "string", usage: INSPECT_FORMAT_HELP },
    { name: "size", short: "s", kind: "bool", usage: "Display total file sizes if the type is container" },
    { name: "type", kind: "string", usage: "Only inspect objects of the given type" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const type = ctx.flags.string("type");
    if (ctx.flags.changed("type") && type === "") throw new Error(`type is empty: must be one of ${quotedTypes}`);
    if (type !== "" && !ALL_TYPES.includes(type)) throw new Error(`unknown type: "${type}": must be one of ${quotedTypes}`);
    const size = ctx.flags.bool("size");
    await inspectAll(cli, ctx.args, ctx.flags.string("format"), findObject(cli, type, size));
    return 0;
  },
};

/** inspectAll's element searcher: swarm kinds are asked for only when the daemon manages a swarm. */
function findObject(cli: DockerCli, type: string, size: boolean): (ref: string) => Promise<unknown> {
  let swarmManager: boolean | undefined;
  const isSwarmManager = async (): Promise<boolean> => {
    try {
      const info = await cli.client.get<{ Swarm?: { ControlAvailable?: boolean } }>("/info");
      return info.Swarm?.ControlAvailable === true;
    } catch (e) {
      await cli.err(`${(e as Error).message}\n`);
      return false;
    }
  };
  return async (ref) => {
    for (const kind of AUTODETECT) {
      if (type !== "" && kind.type !== type) continue;
      if (type === "" && kind.swarm) {
        swarmManager ??= await isSwarmManager();
        if (!swarmManager) continue;
      }
      let element: unknown;
      try {
        element = await cli.client.get<unknown>(kind.path(ref), kind.sizeSupported && size ? { size: "1" } : undefined);
      } catch (e) {
        if (type === "" && skippable(e)) continue;
        throw e;
      }
      if (size && !kind.sizeSupported) await cli.err(`WARNING: --size ignored for ${kind.type}\n`);
      return element;
    }
    throw new Error(`error: no such object: ${ref}`);
  };
}
