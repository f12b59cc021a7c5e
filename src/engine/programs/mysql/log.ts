import type { Process } from "../../kernel/process";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The entrypoint script's `date --rfc-3339=seconds` stamp: `2026-01-01 00:00:00+00:00`. */
export function entrypointTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+00:00`;
}

/** mysqld's error log stamp (log_timestamps=UTC): `2026-01-01T00:00:00.000000Z`. */
export function serverTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}

/** docker-entrypoint.sh's mysql_note/mysql_warn (stdout) and mysql_error (stderr). */
export function note(proc: Process, text: string): Promise<void> {
  return proc.stdout.write(`${entrypointTime(proc.now())} [Note] [Entrypoint]: ${text}\n`);
}

export function entrypointError(proc: Process, text: string): Promise<void> {
  return proc.stderr.write(`${entrypointTime(proc.now())} [ERROR] [Entrypoint]: ${text}\n`);
}

/** One error-log line of mysqld: `<time> <thread> [System] [MY-010931] [Server] text`, on stderr. */
export function serverLog(
  proc: Process,
  thread: number,
  label: "System" | "Warning" | "Note" | "ERROR",
  code: string,
  subsystem: string,
  text: string,
): Promise<void> {
  return proc.stderr.write(`${serverTime(proc.now())} ${thread} [${label}] [${code}] [${subsystem}] ${text}\n`);
}
