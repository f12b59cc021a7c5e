import { errorText, isSysError } from "../../kernel/errno";
import { parseSignal, Signal, signalName } from "../../kernel/signal";
import { type BuiltinContext, usageLine } from "./context";

/** Signal names by number as `kill -l` lists them: Linux's 1-31, then the real-time ones. */
function nameOf(num: number): string | undefined {
  const known = signalName(num);
  if (known) return known;
  if (num >= 34 && num <= 49) return num === 34 ? "SIGRTMIN" : `SIGRTMIN+${num - 34}`;
  if (num >= 50 && num <= 64) return num === 64 ? "SIGRTMAX" : `SIGRTMAX-${64 - num}`;
  return undefined;
}

/** ` 1) SIGHUP\t 2) SIGINT\t...`, five to a line, as kill -l and trap -l print them. */
export function signalList(): string {
  let out = "";
  let column = 0;
  for (let num = 1; num <= 64; num++) {
    const name = nameOf(num);
    if (!name) continue;
    column++;
    out += `${String(num).padStart(2)}) ${name}${column % 5 === 0 ? "\n" : "\t"}`;
  }
  return out.endsWith("\n") ? out : `${out}\n`;
}

const USAGE = "kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]";

/**
 * kill [-s sig | -sig] pid|%job ...: sends a signal (TERM by default) to processes or
 * to a job's process group. kill -l lists signals or names one.
 */
export async function killBuiltin(ctx: BuiltinContext): Promise<number> {
  let args = ctx.args;
  let sig: number = Signal.SIGTERM;
  if (args[0] === "-l" || args[0] === "-L") return listSignals(ctx, args.slice(1));
  if (args[0] === "-s" || args[0] === "-n") {
    if (args.length < 2) {
      await ctx.error(`${args[0]}: option requires an argument`);
      return 2;
    }
    const parsed = parseSignal(args[1]);
    if (parsed === undefined) {
      await ctx.error(`${args[1]}: invalid signal specification`);
      return 1;
    }
    sig = parsed;
    args = args.slice(2);
  } else if (args[0]?.startsWith("-") && args[0] !== "--" && args[0].length > 1) {
    const parsed = args[0] === "-0" ? 0 : parseSignal(args[0].slice(1));
    if (parsed === undefined) {
      await ctx.error(`${args[0].slice(1)}: invalid signal specification`);
      return 1;
    }
    sig = parsed;
    args = args.slice(1);
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await usageLine(ctx, USAGE);
    return 2;
  }
  let status = 0;
  for (const target of args) {
    if (!(await killOne(ctx, target, sig))) status = 1;
  }
  return status;
}

async function killOne(ctx: BuiltinContext, target: string, sig: number): Promise<boolean> {
  const proc = ctx.proc;
  if (target.startsWith("%")) {
    const job = ctx.state.jobs.find(target);
    if (!job) {
      await ctx.error(`${target}: no such job`);
      return false;
    }
    try {
      if (job.pgid) proc.kill(-job.pgid, sig);
      else for (const pid of job.pids) if (!job.statuses.has(pid)) proc.kill(pid, sig);
    } catch (err) {
      if (!isSysError(err, "ESRCH")) throw err;
    }
    return true;
  }
  if (!/^-?\d+$/.test(target)) {
    await ctx.error(`${target}: arguments must be process or job IDs`);
    return false;
  }
  try {
    proc.kill(Number(target), sig);
    return true;
  } catch (err) {
    if (!isSysError(err)) throw err;
    await ctx.error(`(${target}) - ${errorText(err)}`);
    return false;
  }
}

async function listSignals(ctx: BuiltinContext, specs: string[]): Promise<number> {
  if (specs.length === 0) {
    await ctx.out(signalList());
    return 0;
  }
  let status = 0;
  for (const spec of specs) {
    if (/^\d+$/.test(spec)) {
      const num = Number(spec) > 128 ? Number(spec) - 128 : Number(spec);
      const name = nameOf(num);
      if (name) await ctx.out(`${name.slice(3)}\n`);
      else {
        await ctx.error(`${spec}: invalid signal specification`);
        status = 1;
      }
      continue;
    }
    const num = parseSignal(spec);
    if (num === undefined) {
      await ctx.error(`${spec}: invalid signal specification`);
      status = 1;
    } else await ctx.out(`${num}\n`);
  }
  return status;
}
