/**
 * The options `docker stop` and `docker restart` share (cli/command/container/stop.go,
 * restart.go): the stop signal and how long to wait for it before SIGKILL.
 */
import type { CommandContext } from "../../cobra/command";
import type { FlagSpec } from "../../flags/value";

export const stopFlags: FlagSpec[] = [
  { name: "signal", short: "s", kind: "string", usage: "Signal to send to the container" },
  { name: "timeout", short: "t", kind: "int", usage: "Seconds to wait before killing the container" },
  // The deprecated --time spelling of --timeout.
  { name: "time", kind: "int", usage: "Seconds to wait before killing the container (deprecated: use --timeout)", hidden: true },
];

/** The query of POST /containers/{id}/stop and /restart: `signal` and `t`, when given. */
export function stopQuery(ctx: CommandContext): { signal: string | undefined; t: number | undefined } {
  const t = ctx.flags.changed("timeout") ? ctx.flags.number("timeout") : ctx.flags.changed("time") ? ctx.flags.number("time") : undefined;
  return { signal: ctx.flags.string("signal") || undefined, t };
}
