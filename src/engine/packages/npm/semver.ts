/**
 * The part of node-semver's range grammar package.json files use: exact versions, `~`, `^`,
 * comparators (`>=`, `<`, ...) joined by spaces, `||`, hyphen ranges, `*`, `x` and `latest`.
 */
type Version = [number, number, number];

function parse(v: string): Version | null {
  const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(v.trim());
  if (!m) return null;
  const n = (s: string | undefined) => (s === undefined || s === "x" || s === "*" ? -1 : Number(s));
  return [Number(m[1]), n(m[2]), n(m[3])];
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` satisfies one comparator like `~1.2.3`, `>=2.1.2` or `1.x`. */
function comparator(version: Version, text: string): boolean {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*(.+)$/.exec(text) as RegExpExecArray;
  const op = m[1] ?? "";
  const want = parse(m[2] as string);
  if (!want) return false;
  const [maj, min, pat] = want;
  const floor: Version = [maj, Math.max(min, 0), Math.max(pat, 0)];
  switch (op) {
    case ">=":
      return cmp(version, floor) >= 0;
    case ">":
      return cmp(version, floor) > 0;
    case "<=":
      return cmp(version, floor) <= 0;
    case "<":
      return cmp(version, floor) < 0;
    case "^": {
      if (cmp(version, floor) < 0) return false;
      if (maj > 0 || min < 0) return version[0] === maj;
      if (min > 0 || pat < 0) return version[0] === 0 && version[1] === min;
      return cmp(version, floor) === 0;
    }
    case "~":
      return cmp(version, floor) >= 0 && version[0] === maj && (min < 0 || version[1] === min);
    default:
      return version[0] === maj && (min < 0 || version[1] === min) && (pat < 0 || version[2] === pat);
  }
}

export function satisfies(versionText: string, range: string): boolean {
  const version = parse(versionText);
  if (!version) return false;
  const r = range.trim();
  if (r === "" || r === "*" || r === "latest" || r === "x") return true;
  return r.split("||").some((part) => {
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(part.trim());
    if (hyphen) return comparator(version, `>=${hyphen[1]}`) && comparator(version, `<=${hyphen[2]}`);
    const items = part
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1")
      .split(/\s+/);
    return items.every((c) => comparator(version, c));
  });
}

/** The highest of `versions` in `range`, as npm picks when no lockfile pins one. */
export function maxSatisfying(versions: string[], range: string): string | null {
  const ok = versions.filter((v) => satisfies(v, range));
  ok.sort((a, b) => cmp(parse(a) as Version, parse(b) as Version));
  return ok[ok.length - 1] ?? null;
}
