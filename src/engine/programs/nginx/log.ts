import type { Process } from "../../kernel/process";
import type { HttpRequest } from "./http";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/** Severity order of error_log levels: a message is written when at or above the configured one. */
const LEVELS = ["debug", "info", "notice", "warn", "error", "crit", "alert", "emerg"];

export function logs(level: string, threshold: string): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(threshold);
}

/** An error_log line: `2026/01/01 00:00:05 [notice] 1#1: message` (containers run in UTC). */
export function errorLine(ms: number, level: string, pid: number, message: string): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date} ${time} [${level}] ${pid}#${pid}: ${message}\n`;
}

/** $time_local: `01/Jan/2026:00:00:05 +0000`. */
export function timeLocal(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/**
 * An access_log line in the image's `main` format:
 * '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"'.
 */
export function accessLine(ms: number, remote: string, req: HttpRequest, status: number, bytes: number): string {
  const h = (name: string) => req.headers.get(name) ?? "-";
  return `${remote} - - [${timeLocal(ms)}] "${req.line}" ${status} ${bytes} "${h("referer")}" "${h("user-agent")}" "${h("x-forwarded-for")}"\n`;
}

/**
 * Where a log path writes: the official image links /var/log/nginx/error.log to /dev/stderr
 * and access.log to /dev/stdout (so they become `docker logs`); any other path is a file.
 */
export function logFd(proc: Process, path: string): number {
  let target = path;
  for (let hops = 0; hops < 8; hops++) {
    if (target === "/dev/stdout") return 1;
    if (target === "/dev/stderr") return 2;
    try {
      if (proc.fs.lstat(target).type !== "symlink") break;
      const link = proc.fs.readlink(target);
      target = link.startsWith("/") ? link : `${target.slice(0, target.lastIndexOf("/"))}/${link}`;
    } catch {
      break;
    }
  }
  try {
    return proc.open(path, "a", undefined, { closeOnExec: true });
  } catch {
    // ngx_log_open_default falls back to stderr when the file cannot be opened.
    return 2;
  }
}

/** The error log of one process: lines at or above the configured level, with its pid. */
export class ErrorLog {
  constructor(
    private readonly proc: Process,
    private readonly fd: number,
    private readonly threshold: string,
  ) {}

  async write(level: string, message: string): Promise<void> {
    if (!logs(level, this.threshold)) return;
    await this.proc.write(this.fd, errorLine(this.proc.now(), level, this.proc.pid, message));
  }

  notice(message: string): Promise<void> {
    return this.write("notice", message);
  }
}
