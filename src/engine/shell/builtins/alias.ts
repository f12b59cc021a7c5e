import { type BuiltinContext, builtinOptions } from "./context";

/** alias ll='ls -l', as `alias` prints it: the value in single quotes. */
export function aliasLine(name: string, value: string): string {
  return `alias ${name}='${value.replace(/'/g, "'\\''")}'`;
}

/** alias [-p] [name[=value] ...]: defines aliases, or prints them. */
export async function aliasBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "p", "alias [-p] [name[=value] ... ]");
  if (typeof options === "number") return options;
  const aliases = ctx.state.aliases;
  if (options.operands.length === 0 || options.flags.has("p")) {
    const names = [...aliases.keys()].sort();
    await ctx.out(names.map((n) => `${aliasLine(n, aliases.get(n) as string)}\n`).join(""));
    if (options.operands.length === 0) return 0;
  }
  let status = 0;
  for (const arg of options.operands) {
    const eq = arg.indexOf("=");
    if (eq > 0) {
      const name = arg.slice(0, eq);
      if (/[\s/$`=|&;()<>'"\\]/.test(name)) {
        await ctx.error(`\`${name}': invalid alias name`);
        status = 1;
        continue;
      }
      aliases.set(name, arg.slice(eq + 1));
      continue;
    }
    const value = aliases.get(arg);
    if (value === undefined) {
      await ctx.error(`${arg}: not found`);
      status = 1;
    } else await ctx.out(`${aliasLine(arg, value)}\n`);
  }
  return status;
}

/** unalias [-a] name ... */
export async function unaliasBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "a", "unalias [-a] name [name ...]");
  if (typeof options === "number") return options;
  if (options.flags.has("a")) {
    ctx.state.aliases.clear();
    return 0;
  }
  if (options.operands.length === 0) {
    await ctx.err(`${ctx.name}: usage: unalias [-a] name [name ...]\n`);
    return 2;
  }
  let status = 0;
  for (const name of options.operands) {
    if (!ctx.state.aliases.delete(name)) {
      await ctx.error(`${name}: not found`);
      status = 1;
    }
  }
  return status;
}
