import { errorText, isSysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import type { Runner } from "../interp/runner";
import type { ShellState } from "../interp/state";
import type { Assign } from "../syntax/ast";

/**
 * What a builtin that only reads arguments and writes output needs (echo, printf, test):
 * the same code serves the bash builtin and the standalone /bin/echo, /bin/printf,
 * /bin/test and /bin/[.
 */
export interface IoContext {
  name: string;
  args: string[];
  proc: Process;
  out(text: string): Promise<void>;
  /** Raw text on standard error. */
  err(text: string): Promise<void>;
  /** `bash: line 3: name: message` for a builtin, `name: message` for the program. */
  error(message: string): Promise<void>;
  /** The standalone coreutils program, whose messages differ from bash's. */
  gnu?: boolean;
  /** test -v */
  isSet?(name: string): boolean;
  /** test -o */
  optionSet?(name: string): boolean;
  /** printf -v */
  setVariable?(name: string, value: string): void;
}

/** A builtin's view of the shell: the runner, its state, and the arguments. */
export interface BuiltinContext extends IoContext {
  runner: Runner;
  state: ShellState;
  /** Declaration arguments written as array assignments (local a=(1 2)), by index in args. */
  arrays: Map<number, Assign>;
}

export type Builtin = (ctx: BuiltinContext) => Promise<number>;

export async function runBuiltin(
  runner: Runner,
  name: string,
  argv: string[],
  arrays: Map<number, Assign>,
  builtin: Builtin,
): Promise<number> {
  const shifted = new Map<number, Assign>();
  for (const [i, assign] of arrays) shifted.set(i - 1, assign);
  const ctx = builtinContext(runner, name, argv.slice(1), shifted);
  try {
    return await builtin(ctx);
  } catch (err) {
    if (isSysError(err, "EBADF") || isSysError(err, "EPIPE") || isSysError(err, "ENOSPC")) {
      await runner.error(`${name}: write error: ${errorText(err)}`);
      return 1;
    }
    throw err;
  }
}

export function builtinContext(runner: Runner, name: string, args: string[], arrays = new Map<number, Assign>()): BuiltinContext {
  const state = runner.state;
  return {
    name,
    args,
    arrays,
    runner,
    state,
    proc: runner.proc,
    out: (text) => runner.writeOut(text),
    err: (text) => runner.writeErr(text),
    error: (message) => runner.error(`${name}: ${message}`),
    isSet: (variable) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(variable);
      if (!match) return false;
      const value = runner.variable(match[1]);
      if (value === undefined) return false;
      if (match[2] === undefined) return typeof value === "string" || (Array.isArray(value) ? 0 in value : value.has("0"));
      if (value instanceof Map) return value.has(match[2]);
      if (typeof value === "string") return match[2] === "0";
      return Number(match[2]) in value;
    },
    optionSet: (option) => (state.options as unknown as Record<string, boolean>)[option] === true,
    setVariable: (variable, value) => runner.setVariable(variable, value),
  };
}

/** Options of a builtin, parsed as bash's internal getopt does: before the operands, -- ends them. */
export interface BuiltinOptions {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

/**
 * Parses `spec` (letters, a colon after one that takes a value). On an unknown option,
 * prints bash's `-x: invalid option` and the usage line, and returns the status 2.
 */
export async function builtinOptions(ctx: IoContext, spec: string, usage: string, plusToo = false): Promise<BuiltinOptions | number> {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const args = ctx.args;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      i++;
      break;
    }
    if (!/^[-+]./.test(arg) || (arg[0] === "+" && !plusToo)) break;
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      const at = spec.indexOf(letter);
      if (at < 0 || letter === ":") {
        await ctx.error(`${arg[0]}${letter}: invalid option`);
        await usageLine(ctx, usage);
        return 2;
      }
      const key = arg[0] === "+" ? `+${letter}` : letter;
      if (spec[at + 1] === ":") {
        const value = arg.slice(j + 1) || args[++i];
        if (value === undefined) {
          await ctx.error(`${arg[0]}${letter}: option requires an argument`);
          await usageLine(ctx, usage);
          return 2;
        }
        values.set(key, value);
        break;
      }
      flags.add(key);
    }
  }
  return { flags, values, operands: args.slice(i) };
}

/** `cd: usage: cd [-L|[-P [-e]] [-@]] [dir]`, printed without the line prefix. */
export async function usageLine(ctx: IoContext, usage: string): Promise<void> {
  await ctx.err(`${ctx.name}: usage: ${usage}\n`);
}
