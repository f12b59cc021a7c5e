/**
 * smart_ulltoa5() (libbb/human_readable.c): a size in 5 columns, "  615", "12345", then
 * scaled by 1024 with a suffix: "92.1k", " 123M".
 */
export function ulltoa5(value: number): string {
  const scale = " kMGTPEZY";
  let ul = value;
  let idx = 0;
  if (ul > 99999) {
    ul *= 10;
    do {
      ul = Math.floor(ul / 1024);
      idx++;
    } while (ul >= 100000);
  }
  let u = Math.floor(ul / 10);
  let v = ul % 10;
  if (idx === 0) return String(value).padStart(5, " ");
  if (u >= 100) {
    v = u % 10;
    u = Math.floor(u / 10);
    return `${String(u).padStart(3, " ")}${v}${scale[idx]}`;
  }
  return `${String(u).padStart(2, " ")}.${v}${scale[idx]}`;
}

/**
 * The last bb_progress_update() of a download (libbb/progress.c): the name in 20 columns
 * (UNICODE_SUPPORT's fixed width), the percentage, a bar of terminal width - 48 stars
 * (80 columns when stderr is no terminal), the size and the ETA. On a terminal it starts
 * with \r and PROGRESS_END adds the newline; elsewhere each update is its own line.
 */
export function progressLine(name: string, transferred: number, total: number, cols: number | null): string {
  const file = name.slice(0, 20).padEnd(20, " ");
  const ratio = Math.floor((100 * transferred) / total);
  const barlength = Math.min((cols ?? 80) - 48, 999);
  let bar = "";
  if (barlength > 2) {
    const stars = Math.floor((barlength * transferred) / total);
    bar = `|${"*".repeat(stars)}${" ".repeat(barlength - stars)}| `;
  }
  const eta = "  0:00:00 ETA";
  return `${cols === null ? "" : "\r"}${file} ${String(ratio).padStart(3, " ")}% ${bar}${ulltoa5(transferred)}${eta}\n`;
}
