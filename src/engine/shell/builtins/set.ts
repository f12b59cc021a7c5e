import { OPTION_LETTERS, type SetOptions, type Shopts } from "../interp/state";
import { type BuiltinContext, usageLine } from "./context";
import { declaration } from "./variables";

/** Every `set -o` option bash 5.2 lists, in its order; the ones Stevedore models map to SetOptions. */
const SET_O_NAMES = [
  "allexport",
  "braceexpand",
  "emacs",
  "errexit",
  "errtrace",
  "functrace",
  "hashall",
  "histexpand",
  "history",
  "ignoreeof",
  "interactive-comments",
  "keyword",
  "monitor",
  "noclobber",
  "noexec",
  "noglob",
  "nolog",
  "notify",
  "nounset",
  "onecmd",
  "physical",
  "pipefail",
  "posix",
  "privileged",
  "verbose",
  "vi",
  "xtrace",
];

function optionKey(name: string): keyof SetOptions | null {
  if (!SET_O_NAMES.includes(name)) return null;
  return name.replace(/-/g, "_") as keyof SetOptions;
}

function optionValue(ctx: BuiltinContext, name: string): boolean {
  const key = optionKey(name);
  return key !== null && (ctx.state.options as unknown as Record<string, boolean | undefined>)[key] === true;
}

const SET_USAGE = "set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]";

/**
 * set: options (-e, +x, -o pipefail, ...), then positional parameters (set -- a b).
 * Alone it prints every variable; `set -o` / `set +o` print the options.
 */
export async function setBuiltin(ctx: BuiltinContext): Promise<number> {
  const args = ctx.args;
  if (args.length === 0) return printVariables(ctx);
  const state = ctx.state;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      state.positional = args.slice(i + 1);
      return 0;
    }
    if (arg === "-") {
      state.options.xtrace = false;
      state.options.verbose = false;
      i++;
      break;
    }
    if (!/^[-+]/.test(arg) || arg.length < 2) break;
    const on = arg[0] === "-";
    for (const letter of arg.slice(1)) {
      if (letter === "o") {
        const name = args[i + 1];
        if (name === undefined) return listOptions(ctx, on);
        i++;
        const key = optionKey(name);
        if (!key) {
          await ctx.error(`${name}: invalid option name`);
          return 2;
        }
        setOption(ctx, key, on);
        continue;
      }
      const entry = OPTION_LETTERS.find(([l]) => l === letter);
      if (!entry) {
        await ctx.error(`${arg[0]}${letter}: invalid option`);
        await usageLine(ctx, SET_USAGE);
        return 2;
      }
      setOption(ctx, entry[1], on);
    }
  }
  if (i < args.length) state.positional = args.slice(i);
  return 0;
}

function setOption(ctx: BuiltinContext, key: keyof SetOptions, on: boolean): void {
  ctx.state.options[key] = on;
  if (key === "emacs" && on) ctx.state.options.vi = false;
  if (key === "vi" && on) ctx.state.options.emacs = false;
}

async function listOptions(ctx: BuiltinContext, on: boolean): Promise<number> {
  let out = "";
  for (const name of SET_O_NAMES) {
    const value = optionValue(ctx, name);
    out += on ? `${name.padEnd(15)}\t${value ? "on" : "off"}\n` : `set ${value ? "-" : "+"}o ${name}\n`;
  }
  await ctx.out(out);
  return 0;
}

/** `set` alone: name=value for every variable, quoted so that the shell can read it back. */
async function printVariables(ctx: BuiltinContext): Promise<number> {
  let out = "";
  for (const [name, v] of ctx.state.vars.entries()) {
    if (v.value === undefined) continue;
    if (typeof v.value === "string") out += `${name}=${setQuote(v.value)}\n`;
    else {
      const line = declaration(name, v);
      out += `${name}=${line.slice(line.indexOf("=") + 1)}\n`;
    }
  }
  await ctx.out(out);
  return 0;
}

/** How `set` shows a value: bare when safe, else in single quotes (or $'...' for control characters). */
function setQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]*$/.test(value)) return value;
  if (/[\x00-\x1f\x7f]/.test(value)) {
    const escaped = value
      .replace(/[\\']/g, "\\$&")
      .replace(/\n/g, "\\n")
      .replace(/\t/g, "\\t")
      .replace(/\r/g, "\\r")
      .replace(/\x1b/g, "\\E");
    return `$'${escaped}'`;
  }
  return `'${value.replace(/'/g, "'\\''")}'`;
}

/** shift [n]: drops the first n positional parameters. */
export async function shiftBuiltin(ctx: BuiltinContext): Promise<number> {
  const arg = ctx.args[0];
  let n = 1;
  if (arg !== undefined) {
    if (!/^\d+$/.test(arg)) {
      await ctx.error(`${arg}: numeric argument required`);
      return 1;
    }
    n = Number(arg);
  }
  const positional = ctx.state.positional;
  if (n > positional.length) return 1;
  ctx.state.positional = positional.slice(n);
  return 0;
}

/** Every shopt option bash 5.2 lists, in its order, with the default it has here. */
const SHOPT_NAMES = [
  "autocd",
  "assoc_expand_once",
  "cdable_vars",
  "cdspell",
  "checkhash",
  "checkjobs",
  "checkwinsize",
  "cmdhist",
  "compat31",
  "compat32",
  "compat40",
  "compat41",
  "compat42",
  "compat43",
  "compat44",
  "complete_fullquote",
  "direxpand",
  "dirspell",
  "dotglob",
  "execfail",
  "expand_aliases",
  "extdebug",
  "extglob",
  "extquote",
  "failglob",
  "force_fignore",
  "globasciiranges",
  "globskipdots",
  "globstar",
  "gnu_errfmt",
  "histappend",
  "histreedit",
  "histverify",
  "hostcomplete",
  "huponexit",
  "inherit_errexit",
  "interactive_comments",
  "lastpipe",
  "lithist",
  "localvar_inherit",
  "localvar_unset",
  "login_shell",
  "mailwarn",
  "no_empty_cmd_completion",
  "nocaseglob",
  "nocasematch",
  "noexpand_translation",
  "nullglob",
  "patsub_replacement",
  "progcomp",
  "progcomp_alias",
  "promptvars",
  "restricted_shell",
  "shift_verbose",
  "sourcepath",
  "varredir_close",
  "xpg_echo",
];

const ALWAYS_ON = new Set([
  "complete_fullquote",
  "extquote",
  "force_fignore",
  "globasciiranges",
  "globskipdots",
  "hostcomplete",
  "progcomp",
  "promptvars",
]);

function shoptValue(ctx: BuiltinContext, name: string): boolean {
  const modelled = (ctx.state.shopts as unknown as Record<string, boolean | undefined>)[name];
  if (modelled !== undefined) return modelled;
  if (name === "interactive_comments") return true;
  return ALWAYS_ON.has(name);
}

/** shopt [-pqsu] [optname ...] */
export async function shoptBuiltin(ctx: BuiltinContext): Promise<number> {
  const flags = new Set<string>();
  let i = 0;
  for (; i < ctx.args.length && /^-[pqsuo]+$/.test(ctx.args[i]); i++) for (const f of ctx.args[i].slice(1)) flags.add(f);
  const names = ctx.args.slice(i);
  for (const name of names) {
    if (!SHOPT_NAMES.includes(name)) {
      await ctx.error(`${name}: invalid shell option name`);
      return 1;
    }
  }
  if (flags.has("s") || flags.has("u")) {
    const on = flags.has("s");
    if (names.length === 0)
      return listShopts(
        ctx,
        SHOPT_NAMES.filter((n) => shoptValue(ctx, n) === on),
        flags.has("p"),
      );
    for (const name of names) (ctx.state.shopts as unknown as Record<string, boolean>)[name as keyof Shopts] = on;
    return 0;
  }
  const list = names.length > 0 ? names : SHOPT_NAMES;
  if (flags.has("q")) return list.every((n) => shoptValue(ctx, n)) ? 0 : 1;
  await listShopts(ctx, list, flags.has("p"));
  return list.every((n) => shoptValue(ctx, n)) || names.length === 0 ? 0 : 1;
}

async function listShopts(ctx: BuiltinContext, names: string[], asCommands: boolean): Promise<number> {
  let out = "";
  for (const name of names) {
    const value = shoptValue(ctx, name);
    out += asCommands ? `shopt ${value ? "-s" : "-u"} ${name}\n` : `${name.padEnd(15)}\t${value ? "on" : "off"}\n`;
  }
  await ctx.out(out);
  return 0;
}
