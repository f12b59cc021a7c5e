import { findProgram } from "../interp/command";
import type { FuncDecl } from "../syntax/ast";
import { printFunction } from "../syntax/printer";
import { aliasLine } from "./alias";
import { type BuiltinContext, builtinOptions } from "./context";

/** Reserved words, for `type` and `command -v`. */
export const KEYWORDS = new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "case",
  "esac",
  "for",
  "select",
  "while",
  "until",
  "do",
  "done",
  "in",
  "function",
  "time",
  "{",
  "}",
  "!",
  "[[",
  "]]",
  "coproc",
]);

type Kind = "alias" | "keyword" | "function" | "builtin" | "file";

interface Found {
  kind: Kind;
  /** The path of a file, the value of an alias. */
  detail?: string;
}

/** What a command name means, in bash's order of lookup (all of them with `all`). */
function lookup(ctx: BuiltinContext, name: string, all: boolean, pathOnly: boolean): Found[] {
  const state = ctx.state;
  const found: Found[] = [];
  if (!pathOnly) {
    const alias = state.aliases.get(name);
    if (alias !== undefined) found.push({ kind: "alias", detail: alias });
    if (KEYWORDS.has(name)) found.push({ kind: "keyword" });
    if (state.functions.has(name)) found.push({ kind: "function" });
    if (ctx.runner.isBuiltin(name)) found.push({ kind: "builtin" });
  }
  if (all) {
    const path = state.vars.value("PATH");
    for (const dir of typeof path === "string" ? path.split(":") : []) {
      const candidate = ctx.proc.which(`${dir || "."}/${name}`, "");
      if (candidate && !name.includes("/")) found.push({ kind: "file", detail: `${dir || "."}/${name}` });
    }
    if (name.includes("/") && ctx.proc.which(name, "")) found.push({ kind: "file", detail: name });
  } else if (found.length === 0) {
    const path = name.includes("/") ? ctx.proc.which(name, "") && name : findProgram(ctx.runner, name);
    if (path) found.push({ kind: "file", detail: path });
  }
  return all ? found : found.slice(0, 1);
}

function describe(ctx: BuiltinContext, name: string, found: Found): string {
  switch (found.kind) {
    case "alias":
      return `${name} is aliased to \`${found.detail}'`;
    case "keyword":
      return `${name} is a shell keyword`;
    case "function":
      return `${name} is a function\n${printFunction(ctx.state.functions.get(name) as FuncDecl)}`;
    case "builtin":
      return `${name} is a shell builtin`;
    case "file": {
      const hashed = ctx.state.hash.get(name);
      return hashed && hashed.hits > 0 && hashed.path === found.detail
        ? `${name} is hashed (${found.detail})`
        : `${name} is ${found.detail}`;
    }
  }
}

/** type [-afptP] name ...: how each name would be run. */
export async function typeBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "afptP", "type [-afptP] name [name ...]");
  if (typeof options === "number") return options;
  const flags = options.flags;
  let status = 0;
  for (const name of options.operands) {
    const found = lookup(ctx, name, flags.has("a"), flags.has("P"));
    if (found.length === 0) {
      if (!flags.has("t") && !flags.has("p") && !flags.has("P")) await ctx.error(`${name}: not found`);
      status = 1;
      continue;
    }
    for (const f of found) {
      if (flags.has("t")) await ctx.out(`${f.kind}\n`);
      else if (flags.has("p") || flags.has("P")) {
        if (f.kind === "file") await ctx.out(`${f.detail}\n`);
      } else await ctx.out(`${describe(ctx, name, f)}\n`);
    }
  }
  return status;
}

/** command [-pVv] name [args]: runs name skipping functions, or says what it is. */
export async function commandBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "pVv", "command [-pVv] command [arg ...]");
  if (typeof options === "number") return options;
  const operands = options.operands;
  if (operands.length === 0) return 0;
  if (options.flags.has("v") || options.flags.has("V")) {
    let status = 1;
    for (const name of operands) {
      const [found] = lookup(ctx, name, false, false);
      if (!found) {
        if (options.flags.has("V")) await ctx.error(`${name}: not found`);
        continue;
      }
      status = 0;
      if (options.flags.has("V")) await ctx.out(`${describe(ctx, name, found)}\n`);
      else if (found.kind === "alias") await ctx.out(`${aliasLine(name, found.detail as string)}\n`);
      else await ctx.out(`${found.kind === "file" ? found.detail : name}\n`);
    }
    return status;
  }
  return ctx.runner.runCommandArgv(operands, { functions: false });
}

/** builtin name [args]: runs the shell builtin, never a function or program of that name. */
export async function builtinBuiltin(ctx: BuiltinContext): Promise<number> {
  const [name, ...rest] = ctx.args;
  if (name === undefined) return 0;
  if (!ctx.runner.isBuiltin(name)) {
    await ctx.error(`${name}: not a shell builtin`);
    return 1;
  }
  return ctx.runner.runCommandArgv([name, ...rest], { functions: false, programs: false });
}

/** hash [-r] [name ...]: the remembered locations of programs. */
export async function hashBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "rdltp:", "hash [-lr] [-p pathname] [-dt] [name ...]");
  if (typeof options === "number") return options;
  const hash = ctx.state.hash;
  if (options.flags.has("r")) hash.clear();
  if (options.operands.length === 0) {
    if (options.flags.has("r")) return 0;
    if (hash.size === 0) {
      await ctx.out(`${ctx.name}: hash table empty\n`);
      return 0;
    }
    let out = "hits\tcommand\n";
    for (const entry of hash.values()) out += `${String(entry.hits).padStart(4)}\t${entry.path}\n`;
    await ctx.out(out);
    return 0;
  }
  let status = 0;
  for (const name of options.operands) {
    if (ctx.runner.isBuiltin(name)) continue;
    hash.delete(name);
    const path = findProgram(ctx.runner, name);
    if (!path) {
      await ctx.error(`${name}: not found`);
      status = 1;
    } else if (options.flags.has("t")) await ctx.out(`${path}\n`);
  }
  return status;
}
