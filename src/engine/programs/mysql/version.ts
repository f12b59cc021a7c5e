import type { Process } from "../../kernel/process";

/** The image's package version, `9.1.0-1.el9`: the official image sets MYSQL_VERSION. */
export function packageVersion(proc: Process): string {
  return proc.env.MYSQL_VERSION || "9.1.0-1.el9";
}

/** The server version, `9.1.0`. */
export function serverVersion(proc: Process): string {
  return packageVersion(proc).split("-")[0];
}
