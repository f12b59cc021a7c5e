import type { Process } from "../../kernel/process";
import { debArchive } from "../../packages/deb/archives";
import { configureDeb, databaseSize, unpackDeb } from "../../packages/deb/dpkg";
import { type Candidate, debFileName, readCandidates } from "../../packages/deb/lists";
import { resolve } from "../../packages/deb/resolve";
import { isInstalled, readStatus } from "../../packages/deb/status";
import { Fetcher } from "./download";
import { showList } from "./show-list";

export interface InstallOptions {
  assumeYes: boolean;
  recommends: boolean;
  /** `apt` rather than `apt-get`: same plan, the dpkg progress differs only on a terminal. */
  friendly: boolean;
}

/** The three lines every apt command that plans changes starts with. */
export async function readState(proc: Process): Promise<void> {
  await proc.stdout.write("Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n");
}

/** Installed packages with another version in the lists: apt's `N not upgraded`. */
export function upgradable(installed: Map<string, string>, candidates: Map<string, Candidate>): string[] {
  return [...installed]
    .filter(([name, version]) => {
      const c = candidates.get(name);
      return c !== undefined && c.pkg.version !== version;
    })
    .map(([name]) => name);
}

/**
 * `apt-get install [-y] pkg...` with apt 2.7's messages: plan, confirm, download,
 * then dpkg's unpack and configure passes and the triggers.
 */
export async function install(proc: Process, names: string[], options: InstallOptions): Promise<number> {
  const fs = proc.fs;
  await readState(proc);
  const candidates = await readCandidates(fs);
  const installed = new Map(
    readStatus(fs)
      .filter(isInstalled)
      .map((e) => [e.name, e.version]),
  );
  const wanted: string[] = [];
  for (const name of names) {
    if (installed.has(name)) {
      await proc.stdout.write(`${name} is already the newest version (${installed.get(name)}).\n`);
      continue;
    }
    if (!candidates.has(name)) {
      await proc.stderr.write(`E: Unable to locate package ${name}\n`);
      return 100;
    }
    wanted.push(name);
  }
  const plan = resolve(wanted, candidates, new Set(installed.keys()), options.recommends);
  const newNames = plan.install.map((c) => c.pkg.name).sort();
  const extra = newNames.filter((n) => !wanted.includes(n));
  const held = upgradable(installed, candidates).length;
  await proc.stdout.write(showList("The following additional packages will be installed:", extra));
  await proc.stdout.write(showList("Suggested packages:", plan.suggested));
  await proc.stdout.write(showList("The following NEW packages will be installed:", newNames));
  await proc.stdout.write(`0 upgraded, ${newNames.length} newly installed, 0 to remove and ${held} not upgraded.\n`);
  if (plan.install.length === 0) return 0;
  const fetcher = new Fetcher(proc);
  const download = plan.install.reduce((sum, c) => sum + c.pkg.size, 0);
  const space = plan.install.reduce((sum, c) => sum + c.pkg.installedSize, 0) * 1024;
  await proc.stdout.write(`Need to get ${fetcher.size(download)}B of archives.\n`);
  await proc.stdout.write(`After this operation, ${fetcher.size(space)}B of additional disk space will be used.\n`);
  if (extra.length > 0 && !options.assumeYes && !(await confirm(proc))) {
    await proc.stdout.write("Abort.\n");
    return 1;
  }
  // apt downloads in alphabetical order of the plan it printed.
  for (const { pkg, source } of [...plan.install].sort((a, b) => (a.pkg.name < b.pkg.name ? -1 : 1))) {
    const area = `${source.suite}/${pkg.component}`;
    await fetcher.get(`${source.uri} ${area} amd64 ${pkg.name} ${pkg.architecture} ${pkg.version}`, pkg.size);
  }
  if (!installed.has("apt-utils")) await proc.stderr.write("debconf: delaying package configuration, since apt-utils is not installed\n");
  await fetcher.summary();
  await runDpkg(proc, plan.install);
  return 0;
}

/** apt's `Do you want to continue? [Y/n]`: an empty answer or y/Y goes on. */
async function confirm(proc: Process): Promise<boolean> {
  await proc.stdout.write("Do you want to continue? [Y/n] ");
  const answer = await proc.stdin.readLine();
  if (answer === null) {
    await proc.stdout.write("\n");
    return false;
  }
  return answer.trim() === "" || /^y(es)?$/i.test(answer.trim());
}

/** dpkg --unpack of every archive, then --configure, then the triggers they set off. */
async function runDpkg(proc: Process, plan: Candidate[]): Promise<void> {
  const fs = proc.fs;
  const several = plan.length > 1;
  await proc.stdout.write(`Selecting previously unselected package ${plan[0].pkg.name}.\n`);
  await proc.stdout.write(`(Reading database ... ${databaseSize(fs)} files and directories currently installed.)\n`);
  for (const [i, { pkg }] of plan.entries()) {
    if (i > 0) await proc.stdout.write(`Selecting previously unselected package ${pkg.name}.\n`);
    const file = several ? `${String(i).padStart(2, "0")}-${debFileName(pkg)}` : debFileName(pkg);
    await proc.stdout.write(`Preparing to unpack .../${file} ...\nUnpacking ${pkg.name} (${pkg.version}) ...\n`);
    unpackDeb(fs, pkg);
    await proc.sleep(5 + pkg.installedSize / 2000);
  }
  const triggers = new Set<string>();
  for (const { pkg, source } of plan) {
    const archive = await debArchive(source.suite);
    await proc.stdout.write(`Setting up ${pkg.name} (${pkg.version}) ...\n`);
    const lines = configureDeb(fs, pkg, archive?.maintainer ?? "");
    if (lines.length > 0) await proc.stdout.write(`${lines.join("\n")}\n`);
    for (const t of pkg.triggers ?? []) triggers.add(t);
    await proc.sleep(5);
  }
  const versions = new Map(readStatus(fs).map((e) => [e.name, e.version]));
  for (const trigger of [...triggers].sort()) {
    const version = versions.get(trigger);
    if (version) await proc.stdout.write(`Processing triggers for ${trigger} (${version}) ...\n`);
  }
}
