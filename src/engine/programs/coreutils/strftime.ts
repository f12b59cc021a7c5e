/**
 * strftime(3) as GNU date(1) extends it (flags - _ 0 ^ #, field widths, %N, %:z), in
 * the C locale. The playground runs in UTC; a POSIX TZ such as EST5 or CET-1 shifts the
 * clock, anything else (a zoneinfo name, for which the host has no tzdata) is UTC.
 */
export const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const DAY_ABBREVIATIONS = DAY_NAMES.map((d) => d.slice(0, 3));
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
export const MONTH_ABBREVIATIONS = MONTH_NAMES.map((m) => m.slice(0, 3));

export interface TimeZone {
  /** The abbreviation %Z prints. */
  name: string;
  /** Minutes east of UTC. */
  offset: number;
}

export const UTC: TimeZone = { name: "UTC", offset: 0 };

/** The zone a TZ value names: POSIX `NAME[+-]hh[:mm]` (offset west of UTC), else UTC. */
export function timeZone(tz: string | undefined): TimeZone {
  const m = /^:?([A-Za-z]{3,})([+-]?)(\d{1,2})(?::(\d{2}))?$/.exec(tz ?? "");
  if (!m) return UTC;
  const west = (Number(m[3]) * 60 + Number(m[4] ?? 0)) * (m[2] === "-" ? -1 : 1);
  return { name: m[1], offset: -west };
}

/** Broken-down time (struct tm) of `ms` in `zone`. */
interface Tm {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  yearDay: number;
}

function brokenDown(ms: number, zone: TimeZone): Tm {
  const d = new Date(Math.floor(ms / 1000) * 1000 + zone.offset * 60_000);
  const startOfYear = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    yearDay: Math.floor((d.getTime() - startOfYear) / 86_400_000),
  };
}

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: Tm): { year: number; week: number } {
  const weekday = (tm.weekday + 6) % 7; // Monday = 0
  const thursday = tm.yearDay - weekday + 3;
  if (thursday < 0) {
    const prev = tm.year - 1;
    const prevDays = isLeap(prev) ? 366 : 365;
    return { year: prev, week: Math.floor((thursday + prevDays) / 7) + 1 };
  }
  const days = isLeap(tm.year) ? 366 : 365;
  if (thursday >= days) return { year: tm.year + 1, week: 1 };
  return { year: tm.year, week: Math.floor(thursday / 7) + 1 };
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** One conversion's value: digits padded with 0 to `width`, or text padded with spaces. */
interface Field {
  text: string;
  numeric: boolean;
  width: number;
  pad: "0" | " ";
}

const num = (n: number, width: number, pad: "0" | " " = "0"): Field => ({ text: String(n), numeric: true, width, pad });
const str = (text: string): Field => ({ text, numeric: false, width: 0, pad: " " });

function zoneOffset(offset: number, colons: number): string {
  const sign = offset < 0 ? "-" : "+";
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const mm = String(Math.abs(offset) % 60).padStart(2, "0");
  if (colons === 1) return `${sign}${hh}:${mm}`;
  if (colons === 2) return `${sign}${hh}:${mm}:00`;
  if (colons === 3) return Math.abs(offset) % 60 === 0 ? `${sign}${hh}` : `${sign}${hh}:${mm}`;
  return `${sign}${hh}${mm}`;
}

function convert(spec: string, tm: Tm, ms: number, zone: TimeZone, colons: number, width: number): Field | null {
  const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  const sub = (format: string) => str(strftime(format, ms, zone));
  switch (spec) {
    case "a":
      return str(DAY_ABBREVIATIONS[tm.weekday]);
    case "A":
      return str(DAY_NAMES[tm.weekday]);
    case "b":
    case "h":
      return str(MONTH_ABBREVIATIONS[tm.month]);
    case "B":
      return str(MONTH_NAMES[tm.month]);
    case "c":
      return sub("%a %b %e %H:%M:%S %Y");
    case "C":
      return num(Math.floor(tm.year / 100), 2);
    case "d":
      return num(tm.day, 2);
    case "D":
      return sub("%m/%d/%y");
    case "e":
      return num(tm.day, 2, " ");
    case "F":
      return sub("%Y-%m-%d");
    case "g":
      return num(isoWeek(tm).year % 100, 2);
    case "G":
      return num(isoWeek(tm).year, 0);
    case "H":
      return num(tm.hour, 2);
    case "I":
      return num(hour12, 2);
    case "j":
      return num(tm.yearDay + 1, 3);
    case "k":
      return num(tm.hour, 2, " ");
    case "l":
      return num(hour12, 2, " ");
    case "m":
      return num(tm.month + 1, 2);
    case "M":
      return num(tm.minute, 2);
    case "n":
      return str("\n");
    case "N": {
      // Nanoseconds; a width asks for that many digits, truncated, as GNU date does.
      // The clock is in milliseconds; sub-millisecond parts (date -d @1.5) are kept to the microsecond.
      const micros = Math.round((((ms % 1000) + 1000) % 1000) * 1000);
      const nanos = String(micros * 1000).padStart(9, "0");
      return { text: width > 0 ? nanos.slice(0, width) : nanos, numeric: true, width: 0, pad: "0" };
    }
    case "p":
      return str(tm.hour < 12 ? "AM" : "PM");
    case "P":
      return str(tm.hour < 12 ? "am" : "pm");
    case "q":
      return num(Math.floor(tm.month / 3) + 1, 1);
    case "r":
      return sub("%I:%M:%S %p");
    case "R":
      return sub("%H:%M");
    case "s":
      return num(Math.floor(ms / 1000), 0);
    case "S":
      return num(tm.second, 2);
    case "t":
      return str("\t");
    case "T":
      return sub("%H:%M:%S");
    case "u":
      return num(tm.weekday === 0 ? 7 : tm.weekday, 1);
    case "U":
      return num(Math.floor((tm.yearDay + 7 - tm.weekday) / 7), 2);
    case "V":
      return num(isoWeek(tm).week, 2);
    case "w":
      return num(tm.weekday, 1);
    case "W":
      return num(Math.floor((tm.yearDay + 7 - ((tm.weekday + 6) % 7)) / 7), 2);
    case "x":
      return sub("%m/%d/%y");
    case "X":
      return sub("%H:%M:%S");
    case "y":
      return num(tm.year % 100, 2);
    case "Y":
      return num(tm.year, 0);
    case "z":
      return str(zoneOffset(zone.offset, colons));
    case "Z":
      return str(zone.name);
    case "%":
      return str("%");
  }
  return null;
}

/** Formats `ms` (milliseconds since the epoch) as strftime(3) with GNU's extensions. */
export function strftime(format: string, ms: number, zone: TimeZone = UTC): string {
  const tm = brokenDown(ms, zone);
  let out = "";
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== "%") {
      out += format[i];
      continue;
    }
    const m = /^%([-_0^#]*)(\d*)(:{0,3})([a-zA-Z%])/.exec(format.slice(i));
    if (!m) {
      out += "%";
      continue;
    }
    const [whole, flags, widthText, colons, spec] = m;
    const width = widthText === "" ? 0 : Number(widthText);
    const field = colons && spec !== "z" ? null : convert(spec, tm, ms, zone, colons.length, width);
    if (!field) {
      out += whole;
      i += whole.length - 1;
      continue;
    }
    out += render(field, flags, spec === "N" ? 0 : width, spec);
    i += whole.length - 1;
  }
  return out;
}

function render(field: Field, flags: string, width: number, spec: string): string {
  let text = field.text;
  if (flags.includes("^")) text = text.toUpperCase();
  else if (flags.includes("#")) text = /[pZ]/.test(spec) ? text.toLowerCase() : text.toUpperCase();
  const pad = flags.includes("_") ? " " : flags.includes("0") ? "0" : field.pad;
  if (flags.includes("-")) return field.numeric ? text.replace(/^(-?)0+(?=\d)/, "$1") : text;
  const target = width > 0 ? width : field.numeric ? field.width : 0;
  if (text.length >= target) return text;
  if (field.numeric && text.startsWith("-") && pad === "0") return `-${text.slice(1).padStart(target - 1, "0")}`;
  return text.padStart(target, field.numeric ? pad : flags.includes("0") ? "0" : " ");
}
