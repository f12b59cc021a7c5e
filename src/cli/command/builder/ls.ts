/**
 * docker buildx ls (buildx commands/ls.go): each builder, then its nodes indented under it
 * with ` \_ `; the current builder marked `*`; platforms grouped and truncated to four
 * entries (truncPlatforms) unless --no-trunc.
 */
import { noArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { type DockerCli, dockerCli, renderFormatted, subContext } from "../system/dockercli";
import { type Builder, type BuilderNode, type GCRule, loadBuilder } from "./node";

const DEFAULT_TABLE_FORMAT = "table {{.Name}}\t{{.DriverEndpoint}}\t{{.Status}}\t{{.Buildkit}}\t{{.Platforms}}";
const INDENT = " \\_ ";

const HEADERS = {
  Name: "NAME/NODE",
  DriverEndpoint: "DRIVER/ENDPOINT",
  LastActivity: "LAST ACTIVITY",
  Status: "STATUS",
  Buildkit: "BUILDKIT",
  Platforms: "PLATFORMS",
};

/** The architectures ls lists first (truncMajorPlatforms). */
const MAJOR_PLATFORMS = ["linux/amd64", "linux/arm64", "linux/arm", "linux/ppc64le", "linux/s390x", "linux/riscv64", "linux/mips64"];

const osArch = (platform: string) => platform.replace(/\*$/, "").split("/").slice(0, 2).join("/");

/** truncPlatforms(pfs, max).String(): variants of one architecture folded into `(+n)`. */
export function truncatePlatforms(platforms: string[], max: number): string {
  const groups = new Map<string, string[]>();
  for (const major of MAJOR_PLATFORMS) {
    for (const p of platforms) {
      if (groups.size >= max) break;
      if (osArch(p) === major) groups.set(major, [...(groups.get(major) ?? []), p]);
    }
  }
  const left = new Map<string, string[]>();
  for (const p of platforms) {
    if (groups.size >= max) break;
    if (!groups.has(osArch(p))) left.set(osArch(p), [...(left.get(osArch(p)) ?? []), p]);
  }
  for (const [k, v] of left) groups.set(k, v);
  const out: string[] = [];
  let count = 0;
  const entry = (key: string, list: string[]) => {
    if (list.length === 1) {
      out.push(list[0]!);
      count++;
      return;
    }
    out.push(`${key}${list.some((p) => p.endsWith("*")) ? "*" : ""} (+${list.length})`);
    count += list.length;
  };
  const seen = new Set<string>();
  for (const major of MAJOR_PLATFORMS) {
    const list = groups.get(major);
    if (!list) continue;
    seen.add(major);
    entry(major, list);
  }
  for (const key of [...groups.keys()].sort()) {
    if (out.length >= max) break;
    if (!seen.has(key)) entry(key, groups.get(key)!);
  }
  if (platforms.length - count > 0) out.push(`(${platforms.length - count} more)`);
  return out.join(", ");
}

function builderRow(b: Builder, table: boolean) {
  return subContext("*commands.lsContext", {
    Name: table ? `${b.name}*` : b.name,
    DriverEndpoint: b.driver,
    LastActivity: "",
    Status: "",
    Buildkit: "",
    Platforms: "",
    Error: "",
  });
}

function nodeRow(n: BuilderNode, table: boolean, trunc: boolean) {
  return subContext("*commands.lsContext", {
    Name: table ? INDENT + n.name : n.name,
    DriverEndpoint: table ? INDENT + n.endpoint : n.endpoint,
    LastActivity: "",
    Status: n.status,
    Buildkit: n.version,
    Platforms: trunc && table ? truncatePlatforms(n.platforms, 4) : n.platforms.join(", "),
    Error: "",
  });
}

const ruleJSON = (r: GCRule) => ({
  all: r.all,
  filter: r.filter.length > 0 ? r.filter : null,
  keepDuration: r.keepDuration,
  reservedSpace: r.reservedSpace,
  maxUsedSpace: r.maxUsedSpace,
  minFreeSpace: r.minFreeSpace,
});

/** lsContext.MarshalJSON: the builder (builder.Builder's and Node's MarshalJSON) with Current. */
export function builderJSON(b: Builder): string {
  return JSON.stringify({
    Name: b.name,
    Driver: b.driver,
    LastActivity: "0001-01-01T00:00:00Z",
    Dynamic: false,
    Nodes: b.nodes.map((n) => ({
      Name: n.name,
      Endpoint: n.endpoint,
      Status: n.status,
      Version: n.version,
      Platforms: n.platforms,
      GCPolicy: n.gcPolicy.map(ruleJSON),
      ...(Object.keys(n.labels).length > 0 ? { Labels: n.labels } : {}),
    })),
    Current: true,
  });
}

async function runLs(cli: DockerCli, format: string, trunc: boolean): Promise<void> {
  const builder = await loadBuilder(cli, "");
  if (format === "json") {
    await cli.out(`${builderJSON(builder)}\n`);
    return;
  }
  const source = format === "table" ? DEFAULT_TABLE_FORMAT : format;
  const table = source.startsWith("table");
  const rows = [builderRow(builder, table), ...builder.nodes.map((n) => nodeRow(n, table, trunc))];
  await cli.out(renderFormatted({ format: source, headers: HEADERS, rows }));
}

export const lsCommand: CommandSpec = {
  use: "ls",
  short: "List builder instances",
  args: noArgs,
  flags: [
    { name: "format", kind: "string", default: "table", usage: "Format the output" },
    { name: "no-trunc", kind: "bool", usage: "Don't truncate output" },
  ],
  run: async (ctx) => {
    await runLs(dockerCli(ctx), ctx.flags.string("format") || "table", !ctx.flags.bool("no-trunc"));
    return 0;
  },
};
