// The command tree, declared as data the way docker/cli declares cobra
// commands: Use, Short, Args, flags, subcommands and a run function.
import type { FlagSpec } from "../flags/value";

export interface CommandIO {
  out(s: string): Promise<void>;
  err(s: string): Promise<void>;
}

/** A command resolved in the tree: what help, usage lines and argument errors need. */
export interface ResolvedCommand {
  spec: CommandSpec;
  parent?: ResolvedCommand;
  /** cobra CommandPath: "docker container ls". */
  path: string;
}

/** cobra.PositionalArgs: returns the error text, or undefined when the arguments fit. */
export type ArgsRule = (cmd: ResolvedCommand, args: string[]) => string | undefined;

export interface CommandSpec {
  /** "run [OPTIONS] IMAGE [COMMAND] [ARG...]": the first word is the command's name. */
  use: string;
  short: string;
  long?: string;
  aliases?: string[];
  /** docker's "aliases" annotation, shown verbatim under "Aliases:" ("docker container ls, docker ps"). */
  aliasesHelp?: string;
  args?: ArgsRule;
  flags?: FlagSpec[];
  /** Flags inherited by every subcommand (cobra PersistentFlags). */
  persistentFlags?: FlagSpec[];
  /** false for run/exec: flags stop at the first argument (pflag SetInterspersed). */
  interspersed?: boolean;
  /** "Common Commands" (listed first in `docker --help`, in declaration order) or "Swarm Commands". */
  group?: string;
  subcommands?: CommandSpec[];
  run?: (ctx: CommandContext) => Promise<number>;
  example?: string;
  hidden?: boolean;
  deprecated?: string;
  /** A CLI plugin (buildx, compose): listed with a "*" after its name. */
  plugin?: boolean;
  /** Root only: printed by --version through "Docker version {{.Version}}". */
  version?: string;
  /** Root only: the closing line of the top-level help. */
  additionalHelp?: string;
}

/** Parsed flag values of one command, read by name. */
export class FlagValues {
  constructor(
    private readonly values: Map<string, unknown>,
    private readonly changedSet: Set<string>,
  ) {}

  get(name: string): unknown {
    if (!this.values.has(name)) throw new Error(`flag accessed but not defined: ${name}`);
    return this.values.get(name);
  }

  string(name: string): string {
    return String(this.get(name) ?? "");
  }

  bool(name: string): boolean {
    return this.get(name) === true;
  }

  number(name: string): number {
    return Number(this.get(name) ?? 0);
  }

  list(name: string): string[] {
    const v = this.get(name);
    return Array.isArray(v) ? v.map(String) : [];
  }

  /** pflag Flag.Changed: the flag was given on the command line. */
  changed(name: string): boolean {
    return this.changedSet.has(name);
  }
}

export interface CommandContext {
  args: string[];
  flags: FlagValues;
  /** The root's global options (--host, --context, --debug...). */
  globals: FlagValues;
  command: ResolvedCommand;
  io: CommandIO;
  /** Print this command's help (docker's command.ShowHelp writes it to stderr). */
  showHelp(to?: "out" | "err"): Promise<void>;
}

export function commandName(spec: CommandSpec): string {
  const sp = spec.use.indexOf(" ");
  return sp < 0 ? spec.use : spec.use.slice(0, sp);
}

/** cobra UseLine, with DisableFlagsInUseLine as every docker command sets it. */
export function commandUseLine(cmd: ResolvedCommand): string {
  return cmd.parent ? `${cmd.parent.path} ${cmd.spec.use}` : cmd.spec.use;
}

export function rootOf(cmd: ResolvedCommand): ResolvedCommand {
  return cmd.parent ? rootOf(cmd.parent) : cmd;
}

export function resolveChild(parent: ResolvedCommand, spec: CommandSpec): ResolvedCommand {
  return { spec, parent, path: `${parent.path} ${commandName(spec)}` };
}

/** cobra IsAvailableCommand: not hidden or deprecated, and runnable or a parent of such. */
export function isAvailable(spec: CommandSpec): boolean {
  if (spec.hidden || spec.deprecated) return false;
  return spec.run !== undefined || (spec.subcommands ?? []).some(isAvailable);
}

export function hasSubcommands(spec: CommandSpec): boolean {
  return (spec.subcommands ?? []).length > 0;
}

/** cobra findNext: a subcommand by name or alias. */
export function findSubcommand(spec: CommandSpec, name: string): CommandSpec | undefined {
  const subs = spec.subcommands ?? [];
  return subs.find((s) => commandName(s) === name) ?? subs.find((s) => s.aliases?.includes(name));
}
