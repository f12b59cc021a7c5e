import { invalidParameter } from "../errors";

/** The `filters` query parameter: {"status":["running"],"name":["web"]}, or the legacy {"status":{"running":true}}. */
export function parseFilters(raw: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!raw) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter("invalid filter");
  }
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    out.set(key, Array.isArray(value) ? value.map(String) : Object.keys(value as object));
  }
  return out;
}

/** Whether a filter with these accepted keys is valid; answers as moby's filters.Validate does. */
export function validateFilters(filters: Map<string, string[]>, accepted: string[]): void {
  for (const key of filters.keys()) {
    if (!accepted.includes(key)) throw invalidParameter(`invalid filter '${key}'`);
  }
}
