import { type NpmPackage, npmRegistry } from "./registry";
import { maxSatisfying } from "./semver";

/** One package placed in the tree: `location` is its path from the project ("node_modules/send/node_modules/ms"). */
export interface Placed {
  location: string;
  pkg: NpmPackage;
  /** Whether only devDependencies reach it. */
  dev: boolean;
}

export type TreeResult = { ok: true; placed: Placed[] } | { ok: false; name: string; range: string; known: boolean };

/**
 * Builds the node_modules tree as npm's arborist does for a fresh install: breadth first
 * from the project's dependencies, each package hoisted to the top-level node_modules
 * unless another version already sits there, in which case it nests under its dependent.
 */
export function buildTree(dependencies: Record<string, string>, devDependencies: Record<string, string>): TreeResult {
  const registry = npmRegistry();
  const at = new Map<string, Placed>();
  const queue: Array<{ parent: string; name: string; range: string; dev: boolean }> = [];
  for (const [name, range] of Object.entries(dependencies)) queue.push({ parent: "", name, range, dev: false });
  for (const [name, range] of Object.entries(devDependencies)) queue.push({ parent: "", name, range, dev: true });
  while (queue.length > 0) {
    const { parent, name, range, dev } = queue.shift() as (typeof queue)[number];
    const versions = registry.get(name);
    const version =
      versions &&
      maxSatisfying(
        versions.map((p) => p.version),
        range,
      );
    if (!versions || !version) return { ok: false, name, range, known: versions !== undefined };
    // Node's lookup from the dependent: its own node_modules, then each ancestor's.
    const chain: string[] = [];
    for (let dir = parent; ; ) {
      chain.push(dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`);
      if (!dir) break;
      const i = dir.lastIndexOf("/node_modules/");
      dir = i < 0 ? "" : dir.slice(0, i);
    }
    const visible = chain.map((loc) => at.get(loc)).find((p) => p !== undefined);
    if (visible && visible.pkg.version === version) {
      if (!dev) visible.dev = false;
      continue;
    }
    const top = `node_modules/${name}`;
    const location = at.has(top) ? (chain[0] as string) : top;
    const pkg = versions.find((p) => p.version === version) as NpmPackage;
    at.set(location, { location, pkg, dev });
    for (const [dep, depRange] of Object.entries(pkg.dependencies)) queue.push({ parent: location, name: dep, range: depRange, dev });
  }
  const placed = [...at.values()].sort((a, b) => (a.location < b.location ? -1 : 1));
  return { ok: true, placed };
}
