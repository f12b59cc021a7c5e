/**
 * ctime(3) and the broken-down time pieces procps prints, in UTC: the playground's
 * hosts run with TZ unset and /etc/localtime at UTC.
 */
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const two = (n: number) => String(n).padStart(2, "0");

export interface BrokenDownTime {
  year: number;
  /** 0-11 */
  month: number;
  day: number;
  /** Day of the year, 0-365 (tm_yday). */
  yday: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

/** gmtime(3) of a time in seconds since the epoch. */
export function gmtime(seconds: number): BrokenDownTime {
  const d = new Date(Math.floor(seconds) * 1000);
  const year = d.getUTCFullYear();
  return {
    year,
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    yday: Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86_400_000),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** `Thu Jan  1 00:00:00 2026`, ctime(3) without its newline. */
export function ctime(seconds: number): string {
  const t = gmtime(seconds);
  return `${DAYS[t.weekday]} ${MONTHS[t.month]} ${String(t.day).padStart(2)} ${hhmmss(t)} ${t.year}`;
}

/** `00:05:01` */
export function hhmmss(t: BrokenDownTime): string {
  return `${two(t.hour)}:${two(t.minute)}:${two(t.second)}`;
}

/** `00:05` */
export function hhmm(t: BrokenDownTime): string {
  return `${two(t.hour)}:${two(t.minute)}`;
}
