/**
 * docker tag / docker image tag (cli/command/image/tag.go): POST /images/{source}/tag
 * with the target's repo and tag; silent on success.
 */
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli } from "../system/dockercli";
import { isNameOnly, parseNormalizedNamed, referenceName, tagNameOnly } from "./reference";

export const tagCommand: CommandSpec = {
  use: "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
  short: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
  aliasesHelp: "docker image tag, docker tag",
  args: exactArgs(2),
  interspersed: false,
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const [source = "", target = ""] = ctx.args;
    // client.ImageTag: the target must be a name, optionally with a tag, never a digest.
    const ref = parseNormalizedNamed(target);
    if (ref.digest !== undefined) throw new Error("refusing to create a tag with a digest reference");
    const tagged = isNameOnly(ref) ? tagNameOnly(ref) : ref;
    await cli.client.post(`/images/${source}/tag`, {
      repo: referenceName(tagged),
      tag: tagged.tag,
    });
    return 0;
  },
};

export const imageTagCommand: CommandSpec = { ...tagCommand, use: "tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]" };
