import type { FileSystem } from "../../fs/filesystem";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import type { ApkIndexPackage } from "../../packages/apk/package";
import { alpineIndex, alpinePackages } from "../../packages/apk/v3.21";
import { removeFiles, unpackFiles } from "../../packages/files";

const INSTALLED = "/lib/apk/db/installed";
const WORLD = "/etc/apk/world";
const CACHE = "/var/cache/apk";

interface Installed {
  name: string;
  version: string;
  size: number;
}

/** P:/V:/I: of every paragraph of /lib/apk/db/installed. */
function readInstalled(fs: FileSystem): Installed[] {
  let text = "";
  try {
    text = fs.readText(INSTALLED);
  } catch {
    return [];
  }
  return text
    .split(/\n\n+/)
    .map((block) => {
      const field = (k: string) => new RegExp(`^${k}:(.*)$`, "m").exec(block)?.[1] ?? "";
      return { name: field("P"), version: field("V"), size: Number(field("I")) || 0 };
    })
    .filter((p) => p.name !== "");
}

/** The repositories of /etc/apk/repositories, or the release's own when the file is missing (a playground host). */
function repositories(fs: FileSystem): string[] {
  try {
    return fs
      .readText("/etc/apk/repositories")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("#"));
  } catch {
    let branch = "v3.21";
    try {
      branch = `v${fs.readText("/etc/alpine-release").trim().split(".").slice(0, 2).join(".")}`;
    } catch {
      // not Alpine: keep the catalogue's branch
    }
    return [`https://dl-cdn.alpinelinux.org/alpine/${branch}/main`, `https://dl-cdn.alpinelinux.org/alpine/${branch}/community`];
  }
}

function indexCacheName(repo: string): string {
  let h = 0;
  for (const ch of repo) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return `${CACHE}/APKINDEX.${h.toString(16).padStart(8, "0")}.tar.gz`;
}

/** Fetches the indexes when asked (`update`, --no-cache) or when none is cached yet. */
async function fetchIndexes(proc: Process, force: boolean, store: boolean): Promise<void> {
  for (const repo of repositories(proc.fs)) {
    const cached = indexCacheName(repo);
    if (!force && proc.fs.exists(cached)) continue;
    await proc.stdout.write(`fetch ${repo}/x86_64/APKINDEX.tar.gz\n`);
    const size = repo.endsWith("/community") ? alpineIndex.community : alpineIndex.main;
    // A fast mirror: a whole `apk update && apk add` fits the simulator's two-second grace.
    await proc.sleep(40 + size / 40_000);
    if (store && proc.fs.exists(CACHE)) proc.fs.writeFile(cached, "");
  }
}

function summary(fs: FileSystem): string {
  const pkgs = readInstalled(fs);
  const bytes = pkgs.reduce((s, p) => s + p.size, 0);
  return `OK: ${Math.max(1, Math.round(bytes / 1048576))} MiB in ${pkgs.length} packages\n`;
}

function record(pkg: ApkIndexPackage): string {
  const lines = [
    `P:${pkg.name}`,
    `V:${pkg.version}`,
    "A:x86_64",
    `S:${Math.round(pkg.installedSize / 2.4)}`,
    `I:${pkg.installedSize}`,
    `T:${pkg.description}`,
    `U:${pkg.url}`,
    `L:${pkg.license}`,
  ];
  if (pkg.depends?.length) lines.push(`D:${pkg.depends.join(" ")}`);
  return `${lines.join("\n")}\n\n`;
}

async function add(proc: Process, names: string[], noCache: boolean): Promise<number> {
  const fs = proc.fs;
  await fetchIndexes(proc, noCache, !noCache);
  const installed = new Set(readInstalled(fs).map((p) => p.name));
  const byName = new Map(alpinePackages.map((p) => [p.name, p]));
  const missing = names.filter((n) => !byName.has(n) && !installed.has(n));
  if (missing.length > 0) {
    for (const n of missing)
      await proc.stderr.write(`ERROR: unable to select packages:\n  ${n} (no such package):\n    required by: world[${n}]\n`);
    return missing.length;
  }
  const order: ApkIndexPackage[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || installed.has(name)) return;
    seen.add(name);
    const pkg = byName.get(name);
    if (!pkg) return;
    for (const dep of pkg.depends ?? []) visit(dep);
    order.push(pkg);
  };
  for (const n of names) visit(n);
  const triggers = new Set<string>();
  for (const [i, pkg] of order.entries()) {
    await proc.stdout.write(`(${i + 1}/${order.length}) Installing ${pkg.name} (${pkg.version})\n`);
    unpackFiles(fs, pkg.files);
    if (!fs.exists("/lib/apk/db")) fs.mkdir("/lib/apk/db", { recursive: true });
    fs.writeFile(INSTALLED, record(pkg), { append: true });
    for (const t of pkg.triggers ?? []) triggers.add(t);
    await proc.sleep(10 + pkg.installedSize / 500_000);
  }
  const versions = new Map([...readInstalled(fs)].map((p) => [p.name, p.version]));
  if (versions.has("busybox") && order.length > 0) triggers.add("busybox");
  for (const t of [...triggers].sort()) {
    const v = versions.get(t);
    if (v) await proc.stdout.write(`Executing ${t}-${v}.trigger\n`);
  }
  const world = new Set(readWorld(fs));
  for (const n of names) world.add(n);
  if (!fs.exists("/etc/apk")) fs.mkdir("/etc/apk", { recursive: true });
  fs.writeFile(WORLD, `${[...world].sort().join("\n")}\n`);
  await proc.stdout.write(summary(fs));
  return 0;
}

function readWorld(fs: FileSystem): string[] {
  try {
    return fs.readText(WORLD).split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

async function del(proc: Process, names: string[]): Promise<number> {
  const fs = proc.fs;
  const installed = readInstalled(fs);
  const gone = installed.filter((p) => names.includes(p.name));
  for (const [i, p] of gone.entries()) {
    await proc.stdout.write(`(${i + 1}/${gone.length}) Purging ${p.name} (${p.version})\n`);
    const pkg = alpinePackages.find((x) => x.name === p.name);
    if (pkg) removeFiles(fs, pkg.files);
  }
  const text = fs.exists(INSTALLED) ? fs.readText(INSTALLED) : "";
  const kept = text.split(/\n\n+/).filter((b) => b.trim() !== "" && !names.includes(/^P:(.*)$/m.exec(b)?.[1] ?? ""));
  if (fs.exists(INSTALLED)) fs.writeFile(INSTALLED, kept.map((b) => `${b.trim()}\n\n`).join(""));
  fs.writeFile(
    WORLD,
    `${readWorld(fs)
      .filter((n) => !names.includes(n))
      .join("\n")}\n`,
  );
  await proc.stdout.write(summary(fs));
  return 0;
}

/** apk-tools 2.14 (Alpine 3.21): update, add, del, info, with apk's exact messages. */
export const apk: Program = async (proc) => {
  const args = proc.argv.slice(1);
  const noCache = args.includes("--no-cache");
  const [command, ...names] = args.filter((a) => !a.startsWith("-"));
  switch (command) {
    case "update": {
      await fetchIndexes(proc, true, true);
      for (const repo of repositories(proc.fs)) {
        const snapshot = repo.endsWith("/community") ? alpineIndex.snapshot.community : alpineIndex.snapshot.main;
        await proc.stdout.write(`${snapshot} [${repo}]\n`);
      }
      await proc.stdout.write(`OK: ${alpineIndex.distinct} distinct packages available\n`);
      return 0;
    }
    case "add":
      if (names.length === 0) return 0;
      return add(proc, names, noCache);
    case "del":
      return del(proc, names);
    case "info": {
      const installed = readInstalled(proc.fs);
      if (names.length === 0) {
        for (const p of installed) await proc.stdout.write(`${p.name}\n`);
        return 0;
      }
      for (const n of names) {
        const p = installed.find((x) => x.name === n) ?? alpinePackages.find((x) => x.name === n);
        if (!p) continue;
        const pkg = alpinePackages.find((x) => x.name === n);
        await proc.stdout.write(
          `${n}-${p.version} description:\n${pkg?.description ?? ""}\n\n${n}-${p.version} webpage:\n${pkg?.url ?? ""}\n\n${n}-${p.version} installed size:\n${Math.round((pkg?.installedSize ?? 0) / 1024)} KiB\n\n`,
        );
      }
      return 0;
    }
    case "--version":
    case undefined:
      await proc.stdout.write("apk-tools 2.14.6, compiled for x86_64.\n");
      return args.includes("--version") ? 0 : 1;
    default:
      await proc.stderr.write(`apk-tools 2.14.6, compiled for x86_64.\n\nERROR: unknown applet '${command}'\n`);
      return 1;
  }
};
