import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain, usageError } from "../program";

/** CPUs of a playground host: what `nproc` showed on a Play-With-Docker instance. */
export const ONLINE_CPUS = 8;

/** nproc(1), GNU coreutils: the number of processing units available. */
export const nproc: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { long: { all: "all", ignore: "ignore:" } });
    if (opts.operands.length > 0) throw new UsageError(`extra operand '${opts.operands[0]}'`);
  } catch (err) {
    return usageError(proc, err);
  }
  const ignore = opts.get("ignore");
  if (ignore !== undefined && !/^\s*\+?\d+$/.test(ignore)) return complain(proc, `invalid number: '${ignore}'`);
  let count = ONLINE_CPUS;
  if (!opts.has("all")) {
    // GNU nproc honours OpenMP's limits, as programs started by it would.
    const threads = Number.parseInt(proc.env.OMP_NUM_THREADS ?? "", 10);
    if (threads > 0) count = threads;
    const limit = Number.parseInt(proc.env.OMP_THREAD_LIMIT ?? "", 10);
    if (limit > 0) count = Math.min(count, limit);
  }
  count = Math.max(1, count - Number(ignore ?? 0));
  await proc.stdout.write(`${count}\n`);
  return 0;
};
