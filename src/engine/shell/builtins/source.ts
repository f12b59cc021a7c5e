import { errorText, ProcessExit } from "../../kernel/errno";
import { execProgram } from "../interp/command";
import { ReturnFromFunction } from "../interp/control";
import { type BuiltinContext, usageLine } from "./context";

/** Where `source name` finds its file: a path as given, else $PATH, else the working directory. */
function findSourceFile(ctx: BuiltinContext, name: string): string {
  if (name.includes("/") || !ctx.state.shopts.sourcepath) return name;
  const path = ctx.state.vars.value("PATH");
  for (const dir of typeof path === "string" ? path.split(":") : []) {
    const candidate = `${dir || "."}/${name}`;
    try {
      if (ctx.proc.fs.stat(ctx.proc.resolve(candidate)).type === "file") return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return name;
}

/** source / . file [args]: runs the file's commands in this shell. */
export async function sourceBuiltin(ctx: BuiltinContext): Promise<number> {
  const args = ctx.args[0] === "--" ? ctx.args.slice(1) : ctx.args;
  if (args.length === 0) {
    await ctx.error("filename argument required");
    await usageLine(ctx, `${ctx.name} filename [arguments]`);
    return 2;
  }
  const name = args[0];
  const path = findSourceFile(ctx, name);
  let text: string;
  try {
    const abs = ctx.proc.resolve(path);
    if (ctx.proc.fs.stat(abs).type === "dir") {
      await ctx.error(`${name}: is a directory`);
      return 1;
    }
    text = ctx.proc.fs.readText(abs);
  } catch (err) {
    if (err instanceof ProcessExit) throw err;
    await ctx.runner.error(`${name}: ${errorText(err)}`);
    return 1;
  }
  const state = ctx.state;
  const savedPositional = state.positional;
  const savedLine = state.lineno;
  if (args.length > 1) state.positional = args.slice(1);
  state.sources.push(name);
  try {
    return await ctx.runner.runText(text, { name });
  } catch (err) {
    if (err instanceof ReturnFromFunction) return err.status;
    throw err;
  } finally {
    state.sources.pop();
    state.lineno = savedLine;
    if (args.length > 1) state.positional = savedPositional;
  }
}

/** eval [arg ...]: the arguments joined by spaces, run as a command line. */
export async function evalBuiltin(ctx: BuiltinContext): Promise<number> {
  const args = ctx.args[0] === "--" ? ctx.args.slice(1) : ctx.args;
  const text = args.join(" ");
  if (text.trim() === "") return 0;
  const state = ctx.state;
  return ctx.runner.runText(text, { line: state.lineno, name: `${state.name}: eval` });
}

/**
 * exec [-a name] [command [args]]: replaces the shell with the command. Without one,
 * its redirections stay for the rest of the shell (the caller applied them for good).
 */
export async function execBuiltin(ctx: BuiltinContext): Promise<number> {
  let args = ctx.args;
  let arg0: string | undefined;
  while (args.length > 0 && /^-[acl]+$/.test(args[0])) {
    if (args[0].includes("a")) {
      arg0 = args[1];
      args = args.slice(2);
    } else args = args.slice(1);
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) return 0;
  const argv = [...args];
  const status = await execProgram(ctx.runner, argv, arg0);
  return status;
}
