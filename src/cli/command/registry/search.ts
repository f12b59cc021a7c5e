/**
 * docker search (cli/command/registry/search.go): GET /images/search, NAME DESCRIPTION
 * STARS OFFICIAL.
 */
import type { ImageSearchResult } from "../../../engine/daemon/api/types";
import { exactArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { ellipsis } from "../system/displayutils";
import { dockerCli, filterFlag, filtersQuery, subContext, writeFormatted } from "../system/dockercli";
import { encodeAuthConfig } from "./auth";

const DEFAULT_SEARCH_TABLE_FORMAT = "table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}";

export const SEARCH_HEADERS: Record<string, string> = {
  Name: "NAME",
  Description: "DESCRIPTION",
  StarCount: "STARS",
  IsOfficial: "OFFICIAL",
};

/** searchContext's fields: booleans read `[OK]` or nothing in tables, true/false in JSON. */
export function searchRow(s: ImageSearchResult, trunc: boolean, json: boolean) {
  const desc = s.description.replaceAll("\n", " ").replaceAll("\r", " ");
  const bool = (v: boolean) => (json ? String(v) : v ? "[OK]" : "");
  return subContext("*registry.searchContext", {
    Description: trunc ? ellipsis(desc, 45) : desc,
    IsOfficial: bool(s.is_official),
    Name: s.name,
    StarCount: String(s.star_count),
  });
}

export const searchCommand: CommandSpec = {
  use: "search [OPTIONS] TERM",
  short: "Search Docker Hub for images",
  args: exactArgs(1),
  group: "Common Commands",
  flags: [
    filterFlag("Filter output based on conditions provided", "f"),
    { name: "format", kind: "string", usage: "Pretty-print search using a Go template" },
    { name: "limit", kind: "int", usage: "Max number of search results" },
    { name: "no-trunc", kind: "bool", usage: "Don't truncate output" },
  ],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const filters = ctx.flags.list("filter");
    if (filters.some((f) => f.trim().toLowerCase().startsWith("is-automated="))) {
      await cli.err(
        'WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n',
      );
    }
    const limit = ctx.flags.number("limit");
    const results = await cli.client.json<ImageSearchResult[]>("GET", "/images/search", {
      query: { term: ctx.args[0], limit: limit > 0 ? limit : undefined, filters: filtersQuery(filters) },
      headers: { "X-Registry-Auth": encodeAuthConfig({}) },
    });
    const format = ctx.flags.string("format");
    const json = format === "json" || format.includes("json .");
    const trunc = !ctx.flags.bool("no-trunc");
    await writeFormatted(cli, {
      format: format === "" || format === "table" ? DEFAULT_SEARCH_TABLE_FORMAT : format,
      headers: SEARCH_HEADERS,
      rows: results.map((r) => searchRow(r, trunc, json)),
    });
    return 0;
  },
};
