import { canonicalName, type Release, type Requirement } from "./index";
import { formatRequirement, type ParsedRequirement } from "./requirement";
import { compareVersions, isPrerelease, normalizeSpecifier, satisfies } from "./specifier";

/** One package pip collects, with the requirement that pulled it in. */
export interface Collected {
  release: Release;
  /** The requirement as pip prints it: "Werkzeug>=2.0". */
  requirement: string;
  /**
   * pip's comes_from chain: "flask", "Jinja2>=3.0->flask", "-r requirements.txt (line 1)";
   * null for what was asked on the command line.
   */
  parent: string | null;
  /** pip 9's marker suffix: `; python_version < "3.7"`. */
  marker?: string;
  /** The version installed before, which this one replaces. */
  replaces?: string;
}

/** A requirement that an installed distribution already meets. */
export interface Satisfied {
  requirement: string;
  parent: string | null;
  version: string;
}

/** What pip was asked for: a parsed requirement and where it came from (null: the command line). */
export interface Wanted {
  req: ParsedRequirement;
  comesFrom: string | null;
  /** Only limits versions (a `-c` file). */
  constraint?: boolean;
}

/** The environment a marker is evaluated in: a CPython on Linux. */
function markerValue(variable: string, pythonVersion: string): string | undefined {
  switch (variable) {
    case "python_version":
      return pythonVersion.split(".").slice(0, 2).join(".");
    case "python_full_version":
      return pythonVersion;
    case "sys_platform":
      return "linux";
    case "platform_system":
      return "Linux";
    case "os_name":
      return "posix";
    case "implementation_name":
      return "cpython";
    case "platform_python_implementation":
      return "CPython";
    default:
      return undefined;
  }
}

/** Whether an environment marker holds for this interpreter (comparisons joined by `and`/`or`). */
export function markerHolds(marker: string | undefined, pythonVersion: string): boolean {
  if (!marker) return true;
  return marker.split(/\s+or\s+/).some((alternative) =>
    alternative.split(/\s+and\s+/).every((term) => {
      const m = /^\(?\s*([a-z_]+)\s*(<=|>=|<|>|==|!=|~=)\s*["']([^"']*)["']\s*\)?$/.exec(term.trim());
      if (!m) return true;
      const have = markerValue(m[1] as string, pythonVersion);
      if (have === undefined) return true;
      const op = m[2] as string;
      const want = m[3] as string;
      if (/version/.test(m[1] as string)) return satisfies(have, `${op}${want}`);
      return op === "==" ? have === want : op === "!=" ? have !== want : true;
    }),
  );
}

export type Resolution =
  | {
      ok: true;
      collected: Collected[];
      order: Release[];
      satisfied: Satisfied[];
      ignored: ParsedRequirement[];
      /** Collected and satisfied requirements in the order pip logs them. */
      log: Array<Collected | Satisfied>;
    }
  | { ok: false; collected: Collected[]; missing: string; versions: string[] };

export interface ResolveOptions {
  /** `--upgrade`: the newest release of what was asked for, even if one is installed. */
  upgrade?: boolean;
  /** `--force-reinstall`: what was asked for is installed again. */
  forceReinstall?: boolean;
  /** The dependencies an installed distribution declares (its METADATA's Requires-Dist). */
  installedRequires?: (key: string) => Requirement[];
  /** pip 9's install order: each package's dependencies first, in the order they are required. */
  legacyOrder?: boolean;
}

/**
 * Collects what was asked for and its dependencies breadth first (the order pip prints
 * "Collecting"), each at the newest release the index has that every specifier on it admits,
 * keeps installed distributions that meet their requirement, and orders the installs
 * dependencies first.
 */
export function resolve(
  wanted: Wanted[],
  index: Map<string, Release[]>,
  pythonVersion: string,
  installed: Map<string, string>,
  options: ResolveOptions = {},
): Resolution {
  const collected: Collected[] = [];
  const satisfied: Satisfied[] = [];
  const ignored: ParsedRequirement[] = [];
  const log: Array<Collected | Satisfied> = [];
  const chosen = new Map<string, Release>();
  const seen = new Set<string>();
  // The dependency graph pip orders the installs by; "" is the root.
  const graph = new Map<string, Set<string>>([["", new Set()]]);
  const edge = (from: string, to: string) => {
    if (!graph.has(from)) graph.set(from, new Set());
    if (!graph.has(to)) graph.set(to, new Set());
    graph.get(from)?.add(to);
  };
  // Specifiers every requirement on a project adds up to (top level and constraints).
  const limits = new Map<string, string[]>();
  for (const w of wanted) {
    const key = canonicalName(w.req.name);
    if (w.req.spec) limits.set(key, [...(limits.get(key) ?? []), w.req.spec]);
  }
  const queue: Array<{ req: ParsedRequirement; parent: string | null; top: boolean; from: string }> = [];
  for (const w of wanted) {
    if (w.constraint) continue;
    if (!markerHolds(w.req.marker, pythonVersion)) {
      ignored.push(w.req);
      continue;
    }
    queue.push({ req: w.req, parent: w.comesFrom, top: true, from: "" });
  }
  while (queue.length > 0) {
    const { req, parent, top, from } = queue.shift() as { req: ParsedRequirement; parent: string | null; top: boolean; from: string };
    const key = canonicalName(req.name);
    const text = formatRequirement({ ...req, marker: undefined });
    edge(from, key);
    if (seen.has(key)) continue;
    seen.add(key);
    const specs = [req.spec, ...(limits.get(key) ?? [])].filter((s) => s !== "");
    const releases = index.get(key) ?? [];
    const admits = (version: string) => specs.every((s) => satisfies(version, s));
    const have = installed.get(key);
    const upgrading = top && (options.upgrade || options.forceReinstall);
    const keep = (version: string) => {
      satisfied.push({ requirement: text, parent, version });
      log.push(satisfied[satisfied.length - 1] as Satisfied);
      // pip checks an installed distribution's own dependencies too.
      const chain = parent === null ? text : `${text}->${parent}`;
      for (const dep of options.installedRequires?.(key) ?? []) {
        if (markerHolds(dep.marker, pythonVersion)) queue.push({ req: asParsed(dep), parent: chain, top: false, from: key });
      }
    };
    if (have !== undefined && admits(have) && !upgrading) {
      keep(have);
      continue;
    }
    const pinnedPre = specs.some((s) => /^(==|===)/.test(s) && isPrerelease(s.replace(/^=+/, "")));
    const release = [...releases].reverse().find((r) => admits(r.version) && (pinnedPre || !isPrerelease(r.version)));
    if (!release) {
      return { ok: false, collected, missing: text, versions: releases.map((r) => r.version) };
    }
    if (have !== undefined && compareVersions(have, release.version) === 0 && !options.forceReinstall) {
      keep(have);
      continue;
    }
    const entry: Collected = { release, requirement: text, parent, marker: req.marker };
    if (have !== undefined) entry.replaces = have;
    collected.push(entry);
    log.push(entry);
    chosen.set(key, release);
    const chain = parent === null ? text : `${text}->${parent}`;
    for (const dep of release.requires) {
      if (!markerHolds(dep.marker, pythonVersion)) continue;
      queue.push({ req: asParsed(dep), parent: chain, top: false, from: key });
    }
  }
  const weights = topologicalWeights(graph, new Set(chosen.keys()));
  const order = options.legacyOrder
    ? legacyOrder(collected, chosen, pythonVersion)
    : [...chosen.entries()]
        .sort(([a], [b]) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || (a < b ? 1 : a > b ? -1 : 0))
        .map(([, release]) => release);
  return { ok: true, collected, order, satisfied, ignored, log };
}

/** A dependency from a release's metadata, as the resolver reads requirements. */
function asParsed(dep: Requirement): ParsedRequirement {
  return { name: dep.name, extras: [], spec: normalizeSpecifier(dep.spec), marker: dep.marker };
}

/**
 * pip's get_topological_weights (resolution/resolvelib/resolver.py): leaves are pruned round
 * after round, each round's leaves weighing the number of nodes left less one; what is
 * installed goes heaviest first, ties broken by canonical name, descending.
 */
function topologicalWeights(graph: Map<string, Set<string>>, keys: Set<string>): Map<string, number> {
  const nodes = new Map([...graph.entries()].map(([k, v]) => [k, new Set(v)]));
  const weights = new Map<string, number>();
  for (;;) {
    const leaves = [...nodes.entries()].filter(([k, children]) => k !== "" && children.size === 0).map(([k]) => k);
    if (leaves.length === 0) break;
    const weight = nodes.size - 1;
    for (const leaf of leaves) {
      if (keys.has(leaf)) weights.set(leaf, weight);
      nodes.delete(leaf);
    }
    for (const children of nodes.values()) for (const leaf of leaves) children.delete(leaf);
  }
  // What a cycle kept in the graph: the longest path from the root.
  const visit = (node: string, path: string[]) => {
    if (path.includes(node)) return;
    for (const child of nodes.get(node) ?? []) visit(child, [...path, node]);
    if (keys.has(node) && node !== "") weights.set(node, Math.max(weights.get(node) ?? 0, path.length));
  };
  if (nodes.size > 1) visit("", []);
  return weights;
}

/** pip 9's RequirementSet order: depth first, a package after what it requires. */
function legacyOrder(collected: Collected[], chosen: Map<string, Release>, pythonVersion: string): Release[] {
  const order: Release[] = [];
  const placed = new Set<string>();
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
  return order;
}
