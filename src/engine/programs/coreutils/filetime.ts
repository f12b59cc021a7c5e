/**
 * File timestamps as ls -l, stat and touch write and read them. Times are milliseconds on
 * the virtual clock; the playground's zone is UTC, so TZ is not consulted.
 */

/** strftime(3) for ls --time-style and stat: the one in strftime.ts, in UTC. */
export { strftime } from "./strftime";

const SIX_MONTHS_MS = (31_556_952 / 2) * 1000;

/**
 * Whether ls -l shows a time as recent (`Jan  1 00:00`) rather than old (`Jan  1  2025`):
 * within the past six months (half a Gregorian year) and not in the future. A file
 * stamped in the current virtual millisecond counts as recent: the virtual clock does not
 * move while commands run, where on Linux the clock always has.
 */
export function isRecent(ms: number, now: number): boolean {
  return now - SIX_MONTHS_MS < ms && ms <= now;
}

/**
 * touch -t's `[[CC]YY]MMDDhhmm[.ss]`. Two-digit years 69-99 are 19xx, 00-68 20xx (POSIX).
 * Returns null when the stamp is malformed.
 */
export function parseTouchStamp(stamp: string, now: number): number | null {
  const m = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(stamp);
  if (!m) return null;
  const digits = m[1];
  const seconds = Number(m[2] ?? "0");
  let year = new Date(now).getUTCFullYear();
  let rest = digits;
  if (digits.length === 12) {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else if (digits.length === 10) {
    const yy = Number(digits.slice(0, 2));
    year = yy < 69 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  }
  const [month, day, hour, minute] = [0, 2, 4, 6].map((i) => Number(rest.slice(i, i + 2)));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || seconds > 60) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, seconds);
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms;
}

const UNITS: Record<string, number> = {
  sec: 1000,
  second: 1000,
  min: 60_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  fortnight: 1_209_600_000,
};

/**
 * The date strings of `touch -d` (and `date -d`) that people type: `@EPOCH`, ISO dates
 * and times (`2024-01-31`, `2024-01-31 12:00[:00[.123]]`, with `T` or a `Z`), `now`,
 * `today`, `yesterday`, `tomorrow`, `N units [ago]` and `next`/`last unit`, alone or after
 * a date. Returns null for anything else (touch: invalid date format ‘x’).
 */
export function parseDateString(text: string, now: number): number | null {
  let s = text.trim().toLowerCase();
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(s);
  if (epoch) return Math.round(Number(epoch[1]) * 1000);
  let base = now;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|utc)?/.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac] = iso;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    base = Date.UTC(Number(y), month - 1, day, Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0));
    if (frac) base += Math.floor(Number(`0.${frac}`) * 1000);
    s = s.slice(iso[0].length).trim();
  } else {
    const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(s);
    if (time) {
      const day = new Date(now);
      base = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), Number(time[1]), Number(time[2]), Number(time[3] ?? 0));
      s = s.slice(time[0].length).trim();
    }
  }
  return applyRelative(s, base);
}

function applyRelative(text: string, base: number): number | null {
  let ms = base;
  let s = text;
  while (s !== "") {
    const word = /^(now|today)\b/.exec(s);
    const dayWord = /^(yesterday|tomorrow)\b/.exec(s);
    const rel = /^([+-]?\d+)?\s*(sec|second|min|minute|hour|day|week|fortnight)s?\b(\s+ago\b)?/.exec(s);
    const nextLast = /^(next|last)\s+(sec|second|min|minute|hour|day|week|fortnight)\b/.exec(s);
    if (word) s = s.slice(word[0].length);
    else if (dayWord) {
      ms += dayWord[1] === "yesterday" ? -UNITS.day : UNITS.day;
      s = s.slice(dayWord[0].length);
    } else if (rel) {
      const n = Number(rel[1] ?? "1") * UNITS[rel[2]];
      ms += rel[3] ? -n : n;
      s = s.slice(rel[0].length);
    } else if (nextLast) {
      ms += (nextLast[1] === "next" ? 1 : -1) * UNITS[nextLast[2]];
      s = s.slice(nextLast[0].length);
    } else return null;
    s = s.trim();
  }
  return ms;
}
