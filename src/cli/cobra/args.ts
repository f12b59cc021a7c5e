// Positional-argument rules, word for word from docker/cli cli/required.go
// (note RequiresMinArgs says "See", the others "Run": docker's own text).
import { type ArgsRule, commandUseLine, hasSubcommands, type ResolvedCommand, rootOf } from "./command";

const binName = (cmd: ResolvedCommand) => rootOf(cmd).path;
const pluralize = (word: string, n: number) => (n === 1 ? word : `${word}s`);

export const noArgs: ArgsRule = (cmd, args) => {
  if (args.length === 0) return undefined;
  if (hasSubcommands(cmd.spec)) {
    return `${binName(cmd)}: unknown command: ${cmd.path} ${args[0]}\n\nUsage:  ${commandUseLine(cmd)}\n\nRun '${cmd.path} --help' for more information`;
  }
  return `${binName(cmd)}: '${cmd.path}' accepts no arguments\n\nUsage:  ${commandUseLine(cmd)}\n\nRun '${cmd.path} --help' for more information`;
};

export function requiresMinArgs(min: number): ArgsRule {
  return (cmd, args) =>
    args.length >= min
      ? undefined
      : `${binName(cmd)}: '${cmd.path}' requires at least ${min} ${pluralize("argument", min)}\n\nUsage:  ${commandUseLine(cmd)}\n\nSee '${cmd.path} --help' for more information`;
}

export function requiresMaxArgs(max: number): ArgsRule {
  return (cmd, args) =>
    args.length <= max
      ? undefined
      : `${binName(cmd)}: '${cmd.path}' requires at most ${max} ${pluralize("argument", max)}\n\nUsage:  ${commandUseLine(cmd)}\n\nRun '${cmd.path} --help' for more information`;
}

export function requiresRangeArgs(min: number, max: number): ArgsRule {
  return (cmd, args) =>
    args.length >= min && args.length <= max
      ? undefined
      : `${binName(cmd)}: '${cmd.path}' requires at least ${min} and at most ${max} ${pluralize("argument", max)}\n\nUsage:  ${commandUseLine(cmd)}\n\nRun '${cmd.path} --help' for more information`;
}

export function exactArgs(n: number): ArgsRule {
  return (cmd, args) =>
    args.length === n
      ? undefined
      : `${binName(cmd)}: '${cmd.path}' requires ${n} ${pluralize("argument", n)}\n\nUsage:  ${commandUseLine(cmd)}\n\nRun '${cmd.path} --help' for more information`;
}
