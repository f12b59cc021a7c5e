/**
 * The small display helpers the object formatters share (docker/cli
 * cli/command/formatter/displayutils.go and stringid, Go's time.Time.String/Format).
 */
import { displayWidth } from "../../formatter/tabwriter";

/** formatter.TruncateID: the first 12 characters of an ID, after any `sha256:` prefix. */
export function truncateID(id: string): string {
  const colon = id.indexOf(":");
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.length > 12 ? bare.slice(0, 12) : bare;
}

/** formatter.Ellipsis: cut to `max` display columns, the last one an ellipsis. */
export function ellipsis(s: string, max: number): string {
  if (max <= 0) return "";
  if (displayWidth(s) <= max) return s;
  if (max === 1) return "…";
  let out = "";
  let width = 0;
  for (const ch of s) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function utcParts(ms: number): { date: string; time: string } {
  const d = new Date(ms);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  };
}

/** time.Unix(s, 0).String() on a UTC host: `2026-01-01 00:00:00 +0000 UTC`. */
export function goUnixString(seconds: number): string {
  const { date, time } = utcParts(seconds * 1000);
  return `${date} ${time} +0000 UTC`;
}

/** time.Unix(s, 0).Format(time.RFC3339) on a UTC host: `2026-01-01T00:00:00Z`. */
export function goRFC3339(seconds: number): string {
  const { date, time } = utcParts(seconds * 1000);
  return `${date}T${time}Z`;
}

/** time.Time.String() of an RFC 3339 timestamp from the API, nanoseconds kept as given. */
export function goTimeString(rfc3339: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(rfc3339);
  if (!m) return rfc3339;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  const zone = m[4] === "Z" ? "+0000 UTC" : `${m[4].replace(":", "")} ${m[4].replace(":", "")}`;
  return `${m[1]} ${m[2]}${frac === "." ? "" : frac} ${zone}`;
}
