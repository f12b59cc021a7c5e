import { canonicalName } from "../../packages/pypi";
import { installedDistributions, installedMetadata } from "../../packages/pypi/install";
import { baseDistributions, type PipContext } from "./pip-context";

interface Distribution {
  name: string;
  version: string;
  requires: string[];
}

/** Everything installed, by canonical name: site-packages' dist-infos over the image's own. */
function distributions(ctx: PipContext): Map<string, Distribution> {
  const found = new Map<string, Distribution>();
  for (const [key, version] of baseDistributions(ctx)) found.set(key, { name: key, version, requires: [] });
  for (const [key, version] of installedDistributions(ctx.proc.fs, ctx.site)) {
    const meta = installedMetadata(ctx.proc.fs, ctx.site, key);
    const requires = (meta?.get("Requires-Dist") ?? [])
      .filter((r) => !r.includes("extra =="))
      .map((r) => /^[A-Za-z0-9._-]+/.exec(r)?.[0] ?? r);
    found.set(key, { name: meta?.get("Name")?.[0] ?? key, version, requires });
  }
  return new Map([...found.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** pip list: the columns format, each as wide as its longest cell. */
export async function pipList(ctx: PipContext, args: string[]): Promise<number> {
  const all = [...distributions(ctx).values()];
  if (ctx.legacy) {
    // pip 9 announced the switch to columns on every list without --format (pip/commands/list.py).
    if (!args.some((a) => a.startsWith("--format")))
      await ctx.proc.stderr.write(
        "DEPRECATION: The default format will switch to columns in the future. You can use --format=(legacy|columns) (or define a format=(legacy|columns) in your pip.conf under the [list] section) to disable this warning.\n",
      );
    for (const d of all) await ctx.out(`${d.name} (${d.version})\n`);
    return 0;
  }
  if (args.includes("--format=freeze")) {
    for (const d of all) await ctx.out(`${d.name}==${d.version}\n`);
    return 0;
  }
  const w1 = Math.max(7, ...all.map((d) => d.name.length));
  const w2 = Math.max(7, ...all.map((d) => d.version.length));
  // pip's tabulate: columns left-justified to their widest cell, each row right-stripped.
  await ctx.out(`${"Package".padEnd(w1)} Version\n${"-".repeat(w1)} ${"-".repeat(w2)}\n`);
  for (const d of all) await ctx.out(`${d.name.padEnd(w1)} ${d.version}\n`);
  return 0;
}

/** pip freeze: requirement lines for what pip installed, leaving out pip's own tools. */
export async function pipFreeze(ctx: PipContext): Promise<number> {
  for (const [key, d] of distributions(ctx)) {
    if (["pip", "setuptools", "wheel", "distribute"].includes(key)) continue;
    await ctx.out(`${d.name}==${d.version}\n`);
  }
  return 0;
}

/** pip show NAME...: each distribution's metadata, `---` between them. */
export async function pipShow(ctx: PipContext, args: string[]): Promise<number> {
  const names = args.filter((a) => !a.startsWith("-"));
  if (names.length === 0) {
    await ctx.err("Please provide a package name or names.\n");
    return 1;
  }
  const all = distributions(ctx);
  const missing: string[] = [];
  let first = true;
  for (const name of names) {
    const key = canonicalName(name);
    const d = all.get(key);
    if (!d) {
      missing.push(name);
      continue;
    }
    const meta = installedMetadata(ctx.proc.fs, ctx.site, key);
    const byLower = (a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase());
    const requiredBy = [...all.values()]
      .filter((o) => o.requires.some((r) => canonicalName(r) === key))
      .map((o) => o.name)
      .sort(byLower);
    if (!first) await ctx.out("---\n");
    first = false;
    await ctx.out(
      [
        `Name: ${d.name}`,
        `Version: ${d.version}`,
        `Summary: ${meta?.get("Summary")?.[0] ?? ""}`,
        "Home-page: ",
        "Author: ",
        "Author-email: ",
        "License: ",
        `Location: ${ctx.site}`,
        `Requires: ${[...new Set(d.requires)].sort(byLower).join(", ")}`,
        `Required-by: ${requiredBy.join(", ")}`,
        "",
      ].join("\n"),
    );
  }
  if (missing.length > 0) {
    await ctx.proc.stderr.write(`WARNING: Package(s) not found: ${missing.join(", ")}\n`);
    return 1;
  }
  return 0;
}
