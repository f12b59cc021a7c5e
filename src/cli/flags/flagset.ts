// A set of flags parsed with spf13/pflag's rules (flag.go parseArgs,
// parseLongArg, parseSingleShortArg): `--name=v`, `--name v`, `-abc`,
// `-p8080:80`, `-e=x`, `--` ends flags, `-` alone is an argument, and with
// interspersed=false (docker run/exec) the first argument ends flags.
import { badSyntax, FlagError, invalidValue, unknownFlag, unknownShorthand, valueRequired } from "./errors";
import { defineFlag, type Flag, type FlagSpec, initialValue, setValue } from "./value";

/** pflag.ErrHelp: `--help`/`-h` given to a set that does not define them. */
export class HelpRequested extends Error {
  constructor() {
    super("pflag: help requested");
  }
}

export interface ParseResult {
  /** Every flag of the set by long name: its parsed value, or its default. */
  values: Map<string, unknown>;
  /** Positional arguments, in order. */
  args: string[];
  /** Flags given on the command line (pflag Flag.Changed). */
  changed: Set<string>;
  /** Deprecation notices pflag writes to the set's output, each ending in "\n". */
  warnings: string[];
  /** pflag ArgsLenAtDash: how many args came before `--`, or -1. */
  argsLenAtDash: number;
}

export class FlagSet {
  private readonly formal = new Map<string, Flag>();
  private readonly shorthands = new Map<string, Flag>();

  add(spec: FlagSpec): void {
    if (this.formal.has(spec.name)) throw new Error(`flag redefined: ${spec.name}`);
    if (spec.short !== undefined && spec.short.length !== 1) {
      throw new Error(`"${spec.short}" shorthand is more than one ASCII character`);
    }
    if (spec.short && this.shorthands.has(spec.short)) {
      const used = this.shorthands.get(spec.short)!.spec.name;
      throw new Error(`unable to redefine "${spec.short}" shorthand in "${spec.name}" flagset: it's already used for "${used}" flag`);
    }
    const flag = defineFlag(spec);
    this.formal.set(spec.name, flag);
    if (spec.short) this.shorthands.set(spec.short, flag);
  }

  has(name: string): boolean {
    return this.formal.has(name);
  }

  lookup(name: string): Flag | undefined {
    return this.formal.get(name);
  }

  hasShorthand(c: string): boolean {
    return this.shorthands.has(c);
  }

  /** pflag VisitAll order: sorted by name. */
  flags(): Flag[] {
    return [...this.formal.values()].sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
  }

  /** pflag HasAvailableFlags: any flag not hidden. */
  hasAvailableFlags(): boolean {
    return [...this.formal.values()].some((f) => !f.spec.hidden && !f.spec.deprecated);
  }

  parse(argv: string[], interspersed = true): ParseResult {
    const state = new ParseState(this.formal);
    let rest = argv;
    while (rest.length > 0) {
      const s = rest[0]!;
      rest = rest.slice(1);
      if (s.length < 2 || s[0] !== "-") {
        state.args.push(s);
        if (!interspersed) {
          state.args.push(...rest);
          break;
        }
        continue;
      }
      if (s === "--") {
        state.argsLenAtDash = state.args.length;
        state.args.push(...rest);
        break;
      }
      rest = s[1] === "-" ? this.parseLong(s, rest, state) : this.parseShort(s, rest, state);
    }
    return state.result();
  }

  private parseLong(s: string, rest: string[], state: ParseState): string[] {
    const body = s.slice(2);
    if (body === "" || body[0] === "-" || body[0] === "=") throw badSyntax(s);
    const eq = body.indexOf("=");
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const flag = this.formal.get(name);
    if (!flag) {
      if (name === "help") throw new HelpRequested();
      throw unknownFlag(name);
    }
    if (eq >= 0) state.set(flag, body.slice(eq + 1));
    else if (flag.noOptDefVal !== "") state.set(flag, flag.noOptDefVal);
    else if (rest.length > 0) {
      state.set(flag, rest[0]!);
      return rest.slice(1);
    } else throw valueRequired(name);
    return rest;
  }

  private parseShort(s: string, rest: string[], state: ParseState): string[] {
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0]!;
      const flag = this.shorthands.get(c);
      if (!flag) {
        if (c === "h") throw new HelpRequested();
        throw unknownShorthand(c, shorthands);
      }
      let value: string;
      let next = shorthands.slice(1);
      if (shorthands.length > 2 && shorthands[1] === "=") {
        value = shorthands.slice(2);
        next = "";
      } else if (flag.noOptDefVal !== "") value = flag.noOptDefVal;
      else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        next = "";
      } else if (rest.length > 0) {
        value = rest[0]!;
        rest = rest.slice(1);
      } else throw valueRequired(c, shorthands);
      if (flag.spec.shorthandDeprecated) {
        state.warnings.push(`Flag shorthand -${c} has been deprecated, ${flag.spec.shorthandDeprecated}\n`);
      }
      state.set(flag, value);
      shorthands = next;
    }
    return rest;
  }
}

class ParseState {
  readonly values = new Map<string, unknown>();
  readonly changed = new Set<string>();
  readonly args: string[] = [];
  readonly warnings: string[] = [];
  argsLenAtDash = -1;

  constructor(formal: Map<string, Flag>) {
    for (const [name, flag] of formal) this.values.set(name, initialValue(flag));
  }

  set(flag: Flag, raw: string): void {
    const name = flag.spec.name;
    try {
      this.values.set(name, setValue(flag, raw, this.values.get(name), !this.changed.has(name)));
    } catch (e) {
      const shown = flag.spec.short && !flag.spec.shorthandDeprecated ? `-${flag.spec.short}, --${name}` : `--${name}`;
      throw invalidValue(raw, shown, e instanceof Error ? e.message : String(e));
    }
    this.changed.add(name);
    if (flag.spec.deprecated) this.warnings.push(`Flag --${name} has been deprecated, ${flag.spec.deprecated}\n`);
  }

  result(): ParseResult {
    return {
      values: this.values,
      args: this.args,
      changed: this.changed,
      warnings: this.warnings,
      argsLenAtDash: this.argsLenAtDash,
    };
  }
}

export { FlagError };
