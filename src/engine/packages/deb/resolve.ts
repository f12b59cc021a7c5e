import { relationNames } from "./control";
import type { Candidate } from "./lists";
import type { DebPackage } from "./package";

export interface Resolution {
  /** Packages to install, dependencies before the packages that need them. */
  install: Candidate[];
  /** Suggests of the new packages that stay uninstalled, as apt prints them ("a | b"). */
  suggested: string[];
}

/**
 * apt's choice for `apt-get install names...`: every Depends (and, unless told not to,
 * Recommends) that is not installed yet, recursively; the first alternative of an
 * `a | b` group that the archive has. Dependencies missing from both the archive and the
 * system are left to the base image, whose packages the offline archive does not repeat.
 */
export function resolve(names: string[], candidates: Map<string, Candidate>, installed: Set<string>, recommends: boolean): Resolution {
  const order: Candidate[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || installed.has(name)) return;
    seen.add(name);
    const candidate = candidates.get(name);
    if (!candidate) return;
    const pkg = candidate.pkg;
    const groups = [...(pkg.depends ?? []), ...(recommends ? (pkg.recommends ?? []) : [])];
    for (const group of relationNames(groups.join(", "))) {
      if (group.some((alt) => installed.has(alt) || seen.has(alt))) continue;
      const pick = group.find((alt) => candidates.has(alt));
      if (pick) visit(pick);
    }
    order.push(candidate);
  };
  for (const name of names) visit(name);
  const chosen = new Set(order.map((c) => c.pkg.name));
  const suggested = new Set<string>();
  for (const { pkg } of order) {
    for (const group of suggestionsOf(pkg)) {
      const alts = group.split("|").map((a) => a.trim());
      if (alts.some((a) => installed.has(a) || chosen.has(a))) continue;
      suggested.add(alts.join(" | "));
    }
  }
  return { install: order, suggested: [...suggested] };
}

function suggestionsOf(pkg: DebPackage): string[] {
  return pkg.suggests ?? [];
}
