import { type BuiltinContext, builtinOptions } from "./context";

const USAGE = "history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]";

/**
 * history [-c] [-d offset] [n]: the command history, numbered from 1 as bash prints
 * it (`    1  ls`). -s adds an entry, -p prints its arguments.
 */
export async function historyBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "cd:anrwps", USAGE);
  if (typeof options === "number") return options;
  const history = ctx.state.history;
  if (options.flags.has("c")) {
    history.length = 0;
    return 0;
  }
  const offset = options.values.get("d");
  if (offset !== undefined) {
    let n = Number(offset);
    if (n < 0) n = history.length + n + 1;
    if (!/^-?\d+$/.test(offset) || n < 1 || n > history.length) {
      await ctx.error(`${offset}: history position out of range`);
      return 1;
    }
    history.splice(n - 1, 1);
    return 0;
  }
  if (options.flags.has("s")) {
    history.pop();
    history.push(options.operands.join(" "));
    return 0;
  }
  if (options.flags.has("p")) {
    await ctx.out(options.operands.map((a) => `${a}\n`).join(""));
    return 0;
  }
  if (["a", "n", "r", "w"].some((f) => options.flags.has(f))) return 0;
  let start = 0;
  const count = options.operands[0];
  if (count !== undefined) {
    if (!/^\d+$/.test(count)) {
      await ctx.error(`${count}: numeric argument required`);
      return 1;
    }
    start = Math.max(0, history.length - Number(count));
  }
  let out = "";
  for (let i = start; i < history.length; i++) out += `${String(i + 1).padStart(5)}  ${history[i]}\n`;
  await ctx.out(out);
  return 0;
}
