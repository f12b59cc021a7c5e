/**
 * PEP 440 versions and version specifiers, as pip's vendored `packaging` compares them:
 * release segments compared numerically (3.0 == 3.0.0), pre-releases (a/b/rc) before the
 * release, `~=` as "compatible release", `==3.*` prefix matching, `!=` exclusions.
 */

interface Parsed {
  release: number[];
  /** Pre-release rank: a=0, b=1, rc=2; Infinity for a final release. */
  pre: [number, number];
  post: number;
}

function parse(version: string): Parsed | null {
  const m = /^v?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|rc|alpha|beta|c|pre|preview)[-_.]?(\d*))?(?:[-_.]?post[-_.]?(\d*))?$/i.exec(version.trim());
  if (!m) return null;
  const kind = (m[2] ?? "").toLowerCase();
  const rank = kind === "" ? Number.POSITIVE_INFINITY : kind.startsWith("a") ? 0 : kind.startsWith("b") ? 1 : 2;
  return {
    release: (m[1] as string).split(".").map(Number),
    pre: [rank, Number(m[3] || 0)],
    post: m[4] === undefined ? -1 : Number(m[4] || 0),
  };
}

/** Whether a version is a pre-release (pip skips those unless asked). */
export function isPrerelease(version: string): boolean {
  const p = parse(version);
  return p !== null && p.pre[0] !== Number.POSITIVE_INFINITY;
}

function compareRelease(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Orders two versions (negative when a is older); unparseable versions sort as strings. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return (
    compareRelease(pa.release, pb.release) ||
    Math.sign(pa.pre[0] - pb.pre[0]) ||
    Math.sign(pa.pre[1] - pb.pre[1]) ||
    Math.sign(pa.post - pb.post)
  );
}

/** One clause of a specifier set: `>=3.1`, `==2.*`, `~=2.0`. */
function clauseHolds(op: string, want: string, version: string): boolean {
  if (op === "===") return version === want;
  if ((op === "==" || op === "!=") && want.endsWith(".*")) {
    const prefix = want.slice(0, -2).split(".").map(Number);
    const have = parse(version)?.release ?? [];
    const match = prefix.every((n, i) => (have[i] ?? 0) === n);
    return op === "==" ? match : !match;
  }
  const c = compareVersions(version, want);
  switch (op) {
    case "==":
      return c === 0;
    case "!=":
      return c !== 0;
    case ">=":
      return c >= 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case "<":
      return c < 0;
    case "~=": {
      // ~=2.2 means >=2.2,==2.*; ~=1.4.5 means >=1.4.5,==1.4.*.
      const release = parse(want)?.release ?? [];
      const prefix = release.slice(0, Math.max(1, release.length - 1));
      const have = parse(version)?.release ?? [];
      return c >= 0 && prefix.every((n, i) => (have[i] ?? 0) === n);
    }
    default:
      return false;
  }
}

export interface Clause {
  op: string;
  version: string;
}

/** Splits a specifier set ("<3,>=1.21.1") into its clauses; null when malformed. */
export function parseSpecifier(spec: string): Clause[] | null {
  const clauses: Clause[] = [];
  for (const part of spec.split(",")) {
    const text = part.trim();
    if (text === "") {
      if (spec.trim() === "") continue;
      return null;
    }
    const m = /^(===|==|!=|~=|>=|<=|>|<)\s*([A-Za-z0-9.*+!_-]+)$/.exec(text);
    if (!m) return null;
    clauses.push({ op: m[1] as string, version: m[2] as string });
  }
  return clauses;
}

/** Whether `version` satisfies every clause of the set (an empty set admits all). */
export function satisfies(version: string, spec: string): boolean {
  const clauses = parseSpecifier(spec) ?? [];
  return clauses.every((c) => clauseHolds(c.op, c.version, version));
}

/** packaging's str(SpecifierSet): the clauses sorted as strings, comma-joined. */
export function normalizeSpecifier(spec: string): string {
  const clauses = parseSpecifier(spec);
  if (!clauses) return spec;
  return clauses
    .map((c) => `${c.op}${c.version}`)
    .sort()
    .join(",");
}
