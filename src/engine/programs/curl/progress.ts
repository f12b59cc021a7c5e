/**
 * curl's progress meter (lib/progress.c, progress_meter()): shown on stderr when the
 * output is not a terminal and -s is absent. Transfers take virtual milliseconds here,
 * so the meter prints its first line and its last.
 */
const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** A size or speed in at most five columns, as max5data() prints it. */
export function max5(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * KB) return `${String(Math.floor(bytes / KB)).padStart(4)}k`;
  if (bytes < 100 * MB) return `${String(Math.floor(bytes / MB)).padStart(2)}.${Math.floor((bytes % MB) / (MB / 10))}M`;
  if (bytes < 10000 * MB) return `${String(Math.floor(bytes / MB)).padStart(4)}M`;
  if (bytes < 100 * GB) return `${String(Math.floor(bytes / GB)).padStart(2)}.${Math.floor((bytes % GB) / (GB / 10))}G`;
  return `${String(Math.floor(bytes / GB)).padStart(4)}G`;
}

/** time2str(): "--:--:--" for nothing, else h:mm:ss in eight columns. */
function time2str(seconds: number): string {
  if (seconds <= 0) return "--:--:--";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${String(h).padStart(2)}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

export const METER_HEADER =
  "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n" +
  "                                 Dload  Upload   Total   Spent    Left  Speed\n";

export interface ProgressState {
  downloaded: number;
  /** Expected download size (Content-Length), or null when unknown. */
  downloadSize: number | null;
  uploaded: number;
  uploadSize: number | null;
  /** Milliseconds since the transfer started. */
  elapsedMs: number;
}

/** trspeed(): bytes per second; a transfer under a millisecond counts as one, as it does on a real host. */
function speed(bytes: number, ms: number): number {
  return Math.floor((bytes * 1000) / Math.max(1, ms));
}

function percent(done: number, size: number): number {
  if (size > 10000) return Math.floor(done / Math.floor(size / 100));
  return size > 0 ? Math.floor((done * 100) / size) : 0;
}

/** One update line, starting with a carriage return. */
export function meterLine(p: ProgressState): string {
  const dlspeed = p.downloaded > 0 ? speed(p.downloaded, p.elapsedMs) : 0;
  const ulspeed = p.uploaded > 0 ? speed(p.uploaded, p.elapsedMs) : 0;
  const dlpercent = p.downloadSize !== null && dlspeed > 0 ? percent(p.downloaded, p.downloadSize) : 0;
  const ulpercent = p.uploadSize !== null && ulspeed > 0 ? percent(p.uploaded, p.uploadSize) : 0;
  const dlestimate = p.downloadSize !== null && dlspeed > 0 ? Math.floor(p.downloadSize / dlspeed) : 0;
  const ulestimate = p.uploadSize !== null && ulspeed > 0 ? Math.floor(p.uploadSize / ulspeed) : 0;
  const estimate = Math.max(dlestimate, ulestimate);
  const spent = Math.floor(p.elapsedMs / 1000);
  const expected = (p.uploadSize ?? p.uploaded) + (p.downloadSize ?? p.downloaded);
  const total = percent(p.downloaded + p.uploaded, expected);
  return (
    `\r${String(total).padStart(3)} ${max5(expected)}  ${String(dlpercent).padStart(3)} ${max5(p.downloaded)}  ` +
    `${String(ulpercent).padStart(3)} ${max5(p.uploaded)}  ${max5(dlspeed)}  ${max5(ulspeed)} ` +
    `${time2str(estimate)} ${time2str(spent)} ${time2str(estimate > 0 ? estimate - spent : 0)} ${max5(dlspeed + ulspeed)}`
  );
}
