// docker's help page: the usage template of docker/cli cli/cobra.go,
// rendered section by section (Usage, description, Aliases, Examples,
// Options, Common/Management/Swarm Commands, Commands, Global Options).
import { flagUsagesWrapped } from "../flags/usage";
import { type CommandSpec, commandName, commandUseLine, hasSubcommands, isAvailable, type ResolvedCommand } from "./command";
import { commandFlagSet } from "./flags";

/** docker wraps flag usages at the terminal width - 1; 80 columns when not a terminal. */
export const defaultTermWidth = 80;

/** cobra's minNamePadding, or the longest subcommand name of the parent. */
function namePadding(parent: CommandSpec): number {
  const longest = Math.max(0, ...(parent.subcommands ?? []).map((s) => commandName(s).length), "help".length);
  return Math.max(11, longest);
}

const rpad = (s: string, n: number) => s.padEnd(n, " ");
const decoratedName = (s: CommandSpec) => commandName(s) + (s.plugin ? "*" : " ");
const byName = (a: CommandSpec, b: CommandSpec) => (commandName(a) < commandName(b) ? -1 : commandName(a) > commandName(b) ? 1 : 0);

function sections(cmd: ResolvedCommand) {
  const subs = (cmd.spec.subcommands ?? []).filter(isAvailable);
  const isRoot = !cmd.parent;
  const top = isRoot ? subs.filter((s) => s.group === "Common Commands") : [];
  const sorted = [...subs].sort(byName);
  const management = sorted.filter((s) => (s.plugin || hasSubcommands(s)) && s.group !== "Swarm Commands");
  const swarm = sorted.filter((s) => (s.plugin || hasSubcommands(s)) && s.group === "Swarm Commands");
  const operations = sorted.filter((s) => !hasSubcommands(s) && !s.plugin && !(isRoot && s.group === "Common Commands"));
  return { top, management, swarm, operations };
}

/** The help text of a command, as `docker <cmd> --help` prints it (ends with one newline). */
export function helpText(cmd: ResolvedCommand, width = defaultTermWidth): string {
  const spec = cmd.spec;
  const flags = commandFlagSet(cmd);
  const hasFlags = flags.hasAvailableFlags();
  const { top, management, swarm, operations } = sections(cmd);
  // cobra HasSubCommands counts hidden subcommands too.
  const hasSubs = hasSubcommands(spec);
  const pad = namePadding(spec);
  let out = "Usage:";
  out += hasSubs ? `  ${cmd.path}${hasFlags ? " [OPTIONS]" : ""} COMMAND` : `  ${commandUseLine(cmd)}`;
  out += `\n\n${(spec.long ?? spec.short).trim()}`;
  const aliases = spec.aliasesHelp ?? (spec.aliases?.length ? commandAliases(cmd) : "");
  if (aliases) out += `\n\nAliases:\n  ${aliases}`;
  if (spec.example) out += `\n\nExamples:\n${spec.example}`;
  const options = () => flagUsagesWrapped(flags, width - 1).trimEnd();
  if (cmd.parent && hasFlags) out += `\n\nOptions:\n${options()}`;
  const list = (title: string, cmds: CommandSpec[], line: (s: CommandSpec) => string) => {
    if (cmds.length > 0) out += `\n\n${title}:${cmds.map((s) => `\n  ${line(s)}`).join("")}`;
  };
  list("Common Commands", top, (s) => rpad(decoratedName(s), pad + 1) + s.short);
  list("Management Commands", management, (s) => rpad(decoratedName(s), pad + 1) + s.short);
  list("Swarm Commands", swarm, (s) => rpad(decoratedName(s), pad + 1) + s.short);
  list("Commands", operations, (s) => `${rpad(commandName(s), pad)} ${s.short}`);
  if (!cmd.parent && hasFlags) out += `\n\nGlobal Options:\n${options()}`;
  if (hasSubs) out += `\n\nRun '${cmd.path} COMMAND --help' for more information on a command.`;
  if (spec.additionalHelp) out += `\n\n${spec.additionalHelp}`;
  return `${out}\n`;
}

/** docker's commandAliases: the full paths the command answers to. */
function commandAliases(cmd: ResolvedCommand): string {
  const parentPath = cmd.parent ? `${cmd.parent.path} ` : "";
  return [cmd.path, ...(cmd.spec.aliases ?? []).map((a) => parentPath + a)].join(", ");
}
