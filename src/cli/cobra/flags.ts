// A command's flag set as cobra builds it (mergePersistentFlags): its own
// flags, its persistent flags, then those its ancestors make persistent,
// skipping names it already defines (so `run` keeps its own --help and -h).
import { FlagSet } from "../flags/flagset";
import type { FlagSpec } from "../flags/value";
import type { ResolvedCommand } from "./command";

/** docker's root persistent help flag (cli/cobra.go): hidden, and -h prints a deprecation notice. */
export const helpFlag: FlagSpec = {
  name: "help",
  short: "h",
  kind: "bool",
  usage: "Print usage",
  hidden: true,
  shorthandDeprecated: "use --help",
};

export function commandFlagSet(cmd: ResolvedCommand): FlagSet {
  const set = new FlagSet();
  const add = (spec: FlagSpec) => {
    if (set.has(spec.name)) return;
    const short = spec.short && set.hasShorthand(spec.short) ? undefined : spec.short;
    set.add(short === spec.short ? spec : { ...spec, short });
  };
  for (const spec of cmd.spec.flags ?? []) add(spec);
  for (let c: ResolvedCommand | undefined = cmd; c; c = c.parent) {
    for (const spec of c.spec.persistentFlags ?? []) add(spec);
    if (!c.parent) add(helpFlag);
  }
  return set;
}
