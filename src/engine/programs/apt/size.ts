/**
 * apt's SizeToStr (apt-pkg/contrib/strutl.cc): powers of 1000, one decimal below 100,
 * none below 10000, then the next unit. Callers append "B" or "B/s". apt formats with
 * %' so the thousands separator follows LC_NUMERIC: none in the C locale of an image.
 */
export function sizeToStr(bytes: number, grouping = false): string {
  const units = ["", "k", "M", "G", "T", "P", "E", "Z", "Y"];
  let size = bytes;
  for (let i = 0; i < units.length; i++) {
    if (size < 100 && i !== 0) return `${size.toFixed(1)} ${units[i]}`;
    if (size < 10000) return `${group(size.toFixed(0), grouping)} ${units[i]}`;
    size /= 1000;
  }
  return `${size.toFixed(0)} Y`;
}

function group(digits: string, on: boolean): string {
  return on ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : digits;
}

/** apt's TimeToStr for the `Fetched ... in 3s` line. */
export function timeToStr(seconds: number): string {
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ${s % 60}s`;
  if (s >= 60) return `${Math.floor(s / 60)}min ${s % 60}s`;
  return `${s}s`;
}

/** Whether the locale groups digits (en_US.UTF-8 does; C and POSIX do not). */
export function localeGroups(env: Record<string, string>): boolean {
  const locale = env.LC_ALL || env.LC_NUMERIC || env.LANG || "C";
  return !/^(C|POSIX)(\.|$)/.test(locale);
}
