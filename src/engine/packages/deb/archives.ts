import type { DebArchive } from "./package";

/**
 * The offline mirrors apt can reach, by release codename. Each archive is a module of
 * its own, loaded the first time apt needs it, so images without apt never pay for it.
 */
const ARCHIVES: Record<string, () => Promise<DebArchive>> = {
  noble: async () => (await import("./noble")).noble,
  bookworm: async () => (await import("./bookworm")).bookworm,
};

/** The archive of `suite` (noble, noble-updates, bookworm-security...), or undefined. */
export async function debArchive(suite: string): Promise<DebArchive | undefined> {
  const load = ARCHIVES[suite.replace(/-.*$/, "")];
  return load ? load() : undefined;
}
