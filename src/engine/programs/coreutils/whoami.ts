import type { Program } from "../../kernel/exec";
import { getopt, UsageError } from "../getopt";
import { complain, usageError } from "../program";
import { getpwuid } from "./passwd";

/** whoami(1), GNU coreutils: the name of the effective user. */
export const whoami: Program = async (proc) => {
  try {
    const { operands } = getopt(proc.argv.slice(1), {});
    if (operands.length > 0) throw new UsageError(`extra operand '${operands[0]}'`);
  } catch (err) {
    return usageError(proc, err);
  }
  const user = getpwuid(proc.fs, proc.uid);
  if (!user) return complain(proc, `cannot find name for user ID ${proc.uid}`);
  await proc.stdout.write(`${user.name}\n`);
  return 0;
};
