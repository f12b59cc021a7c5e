// Running the docker command line (cmd/docker/docker.go runDocker and cobra's
// execute): global options first (interspersed=false), then the command
// path, its flags, help, argument rules and run. Exit statuses as docker's:
// 125 for flag errors, 1 for other errors, 0 after help.
import { FlagError } from "../flags/errors";
import { type FlagSet, HelpRequested, type ParseResult } from "../flags/flagset";
import { noArgs } from "./args";
import {
  type CommandContext,
  type CommandIO,
  type CommandSpec,
  commandName,
  commandUseLine,
  FlagValues,
  findSubcommand,
  hasSubcommands,
  type ResolvedCommand,
  resolveChild,
} from "./command";
import { exitCodeOf, StatusError } from "./errors";
import { commandFlagSet, helpFlag } from "./flags";
import { helpText } from "./help";

/** docker's FlagErrorFunc (cli/cobra.go). */
export function flagErrorText(cmd: ResolvedCommand, message: string): string {
  return `${message}\n\nUsage:  ${commandUseLine(cmd)}\n\nRun '${cmd.path} --help' for more information`;
}

export interface ExecuteOptions {
  /** Terminal width for wrapping flag usages (docker reads it from the tty; 80 otherwise). */
  width?: number;
}

export async function execute(root: CommandSpec, argv: string[], io: CommandIO, options: ExecuteOptions = {}): Promise<number> {
  const rootCmd: ResolvedCommand = { spec: root, path: commandName(root) };
  const help = (cmd: ResolvedCommand) => helpText(cmd, options.width);
  const fail = async (message: string, code: number) => {
    if (message !== "") await io.err(`${message}\n`);
    return code;
  };

  // HandleGlobalFlags: the root's flags, stopping at the first argument.
  let globals: ParseResult;
  try {
    globals = parseWith(rootFlagSet(root), argv, false);
  } catch (e) {
    if (e instanceof FlagError) return fail(flagErrorText(rootCmd, e.message), 125);
    throw e;
  }
  // A fresh pflag FlagSet writes deprecation notices to stderr.
  for (const w of globals.warnings) await io.err(w);
  const globalValues = new FlagValues(globals.values, globals.changed);
  const args = globals.args;

  if (args.length === 0) {
    if (globals.values.get("help") === true) {
      await io.out(help(rootCmd));
      return 0;
    }
    if (root.version !== undefined && globals.values.get("version") === true) {
      await io.out(`Docker version ${root.version}\n`);
      return 0;
    }
    // `docker` alone: command.ShowHelp writes the help to stderr.
    await io.err(help(rootCmd));
    return 0;
  }

  if (args[0] === "help" && !findSubcommand(root, "help")) return helpCommand(rootCmd, args.slice(1), io, help);

  // cobra Traverse: descend while the next word names a subcommand.
  let cmd = rootCmd;
  let rest = args;
  while (rest.length > 0 && !rest[0]!.startsWith("-")) {
    const next = findSubcommand(cmd.spec, rest[0]!);
    if (!next) break;
    cmd = resolveChild(cmd, next);
    rest = rest.slice(1);
  }
  if (!cmd.parent) {
    return fail(`${cmd.path}: unknown command: ${cmd.path} ${rest[0]}\n\nRun '${cmd.path} --help' for more information`, 1);
  }

  let parsed: ParseResult;
  try {
    parsed = parseWith(commandFlagSet(cmd), rest, cmd.spec.interspersed !== false);
  } catch (e) {
    if (e instanceof FlagError) return fail(flagErrorText(cmd, e.message), 125);
    throw e;
  }
  // cobra prints pflag's notices through c.Print: the command's output stream.
  for (const w of parsed.warnings) await io.out(w);
  // The root's --help is persistent: `docker --help ps` asks for ps's help unless ps defines its own --help.
  const inheritsHelp = !(cmd.spec.flags ?? []).some((f) => f.name === helpFlag.name);
  if (parsed.values.get("help") === true || (inheritsHelp && globals.values.get("help") === true)) {
    await io.out(help(cmd));
    return 0;
  }

  const ctx: CommandContext = {
    args: parsed.args,
    flags: new FlagValues(parsed.values, parsed.changed),
    globals: globalValues,
    command: cmd,
    io,
    showHelp: async (to = "err") => (to === "out" ? io.out(help(cmd)) : io.err(help(cmd))),
  };
  const rule = cmd.spec.args ?? (hasSubcommands(cmd.spec) ? noArgs : undefined);
  const argsError = rule?.(cmd, parsed.args);
  if (argsError !== undefined) return fail(argsError, 1);
  if (!cmd.spec.run) {
    // A management command without a subcommand: command.ShowHelp, to stderr.
    await ctx.showHelp("err");
    return 0;
  }
  try {
    return await cmd.spec.run(ctx);
  } catch (e) {
    if (e instanceof StatusError) return fail(e.status, exitCodeOf(e));
    if (e instanceof Error) return fail(e.message, 1);
    throw e;
  }
}

function rootFlagSet(root: CommandSpec): FlagSet {
  return commandFlagSet({ spec: root, path: commandName(root) });
}

/** `--help`/`-h` undefined on a set is pflag's ErrHelp; cobra treats it as a help request. */
function parseWith(set: FlagSet, argv: string[], interspersed: boolean): ParseResult {
  try {
    return set.parse(argv, interspersed);
  } catch (e) {
    if (!(e instanceof HelpRequested)) throw e;
    const values = new Map<string, unknown>([["help", true]]);
    return { values, args: [], changed: new Set(["help"]), warnings: [], argsLenAtDash: -1 };
  }
}

/** docker's help command (cli/cobra.go helpCommand): `docker help container ls`. */
async function helpCommand(root: ResolvedCommand, topic: string[], io: CommandIO, help: (c: ResolvedCommand) => string) {
  let cmd = root;
  let rest = topic;
  while (rest.length > 0) {
    const next = findSubcommand(cmd.spec, rest[0]!);
    if (!next) break;
    cmd = resolveChild(cmd, next);
    rest = rest.slice(1);
  }
  if (rest.length > 0) {
    await io.err(`unknown help topic: ${rest.join(" ")}\n`);
    return 1;
  }
  await io.out(help(cmd));
  return 0;
}
