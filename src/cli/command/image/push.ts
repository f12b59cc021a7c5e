/**
 * docker push / docker image push (cli/command/image/push.go): POST /images/{name}/push
 * with the tag, the daemon's progress stream displayed as jsonmessage does.
 */
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { registryAuthHeader } from "../registry/auth";
import { bodyChunks, dockerCli, nowMs, outIsTerminal, outWidth } from "../system/dockercli";
import { decodeJsonStream, displayJsonMessages } from "./jsonmessage";
import { isNameOnly, parseNormalizedNamed, referenceName, referenceString, tagNameOnly } from "./reference";

export const pushCommand: CommandSpec = {
  use: "push [OPTIONS] NAME[:TAG]",
  short: "Upload an image to a registry",
  aliasesHelp: "docker image push, docker push",
  args: exactArgs(1),
  group: "Common Commands",
  flags: [
    { name: "all-tags", short: "a", kind: "bool", usage: "Push all tags of an image to the repository" },
    { name: "disable-content-trust", kind: "bool", default: true, usage: "Skip image signing" },
    {
      name: "platform",
      kind: "string",
      usage:
        "Push a platform-specific manifest as a single-platform image to the registry.\nImage index won't be pushed, meaning that other manifests, including attestations won't be preserved.\n'os[/arch[/variant]]': Explicit platform (eg. linux/amd64)",
    },
    { name: "quiet", short: "q", kind: "bool", usage: "Suppress verbose output" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const all = ctx.flags.bool("all-tags");
    const quiet = ctx.flags.bool("quiet");
    let ref = parseNormalizedNamed(ctx.args[0] ?? "");
    if (all && !isNameOnly(ref)) throw new Error("tag can't be used with --all-tags/-a");
    if (!all && isNameOnly(ref)) {
      ref = tagNameOnly(ref);
      if (!quiet) await cli.out(`Using default tag: ${ref.tag}\n`);
    }
    const res = await cli.client.stream("POST", `/images/${referenceName(ref)}/push`, {
      query: { tag: all ? undefined : ref.tag },
      headers: await registryAuthHeader(cli, ref.domain),
    });
    await displayJsonMessages(decodeJsonStream(bodyChunks(res)), {
      write: quiet ? () => {} : (s) => cli.out(s),
      isTerminal: outIsTerminal(cli),
      width: outWidth(cli) || 200,
      now: () => nowMs(cli) / 1000,
    });
    if (quiet) await cli.out(`${referenceString(ref)}\n`);
    return 0;
  },
};

export const imagePushCommand: CommandSpec = { ...pushCommand, group: undefined };
