import type { Process } from "../../kernel/process";
import { UsageError } from "../getopt";
import { BUSYBOX_BANNER } from "./banner";

/**
 * bb_show_usage(): the banner, "Usage: APPLET TRIVIAL" and the full usage, on stderr,
 * exit 1. A bad option first gets musl getopt's complaint ("unrecognized option: x").
 */
export async function showUsage(proc: Process, usage: string, err?: unknown): Promise<number> {
  if (err !== undefined && !(err instanceof UsageError)) throw err;
  const name = usage.slice(0, usage.indexOf(" "));
  if (err instanceof UsageError) {
    const match = /'(.+)'/.exec(err.message);
    const what = match ? match[1] : err.message;
    const required = /requires an argument/.test(err.message);
    await proc.stderr.write(`${name}: ${required ? "option requires an argument" : "unrecognized option"}: ${what}\n`);
  }
  await proc.stderr.write(`${BUSYBOX_BANNER}\n\nUsage: ${usage}\n`);
  return 1;
}
