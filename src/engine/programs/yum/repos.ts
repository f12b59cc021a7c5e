import type { FileSystem } from "../../fs/filesystem";

const REPOS_DIR = "/etc/yum.repos.d";

/** One [section] of a .repo file, with dnf's defaults. */
export interface Repo {
  id: string;
  name: string;
  enabled: boolean;
  baseurl?: string;
  mirrorlist?: string;
}

/**
 * Every repository of /etc/yum.repos.d/*.repo (yum.conf(5) ini format), with $releasever,
 * $basearch, $contentdir and $infra expanded as dnf does on CentOS Linux 8.
 */
export function readRepos(fs: FileSystem): Repo[] {
  const repos: Repo[] = [];
  let names: string[] = [];
  try {
    names = fs.readdir(REPOS_DIR).sort();
  } catch {
    return repos;
  }
  for (const file of names.filter((n) => n.endsWith(".repo"))) {
    let current: Repo | null = null;
    for (const raw of fs.readText(`${REPOS_DIR}/${file}`).split("\n")) {
      const line = raw.trim();
      const section = /^\[(.+)\]$/.exec(line);
      if (section) {
        current = { id: section[1], name: section[1], enabled: true };
        repos.push(current);
        continue;
      }
      if (!current || line.startsWith("#") || !line.includes("=")) continue;
      const key = line.slice(0, line.indexOf("=")).trim();
      const value = expand(line.slice(line.indexOf("=") + 1).trim());
      if (key === "name") current.name = value;
      else if (key === "enabled") current.enabled = value === "1" || value === "true";
      else if (key === "baseurl") current.baseurl = value;
      else if (key === "mirrorlist") current.mirrorlist = value;
    }
  }
  return repos.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function expand(value: string): string {
  return value
    .replace(/\$releasever/g, "8")
    .replace(/\$basearch/g, "x86_64")
    .replace(/\$contentdir/g, "centos")
    .replace(/\$infra/g, "container");
}

/**
 * Why a repository's metadata cannot be fetched since CentOS Linux 8 reached its end
 * of life (2021-12-31): mirrorlist.centos.org returns no URLs and mirror.centos.org no
 * longer has the tree; only vault.centos.org does. null when the download works.
 */
export function metadataError(repo: Repo): string | null {
  if (repo.baseurl) {
    if (/vault\.centos\.org|vault\.epel\.cloud/.test(repo.baseurl)) return null;
    return "Cannot download repomd.xml: Cannot download repodata/repomd.xml: All mirrors were tried";
  }
  if (repo.mirrorlist) return "Cannot prepare internal mirrorlist: No URLs in mirrorlist";
  return "Cannot find a valid baseurl for repo";
}
