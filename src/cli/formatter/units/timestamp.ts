// --since / --until values (moby client/internal/timestamp GetTimestamp):
// a Go duration ("10m") before the reference time, an RFC 3339 date or a
// partial one ("2018-05-09T08:00", local time when it has no zone), or a
// unix timestamp passed through. Returns "seconds[.nanoseconds]" as the
// Engine API expects.
import { parseDuration } from "../../flags/duration";
import { goQuote } from "./size";

const rfc3339Local = "2006-01-02T15:04:05";
const rfc3339NanoLocal = "2006-01-02T15:04:05.999999999";
const rfc3339 = "2006-01-02T15:04:05Z07:00";
const rfc3339Nano = "2006-01-02T15:04:05.999999999Z07:00";

/** Go layouts GetTimestamp picks from, as patterns: date, hour, minute, second, fraction, zone. */
const layouts: Record<string, RegExp> = {
  [rfc3339NanoLocal]: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/,
  [rfc3339Nano]: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/,
  "2006-01-02T15": /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/,
  "2006-01-02T15:04": /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/,
  [rfc3339Local]: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/,
  "2006-01-02T15Z07:00": /^(\d{4})-(\d{2})-(\d{2})T(\d{2})(Z|[+-]\d{2}:\d{2})$/,
  "2006-01-02T15:04Z07:00": /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/,
  [rfc3339]: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/,
  "2006-01-02": /^(\d{4})-(\d{2})-(\d{2})$/,
  "2006-01-02Z07:00": /^(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})$/,
};

function chooseLayout(value: string, parseInLocation: boolean): string {
  if (value.includes(".")) return parseInLocation ? rfc3339NanoLocal : rfc3339Nano;
  if (value.includes("T")) {
    let tcolons = value.split(":").length - 1;
    if (!parseInLocation && !/[zZ]/.test(value) && tcolons > 0) tcolons--;
    if (parseInLocation) return tcolons === 0 ? "2006-01-02T15" : tcolons === 1 ? "2006-01-02T15:04" : rfc3339Local;
    return tcolons === 0 ? "2006-01-02T15Z07:00" : tcolons === 1 ? "2006-01-02T15:04Z07:00" : rfc3339;
  }
  return parseInLocation ? "2006-01-02" : "2006-01-02Z07:00";
}

/** Parse value with a layout: [unix seconds, nanoseconds], or undefined. */
function parseLayout(value: string, layout: string, localOffsetSeconds: number): [number, number] | undefined {
  const m = layouts[layout]!.exec(value);
  if (!m) return undefined;
  const nums = m.slice(1).filter((g) => g !== undefined && /^\d+$/.test(g));
  const zone = m.slice(1).find((g) => g !== undefined && /^(Z|[+-]\d{2}:\d{2})$/.test(g));
  const [y, mo, d, h = "0", mi = "0", s = "0"] = nums;
  const frac = layout.includes(".") ? (m[7] ?? "") : "";
  const [Y, M, D, H, MI, S] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (M < 1 || M > 12 || D < 1 || D > new Date(Date.UTC(Y, M, 0)).getUTCDate() || H > 23 || MI > 59 || S > 59) return undefined;
  let offset = localOffsetSeconds;
  if (zone !== undefined) {
    offset = zone === "Z" ? 0 : (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
  }
  const seconds = Date.UTC(Y, M - 1, D, H, MI, S) / 1000 - offset;
  return [seconds, Number(frac.padEnd(9, "0") || "0")];
}

/**
 * GetTimestamp. `referenceMs` is "now"; `localOffsetSeconds` is the zone of
 * the reference (UTC in a container unless TZ says otherwise).
 */
export function getTimestamp(value: string, referenceMs: number, localOffsetSeconds = 0): string {
  if (value !== "0") {
    try {
      const d = parseDuration(value);
      return String(Math.floor((referenceMs * 1e6 - d) / 1e9));
    } catch {
      // not a duration
    }
  }
  const parseInLocation = !/[zZ+]/.test(value) && value.split("-").length - 1 !== 3;
  const layout = chooseLayout(value, parseInLocation);
  const t = parseLayout(value, layout, localOffsetSeconds);
  if (!t) {
    if (value.includes("-"))
      throw new Error(`parsing time ${goQuote(value)} as ${goQuote(layout)}: cannot parse ${goQuote(value)} as ${goQuote(layout)}`);
    if (!/^\d+(\.\d+)?$/.test(value)) throw new Error(`failed to parse value as time or duration: ${goQuote(value)}`);
    return value;
  }
  return `${t[0]}.${String(t[1]).padStart(9, "0")}`;
}
