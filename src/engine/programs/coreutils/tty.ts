import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { usageError } from "../program";

/** tty(1), GNU coreutils: the terminal on standard input; status 1 when there is none. */
export const tty: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { short: "s", long: { silent: "s", quiet: "s" } });
    if (opts.operands.length > 0) throw new UsageError(`extra operand '${opts.operands[0]}'`);
  } catch (err) {
    // GNU tty exits 2 on usage errors and 3 on write errors.
    return usageError(proc, err, 2);
  }
  const terminal = proc.isatty(0) ? proc.ttyOf(0) : null;
  if (!opts.has("s")) await proc.stdout.write(terminal ? `/dev/${terminal.name}\n` : "not a tty\n");
  return terminal ? 0 : 1;
};
