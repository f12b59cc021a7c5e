import { actions, defaultPrint } from "./actions";
import type { Expression } from "./expression";
import { Arguments, alwaysTrue, FindError, type ParseContext, type PrimaryParser } from "./primary";
import { REGEX_TYPES } from "./regex";
import { tests } from "./tests";
import { buildTree, pushToken, type Token } from "./tree";

/** How find treats symbolic links: -P (never follow), -H (follow the starting points), -L (always). */
export type Follow = "never" | "args" | "always";

export interface FindCommand {
  follow: Follow;
  paths: string[];
  expression: Expression;
  maxDepth: number;
  minDepth: number;
  /** -depth, or implied by -delete: a directory is evaluated after its contents. */
  depthFirst: boolean;
  /** --help or --version was asked for. */
  info?: "help" | "version";
}

/** Options that apply to the whole run wherever they appear (GNU warns when they come late). */
const GLOBAL_OPTIONS = new Set([
  "-maxdepth",
  "-mindepth",
  "-depth",
  "-d",
  "-xdev",
  "-mount",
  "-noleaf",
  "-ignore_readdir_race",
  "-noignore_readdir_race",
]);

const OPERATORS: Record<string, Token> = {
  "(": { type: "open", name: "(" },
  ")": { type: "close", name: ")" },
  "!": { type: "not", name: "!" },
  "-not": { type: "not", name: "-not" },
  "-a": { type: "binary", name: "-a", op: "and" },
  "-and": { type: "binary", name: "-and", op: "and" },
  "-o": { type: "binary", name: "-o", op: "or" },
  "-or": { type: "binary", name: "-or", op: "or" },
  ",": { type: "binary", name: ",", op: "," },
};

/** GNU's looks_like_expression() for the path operands: `-x`, `(` and `!` start the expression. */
function startsExpression(arg: string): boolean {
  if (arg.startsWith("-")) return arg.length > 1;
  return arg === "(" || arg === "!";
}

export function parseCommandLine(args: string[], context: ParseContext): FindCommand {
  const command: FindCommand = {
    follow: "never",
    paths: [],
    expression: { op: "primary", primary: defaultPrint },
    maxDepth: Number.POSITIVE_INFINITY,
    minDepth: 0,
    depthFirst: false,
  };
  let i = leadingOptions(args, command);
  while (i < args.length && !startsExpression(args[i])) command.paths.push(args[i++]);
  if (command.paths.length === 0) command.paths.push(".");

  const tokens: Token[] = [];
  const cursor = new Arguments(args, i);
  let firstNonOption: string | undefined;
  let explicitDepth = false;
  while (cursor.peek() !== undefined) {
    const arg = cursor.take("");
    const operator = OPERATORS[arg];
    if (operator) {
      firstNonOption ??= arg;
      pushToken(tokens, { ...operator });
      continue;
    }
    if (GLOBAL_OPTIONS.has(arg) && firstNonOption !== undefined && context.warnings) {
      context.warn(
        `warning: you have specified the global option ${arg} after the argument ${firstNonOption}, but global options are not positional, i.e., ${arg} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.`,
      );
    }
    const option = parseOption(arg, cursor, command, context);
    if (option === "info") return command;
    if (option) {
      if (arg === "-depth" || arg === "-d") explicitDepth = true;
      pushToken(tokens, { type: "primary", name: arg, primary: alwaysTrue(arg) });
      continue;
    }
    const parser: PrimaryParser | undefined = tests[arg] ?? actions[arg];
    if (!parser) {
      if (arg.startsWith("-")) throw new FindError(`unknown predicate \`${arg}'`);
      throw new FindError(`paths must precede expression: \`${arg}'`);
    }
    firstNonOption ??= arg;
    pushToken(tokens, { type: "primary", name: arg, primary: parser(arg, cursor, context) });
  }

  const names = new Set(tokens.map((t) => t.name));
  if (names.has("-delete")) {
    if (names.has("-prune") && !explicitDepth) {
      throw new FindError(
        "The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.",
      );
    }
    command.depthFirst = true;
  }
  command.expression = buildTree(tokens, defaultPrint);
  return command;
}

/** -H, -L, -P, -D and -O before the paths. Returns the index of the first path. */
function leadingOptions(args: string[], command: FindCommand): number {
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "-H") command.follow = "args";
    else if (arg === "-L") command.follow = "always";
    else if (arg === "-P") command.follow = "never";
    else if (arg === "-D") i++;
    else if (/^-O\d*$/.test(arg)) continue;
    else if (arg === "--") return i + 1;
    else break;
  }
  return i;
}

/**
 * Options among the predicates: global ones, and the positional -regextype, -warn,
 * -follow. True when `arg` was one, "info" for --help and --version.
 */
function parseOption(arg: string, cursor: Arguments, command: FindCommand, context: ParseContext): boolean | "info" {
  switch (arg) {
    case "-maxdepth":
    case "-mindepth": {
      const value = cursor.take(arg);
      if (!/^\d+$/.test(value)) throw new FindError(`Expected a positive decimal integer argument to ${arg}, but got '${value}'`);
      if (arg === "-maxdepth") command.maxDepth = Number(value);
      else command.minDepth = Number(value);
      return true;
    }
    case "-depth":
    case "-d":
      command.depthFirst = true;
      return true;
    case "-follow":
      command.follow = "always";
      return true;
    case "-regextype": {
      const type = cursor.take(arg);
      if (!REGEX_TYPES.includes(type)) {
        throw new FindError(`Unknown regular expression type '${type}'; valid types are ${REGEX_TYPES.map((t) => `'${t}'`).join(", ")}.`);
      }
      context.regexType = type === "findutils-default" ? "emacs" : type;
      return true;
    }
    case "-warn":
    case "-nowarn":
      context.warnings = arg === "-warn";
      return true;
    case "-xdev":
    case "-mount":
    case "-noleaf":
    case "-ignore_readdir_race":
    case "-noignore_readdir_race":
      return true;
    case "-help":
    case "--help":
      command.info = "help";
      return "info";
    case "-version":
    case "--version":
      command.info = "version";
      return "info";
    default:
      return false;
  }
}
