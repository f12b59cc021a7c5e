/**
 * create.go's pullImage: POST /images/create for the image `run`/`create` could not
 * find, its JSON progress rendered on stderr (stdout carries only the container ID).
 */

import { decodeJsonStream, displayJsonMessages } from "../image/jsonmessage";
import { familiarString, parseNormalizedNamed, referenceName, tagNameOnly } from "../image/reference";
import type { DockerCli } from "../system/dockercli";
import { bodyChunks } from "../system/dockercli";

/** base64 of "{}": the X-Registry-Auth docker sends when it has no credentials. */
const EMPTY_AUTH = "e30=";

export async function pullImage(cli: DockerCli, image: string, quiet: boolean, platform?: string): Promise<void> {
  const ref = tagNameOnly(parseNormalizedNamed(image));
  const res = await cli.client.stream("POST", "/images/create", {
    query: { fromImage: referenceName(ref), tag: ref.digest ?? ref.tag, platform: platform || undefined },
    headers: { "X-Registry-Auth": EMPTY_AUTH },
  });
  await displayJsonMessages(decodeJsonStream(bodyChunks(res)), {
    write: (s) => (quiet ? undefined : cli.err(s)),
    isTerminal: cli.proc.isatty(2),
    width: cli.proc.ttyOf(2)?.cols,
    now: () => Math.floor(cli.proc.now() / 1000),
  });
}

/** The name create.go prints in "Unable to find image '…' locally". */
export function familiarImage(image: string): string {
  return familiarString(tagNameOnly(parseNormalizedNamed(image)));
}
