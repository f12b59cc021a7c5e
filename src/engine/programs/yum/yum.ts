import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { ownedPaths, unpackFiles } from "../../packages/files";
import { el8Metadata, el8Packages } from "../../packages/rpm/el8";
import { nevra, type RpmPackage } from "../../packages/rpm/package";
import { appendRpmdb, readRpmdb } from "../rpm/rpmdb";
import { dnfSize, progressLine } from "./format";
import { metadataError, readRepos } from "./repos";

const RULE = "=".repeat(80);
/**
 * The vault mirror's speed: 20 MB/s, and a request's set-up, ms. Fast enough that a whole
 * `yum install httpd -y` (three repositories' metadata, ten packages) fits in the
 * simulator's two-second grace for a command that finishes, as apt-get's downloads do.
 */
const MIRROR_BYTES_PER_MS = 20_000;
const REQUEST_MS = 20;

/**
 * yum/dnf 4.7 on CentOS Linux 8: `install [-y] pkg...`. The metadata of each enabled
 * repository is fetched first; with the stock repo files that fails since CentOS 8's end
 * of life, exactly as in 2022 onwards, until the files point at vault.centos.org.
 */
export const yum: Program = async (proc) => {
  const args = proc.argv.slice(1);
  const assumeYes = args.some((a) => a === "-y" || a === "--assumeyes");
  const [command, ...names] = args.filter((a) => !a.startsWith("-"));
  if (command === undefined) {
    await proc.stderr.write(
      "usage: yum [options] COMMAND\n\nList of Main Commands:\n\ninstall                   Install a package or packages on your system\nremove                    remove a package or packages from your system\nlist                      list a package or groups of packages\n",
    );
    return 1;
  }
  if (!["install", "makecache", "update", "upgrade", "list", "search", "info"].includes(command)) {
    await proc.stderr.write(`No such command: ${command}. Please use ${proc.argv[0]} --help\n`);
    return 1;
  }
  if (!proc.env.LANG && !proc.env.LC_ALL) await proc.stderr.write("Failed to set locale, defaulting to C.UTF-8\n");
  for (const repo of readRepos(proc.fs).filter((r) => r.enabled)) {
    const error = metadataError(repo);
    if (error) {
      await proc.sleep(600);
      await proc.stdout.write(progressLine(repo.name, 38, 540));
      await proc.stderr.write(`Error: Failed to download metadata for repo '${repo.id}': ${error}\n`);
      return 1;
    }
    const size = el8Metadata[repo.id] ?? 10_000;
    const ms = REQUEST_MS + size / MIRROR_BYTES_PER_MS;
    await proc.sleep(ms);
    await proc.stdout.write(progressLine(repo.name, size, ms));
  }
  if (command !== "install") {
    if (command === "update" || command === "upgrade") await proc.stdout.write("Dependencies resolved.\nNothing to do.\nComplete!\n");
    if (command === "makecache") await proc.stdout.write("Metadata cache created.\n");
    return 0;
  }
  return install(proc, names, assumeYes);
};

async function install(proc: Process, names: string[], assumeYes: boolean): Promise<number> {
  const installed = new Set(readRpmdb(proc.fs).map((r) => r.name));
  const byName = new Map(el8Packages.map((p) => [p.name, p]));
  for (const name of names) {
    if (!byName.has(name) && !installed.has(name)) {
      await proc.stdout.write(`No match for argument: ${name}\n`);
      await proc.stderr.write(`Error: Unable to find a match: ${name}\n`);
      return 1;
    }
  }
  const wanted = names.filter((n) => !installed.has(n));
  for (const name of names.filter((n) => installed.has(n))) {
    const r = readRpmdb(proc.fs).find((x) => x.name === name);
    await proc.stdout.write(`Package ${r ? `${r.name}-${r.version}-${r.release}.${r.arch}` : name} is already installed.\n`);
  }
  const deps: RpmPackage[] = [];
  const weak: RpmPackage[] = [];
  const seen = new Set(wanted);
  const visit = (pkg: RpmPackage) => {
    for (const [list, into] of [
      [pkg.requires ?? [], deps],
      [pkg.recommends ?? [], weak],
    ] as const) {
      for (const dep of list) {
        const p = byName.get(dep);
        if (!p || seen.has(dep) || installed.has(dep)) continue;
        seen.add(dep);
        into.push(p);
        visit(p);
      }
    }
  };
  const top = wanted.map((n) => byName.get(n)).filter((p): p is RpmPackage => p !== undefined);
  for (const p of top) visit(p);
  await proc.stdout.write("Dependencies resolved.\n");
  const all = [...top, ...deps, ...weak];
  if (all.length === 0) {
    await proc.stdout.write("Nothing to do.\nComplete!\n");
    return 0;
  }
  await proc.stdout.write(table(top, deps, weak));
  const download = all.reduce((s, p) => s + p.size, 0);
  const space = all.reduce((s, p) => s + p.installedSize, 0);
  await proc.stdout.write(
    `\nTransaction Summary\n${RULE}\nInstall  ${all.length} Package${all.length === 1 ? "" : "s"}\n\nTotal download size: ${dnfSize(download)}\nInstalled size: ${dnfSize(space)}\n`,
  );
  if (!assumeYes) {
    await proc.stdout.write("Is this ok [y/N]: ");
    const answer = (await proc.stdin.readLine()) ?? "";
    if (!/^y(es)?$/i.test(answer.trim())) {
      await proc.stdout.write("Operation aborted.\n");
      return 1;
    }
  }
  await proc.stdout.write("Downloading Packages:\n");
  const sorted = [...all].sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const [i, p] of sorted.entries()) {
    const ms = REQUEST_MS + p.size / MIRROR_BYTES_PER_MS;
    await proc.sleep(ms);
    await proc.stdout.write(progressLine(`(${i + 1}/${all.length}): ${nevra(p)}.rpm`, p.size, ms));
  }
  await proc.stdout.write(`${"-".repeat(80)}\n${progressLine("Total", download, 900)}`);
  await proc.stdout.write(
    "Running transaction check\nTransaction check succeeded.\nRunning transaction test\nTransaction test succeeded.\nRunning transaction\n",
  );
  const order = [...deps, ...weak, ...top];
  const count = `${order.length}`;
  await proc.stdout.write(step("Preparing", "", "1/1"));
  for (const [i, p] of order.entries()) {
    unpackFiles(proc.fs, p.files);
    appendRpmdb(proc.fs, {
      name: p.name,
      version: p.version,
      release: p.release,
      arch: p.arch,
      summary: p.summary,
      size: p.installedSize,
      files: ownedPaths(p.files).slice(1),
    });
    await proc.stdout.write(step("Installing", nevra(p), `${i + 1}/${count}`));
    await proc.sleep(30);
  }
  for (const [i, p] of order.entries()) await proc.stdout.write(step("Verifying", nevra(p), `${i + 1}/${count}`));
  await proc.stdout.write("\nInstalled:\n");
  for (const p of sorted) await proc.stdout.write(`  ${nevra(p)}\n`);
  await proc.stdout.write("\nComplete!\n");
  return 0;
}

function step(what: string, name: string, counter: string): string {
  const left = `  ${what.padEnd(17)}: ${name}`;
  return `${left}${counter.padStart(Math.max(1, 79 - left.length))} \n`;
}

/** The transaction table: Installing / Installing dependencies / Installing weak dependencies / module streams. */
function table(top: RpmPackage[], deps: RpmPackage[], weak: RpmPackage[]): string {
  const all = [...top, ...deps, ...weak];
  const nw = Math.max(7, ...all.map((p) => p.name.length));
  const vw = Math.max(7, ...all.map((p) => `${p.version}-${p.release}`.length));
  const rw = Math.max(10, ...all.map((p) => p.repo.length));
  const row = (p: RpmPackage) =>
    ` ${p.name.padEnd(nw)} ${p.arch.padEnd(6)} ${`${p.version}-${p.release}`.padEnd(vw)} ${p.repo.padEnd(rw)} ${dnfSize(p.size).padStart(5)}\n`;
  let out = `${RULE}\n ${"Package".padEnd(nw)} ${"Arch".padEnd(6)} ${"Version".padEnd(vw)} ${"Repository".padEnd(rw)}  Size\n${RULE}\n`;
  const group = (title: string, list: RpmPackage[]) => {
    if (list.length > 0)
      out += `${title}:\n${[...list]
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(row)
        .join("")}`;
  };
  group("Installing", top);
  group("Installing dependencies", deps);
  group("Installing weak dependencies", weak);
  const modules = [...new Set(top.map((p) => p.module).filter((m): m is string => m !== undefined))];
  if (modules.length > 0)
    out += `Enabling module streams:\n${modules.map((m) => ` ${m.split(":")[0].padEnd(nw)} ${"".padEnd(6)} ${m.split(":")[1]}\n`).join("")}`;
  return out;
}
