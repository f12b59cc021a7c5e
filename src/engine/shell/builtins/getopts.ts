import { type BuiltinContext, usageLine } from "./context";

/**
 * getopts optstring name [arg ...]: the next option of the positional parameters (or
 * the args), in `name`, its argument in OPTARG, the next index in OPTIND. A leading
 * colon in optstring selects silent error reporting.
 */
export async function getoptsBuiltin(ctx: BuiltinContext): Promise<number> {
  if (ctx.args.length < 2) {
    await usageLine(ctx, "getopts optstring name [arg ...]");
    return 2;
  }
  const [spec, name, ...rest] = ctx.args;
  const state = ctx.state;
  const runner = ctx.runner;
  const args = rest.length > 0 ? rest : state.positional;
  const silent = spec.startsWith(":");
  const letters = silent ? spec.slice(1) : spec;
  const optindValue = state.vars.value("OPTIND");
  let optind = Math.max(1, Number(typeof optindValue === "string" ? optindValue : "1") || 1);
  if (state.getoptsIndex !== optind) state.getoptsChar = 0;
  const arg = args[optind - 1];
  const finish = (index: number) => {
    state.getoptsIndex = index;
    runner.setVariable("OPTIND", String(index));
  };
  if (arg === undefined || !arg.startsWith("-") || arg === "-" || (arg === "--" && state.getoptsChar === 0)) {
    if (arg === "--") optind++;
    runner.setVariable(name, "?");
    state.vars.unset("OPTARG");
    finish(optind);
    return 1;
  }
  const pos = state.getoptsChar === 0 ? 1 : state.getoptsChar;
  const letter = arg[pos];
  const last = pos + 1 >= arg.length;
  const advance = () => {
    if (last) {
      optind++;
      state.getoptsChar = 0;
    } else state.getoptsChar = pos + 1;
  };
  const at = letters.indexOf(letter);
  const prefix = `${state.name}: `;
  if (at < 0 || letter === ":") {
    advance();
    finish(optind);
    runner.setVariable(name, "?");
    if (silent) runner.setVariable("OPTARG", letter);
    else {
      state.vars.unset("OPTARG");
      await ctx.err(`${prefix}illegal option -- ${letter}\n`);
    }
    return 0;
  }
  if (letters[at + 1] === ":") {
    let value: string | undefined;
    if (!last) value = arg.slice(pos + 1);
    else value = args[optind];
    optind += last ? 2 : 1;
    state.getoptsChar = 0;
    if (value === undefined) {
      finish(optind - 1);
      if (silent) {
        runner.setVariable(name, ":");
        runner.setVariable("OPTARG", letter);
      } else {
        runner.setVariable(name, "?");
        state.vars.unset("OPTARG");
        await ctx.err(`${prefix}option requires an argument -- ${letter}\n`);
      }
      return 0;
    }
    finish(optind);
    runner.setVariable(name, letter);
    runner.setVariable("OPTARG", value);
    return 0;
  }
  advance();
  finish(optind);
  runner.setVariable(name, letter);
  state.vars.unset("OPTARG");
  return 0;
}
