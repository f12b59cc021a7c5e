/**
 * moby's api/types/time.GetTimestamp: the `since`/`until` query values the client sends
 * for --since/--until. A Go duration ("10m") counts back from now; an RFC 3339 date, full
 * or partial ("2018-05-09T08:00"), is read in the client's zone (UTC here); a Unix
 * timestamp passes through. The result is seconds with nine decimals.
 */

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function parseGoDuration(value: string): number | null {
  const m = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(value);
  if (!m) return null;
  let total = 0;
  for (const part of value.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) total += Number(part[1]) * DURATION_UNITS[part[2]];
  return m[1] === "-" ? -total : total;
}

function formatSeconds(ms: number): string {
  const totalNs = BigInt(Math.round(ms * 1e6));
  const sec = totalNs / 1_000_000_000n;
  const ns = totalNs % 1_000_000_000n;
  return `${sec}.${ns.toString().padStart(9, "0")}`;
}

export function getTimestamp(value: string, nowMs: number): string {
  const duration = parseGoDuration(value);
  if (duration !== null) return formatSeconds(nowMs - duration);
  if (/^\d+(\.\d+)?$/.test(value)) {
    const [sec, frac = ""] = value.split(".");
    return frac === "" ? sec : `${sec}.${frac.padEnd(9, "0").slice(0, 9)}`;
  }
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d)(?::(\d\d)(?::(\d\d)(\.\d+)?)?)?)?)?)?(Z|[+-]\d\d:\d\d)?$/.exec(value);
  if (!m || (m[8] === undefined && value.includes("T") && m[4] === undefined)) {
    throw new Error(`failed to parse value as time or duration: "${value}"`);
  }
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", frac = "", zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (zone && zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  const ns = frac === "" ? 0 : Number(frac.slice(1).padEnd(9, "0").slice(0, 9));
  return `${Math.floor(ms / 1000)}.${String(ns).padStart(9, "0")}`;
}
