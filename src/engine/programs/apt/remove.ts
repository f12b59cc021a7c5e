import type { Process } from "../../kernel/process";
import { debArchive } from "../../packages/deb/archives";
import { databaseSize } from "../../packages/deb/dpkg";
import { readCandidates } from "../../packages/deb/lists";
import { readSources } from "../../packages/deb/sources";
import { forgetInstalled, INFO, isInstalled, packageList, readStatus } from "../../packages/deb/status";
import { removeFiles } from "../../packages/files";
import { readState, upgradable } from "./install";
import { showList } from "./show-list";

/** `apt-get remove|purge pkg...`: dpkg --remove of packages the archive knows the files of. */
export async function remove(proc: Process, names: string[], assumeYes: boolean, purge: boolean): Promise<number> {
  const fs = proc.fs;
  await readState(proc);
  const status = readStatus(fs).filter(isInstalled);
  const installed = new Map(status.map((e) => [e.name, e.version]));
  const targets: string[] = [];
  for (const name of names) {
    if (!installed.has(name)) {
      await proc.stdout.write(`Package '${name}' is not installed, so not removed\n`);
      continue;
    }
    if (status.find((e) => e.name === name)?.paragraph.get("Essential") === "yes") {
      await proc.stderr.write(`E: Removing essential system-critical packages is not permitted. This might break the system.\n`);
      return 100;
    }
    targets.push(name);
  }
  const held = upgradable(installed, await readCandidates(fs)).length;
  await proc.stdout.write(showList("The following packages will be REMOVED:", targets.map((n) => (purge ? `${n}*` : n)).sort()));
  await proc.stdout.write(`0 upgraded, 0 newly installed, ${targets.length} to remove and ${held} not upgraded.\n`);
  if (targets.length === 0) return 0;
  const suite = readSources(fs)[0]?.suite ?? "";
  const archive = await debArchive(suite);
  const freed = targets.reduce((sum, n) => sum + (archive?.packages.find((p) => p.name === n)?.installedSize ?? 0), 0) * 1024;
  await proc.stdout.write(`After this operation, ${freedText(freed)} disk space will be freed.\n`);
  if (!assumeYes) {
    await proc.stdout.write("Do you want to continue? [Y/n] ");
    const answer = (await proc.stdin.readLine()) ?? "n";
    if (!(answer.trim() === "" || /^y/i.test(answer.trim()))) {
      await proc.stdout.write("Abort.\n");
      return 1;
    }
  }
  await proc.stdout.write(`(Reading database ... ${databaseSize(fs)} files and directories currently installed.)\n`);
  for (const name of targets) {
    await proc.stdout.write(`Removing ${name} (${installed.get(name)}) ...\n`);
    const pkg = archive?.packages.find((p) => p.name === name);
    if (pkg) removeFiles(fs, pkg.files);
    else for (const path of (packageList(fs, name) ?? []).reverse()) tryUnlink(proc, path);
    for (const alt of pkg?.alternatives ?? []) {
      tryUnlink(proc, alt.link);
      tryUnlink(proc, `/etc/alternatives/${alt.name}`);
      tryUnlink(proc, `/var/lib/dpkg/alternatives/${alt.name}`);
    }
    tryUnlink(proc, `${INFO}/${name}.list`);
    forgetInstalled(fs, name);
  }
  return 0;
}

function freedText(bytes: number): string {
  if (bytes < 10000) return `${bytes} B`;
  if (bytes < 10_000_000) return `${bytes >= 100_000 ? Math.round(bytes / 1000) : (bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function tryUnlink(proc: Process, path: string): void {
  try {
    const st = proc.fs.lstat(path);
    if (st.type === "dir") return;
    proc.fs.unlink(path);
  } catch {
    // already gone
  }
}
