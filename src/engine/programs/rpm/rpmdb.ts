import type { FileSystem } from "../../fs/filesystem";

/**
 * The RPM database as the images store it: /var/lib/rpm/rpmdb.sqlite holding one JSON
 * object per installed package, in installation order (see images/rootfs/rpm.ts):
 *   {"name":"bash","version":"4.4.20","release":"1.el8_4","arch":"x86_64","summary":"...","size":6930068}
 */
export const RPMDB = "/var/lib/rpm/rpmdb.sqlite";

export interface RpmRecord {
  name: string;
  version: string;
  release: string;
  arch: string;
  summary: string;
  size: number;
  /** Paths the package owns (present for packages installed by yum/dnf here). */
  files?: string[];
}

export function readRpmdb(fs: FileSystem): RpmRecord[] {
  let text = "";
  try {
    text = fs.readText(RPMDB);
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((l) => l.trim().startsWith("{"))
    .map((l) => JSON.parse(l) as RpmRecord);
}

export function appendRpmdb(fs: FileSystem, record: RpmRecord): void {
  const line = `${JSON.stringify(record)}\n`;
  if (!fs.exists("/var/lib/rpm")) fs.mkdir("/var/lib/rpm", { recursive: true });
  fs.writeFile(RPMDB, line, { append: true });
}

export function recordNevra(r: RpmRecord): string {
  return `${r.name}-${r.version}-${r.release}.${r.arch}`;
}
