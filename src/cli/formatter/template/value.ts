// How JS values stand in for Go values in templates. Arrays are slices;
// plain objects and Maps are maps (a missing key is "<no value>"); class
// instances are structs (fields, getters and methods; a missing field is an
// error). undefined is Go's invalid value, null a nil interface.
import { formatFloatV } from "../units/gofloat";

/** A class can name its Go type for error messages ("*formatter.ContainerContext"). */
export const goTypeName = Symbol("goTypeName");

export function isStruct(v: unknown): v is object {
  if (v === null || typeof v !== "object" || Array.isArray(v) || v instanceof Map) return false;
  const proto = Object.getPrototypeOf(v);
  return proto !== Object.prototype && proto !== null;
}

export function isMapLike(v: unknown): v is Record<string, unknown> | Map<unknown, unknown> {
  return v instanceof Map || (v !== null && typeof v === "object" && !Array.isArray(v) && !isStruct(v));
}

/** Map entries in Go's fmt order: keys sorted. */
export function mapEntries(v: Record<string, unknown> | Map<unknown, unknown>): [unknown, unknown][] {
  const entries: [unknown, unknown][] = v instanceof Map ? [...v.entries()] : Object.entries(v);
  return entries.sort(([a], [b]) => compareKeys(a, b));
}

function compareKeys(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Go's reflect type name, as errors print it. */
export function typeName(v: unknown): string {
  if (v === undefined || v === null) return "interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float64";
  if (typeof v === "function") return "func";
  if (Array.isArray(v)) return v.every((e) => typeof e === "string") && v.length > 0 ? "[]string" : "[]interface {}";
  if (v instanceof Map) return "map[string]interface {}";
  if (isStruct(v)) {
    const named = (v as { [goTypeName]?: string })[goTypeName];
    return named ?? `*${(v as object).constructor.name}`;
  }
  const values = Object.values(v as object);
  return values.length > 0 && values.every((e) => typeof e === "string") ? "map[string]string" : "map[string]interface {}";
}

/** text/template's truth: false, 0, "", nil, and empty slices/maps are false. */
export function truth(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof Map) return v.size > 0;
  if (isStruct(v)) return true;
  if (typeof v === "object") return Object.keys(v).length > 0;
  return true;
}

/** fmt's %v. `top` marks the template's own printing of a missing value as "<no value>". */
export function formatValue(v: unknown, top = true): string {
  // A template prints a missing value or a nil interface as "<no value>"; fmt prints nil inside values as "<nil>".
  if (v === undefined || v === null) return top ? "<no value>" : "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 1e21 ? String(v) : formatFloatV(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return v.toString();
  if (Array.isArray(v)) return `[${v.map((e) => formatValue(e, false)).join(" ")}]`;
  if (isMapLike(v))
    return `map[${mapEntries(v)
      .map(([k, e]) => `${formatValue(k, false)}:${formatValue(e, false)}`)
      .join(" ")}]`;
  if (isStruct(v)) {
    const s = (v as { toString?: () => string }).toString;
    if (typeof s === "function" && s !== Object.prototype.toString) return s.call(v);
    return `{${Object.values(v)
      .map((e) => formatValue(e, false))
      .join(" ")}}`;
  }
  return String(v);
}
