/**
 * docker pull / docker image pull (cli/command/image/pull.go): POST /images/create with
 * fromImage and tag, the JSON progress stream displayed as jsonmessage does, then the
 * full reference (`docker.io/library/ubuntu:latest`).
 */
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { registryAuthHeader } from "../registry/auth";
import { bodyChunks, type DockerCli, dockerCli, nowMs, outIsTerminal, outWidth } from "../system/dockercli";
import { decodeJsonStream, displayJsonMessages } from "./jsonmessage";
import { isNameOnly, type NamedReference, parseNormalizedNamed, referenceName, referenceString, tagNameOnly } from "./reference";

export interface PullOptions {
  all?: boolean;
  quiet?: boolean;
  platform?: string;
  /** false for `docker run`/`create`, which pull without the closing reference line. */
  printReference?: boolean;
}

/**
 * runPull: also what `docker run` and `docker create` do for an image that is not there
 * (they print to stderr; pass `write` for that).
 */
export async function pullImage(
  cli: DockerCli,
  remote: string,
  opts: PullOptions = {},
  write: (s: string) => Promise<void> = (s) => cli.out(s),
): Promise<void> {
  let ref: NamedReference = parseNormalizedNamed(remote);
  if (opts.all && !isNameOnly(ref)) throw new Error("tag can't be used with --all-tags/-a");
  if (!opts.all && isNameOnly(ref)) {
    ref = tagNameOnly(ref);
    if (!opts.quiet) await write(`Using default tag: ${ref.tag}\n`);
  }
  const res = await cli.client.stream("POST", "/images/create", {
    query: {
      fromImage: referenceName(ref),
      // ImagePull sends the tag, or the digest, as `tag`; nothing for --all-tags.
      tag: opts.all ? undefined : (ref.digest ?? ref.tag),
      platform: opts.platform || undefined,
    },
    headers: await registryAuthHeader(cli, ref.domain),
  });
  const messages = decodeJsonStream(bodyChunks(res));
  const isTerminal = outIsTerminal(cli);
  await displayJsonMessages(messages, {
    write: opts.quiet ? () => {} : write,
    isTerminal,
    width: outWidth(cli) || 200,
    now: () => nowMs(cli) / 1000,
  });
  if (opts.printReference !== false) await write(`${referenceString(ref)}\n`);
}

export const pullCommand: CommandSpec = {
  use: "pull [OPTIONS] NAME[:TAG|@DIGEST]",
  short: "Download an image from a registry",
  aliasesHelp: "docker image pull, docker pull",
  args: exactArgs(1),
  group: "Common Commands",
  flags: [
    { name: "all-tags", short: "a", kind: "bool", usage: "Download all tagged images in the repository" },
    { name: "disable-content-trust", kind: "bool", default: true, usage: "Skip image verification" },
    { name: "platform", kind: "string", usage: "Set platform if server is multi-platform capable" },
    { name: "quiet", short: "q", kind: "bool", usage: "Suppress verbose output" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    await pullImage(cli, ctx.args[0] ?? "", {
      all: ctx.flags.bool("all-tags"),
      quiet: ctx.flags.bool("quiet"),
      platform: ctx.flags.string("platform"),
    });
    return 0;
  },
};

export const imagePullCommand: CommandSpec = { ...pullCommand, use: "pull [OPTIONS] NAME[:TAG|@DIGEST]", group: undefined };
