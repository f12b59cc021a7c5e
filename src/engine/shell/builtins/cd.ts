import { resolvePath } from "../../fs/path";
import { errorText, ProcessExit, SysError } from "../../kernel/errno";
import { type BuiltinContext, builtinOptions } from "./context";

function scalar(ctx: BuiltinContext, name: string): string | undefined {
  const value = ctx.state.vars.value(name);
  return typeof value === "string" ? value : undefined;
}

/**
 * cd [-L|-P] [dir]: to $HOME without an argument, to $OLDPWD (printing it) with -,
 * through $CDPATH for relative names. $PWD follows the logical path (.. undoes the
 * last component as typed) unless -P asks for the physical one.
 */
export async function cdBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "LPe@", "cd [-L|[-P [-e]] [-@]] [dir]");
  if (typeof options === "number") return options;
  const physical = options.flags.has("P");
  const operands = options.operands;
  if (operands.length > 1) {
    await ctx.error("too many arguments");
    return 1;
  }
  let dir: string | undefined = operands[0];
  let print = false;
  if (dir === undefined || dir === "") {
    dir = scalar(ctx, "HOME");
    if (dir === undefined) {
      await ctx.error("HOME not set");
      return 1;
    }
    if (dir === "") return 0;
  } else if (dir === "-") {
    dir = scalar(ctx, "OLDPWD");
    if (dir === undefined) {
      await ctx.error("OLDPWD not set");
      return 1;
    }
    print = true;
  }
  const target = searchCdpath(ctx, dir);
  if (target.viaCdpath) print = true;
  return changeDirectory(ctx, target.path, dir, physical, print);
}

function searchCdpath(ctx: BuiltinContext, dir: string): { path: string; viaCdpath: boolean } {
  const cdpath = scalar(ctx, "CDPATH");
  if (!cdpath || dir.startsWith("/") || /^\.\.?(\/|$)/.test(dir)) return { path: dir, viaCdpath: false };
  for (const entry of cdpath.split(":")) {
    const candidate = entry === "" ? dir : `${entry.replace(/\/$/, "")}/${dir}`;
    try {
      if (ctx.proc.fs.stat(ctx.proc.resolve(candidate)).type === "dir") return { path: candidate, viaCdpath: entry !== "" };
    } catch {
      // Not there: try the next entry.
    }
  }
  return { path: dir, viaCdpath: false };
}

async function changeDirectory(ctx: BuiltinContext, path: string, shown: string, physical: boolean, print: boolean): Promise<number> {
  const proc = ctx.proc;
  const oldPwd = scalar(ctx, "PWD") ?? proc.cwd;
  const logical = resolvePath(path.startsWith("/") ? "/" : oldPwd, path);
  try {
    const stats = proc.fs.stat(logical);
    if (stats.type !== "dir") throw new SysError("ENOTDIR", logical);
    proc.chdir(physical ? proc.fs.realpath(logical) : logical);
  } catch (err) {
    if (err instanceof ProcessExit) throw err;
    await ctx.error(`${shown}: ${errorText(err)}`);
    return 1;
  }
  const newPwd = physical ? proc.cwd : logical;
  ctx.runner.setVariable("OLDPWD", oldPwd);
  ctx.runner.setVariable("PWD", newPwd);
  if (print) await ctx.out(`${newPwd}\n`);
  return 0;
}

/** pwd [-LP]: $PWD when it still names the working directory, else the physical path. */
export async function pwdBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "LP", "pwd [-LP]");
  if (typeof options === "number") return options;
  const proc = ctx.proc;
  let dir = scalar(ctx, "PWD");
  try {
    if (options.flags.has("P") || !dir || !dir.startsWith("/") || proc.fs.realpath(dir) !== proc.fs.realpath(proc.cwd)) {
      dir = proc.fs.realpath(proc.cwd);
    }
  } catch (err) {
    if (err instanceof ProcessExit) throw err;
    await ctx.error(`error retrieving current directory: getcwd: cannot access parent directories: ${errorText(err)}`);
    return 1;
  }
  await ctx.out(`${dir}\n`);
  return 0;
}
