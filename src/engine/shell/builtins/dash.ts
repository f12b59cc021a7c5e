import { findProgram } from "../interp/command";
import { AbortCommandLine, ExitShell } from "../interp/control";
import { cdBuiltin } from "./cd";
import type { Builtin, BuiltinContext } from "./context";
import { dashTestBuiltin } from "./dash-test";
import { dashExportBuiltin, dashReadonlyBuiltin, dashShowAll } from "./dash-vars";
import { BUILTINS } from "./index";
import { readBuiltin } from "./read";
import { localBuiltin } from "./variables";

/**
 * dash 0.5.12's builtins (src/builtins.def.in): bash's minus the ones dash lacks
 * (source, declare, typeset, let, shopt, mapfile, pushd, history, ...), which are then
 * looked up on $PATH and `not found`; echo, test, type, read, set and local as dash's
 * own, and cd and shift with dash's messages. `chdir` is dash's other name for cd.
 */
const NOT_IN_DASH = new Set([
  "builtin",
  "declare",
  "dirs",
  "disown",
  "history",
  "let",
  "logout",
  "mapfile",
  "popd",
  "pushd",
  "readarray",
  "shopt",
  "source",
  "typeset",
]);

/** The special builtins (`-s` in builtins.def.in): an error in one ends a non-interactive shell. */
export const DASH_SPECIAL = new Set([
  ":",
  ".",
  "break",
  "continue",
  "eval",
  "exec",
  "exit",
  "export",
  "local",
  "readonly",
  "return",
  "set",
  "shift",
  "times",
  "trap",
  "unset",
]);

/** dash's keywords (src/mktokens), for `type`. */
const DASH_KEYWORDS = new Set([
  "!",
  "case",
  "do",
  "done",
  "elif",
  "else",
  "esac",
  "fi",
  "for",
  "if",
  "in",
  "then",
  "until",
  "while",
  "{",
  "}",
]);

/** The options `set` knows (options.c optnames and optletters). */
const OPTION_NAMES = new Set([
  "errexit",
  "noglob",
  "ignoreeof",
  "interactive",
  "monitor",
  "noexec",
  "stdin",
  "xtrace",
  "verbose",
  "vi",
  "emacs",
  "noclobber",
  "allexport",
  "notify",
  "nounset",
  "nolog",
  "debug",
]);
const OPTION_LETTERS = "efIimnsxvVECabu";

/**
 * sh_error() in a special builtin: the message, then (eval.c evalcommand) the error
 * unwinds a non-interactive shell, or the command line of an interactive one.
 */
async function specialError(ctx: BuiltinContext, message: string): Promise<never> {
  await ctx.error(message);
  if (ctx.state.interactive) throw new AbortCommandLine(2);
  throw new ExitShell(2);
}

/**
 * echo (bltin/printf.c echocmd): only a first argument of exactly `-n` is an option, and
 * backslash escapes are always interpreted: \a \b \c \f \n \r \t \v \\ and octal \0nnn or
 * \nnn. Anything else keeps its backslash.
 */
export async function dashEchoBuiltin(ctx: BuiltinContext): Promise<number> {
  let args = ctx.args;
  let newline = true;
  if (args[0] === "-n") {
    newline = false;
    args = args.slice(1);
  }
  let out = "";
  for (let i = 0; i < args.length; i++) {
    const decoded = dashEscapes(args[i]);
    out += decoded.text;
    if (decoded.stop) {
      newline = false;
      break;
    }
    if (i < args.length - 1) out += " ";
  }
  await ctx.out(newline ? `${out}\n` : out);
  return 0;
}

const SIMPLE: Record<string, string> = { "\\": "\\", a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** printf.c conv_escape_str: %b's escapes, which dash's echo shares. */
export function dashEscapes(text: string): { text: string; stop: boolean } {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "\\") {
      out += ch;
      continue;
    }
    let next = text[i + 1];
    if (next === "c") return { text: out, stop: true };
    if (next === undefined) {
      out += "\\";
      continue;
    }
    if (next in SIMPLE) {
      out += SIMPLE[next];
      i++;
      continue;
    }
    // A \0 before octal digits is skipped, then up to three octal digits make a byte.
    let at = i + 1;
    if (next === "0" && /[0-7]/.test(text[at + 1] ?? "")) next = text[++at];
    if (!/[0-7]/.test(next)) {
      out += "\\";
      continue;
    }
    let end = at;
    while (end < at + 3 && /[0-7]/.test(text[end] ?? "")) end++;
    out += String.fromCharCode(Number.parseInt(text.slice(at, end), 8) & 0xff);
    i = end - 1;
  }
  return { text: out, stop: false };
}

/**
 * type (exec.c describe_command): `ls is /usr/bin/ls`, `ls is a tracked alias for
 * /usr/bin/ls` once run, `cd is a shell builtin`, `set is a special shell builtin`,
 * `f is a shell function`, `ll is an alias for ls -l`; `foo: not found` on standard
 * output with status 127. No options: every argument is a name.
 */
export async function dashTypeBuiltin(ctx: BuiltinContext): Promise<number> {
  let status = 0;
  for (const name of ctx.args) {
    const line = describe(ctx, name);
    if (line === null) {
      await ctx.out(`${name}: not found\n`);
      status = 127;
    } else await ctx.out(`${name} ${line}\n`);
  }
  return status;
}

function describe(ctx: BuiltinContext, name: string): string | null {
  const state = ctx.state;
  if (DASH_KEYWORDS.has(name)) return "is a shell keyword";
  const alias = state.aliases.get(name);
  if (alias !== undefined) return `is an alias for ${alias}`;
  if (state.functions.has(name)) return "is a shell function";
  if (DASH_BUILTINS.has(name)) return DASH_SPECIAL.has(name) ? "is a special shell builtin" : "is a shell builtin";
  const hashed = state.hash.get(name);
  if (hashed && !name.includes("/")) return `is a tracked alias for ${hashed.path}`;
  const path = name.includes("/") ? (ctx.proc.which(name, "") ? name : null) : findProgram(ctx.runner, name);
  return path ? `is ${path}` : null;
}

/** Options as dash's nextopt() reads them: an unknown letter is `Illegal option -x`. */
async function checkOptions(ctx: BuiltinContext, letters: string, withValue: string): Promise<number | null> {
  for (let i = 0; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    if (arg === "--" || !arg.startsWith("-") || arg === "-") return null;
    for (let j = 1; j < arg.length; j++) {
      if (!letters.includes(arg[j])) {
        await ctx.error(`Illegal option -${arg[j]}`);
        return 2;
      }
      if (withValue.includes(arg[j])) {
        if (j === arg.length - 1) i++;
        break;
      }
    }
  }
  return null;
}

/** read [-p prompt] [-r] variable...: dash takes no other option and needs a name (miscbltin.c). */
export async function dashReadBuiltin(ctx: BuiltinContext): Promise<number> {
  const bad = await checkOptions(ctx, "pr", "p");
  if (bad !== null) return bad;
  if (operandIndex(ctx.args) >= ctx.args.length) {
    await ctx.error("arg count");
    return 2;
  }
  return readBuiltin(ctx);
}

/** Where read's operands start, after -r, -p prompt and --. */
function operandIndex(args: string[]): number {
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") return i + 1;
    if (!arg.startsWith("-") || arg === "-") return i;
    const p = arg.indexOf("p");
    if (p > 0 && p === arg.length - 1) i++;
  }
  return i;
}

/** set: dash's options only; `set -o pipefail` is `Illegal option -o pipefail` in 0.5.12. */
export async function dashSetBuiltin(ctx: BuiltinContext): Promise<number> {
  const args = ctx.args;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--" || arg === "-" || !/^[-+]./.test(arg)) break;
    for (const letter of arg.slice(1)) {
      if (letter === "o") {
        const name = args[i + 1];
        if (name === undefined) break;
        i++;
        if (!OPTION_NAMES.has(name)) await specialError(ctx, `Illegal option -o ${name}`);
        continue;
      }
      if (!OPTION_LETTERS.includes(letter)) await specialError(ctx, `Illegal option -${letter}`);
    }
  }
  return dashShowAll(ctx);
}

/** local outside a function: var.c localcmd's `not in a function`, from a special builtin. */
export async function dashLocalBuiltin(ctx: BuiltinContext): Promise<number> {
  if (!ctx.state.vars.inFunction) await specialError(ctx, "not in a function");
  return localBuiltin(ctx);
}

/** cd (cd.c cdcmd): any failure is `can't cd to DIR`, status 2; operands after the first are ignored. */
export async function dashCdBuiltin(ctx: BuiltinContext): Promise<number> {
  const options = ctx.args.filter((arg, i) => /^-[LP]+$/.test(arg) && ctx.args.slice(0, i).every((a) => /^-[LP]+$/.test(a)));
  const operand = ctx.args[options.length];
  let failed = false;
  const status = await cdBuiltin({
    ...ctx,
    args: operand === undefined ? options : [...options, operand],
    error: async () => {
      failed = true;
    },
  });
  if (!failed) return status;
  const oldpwd = ctx.state.vars.value("OLDPWD");
  await ctx.error(`can't cd to ${operand === "-" && typeof oldpwd === "string" ? oldpwd : (operand ?? "")}`);
  return 2;
}

/** shift [n] (options.c shiftcmd): a count past $# is `can't shift that many`, from a special builtin. */
export async function dashShiftBuiltin(ctx: BuiltinContext): Promise<number> {
  const arg = ctx.args[0];
  if (arg !== undefined && !/^\d+$/.test(arg)) await specialError(ctx, `Illegal number: ${arg}`);
  const n = arg === undefined ? 1 : Number(arg);
  if (n > ctx.state.positional.length) await specialError(ctx, "can't shift that many");
  ctx.state.positional = ctx.state.positional.slice(n);
  return 0;
}

export const DASH_BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ...[...BUILTINS].filter(([name]) => !NOT_IN_DASH.has(name)),
  ["cd", dashCdBuiltin],
  ["chdir", dashCdBuiltin],
  ["echo", dashEchoBuiltin],
  ["export", dashExportBuiltin],
  ["readonly", dashReadonlyBuiltin],
  ["local", dashLocalBuiltin],
  ["read", dashReadBuiltin],
  ["set", dashSetBuiltin],
  ["shift", dashShiftBuiltin],
  ["test", dashTestBuiltin],
  ["[", dashTestBuiltin],
  ["type", dashTypeBuiltin],
]);
