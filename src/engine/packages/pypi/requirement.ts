import { normalizeSpecifier, parseSpecifier } from "./specifier";

/** A PEP 508 requirement as pip reads it from a command line or a requirements file. */
export interface ParsedRequirement {
  /** The name as written ("Flask"). */
  name: string;
  extras: string[];
  /** The specifier set, normalised as packaging prints it (">=4,<6" becomes "<6,>=4"). */
  spec: string;
  marker?: string;
}

/**
 * Parses `name[extra,...] specifiers ; marker` (also the `name (specifiers)` form);
 * null when pip would call it an invalid requirement.
 */
export function parseRequirement(text: string): ParsedRequirement | null {
  const [body = "", ...markerParts] = text.split(";");
  const marker = markerParts.join(";").trim() || undefined;
  const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*?)\s*$/.exec(body);
  if (!m) return null;
  let spec = (m[3] as string).trim();
  if (spec.startsWith("(") && spec.endsWith(")")) spec = spec.slice(1, -1).trim();
  if (spec !== "" && parseSpecifier(spec) === null) return null;
  const extras = (m[2] ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  return { name: m[1] as string, extras, spec: normalizeSpecifier(spec), marker };
}

/** packaging's str(Requirement): `name[extras]spec; marker`. */
export function formatRequirement(req: ParsedRequirement): string {
  const extras = req.extras.length ? `[${[...req.extras].sort().join(",")}]` : "";
  return `${req.name}${extras}${req.spec}${req.marker ? `; ${req.marker}` : ""}`;
}
