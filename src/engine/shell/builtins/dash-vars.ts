import type { BuiltinContext } from "./context";
import { setBuiltin } from "./set";
import { exportBuiltin, readonlyBuiltin } from "./variables";

/** mystring.c single_quote: 'text', each run of single quotes as "'''" between such pieces. */
export function dashQuote(text: string): string {
  let out = "";
  let rest = text;
  do {
    const plain = rest.search(/'/) < 0 ? rest.length : rest.search(/'/);
    out += `'${rest.slice(0, plain)}'`;
    rest = rest.slice(plain);
    const quotes = /^'*/.exec(rest)?.[0].length ?? 0;
    if (quotes === 0) break;
    out += `"${rest.slice(0, quotes)}"`;
    rest = rest.slice(quotes);
  } while (rest !== "");
  return out;
}

/**
 * var.c showvars: the variables with an attribute (all of them for `set`), sorted by name,
 * `prefix NAME='value'`, or `prefix NAME` for one declared without a value.
 */
async function showVariables(ctx: BuiltinContext, prefix: string, wanted: "all" | "exported" | "readonly"): Promise<number> {
  let out = "";
  for (const [name, v] of ctx.state.vars.entries()) {
    if (wanted === "exported" && !v.exported) continue;
    if (wanted === "readonly" && !v.readonly) continue;
    const value = typeof v.value === "string" ? v.value : Array.isArray(v.value) ? v.value[0] : undefined;
    if (wanted === "all" && value === undefined) continue;
    out += `${prefix}${prefix ? " " : ""}${name}${value === undefined ? "" : `=${dashQuote(value)}`}\n`;
  }
  await ctx.out(out);
  return 0;
}

/** export [-p] [name[=value]...]: alone or with -p, `export NAME='value'` lines. */
export async function dashExportBuiltin(ctx: BuiltinContext): Promise<number> {
  if (ctx.args.length === 0 || (ctx.args.length === 1 && ctx.args[0] === "-p")) return showVariables(ctx, "export", "exported");
  return exportBuiltin(ctx);
}

/** readonly [-p] [name[=value]...]: alone or with -p, `readonly NAME='value'` lines. */
export async function dashReadonlyBuiltin(ctx: BuiltinContext): Promise<number> {
  if (ctx.args.length === 0 || (ctx.args.length === 1 && ctx.args[0] === "-p")) return showVariables(ctx, "readonly", "readonly");
  return readonlyBuiltin(ctx);
}

/** set alone: every set variable as `NAME='value'` (no functions, unlike bash). */
export async function dashShowAll(ctx: BuiltinContext): Promise<number> {
  if (ctx.args.length === 0) return showVariables(ctx, "", "all");
  return setBuiltin(ctx);
}
