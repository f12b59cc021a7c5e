/**
 * Query strings as Go's url.Values.Encode builds them (keys sorted, QueryEscape), and the
 * `filters` parameter as moby's filters.ToJSON marshals an Args: {"name":{"web":true}}.
 */

export type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue | QueryValue[]>;

/** net/url.QueryEscape: every byte but [A-Za-z0-9-_.~] escaped, spaces as `+`. */
export function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

export function encodeQuery(query: Query): string {
  const parts: string[] = [];
  for (const key of Object.keys(query).sort()) {
    const raw = query[key];
    const values = Array.isArray(raw) ? raw : [raw];
    for (const v of values) {
      if (v === undefined || v === null) continue;
      const text = typeof v === "boolean" ? (v ? "1" : "0") : String(v);
      parts.push(`${queryEscape(key)}=${queryEscape(text)}`);
    }
  }
  return parts.join("&");
}

/** `--filter key=value` flags, in the order given. */
export type FilterArgs = Array<[string, string]>;

/** Parses `--filter` values (opts.FilterOpt): `key=value`; a value without `=` is an error. */
export function parseFilters(values: string[]): FilterArgs {
  return values.map((raw) => {
    const eq = raw.indexOf("=");
    if (eq < 0) throw new Error(`bad format of filter (expected name=value)`);
    return [raw.slice(0, eq).trim().toLowerCase(), raw.slice(eq + 1).trim()];
  });
}

/** filters.ToJSON: keys sorted (Go maps marshal sorted); undefined when there are none. */
export function filtersJson(args: FilterArgs): string | undefined {
  if (args.length === 0) return undefined;
  const byKey = new Map<string, Set<string>>();
  for (const [key, value] of args) {
    if (!byKey.has(key)) byKey.set(key, new Set());
    byKey.get(key)?.add(value);
  }
  const parts = [...byKey.keys()].sort().map((key) => {
    const values = [...(byKey.get(key) ?? [])].sort();
    return `${JSON.stringify(key)}:{${values.map((v) => `${JSON.stringify(v)}:true`).join(",")}}`;
  });
  return `{${parts.join(",")}}`;
}
