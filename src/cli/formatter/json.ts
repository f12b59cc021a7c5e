// Go's encoding/json as docker's `json` template function uses it
// (Encoder with SetEscapeHTML(false), trailing newline trimmed): objects
// keep their field order, Maps are sorted by key as Go sorts map keys.

export function goJSON(v: unknown): string {
  return encode(v);
}

function encode(v: unknown): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "string") return quote(v);
  if (typeof v === "number") return Number.isFinite(v) ? formatNumber(v) : "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return `[${v.map(encode).join(",")}]`;
  if (v instanceof Map) {
    const entries = [...v.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
    return `{${entries.map(([k, e]) => `${quote(String(k))}:${encode(e)}`).join(",")}}`;
  }
  const toJSON = (v as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === "function") return encode(toJSON.call(v));
  const entries = Object.entries(v as object).filter(([, e]) => e !== undefined && typeof e !== "function");
  return `{${entries.map(([k, e]) => `${quote(k)}:${encode(e)}`).join(",")}}`;
}

/** Go float64 encoding: exponent form below 1e-6 and from 1e21, "1e-7"/"1e+21", as JS prints. */
function formatNumber(n: number): string {
  return String(n);
}

/** encoding/json string quoting without HTML escaping; U+2028/2029 still escaped. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (cp < 0x20 || cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
