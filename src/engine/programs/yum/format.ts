/** dnf's format_number: 1024-based with k, M, G suffixes (1.4 M, 129 k, 38). */
export function dnfSize(bytes: number): string {
  const units = ["", "k", "M", "G"];
  let n = bytes;
  let i = 0;
  while (n >= 999 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  const digits = n < 10 && i > 0 ? n.toFixed(1) : Math.round(n).toString();
  return i === 0 ? digits : `${digits} ${units[i]}`;
}

/** A progress line: `CentOS Linux 8 - AppStream     4.3 MB/s | 8.4 MB     00:01`. */
export function progressLine(label: string, bytes: number, ms: number): string {
  const seconds = Math.max(ms / 1000, 0.001);
  const size = dnfSize(bytes)
    .replace(/ ?([kMG]?)$/, " $1B")
    .replace(/^(\d+) B$/, "$1  B");
  const rate = `${dnfSize(bytes / seconds).replace(/ ?([kMG]?)$/, " $1B")}/s`;
  const time = `00:${String(Math.floor(seconds)).padStart(2, "0")}`;
  return `${label.slice(0, 47).padEnd(48)}${rate.padStart(10)} | ${size.padStart(6)}     ${time}    \n`;
}
