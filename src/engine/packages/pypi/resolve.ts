import { canonicalName, type Release, type Requirement } from "./index";

/** One package pip collects, with the requirement that pulled it in. */
export interface Collected {
  release: Release;
  /** The requirement as pip prints it: "Werkzeug>=2.0". */
  requirement: string;
  /** The chain pip 9 prints: "flask" or "Jinja2>=3.0->flask"; null for what was asked. */
  parent: string | null;
  /** pip 9's marker suffix: `; python_version < "3.7"`. */
  marker?: string;
}

/** Whether an environment marker holds for this interpreter (the python_version comparisons). */
export function markerHolds(marker: string | undefined, pythonVersion: string): boolean {
  if (!marker) return true;
  const m = /^python_version\s*(<=|>=|<|>|==)\s*"(\d+)\.(\d+)"$/.exec(marker.trim());
  if (!m) return true;
  const [maj, min] = pythonVersion.split(".").map(Number) as [number, number];
  const have = maj * 100 + min;
  const want = Number(m[2]) * 100 + Number(m[3]);
  switch (m[1]) {
    case "<":
      return have < want;
    case "<=":
      return have <= want;
    case ">":
      return have > want;
    case ">=":
      return have >= want;
    default:
      return have === want;
  }
}

export type Resolution =
  | { ok: true; collected: Collected[]; order: Release[]; satisfied: Collected[] }
  | { ok: false; collected: Collected[]; missing: string; versions: string[] };

/**
 * Collects `wanted` and their dependencies breadth first (the order pip prints "Collecting"),
 * skipping what is installed already, and orders the installs dependencies first.
 */
export function resolve(
  wanted: string[],
  index: Map<string, Release>,
  pythonVersion: string,
  installed: (name: string) => boolean,
): Resolution {
  const collected: Collected[] = [];
  const satisfied: Collected[] = [];
  const seen = new Set<string>();
  const queue: Array<{ req: Requirement; parent: string | null }> = wanted.map((w) => {
    const m = /^([A-Za-z0-9._-]+)\s*(.*)$/.exec(w) as RegExpExecArray;
    return { req: { name: m[1] as string, spec: m[2] ?? "" }, parent: null };
  });
  while (queue.length > 0) {
    const { req, parent } = queue.shift() as { req: Requirement; parent: string | null };
    const key = canonicalName(req.name);
    if (seen.has(key)) continue;
    seen.add(key);
    const release = index.get(key);
    const pinned = /^==\s*(.+)$/.exec(req.spec)?.[1];
    if (!release || (pinned !== undefined && pinned !== release.version)) {
      return { ok: false, collected, missing: `${req.name}${req.spec}`, versions: release ? [release.version] : [] };
    }
    const entry: Collected = { release, requirement: `${req.name}${req.spec}`, parent, marker: req.marker };
    if (installed(key)) {
      satisfied.push(entry);
      continue;
    }
    collected.push(entry);
    const chain = parent === null ? req.name : `${req.name}${req.spec}->${parent}`;
    for (const dep of release.requires) {
      if (markerHolds(dep.marker, pythonVersion)) queue.push({ req: dep, parent: chain });
    }
  }
  // Dependencies first, in the order they are required (pip's install order).
  const order: Release[] = [];
  const placed = new Set<string>();
  const chosen = new Map(collected.map((c) => [canonicalName(c.release.name), c.release]));
  const visit = (release: Release) => {
    const key = canonicalName(release.name);
    if (placed.has(key)) return;
    placed.add(key);
    for (const dep of release.requires) {
      const next = chosen.get(canonicalName(dep.name));
      if (next && markerHolds(dep.marker, pythonVersion)) visit(next);
    }
    order.push(release);
  };
  for (const c of collected) visit(c.release);
  return { ok: true, collected, order, satisfied };
}
