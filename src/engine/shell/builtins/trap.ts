import { setTrap, trapName, trapSignal } from "../interp/traps";
import { type BuiltinContext, builtinOptions } from "./context";
import { signalList } from "./kill";

/** `trap -- 'echo bye' EXIT`, as trap -p prints a trap: the command single-quoted. */
function trapLine(name: string, action: string): string {
  const signal = name === "EXIT" || name === "ERR" || name === "DEBUG" || name === "RETURN" ? name : `SIG${name}`;
  return `trap -- '${action.replace(/'/g, "'\\''")}' ${signal}`;
}

/**
 * trap [-lp] [[action] signal ...]: runs `action` when a signal arrives or the shell
 * exits (EXIT). An action of '' ignores the signal, - (or none) restores it.
 */
export async function trapBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "lp", "trap [-lp] [[arg] signal_spec ...]");
  if (typeof options === "number") return options;
  const traps = ctx.state.traps;
  if (options.flags.has("l")) {
    await ctx.out(signalList());
    return 0;
  }
  const operands = options.operands;
  if (operands.length === 0 || options.flags.has("p")) {
    const names =
      operands.length > 0 ? operands.map((s) => trapName(s) ?? s) : [...traps.keys()].sort((a, b) => trapSignal(a) - trapSignal(b));
    let out = "";
    for (const name of names) {
      const action = traps.get(name);
      if (action !== undefined) out += `${trapLine(name, action)}\n`;
    }
    await ctx.out(out);
    return 0;
  }
  // A lone signal, or an action that is itself a signal number, resets: trap INT, trap 2 15.
  const resets = operands.length === 1 || /^\d+$/.test(operands[0]);
  const action = resets ? null : operands[0] === "-" ? null : operands[0];
  const specs = resets ? operands : operands.slice(1);
  let status = 0;
  for (const spec of specs) {
    const name = trapName(spec);
    if (!name) {
      await ctx.error(`${spec}: invalid signal specification`);
      status = 1;
      continue;
    }
    setTrap(ctx.runner, name, action);
  }
  return status;
}
