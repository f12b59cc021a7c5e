import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { programName } from "../program";
import { gmtime, hhmmss } from "./ctime";
import { readLoadavg, readProcesses, readUptime } from "./readproc";

const USAGE = `
Usage:
 uptime [options]

Options:
 -p, --pretty   show uptime in pretty format
 -h, --help     display this help and exit
 -s, --since    system up since
 -V, --version  output version information and exit

For more details see uptime(1).
`;

/** uptime(1), procps-ng 4.0.2: the time, how long the system has run, users, load. */
export const uptime: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { short: "phsV", long: { pretty: "p", help: "h", since: "s", version: "V" } });
    if (opts.operands.length > 0) throw new UsageError("");
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) await proc.stderr.write(`${programName(proc)}: ${err.message}\n`);
    await proc.stderr.write(USAGE);
    return 1;
  }
  for (const [opt] of opts.list) {
    if (opt === "h") {
      await proc.stdout.write(USAGE);
      return 0;
    }
    if (opt === "s") {
      const since = gmtime(Math.floor(proc.now() / 1000 - readUptime(proc) + 0.5));
      const date = `${since.year}-${pad(since.month + 1)}-${pad(since.day)}`;
      await proc.stdout.write(`${date} ${hhmmss(since)}\n`);
      return 0;
    }
    if (opt === "V") {
      await proc.stdout.write("uptime from procps-ng 4.0.2\n");
      return 0;
    }
  }
  const line = opts.has("p") ? prettyUptime(readUptime(proc)) : uptimeLine(proc);
  await proc.stdout.write(`${line}\n`);
  return 0;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** procps_uptime_sprint: ` 00:05:01 up 5 min,  1 user,  load average: 0.00, 0.00, 0.00` (top's first line too). */
export function uptimeLine(proc: Process): string {
  const now = gmtime(proc.now() / 1000);
  const up = Math.floor(readUptime(proc));
  const days = Math.floor(up / 86_400);
  const hours = Math.floor(up / 3600) % 24;
  const minutes = Math.floor(up / 60) % 60;
  let out = ` ${hhmmss(now)} up `;
  if (days) out += `${days} ${days > 1 ? "days" : "day"}, `;
  out += hours ? `${String(hours).padStart(2)}:${pad(minutes)}, ` : `${minutes} min, `;
  const users = loggedInUsers(proc);
  const [one, five, fifteen] = readLoadavg(proc);
  out += `${String(users).padStart(2)} ${users > 1 ? "users" : "user"},  load average: ${one.toFixed(2)}, ${five.toFixed(2)}, ${fifteen.toFixed(2)}`;
  return out;
}

/**
 * Users as utmp would count them: login(1) records a session for each login shell
 * (argv[0] starting with "-") on a terminal.
 */
function loggedInUsers(proc: Process): number {
  return readProcesses(proc).filter((p) => p.session === p.pid && p.tty !== "?" && p.cmdline[0]?.startsWith("-")).length;
}

/** procps_uptime_sprint_short: `up 1 hour, 36 minutes`. */
export function prettyUptime(seconds: number): string {
  let rest = seconds;
  const take = (unit: number) => {
    if (rest <= unit) return 0;
    const n = Math.floor(rest / unit);
    rest -= n * unit;
    return n;
  };
  const parts: string[] = [];
  const decades = take(60 * 60 * 24 * 365 * 10);
  const years = take(60 * 60 * 24 * 365);
  const weeks = take(60 * 60 * 24 * 7);
  const days = take(60 * 60 * 24);
  const hours = take(60 * 60);
  const minutes = take(60);
  if (decades) parts.push(`${decades} ${decades > 1 ? "decades" : "decade"}`);
  if (years) parts.push(`${years} ${years > 1 ? "years" : "year"}`);
  if (weeks) parts.push(`${weeks} ${weeks > 1 ? "weeks" : "week"}`);
  if (days) parts.push(`${days} ${days > 1 ? "days" : "day"}`);
  if (hours) parts.push(`${hours} ${hours > 1 ? "hours" : "hour"}`);
  if (minutes || rest < 60) parts.push(`${minutes} ${minutes !== 1 ? "minutes" : "minute"}`);
  return `up ${parts.join(", ")}`;
}
