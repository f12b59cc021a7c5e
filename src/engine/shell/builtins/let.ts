import { ExpansionError } from "../expand/errors";
import type { BuiltinContext } from "./context";

/** let expr ...: evaluates each arithmetic expression; 1 when the last is 0. */
export async function letBuiltin(ctx: BuiltinContext): Promise<number> {
  if (ctx.args.length === 0) {
    await ctx.error("expression expected");
    return 1;
  }
  let last = 0n;
  for (const expr of ctx.args) {
    try {
      last = ctx.runner.expander.evaluate(expr);
    } catch (err) {
      if (!(err instanceof ExpansionError)) throw err;
      await ctx.error(err.message);
      return 1;
    }
  }
  return last === 0n ? 1 : 0;
}
