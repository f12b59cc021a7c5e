/** A keyspace: strings and lists, with expiry times on the virtual clock. */
export type Value = { type: "string"; value: string } | { type: "list"; value: string[] };

export class Keyspace {
  readonly data = new Map<string, Value>();
  readonly expires = new Map<string, number>();
  /** Changes since the last save, as INFO's rdb_changes_since_last_save counts them. */
  dirty = 0;

  constructor(private readonly now: () => number) {}

  get(key: string): Value | undefined {
    const at = this.expires.get(key);
    if (at !== undefined && at <= this.now()) {
      this.data.delete(key);
      this.expires.delete(key);
    }
    return this.data.get(key);
  }

  set(key: string, value: Value): void {
    this.data.set(key, value);
    this.dirty++;
  }

  delete(key: string): boolean {
    this.expires.delete(key);
    const had = this.get(key) !== undefined;
    this.data.delete(key);
    if (had) this.dirty++;
    return had;
  }

  keys(): string[] {
    return [...this.data.keys()].filter((k) => this.get(k) !== undefined);
  }

  clear(): void {
    this.data.clear();
    this.expires.clear();
    this.dirty++;
  }

  /**
   * The snapshot written to dump.rdb. Real RDB is a binary format; this keeps the same role
   * (the whole keyspace, expiry times, loaded at start) as one JSON document after the
   * `REDIS0011` magic and version that real files also begin with.
   */
  serialize(): string {
    const entries = this.keys().map((k) => ({ k, v: this.data.get(k), x: this.expires.get(k) }));
    return `REDIS0011${JSON.stringify(entries)}`;
  }

  /** Loads a snapshot; returns the number of keys, or null when the file is not one of ours. */
  load(text: string): number | null {
    if (!text.startsWith("REDIS")) return null;
    try {
      const entries = JSON.parse(text.slice(9)) as Array<{ k: string; v: Value; x?: number }>;
      for (const e of entries) {
        this.data.set(e.k, e.v);
        if (e.x !== undefined) this.expires.set(e.k, e.x);
      }
      return entries.length;
    } catch {
      return null;
    }
  }
}

/** Redis's glob matching for KEYS (stringmatchlen): *, ?, [abc], [^a], \x. */
export function globMatch(pattern: string, text: string): boolean {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += ".*";
    else if (c === "?") re += ".";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        re += `[${pattern
          .slice(i + 1, end)
          .replace(/^\^/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else if (c === "\\" && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += c.replace(/[.+^${}()|\\/]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "s").test(text);
}
