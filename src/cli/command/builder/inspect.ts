/**
 * docker buildx inspect [NAME] (buildx commands/inspect.go): the builder, then each node's
 * endpoint, status, BuildKit version, platforms, worker labels and GC policy, aligned by a
 * tabwriter with padding 1. The docker driver's node is always booted, so --bootstrap
 * changes nothing for it.
 */
import { requiresMaxArgs } from "../../cobra/args";
import type { CommandSpec } from "../../cobra/command";
import { TabWriter } from "../../formatter/tabwriter";
import { bytesSize } from "../../formatter/units/size";
import { dockerCli } from "../system/dockercli";
import { type Builder, type GCRule, loadBuilder } from "./node";

/** Go's time.Duration.String for whole hours: `48h0m0s`. */
function durationString(ns: number): string {
  const s = Math.floor(ns / 1e9);
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m${s % 60}s`;
}

function ruleLines(index: number, rule: GCRule): string {
  let out = `GC Policy rule#${index}:\n\tAll:\t${rule.all}\n`;
  if (rule.filter.length > 0) out += `\tFilters:\t${rule.filter.join(" ")}\n`;
  if (rule.keepDuration > 0) out += `\tKeep Duration:\t${durationString(rule.keepDuration)}\n`;
  if (rule.reservedSpace > 0) out += `\tReserved Space:\t${bytesSize(rule.reservedSpace)}\n`;
  if (rule.maxUsedSpace > 0) out += `\tMax Used Space:\t${bytesSize(rule.maxUsedSpace)}\n`;
  if (rule.minFreeSpace > 0) out += `\tMin Free Space:\t${bytesSize(rule.minFreeSpace)}\n`;
  return out;
}

/** runInspect's text for a builder whose nodes all loaded. */
export function inspectText(b: Builder): string {
  const w = new TabWriter({ minwidth: 0, tabwidth: 0, padding: 1, padchar: " " });
  w.write(`Name:\t${b.name}\nDriver:\t${b.driver}\n\nNodes:\n`);
  b.nodes.forEach((n, i) => {
    if (i !== 0) w.write("\n");
    w.write(`Name:\t${n.name}\nEndpoint:\t${n.endpoint}\nStatus:\t${n.status}\n`);
    if (n.version) w.write(`BuildKit version:\t${n.version}\n`);
    if (n.platforms.length > 0) w.write(`Platforms:\t${n.platforms.join(", ")}\n`);
    const labels = Object.keys(n.labels).sort();
    if (labels.length > 0) w.write(`Labels:\n${labels.map((k) => `\t${k}:\t${n.labels[k]}\n`).join("")}`);
    n.gcPolicy.forEach((rule, ri) => {
      w.write(ruleLines(ri, rule));
    });
  });
  return w.flush();
}

export const inspectCommand: CommandSpec = {
  use: "inspect [NAME]",
  short: "Inspect current builder instance",
  args: requiresMaxArgs(1),
  flags: [{ name: "bootstrap", kind: "bool", usage: "Ensure builder has booted before inspecting" }],
  run: async (ctx) => {
    const cli = dockerCli(ctx);
    const builder = await loadBuilder(cli, ctx.args[0] ?? ctx.flags.string("builder"));
    await cli.out(inspectText(builder));
    return 0;
  },
};
