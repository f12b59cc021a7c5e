import { ExpansionError } from "../expand/errors";
import { performAssignment } from "../interp/assign";
import type { Variable } from "../interp/vars";
import type { Assign } from "../syntax/ast";
import { printFunction } from "../syntax/printer";
import { type BuiltinContext, builtinOptions } from "./context";
import { ansiQuote, doubleQuote } from "./quote";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** name, name=value, name+=value, name[i]=value */
const ARGUMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?=)(.*)$/s;

/** The flags of `declare -p`, in bash's order: -aA then -i -r -x; `--` when none. */
export function attributeFlags(v: Variable): string {
  let flags = "";
  if (Array.isArray(v.value)) flags += "a";
  if (v.value instanceof Map) flags += "A";
  if (v.integer) flags += "i";
  if (v.readonly) flags += "r";
  if (v.exported) flags += "x";
  return flags === "" ? "--" : `-${flags}`;
}

/** A value as declare -p quotes it: "..." unless it holds control characters ($'...'). */
function declareQuote(value: string): string {
  return /[\x00-\x1f\x7f]/.test(value) ? ansiQuote(value) : doubleQuote(value);
}

/** `declare -a x=([0]="1" [1]="2")`, as declare -p, export -p and readonly -p print a variable. */
export function declaration(name: string, v: Variable): string {
  const head = `declare ${attributeFlags(v)} ${name}`;
  const value = v.value;
  if (value === undefined) return head;
  if (typeof value === "string") return `${head}=${declareQuote(value)}`;
  if (value instanceof Map) {
    const items = [...value].map(([k, s]) => `[${k}]=${declareQuote(s)} `).join("");
    return `${head}=(${items})`;
  }
  const items = Object.keys(value).map((k) => `[${k}]=${declareQuote(value[Number(k)])}`);
  return `${head}=(${items.join(" ")})`;
}

interface Attributes {
  set: Set<string>;
  unset: Set<string>;
}

/**
 * The shared engine of declare, typeset, local, export and readonly: each argument is
 * a name or an assignment, given attributes; `scope` says where a new variable lives.
 */
async function declareNames(
  ctx: BuiltinContext,
  operands: string[],
  attrs: Attributes,
  scope: "local" | "global" | "current",
): Promise<number> {
  const vars = ctx.state.vars;
  let status = 0;
  const offset = ctx.args.length - operands.length;
  for (const [i, arg] of operands.entries()) {
    const array = ctx.arrays.get(offset + i);
    const match = array ? null : ARGUMENT.exec(arg);
    const name = array ? array.name : match ? match[1] : arg;
    if (!NAME.test(name)) {
      await ctx.error(`\`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (attrs.set.has("f")) continue;
    const v =
      scope === "local" ? vars.local(name) : scope === "global" ? vars.declare(name, true) : (vars.find(name) ?? vars.declare(name));
    if (v.readonly && (match || array || attrs.unset.has("r"))) {
      await ctx.error(`${name}: readonly variable`);
      status = 1;
      continue;
    }
    if (attrs.set.has("a") && !Array.isArray(v.value) && !(v.value instanceof Map)) v.value = v.value === undefined ? [] : [v.value];
    if (attrs.set.has("A") && !(v.value instanceof Map)) v.value = new Map(v.value === undefined ? [] : [["0", String(v.value)]]);
    if (attrs.set.has("i")) v.integer = true;
    if (attrs.unset.has("i")) v.integer = false;
    if (attrs.unset.has("x")) v.exported = false;
    try {
      if (array) await performAssignment(ctx.runner, array, v);
      else if (match) await performAssignment(ctx.runner, textAssignment(match), v);
    } catch (err) {
      if (!(err instanceof ExpansionError)) throw err;
      await ctx.error(err.message);
      status = 1;
      continue;
    }
    if (attrs.set.has("x")) v.exported = true;
    if (attrs.set.has("r")) v.readonly = true;
  }
  return status;
}

/** name=value written as one argument, already expanded: an Assign with a literal value. */
function textAssignment(match: RegExpExecArray): Assign {
  const assign: Assign = { name: match[1], append: match[3] === "+=", value: { parts: [{ type: "sq", value: match[4] }] } };
  if (match[2]) assign.index = { parts: [{ type: "sq", value: match[2].slice(1, -1) }] };
  return assign;
}

async function printVariables(ctx: BuiltinContext, filter: (v: Variable) => boolean, names?: string[]): Promise<number> {
  const vars = ctx.state.vars;
  if (names && names.length > 0) {
    let status = 0;
    for (const name of names) {
      const v = vars.find(name);
      if (!v) {
        await ctx.error(`${name}: not found`);
        status = 1;
        continue;
      }
      await ctx.out(`${declaration(name, v)}\n`);
    }
    return status;
  }
  let out = "";
  for (const [name, v] of vars.entries()) if (filter(v)) out += `${declaration(name, v)}\n`;
  await ctx.out(out);
  return 0;
}

function attributes(flags: Set<string>): Attributes {
  const set = new Set<string>();
  const unset = new Set<string>();
  for (const flag of flags) {
    if (flag.startsWith("+")) unset.add(flag.slice(1));
    else set.add(flag);
  }
  return { set, unset };
}

const DECLARE_USAGE = "declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]";

/** declare / typeset: set attributes and values; -p prints, -f and -F list functions. */
export async function declareBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "aAfFgiIlnprtux", DECLARE_USAGE, true);
  if (typeof options === "number") return options;
  const attrs = attributes(options.flags);
  if (attrs.set.has("F") || attrs.set.has("f")) return listFunctions(ctx, options.operands, attrs.set.has("F"));
  if (attrs.set.has("p") || (options.operands.length === 0 && attrs.set.size === 0)) {
    if (options.operands.length === 0 && attrs.set.size === 0 && !attrs.set.has("p")) return printAll(ctx);
    return printVariables(ctx, (v) => matchesAttributes(v, attrs.set), options.operands);
  }
  if (options.operands.length === 0) return printVariables(ctx, (v) => matchesAttributes(v, attrs.set));
  const scope = attrs.set.has("g") ? "global" : ctx.state.vars.inFunction ? "local" : "current";
  return declareNames(ctx, options.operands, attrs, scope);
}

function matchesAttributes(v: Variable, set: Set<string>): boolean {
  if (set.has("x") && !v.exported) return false;
  if (set.has("r") && !v.readonly) return false;
  if (set.has("i") && !v.integer) return false;
  if (set.has("a") && !Array.isArray(v.value)) return false;
  if (set.has("A") && !(v.value instanceof Map)) return false;
  return true;
}

/** `declare` alone: every variable as name=value (then functions, which we list by name). */
async function printAll(ctx: BuiltinContext): Promise<number> {
  let out = "";
  for (const [name, v] of ctx.state.vars.entries()) {
    if (v.value === undefined) continue;
    const line = declaration(name, v);
    out += `${line.slice(line.indexOf(" ", 8) + 1)}\n`;
  }
  await ctx.out(out);
  return 0;
}

async function listFunctions(ctx: BuiltinContext, names: string[], namesOnly: boolean): Promise<number> {
  const functions = ctx.state.functions;
  const wanted = names.length > 0 ? names : [...functions.keys()].sort();
  let status = 0;
  for (const name of wanted) {
    const fn = functions.get(name);
    if (!fn) {
      status = 1;
      continue;
    }
    await ctx.out(namesOnly ? `declare -f ${name}\n` : `${printFunction(fn)}\n`);
  }
  return status;
}

/** local: variables of the running function, visible to what it calls. */
export async function localBuiltin(ctx: BuiltinContext): Promise<number> {
  if (!ctx.state.vars.inFunction) {
    await ctx.error("can only be used in a function");
    return 1;
  }
  const options = await builtinOptions(ctx, "aAilnrtux", "local [option] name[=value] ...", true);
  if (typeof options === "number") return options;
  if (options.operands.length === 0) return printVariables(ctx, () => false);
  return declareNames(ctx, options.operands, attributes(options.flags), "local");
}

/** export [-n] [-p] [name[=value] ...] */
export async function exportBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "fnp", "export [-fn] [name[=value] ...] or export -p");
  if (typeof options === "number") return options;
  if (options.operands.length === 0) return printVariables(ctx, (v) => v.exported === true);
  if (options.flags.has("f")) return 0;
  const attrs: Attributes = options.flags.has("n") ? { set: new Set(), unset: new Set(["x"]) } : { set: new Set(["x"]), unset: new Set() };
  return declareNames(ctx, options.operands, attrs, "current");
}

/** readonly [-p] [name[=value] ...] */
export async function readonlyBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "aAfp", "readonly [-aAf] [name[=value] ...] or readonly -p");
  if (typeof options === "number") return options;
  if (options.operands.length === 0) return printVariables(ctx, (v) => v.readonly === true);
  const set = new Set(["r"]);
  for (const flag of ["a", "A"]) if (options.flags.has(flag)) set.add(flag);
  return declareNames(ctx, options.operands, { set, unset: new Set() }, "current");
}

/** unset [-fv] name ...: variables (or array elements), or functions. */
export async function unsetBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "fvn", "unset [-f] [-v] [-n] [name ...]");
  if (typeof options === "number") return options;
  const state = ctx.state;
  let status = 0;
  for (const arg of options.operands) {
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(arg);
    if (options.flags.has("f")) {
      state.functions.delete(arg);
      continue;
    }
    const name = element ? element[1] : arg;
    if (!NAME.test(name)) {
      await ctx.error(`\`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    const v = state.vars.find(name);
    if (v?.readonly) {
      await ctx.error(`${name}: cannot unset: readonly variable`);
      status = 1;
      continue;
    }
    if (element) {
      const index = element[2];
      const key = v?.value instanceof Map ? index : Number(ctx.runner.expander.evaluate(index));
      state.vars.unsetElement(name, key);
      continue;
    }
    if (v) state.vars.unset(name);
    else if (!options.flags.has("v")) state.functions.delete(name);
  }
  return status;
}
