/**
 * A count with an optional size suffix, as gnulib's xdectoumax() reads the arguments of
 * head -n/-c and tail -n/-c: `b` is 512, `K`/`k` 1024, `M`/`m`, `G`, `T`... powers of
 * 1024; `KB`, `MB`... powers of 1000; `KiB`, `MiB`... powers of 1024 again.
 */
const POWERS = "KMGTPEZY";

/** The value of `text`, or null when it is not a count (a suffix that does not belong too). */
export function xdectoumax(text: string): number | null {
  const m = /^\+?(\d+)(b|[kKmMGTPEZY](?:B|iB)?)?$/.exec(text.trim() === text ? text : "");
  if (!m) return null;
  const n = Number(m[1]);
  const suffix = m[2];
  if (!suffix) return n;
  if (suffix === "b") return n * 512;
  const power = POWERS.indexOf(suffix[0].toUpperCase()) + 1;
  const base = suffix.endsWith("B") && !suffix.endsWith("iB") ? 1000 : 1024;
  return n * base ** power;
}
