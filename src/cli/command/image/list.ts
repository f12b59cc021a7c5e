/**
 * docker images / docker image ls (cli/command/image/list.go, docker/cli v28.5.2):
 * GET /images/json, then the classic REPOSITORY TAG IMAGE ID CREATED SIZE table.
 */
import type { ImageSummary } from "../../../engine/daemon/api/types";
import { requiresMaxArgs } from "../../cobra/args";
import type { CommandContext, CommandSpec } from "../../cobra/command";
import { dockerCli, filterFlag, filtersQuery, formatFlag, nowMs, writeFormatted } from "../system/dockercli";
import { IMAGE_HEADERS, imageRow, imageRows, newImageFormat } from "./list-format";

/** Words that look like `docker image` subcommands: `docker images ls` is a common slip. */
const IMAGE_SUBCOMMANDS = ["build", "history", "import", "inspect", "list", "load", "ls", "prune", "pull", "push", "rm", "save", "tag"];

async function runImages(ctx: CommandContext, calledAs: string): Promise<number> {
  const cli = dockerCli(ctx);
  const matchName = ctx.args[0] ?? "";
  const extra: Array<[string, string]> = matchName ? [["reference", matchName]] : [];
  const all = ctx.flags.bool("all");
  const images = await cli.client.get<ImageSummary[]>("/images/json", {
    all: all ? "1" : undefined,
    filters: filtersQuery(ctx.flags.list("filter"), extra),
  });
  const quiet = ctx.flags.bool("quiet");
  const digests = ctx.flags.bool("digests");
  const format = newImageFormat(ctx.flags.string("format") || "table", quiet, digests);
  const trunc = !ctx.flags.bool("no-trunc");
  const now = nowMs(cli);
  const rows = imageRows(images, digests, format.includes("{{.Digest}}")).map((r) => imageRow(r, trunc, now));
  await writeFormatted(cli, { format, headers: IMAGE_HEADERS, rows });
  if (matchName && images.length === 0 && calledAs === "images" && IMAGE_SUBCOMMANDS.includes(matchName)) {
    await cli.err(`No images found matching "${matchName}": did you mean "docker image ${matchName}"?\n`);
  }
  return 0;
}

const listFlags = [
  { name: "quiet", short: "q", kind: "bool" as const, usage: "Only show image IDs" },
  { name: "all", short: "a", kind: "bool" as const, usage: "Show all images (default hides intermediate images)" },
  { name: "no-trunc", kind: "bool" as const, usage: "Don't truncate output" },
  { name: "digests", kind: "bool" as const, usage: "Show digests" },
  formatFlag,
  filterFlag("Filter output based on conditions provided", "f"),
];

/** `docker images`, the top-level form. */
export const imagesCommand: CommandSpec = {
  use: "images [OPTIONS] [REPOSITORY[:TAG]]",
  short: "List images",
  aliasesHelp: "docker image ls, docker image list, docker images",
  args: requiresMaxArgs(1),
  flags: listFlags,
  group: "Common Commands",
  run: (ctx) => runImages(ctx, "images"),
};

/** `docker image ls`. */
export const imageListCommand: CommandSpec = {
  ...imagesCommand,
  use: "ls [OPTIONS] [REPOSITORY[:TAG]]",
  aliases: ["list"],
  group: undefined,
  run: (ctx) => runImages(ctx, "ls"),
};
