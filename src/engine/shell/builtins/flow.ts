import { BreakLoop, ContinueLoop, ExitShell, ReturnFromFunction } from "../interp/control";
import type { BuiltinContext } from "./context";

/** `:` and true: do nothing, successfully. */
export async function trueBuiltin(): Promise<number> {
  return 0;
}

export async function falseBuiltin(): Promise<number> {
  return 1;
}

/** A status argument of exit and return: any integer, taken modulo 256. */
async function statusArgument(ctx: BuiltinContext): Promise<number | null> {
  const arg = ctx.args[0] === "--" ? ctx.args[1] : ctx.args[0];
  if (arg === undefined) return ctx.state.lastStatus;
  if (!/^\s*[-+]?\d+\s*$/.test(arg)) {
    await ctx.error(`${arg}: numeric argument required`);
    return null;
  }
  return Number(BigInt.asUintN(8, BigInt(arg.trim())));
}

/** exit [n]: ends the shell (an interactive one says `exit`, a login shell `logout`). */
export async function exitBuiltin(ctx: BuiltinContext): Promise<number> {
  // bash says goodbye on an interactive exit; busybox ash leaves quietly.
  if (ctx.state.interactive && ctx.state.subshell === 0 && ctx.state.dialect === "bash")
    await ctx.err(ctx.state.login ? "logout\n" : "exit\n");
  if (ctx.args.length > 1 && ctx.args[0] !== "--") {
    await ctx.error("too many arguments");
    return 1;
  }
  const status = await statusArgument(ctx);
  throw new ExitShell(status ?? 2);
}

/** return [n]: leaves the function or sourced script. */
export async function returnBuiltin(ctx: BuiltinContext): Promise<number> {
  if (ctx.state.funcNames.length === 0 && ctx.state.sourceDepth === 0) {
    await ctx.error("can only `return' from a function or sourced script");
    return 2;
  }
  const status = await statusArgument(ctx);
  throw new ReturnFromFunction(status ?? 2);
}

async function loopLevels(ctx: BuiltinContext): Promise<number | null> {
  const arg = ctx.args[0];
  if (ctx.state.loopDepth === 0) {
    await ctx.error("only meaningful in a `for', `while', or `until' loop");
    return null;
  }
  if (arg === undefined) return 1;
  if (!/^-?\d+$/.test(arg)) {
    await ctx.error(`${arg}: numeric argument required`);
    throw new ExitShell(128);
  }
  const n = Number(arg);
  if (n < 1) {
    await ctx.error(`${arg}: loop count out of range`);
    return -1;
  }
  return Math.min(n, ctx.state.loopDepth);
}

/** break [n]: leaves n enclosing loops (one, with status 1, for a count below 1). */
export async function breakBuiltin(ctx: BuiltinContext): Promise<number> {
  const levels = await loopLevels(ctx);
  if (levels === null) return 0;
  if (levels < 0) throw new BreakLoop(1, 1);
  throw new BreakLoop(levels);
}

/** continue [n]: the next iteration of the nth enclosing loop. */
export async function continueBuiltin(ctx: BuiltinContext): Promise<number> {
  const levels = await loopLevels(ctx);
  if (levels === null) return 0;
  if (levels < 0) return 1;
  throw new ContinueLoop(levels);
}

/** logout: exit, for a login shell only. */
export async function logoutBuiltin(ctx: BuiltinContext): Promise<number> {
  if (!ctx.state.login) {
    await ctx.error("not login shell: use `exit'");
    return 1;
  }
  return exitBuiltin(ctx);
}
