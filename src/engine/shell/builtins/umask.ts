import { type BuiltinContext, builtinOptions } from "./context";

const WHO: Record<string, number> = { u: 0o700, g: 0o070, o: 0o007, a: 0o777 };
const PERM: Record<string, number> = { r: 0o444, w: 0o222, x: 0o111 };

/** u=rwx,g=rx,o=rx: the permissions a mask leaves, as umask -S prints them. */
function symbolic(mask: number): string {
  const allowed = ~mask & 0o777;
  const part = (who: string, shift: number) => {
    const bits = (allowed >> shift) & 7;
    return `${who}=${bits & 4 ? "r" : ""}${bits & 2 ? "w" : ""}${bits & 1 ? "x" : ""}`;
  };
  return `${part("u", 6)},${part("g", 3)},${part("o", 0)}`;
}

/** Applies a symbolic mode (u=rwx,g-w,o=) to a mask; null when it does not parse. */
function applySymbolic(mask: number, mode: string): number | { bad: string } {
  let allowed = ~mask & 0o777;
  for (const clause of mode.split(",")) {
    const match = /^([ugoa]*)([-+=])([rwx]*)$/.exec(clause);
    if (!match) {
      const op = /^[ugoa]*(.)/.exec(clause)?.[1] ?? clause;
      return { bad: op };
    }
    const who = (match[1] || "a").split("").reduce((acc, w) => acc | WHO[w], 0);
    const perms = match[3].split("").reduce((acc, p) => acc | PERM[p], 0) & who;
    if (match[2] === "+") allowed |= perms;
    else if (match[2] === "-") allowed &= ~perms;
    else allowed = (allowed & ~who) | perms;
  }
  return ~allowed & 0o777;
}

/**
 * umask [-p] [-S] [mode]: the file creation mask, in octal or symbolically. The shell
 * applies it to the files its redirections create.
 */
export async function umaskBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = await builtinOptions(ctx, "pS", "umask [-p] [-S] [mode]");
  if (typeof options === "number") return options;
  const state = ctx.state;
  const mode = options.operands[0];
  if (mode === undefined) {
    const octal = state.umask.toString(8).padStart(4, "0");
    if (options.flags.has("S")) await ctx.out(`${symbolic(state.umask)}\n`);
    else await ctx.out(options.flags.has("p") ? `umask ${octal}\n` : `${octal}\n`);
    return 0;
  }
  if (/^[0-7]+$/.test(mode)) {
    const value = Number.parseInt(mode, 8);
    if (value > 0o777) {
      await ctx.error(`${mode}: octal number out of range`);
      return 1;
    }
    state.umask = value;
    return 0;
  }
  if (/^\d+$/.test(mode)) {
    await ctx.error(`${mode}: octal number out of range`);
    return 1;
  }
  const result = applySymbolic(state.umask, mode);
  if (typeof result !== "number") {
    await ctx.error(`\`${result.bad}': invalid symbolic mode operator`);
    return 1;
  }
  state.umask = result;
  if (options.flags.has("S")) await ctx.out(`${symbolic(result)}\n`);
  return 0;
}
