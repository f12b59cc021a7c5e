/**
 * An HTTP header block: field names compare without case (RFC 9110 §5.1) but keep the
 * spelling they were sent with, in order, so `curl -i` shows them as they came.
 */
export class HttpHeaders {
  private readonly fields: Array<[string, string]> = [];

  constructor(init?: Iterable<[string, string]> | Record<string, string>) {
    if (!init) return;
    const entries = Symbol.iterator in Object(init) ? (init as Iterable<[string, string]>) : Object.entries(init);
    for (const [name, value] of entries) this.append(name, value);
  }

  /** The value of `name`; several fields of one name join with ", " (RFC 9110 §5.3). */
  get(name: string): string | null {
    const values = this.getAll(name);
    return values.length > 0 ? values.join(", ") : null;
  }

  getAll(name: string): string[] {
    const key = name.toLowerCase();
    return this.fields.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v);
  }

  has(name: string): boolean {
    return this.getAll(name).length > 0;
  }

  /** Replaces every field of `name` with one. */
  set(name: string, value: string): void {
    const key = name.toLowerCase();
    const at = this.fields.findIndex(([n]) => n.toLowerCase() === key);
    this.delete(name);
    if (at >= 0) this.fields.splice(at, 0, [name, value]);
    else this.fields.push([name, value]);
  }

  append(name: string, value: string): void {
    this.fields.push([name, value]);
  }

  delete(name: string): void {
    const key = name.toLowerCase();
    for (let i = this.fields.length - 1; i >= 0; i--) if (this.fields[i][0].toLowerCase() === key) this.fields.splice(i, 1);
  }

  entries(): Array<[string, string]> {
    return this.fields.map(([n, v]) => [n, v]);
  }

  /** Whether a comma-separated field (Connection, Transfer-Encoding) lists `token`. */
  hasToken(name: string, token: string): boolean {
    const want = token.toLowerCase();
    return this.getAll(name).some((v) => v.split(",").some((t) => t.trim().toLowerCase() === want));
  }

  /** The block as sent on the wire, each field ending in CRLF. */
  serialize(): string {
    return this.fields.map(([n, v]) => `${n}: ${v}\r\n`).join("");
  }
}
