import type { FileSystem } from "../../fs/filesystem";
import { ownedPaths, unpackFiles } from "../files";
import { applyPathFilters } from "./excludes";
import type { Alternative, DebPackage } from "./package";
import { INFO, recordInstalled, statusParagraph } from "./status";

/**
 * What dpkg does with a .deb from the offline archive: unpack its files into the
 * container's tree (its writable layer, so `docker diff` sees them), record the
 * file list, then configure it (status, alternatives, postinst messages).
 */
export function unpackDeb(fs: FileSystem, pkg: DebPackage): void {
  const files = applyPathFilters(fs, pkg.files);
  unpackFiles(fs, files);
  fs.writeFile(`${INFO}/${pkg.name}.list`, `${ownedPaths(files).join("\n")}\n`);
  if (pkg.conffiles?.length) fs.writeFile(`${INFO}/${pkg.name}.conffiles`, `${pkg.conffiles.join("\n")}\n`);
}

/** Runs the postinst: marks the package installed and returns what it prints. */
export function configureDeb(fs: FileSystem, pkg: DebPackage, maintainer: string): string[] {
  recordInstalled(fs, statusParagraph(pkg, maintainer));
  const lines: string[] = [];
  for (const alt of pkg.alternatives ?? []) lines.push(...installAlternative(fs, alt));
  lines.push(...(pkg.postinst ?? []));
  return lines;
}

const ALTERNATIVES_DIR = "/etc/alternatives";
const ALTERNATIVES_DB = "/var/lib/dpkg/alternatives";

/**
 * update-alternatives --install: the generic name links to /etc/alternatives/<name>,
 * which links to the best (highest priority) provider. Messages as update-alternatives
 * 1.22 prints them in auto mode.
 */
function installAlternative(fs: FileSystem, alt: Alternative): string[] {
  const dbFile = `${ALTERNATIVES_DB}/${alt.name}`;
  const existing = readAlternativeDb(fs, dbFile);
  const choices = existing.filter((c) => c.path !== alt.path);
  choices.push({ path: alt.path, priority: alt.priority });
  const best = choices.reduce((a, b) => (b.priority > a.priority ? b : a));
  if (!fs.exists("/var/lib/dpkg")) fs.mkdir("/var/lib/dpkg", { recursive: true });
  if (!fs.exists(ALTERNATIVES_DB)) fs.mkdir(ALTERNATIVES_DB, { recursive: true });
  const slaves = alt.slaves ?? [];
  const db = [
    "auto",
    alt.link,
    ...slaves.flatMap((s) => [s.name, s.link]),
    "",
    ...choices.flatMap((c) => [c.path, String(c.priority), ...slaves.map(() => "")]),
    "",
  ];
  fs.writeFile(dbFile, `${db.join("\n")}\n`);
  if (best.path !== alt.path && existing.length > 0) return [];
  if (!fs.exists(ALTERNATIVES_DIR)) fs.mkdir(ALTERNATIVES_DIR, { recursive: true });
  replaceLink(fs, `${ALTERNATIVES_DIR}/${alt.name}`, alt.path);
  replaceLink(fs, alt.link, `${ALTERNATIVES_DIR}/${alt.name}`);
  const lines = [`update-alternatives: using ${alt.path} to provide ${alt.link} (${alt.name}) in auto mode`];
  for (const slave of slaves) {
    if (!fs.exists(slave.path)) {
      lines.push(
        `update-alternatives: warning: skip creation of ${slave.link} because associated file ${slave.path} (of link group ${alt.name}) doesn't exist`,
      );
      continue;
    }
    replaceLink(fs, `${ALTERNATIVES_DIR}/${slave.name}`, slave.path);
    replaceLink(fs, slave.link, `${ALTERNATIVES_DIR}/${slave.name}`);
  }
  return lines;
}

function readAlternativeDb(fs: FileSystem, file: string): Array<{ path: string; priority: number }> {
  let lines: string[];
  try {
    lines = fs.readText(file).split("\n");
  } catch {
    return [];
  }
  // mode, generic link, then slave name/link pairs up to a blank line; then per
  // choice: path, priority and one line per slave; a blank line ends the file.
  let i = 2;
  let slaveCount = 0;
  while (i < lines.length && lines[i] !== "") {
    i += 2;
    slaveCount++;
  }
  i++;
  const out: Array<{ path: string; priority: number }> = [];
  while (i + 1 < lines.length && lines[i] !== "") {
    out.push({ path: lines[i], priority: Number(lines[i + 1]) || 0 });
    i += 2 + slaveCount;
  }
  return out;
}

function replaceLink(fs: FileSystem, path: string, target: string): void {
  try {
    fs.lstat(path);
    fs.unlink(path);
  } catch {
    // nothing there yet
  }
  const dir = path.slice(0, path.lastIndexOf("/")) || "/";
  if (!fs.exists(dir)) fs.mkdir(dir, { recursive: true });
  fs.symlink(target, path);
}

/** Trees dpkg does not own: kernel filesystems, scratch space, apt's downloads. */
const UNOWNED = new Set([
  "/proc",
  "/sys",
  "/dev",
  "/run",
  "/tmp",
  "/var/tmp",
  "/home",
  "/root",
  "/var/lib/apt/lists",
  "/var/cache",
  "/var/log",
  "/mnt",
  "/media",
  "/srv",
]);

/**
 * The `(Reading database ... N files and directories currently installed.)` count: every
 * path of the system trees, which is what the union of the .list files amounts to on a
 * real image (4,381 on ubuntu:24.04).
 */
export function databaseSize(fs: FileSystem): number {
  let count = 0;
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = fs.readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = dir === "/" ? `/${name}` : `${dir}/${name}`;
      if (UNOWNED.has(path)) continue;
      count++;
      try {
        if (fs.lstat(path).type === "dir") walk(path);
      } catch {
        // vanished
      }
    }
  };
  walk("/");
  return count;
}
