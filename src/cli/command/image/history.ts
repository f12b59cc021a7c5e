/**
 * docker history / docker image history (cli/command/image/history.go):
 * GET /images/{name}/history, newest layer first.
 */
import type { ImageHistoryItem } from "../../../engine/daemon/api/types";
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { dockerCli, formatFlag, nowMs, writeFormatted } from "../system/dockercli";
import { HISTORY_HEADERS, historyRow, newHistoryFormat } from "./history-format";

export const historyCommand: CommandSpec = {
  use: "history [OPTIONS] IMAGE",
  short: "Show the history of an image",
  aliasesHelp: "docker image history, docker history",
  args: exactArgs(1),
  flags: [
    { name: "human", short: "H", kind: "bool", default: true, usage: "Print sizes and dates in human readable format" },
    { name: "quiet", short: "q", kind: "bool", usage: "Only show image IDs" },
    { name: "no-trunc", kind: "bool", usage: "Don't truncate output" },
    formatFlag,
    {
      name: "platform",
      kind: "string",
      usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")',
    },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const platform = ctx.flags.string("platform");
    const history = await cli.client.get<ImageHistoryItem[]>(`/images/${ctx.args[0] ?? ""}/history`, {
      platform: platform ? JSON.stringify(parsePlatform(platform)) : undefined,
    });
    const human = ctx.flags.bool("human");
    const opts = { trunc: !ctx.flags.bool("no-trunc"), human, nowMs: nowMs(cli) };
    await writeFormatted(cli, {
      format: newHistoryFormat(ctx.flags.string("format") || "table", ctx.flags.bool("quiet"), human),
      headers: HISTORY_HEADERS,
      rows: history.map((h) => historyRow(h, opts)),
    });
    return 0;
  },
};

/** platforms.Parse for the plain `os[/arch[/variant]]` form. */
export function parsePlatform(s: string): { os: string; architecture?: string; variant?: string } {
  const [os = "", architecture, variant] = s.toLowerCase().split("/");
  return { os, ...(architecture ? { architecture } : {}), ...(variant ? { variant } : {}) };
}
