import type { Process } from "../../kernel/process";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Log levels as serverLogRaw marks them: `.` debug, `-` verbose, `*` notice, `#` warning. */
export type Level = "*" | "#" | "-" | ".";

/**
 * A redis log line, `1:M 01 Jan 2026 00:00:05.123 * message`: pid, role (C before the
 * server is set up, M for a master), time with milliseconds, level mark.
 */
export function logLine(pid: number, role: "C" | "M", ms: number, level: Level, message: string): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
  return `${pid}:${role} ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${level} ${message}\n`;
}

/** Writes the server's log to stdout (logfile "" in the default config). */
export class ServerLog {
  role: "C" | "M" = "C";
  constructor(private readonly proc: Process) {}

  write(level: Level, message: string): Promise<void> {
    return this.proc.stdout.write(logLine(this.proc.pid, this.role, this.proc.now(), level, message));
  }
}
