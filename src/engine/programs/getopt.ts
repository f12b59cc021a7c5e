/**
 * Command-line options the GNU way (getopt_long(3)): clustered short flags (-la),
 * attached or separate arguments (-n5, -n 5, --lines=5, --lines 5), unambiguous long
 * prefixes (--all as --a), `--` ending options, and operands mixed with options
 * unless POSIXLY_CORRECT-style `stopAtOperand` is asked for.
 */
export interface OptionTable {
  /** Short options as in getopt's optstring: "laRn:" (a colon marks a required argument). */
  short?: string;
  /** Long options: name → short letter or key, with ":" for a required argument, "::" optional. */
  long?: Record<string, string>;
  /** Stop at the first operand (head -n 3 file, env, xargs, watch). */
  stopAtOperand?: boolean;
}

export interface ParsedOptions {
  /** Options in the order given, keyed by their short letter or long key. */
  list: Array<[string, string | true]>;
  operands: string[];
  has(key: string): boolean;
  /** The last value given for `key`. */
  get(key: string): string | undefined;
  all(key: string): string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

interface LongDef {
  key: string;
  arg: "none" | "required" | "optional";
}

function parseLongTable(long: Record<string, string>): Map<string, LongDef> {
  const out = new Map<string, LongDef>();
  for (const [name, spec] of Object.entries(long)) {
    const arg = spec.endsWith("::") ? "optional" : spec.endsWith(":") ? "required" : "none";
    out.set(name, { key: spec.replace(/:+$/, "") || name, arg });
  }
  return out;
}

/** Parses `args` (argv without argv[0]); throws UsageError with GNU's wording. */
export function getopt(args: string[], table: OptionTable): ParsedOptions {
  const list: Array<[string, string | true]> = [];
  const operands: string[] = [];
  const shortSpec = table.short ?? "";
  const longs = parseLongTable(table.long ?? {});
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      i++;
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const def = findLong(longs, name, arg);
      if (def.arg === "none") {
        if (eq >= 0) throw new UsageError(`option '--${longName(longs, def)}' doesn't allow an argument`);
        list.push([def.key, true]);
      } else if (eq >= 0) list.push([def.key, arg.slice(eq + 1)]);
      else if (def.arg === "required") {
        if (i + 1 >= args.length) throw new UsageError(`option '--${longName(longs, def)}' requires an argument`);
        list.push([def.key, args[++i]]);
      } else list.push([def.key, true]);
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const at = shortSpec.indexOf(letter);
        if (at < 0 || letter === ":") throw new UsageError(`invalid option -- '${letter}'`);
        const takesArg = shortSpec[at + 1] === ":";
        if (!takesArg) {
          list.push([letter, true]);
          continue;
        }
        const optional = shortSpec[at + 2] === ":";
        const rest = arg.slice(j + 1);
        if (rest !== "") list.push([letter, rest]);
        else if (optional) list.push([letter, true]);
        else if (i + 1 < args.length) list.push([letter, args[++i]]);
        else throw new UsageError(`option requires an argument -- '${letter}'`);
        break;
      }
      continue;
    }
    if (table.stopAtOperand) break;
    operands.push(arg);
  }
  operands.push(...args.slice(i));
  return {
    list,
    operands,
    has: (key) => list.some(([k]) => k === key),
    get: (key) => {
      for (let k = list.length - 1; k >= 0; k--) if (list[k][0] === key) return String(list[k][1]);
      return undefined;
    },
    all: (key) => list.filter(([k]) => k === key).map(([, v]) => String(v)),
  };
}

function findLong(longs: Map<string, LongDef>, name: string, arg: string): LongDef {
  const exact = longs.get(name);
  if (exact) return exact;
  const matches = [...longs.entries()].filter(([n]) => n.startsWith(name));
  const distinct = new Set(matches.map(([, d]) => d.key));
  if (matches.length === 0 || name === "") throw new UsageError(`unrecognized option '${arg}'`);
  if (distinct.size > 1) throw new UsageError(`option '${arg.split("=")[0]}' is ambiguous`);
  return matches[0][1];
}

function longName(longs: Map<string, LongDef>, def: LongDef): string {
  for (const [name, d] of longs) if (d === def) return name;
  return def.key;
}
