import type { FileSystem } from "../../fs/filesystem";
import type { PackageFiles } from "../files";

const DPKG_CFG_DIR = "/etc/dpkg/dpkg.cfg.d";

/**
 * dpkg's --path-exclude/--path-include options from /etc/dpkg/dpkg.cfg.d (dpkg(1)):
 * Ubuntu's minimised images drop man pages and docs except copyright files this way.
 * Later options win, so the last matching pattern decides.
 */
export function applyPathFilters(fs: FileSystem, files: PackageFiles): PackageFiles {
  const rules = pathRules(fs);
  if (rules.length === 0) return files;
  const out: PackageFiles = {};
  for (const [path, file] of Object.entries(files)) {
    let keep = true;
    for (const rule of rules) if (rule.pattern.test(path)) keep = rule.include;
    if (keep) out[path] = file;
  }
  return out;
}

function pathRules(fs: FileSystem): Array<{ include: boolean; pattern: RegExp }> {
  const rules: Array<{ include: boolean; pattern: RegExp }> = [];
  let names: string[] = [];
  try {
    names = fs.readdir(DPKG_CFG_DIR).sort();
  } catch {
    return rules;
  }
  for (const name of names) {
    let text = "";
    try {
      text = fs.readText(`${DPKG_CFG_DIR}/${name}`);
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      const m = /^\s*path-(exclude|include)[=\s]\s*(\S+)/.exec(line);
      if (m) rules.push({ include: m[1] === "include", pattern: globPattern(m[2]) });
    }
  }
  return rules;
}

/** fnmatch(3) without FNM_PATHNAME, as dpkg uses it: `*` also matches slashes. */
function globPattern(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}
