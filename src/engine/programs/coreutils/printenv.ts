import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions } from "../getopt";
import { usageError } from "../program";

/** printenv(1), GNU coreutils: the whole environment, or the values of the variables named. */
export const printenv: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { short: "0", long: { null: "0" } });
  } catch (err) {
    // GNU printenv exits 2 on usage errors, so that 1 keeps meaning "not set".
    return usageError(proc, err, 2);
  }
  const end = opts.has("0") ? "\0" : "\n";
  if (opts.operands.length === 0) {
    await proc.stdout.write(
      Object.entries(proc.env)
        .map(([k, v]) => `${k}=${v}${end}`)
        .join(""),
    );
    return 0;
  }
  let missing = 0;
  for (const name of opts.operands) {
    const value = name.includes("=") ? undefined : proc.env[name];
    if (value === undefined) missing++;
    else await proc.stdout.write(`${value}${end}`);
  }
  return missing > 0 ? 1 : 0;
};
