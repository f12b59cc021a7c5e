import type { TimeZone } from "./strftime";

/**
 * The date strings of `date -d` that learners type, after gnulib's parse_datetime:
 * `@EPOCH`, ISO 8601 dates and times (`2024-03-01`, `2024-03-01 12:30`,
 * `2024-03-01T12:30:00Z`), `HH:MM[:SS]`, `now`, `today`, `yesterday`, `tomorrow`, and
 * relative items (`2 days ago`, `+3 hours`, `next week`, `last month`). Returns
 * milliseconds since the epoch, or null where GNU says "invalid date".
 */
export function parseDate(input: string, now: number, zone: TimeZone): number | null {
  const text = input.trim().toLowerCase();
  const epoch = /^@\s*([+-]?\d+(?:\.\d+)?)$/.exec(text);
  if (epoch) return Number(epoch[1]) * 1000;
  let rest = text;
  // Wall-clock fields in the zone, starting from now.
  const local = new Date(now + zone.offset * 60_000);
  let fields = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth(),
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms: local.getUTCMilliseconds(),
  };
  let offset = zone.offset;
  let sawDate = false;
  let sawTime = false;
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[\st])/.exec(rest);
  if (date) {
    fields = { ...fields, year: Number(date[1]), month: Number(date[2]) - 1, day: Number(date[3]) };
    if (new Date(Date.UTC(fields.year, fields.month, fields.day)).getUTCDate() !== fields.day || fields.month > 11) return null;
    sawDate = true;
    rest = rest.slice(date[0].length).replace(/^t/, " ").trimStart();
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(z|utc|[+-]\d{2}:?\d{2})?(?=$|\s)/.exec(rest);
  if (time) {
    const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (hour > 23 || minute > 59 || second > 60) return null;
    const ms = time[4] ? Math.floor(Number(`0.${time[4]}`) * 1000) : 0;
    fields = { ...fields, hour, minute, second, ms };
    if (time[5]) offset = zoneSuffix(time[5]);
    sawTime = true;
    rest = rest.slice(time[0].length).trimStart();
  }
  if (sawDate && !sawTime) fields = { ...fields, hour: 0, minute: 0, second: 0, ms: 0 };
  const relative = relativeItems(rest);
  if (relative === null) return null;
  const wall = Date.UTC(
    fields.year + relative.years,
    fields.month + relative.months,
    fields.day + relative.days,
    fields.hour + relative.hours,
    fields.minute + relative.minutes,
    fields.second + relative.seconds,
    fields.ms,
  );
  return wall - offset * 60_000;
}

function zoneSuffix(text: string): number {
  if (text === "z" || text === "utc") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text) as RegExpExecArray;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

interface Relative {
  years: number;
  months: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const UNITS: Record<string, [keyof Relative, number]> = {
  year: ["years", 1],
  month: ["months", 1],
  fortnight: ["days", 14],
  week: ["days", 7],
  day: ["days", 1],
  hour: ["hours", 1],
  minute: ["minutes", 1],
  min: ["minutes", 1],
  second: ["seconds", 1],
  sec: ["seconds", 1],
};

/** Relative items; `today`, `yesterday` and `tomorrow` keep the time of day, as in GNU. */
function relativeItems(text: string): Relative | null {
  const total: Relative = { years: 0, months: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  const words: Record<string, number> = { now: 0, today: 0, yesterday: -1, tomorrow: 1 };
  let rest = text;
  while (rest !== "") {
    const word = /^(now|today|yesterday|tomorrow)\b\s*/.exec(rest);
    if (word) {
      total.days += words[word[1]];
      rest = rest.slice(word[0].length);
      continue;
    }
    const item = /^([+-]?\s*\d+|next|last|this)?\s*(year|month|fortnight|week|day|hour|minute|min|second|sec)s?\b\s*(ago\b)?\s*/.exec(rest);
    if (!item || item[0] === "") return null;
    const count =
      item[1] === undefined || item[1] === "next"
        ? 1
        : item[1] === "last"
          ? -1
          : item[1] === "this"
            ? 0
            : Number(item[1].replace(/\s/g, ""));
    const [field, scale] = UNITS[item[2]];
    (total[field] as number) += count * scale * (item[3] ? -1 : 1);
    rest = rest.slice(item[0].length);
  }
  return total;
}
