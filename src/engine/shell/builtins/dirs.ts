import { cdBuiltin } from "./cd";
import type { BuiltinContext } from "./context";

function scalar(ctx: BuiltinContext, name: string): string | undefined {
  const value = ctx.state.vars.value(name);
  return typeof value === "string" ? value : undefined;
}

/** The stack as dirs prints it: the working directory first, $HOME shown as ~. */
function stack(ctx: BuiltinContext): string[] {
  const home = scalar(ctx, "HOME");
  const tilde = (dir: string) =>
    home && home !== "/" && (dir === home || dir.startsWith(`${home}/`)) ? `~${dir.slice(home.length)}` : dir;
  return [scalar(ctx, "PWD") ?? ctx.proc.cwd, ...ctx.state.dirStack].map(tilde);
}

async function print(ctx: BuiltinContext, verbose = false): Promise<void> {
  const dirs = stack(ctx);
  await ctx.out(verbose ? dirs.map((d, i) => `${String(i).padStart(2)}  ${d}\n`).join("") : `${dirs.join(" ")}\n`);
}

/** cd, with its errors reported under pushd's or popd's name. */
async function cd(ctx: BuiltinContext, dir: string): Promise<boolean> {
  return (await cdBuiltin({ ...ctx, name: ctx.name, args: ["--", dir] })) === 0;
}

/** pushd [dir]: cd to dir, remembering where it was; alone, swaps the top two. */
export async function pushdBuiltin(ctx: BuiltinContext): Promise<number> {
  const state = ctx.state;
  const here = scalar(ctx, "PWD") ?? ctx.proc.cwd;
  const dir = ctx.args[0];
  if (dir === undefined) {
    const top = state.dirStack[0];
    if (top === undefined) {
      await ctx.error("no other directory");
      return 1;
    }
    if (!(await cd(ctx, top))) return 1;
    state.dirStack[0] = here;
  } else {
    if (!(await cd(ctx, dir))) return 1;
    state.dirStack.unshift(here);
  }
  await print(ctx);
  return 0;
}

/** popd: back to the directory on top of the stack. */
export async function popdBuiltin(ctx: BuiltinContext): Promise<number> {
  const state = ctx.state;
  const top = state.dirStack[0];
  if (top === undefined) {
    await ctx.error("directory stack empty");
    return 1;
  }
  if (!(await cd(ctx, top))) return 1;
  state.dirStack.shift();
  await print(ctx);
  return 0;
}

/** dirs [-clv]: the directory stack. */
export async function dirsBuiltin(ctx: BuiltinContext): Promise<number> {
  if (ctx.args.includes("-c")) {
    ctx.state.dirStack = [];
    return 0;
  }
  await print(ctx, ctx.args.includes("-v"));
  return 0;
}
