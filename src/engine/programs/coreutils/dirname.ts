/** dirname(1): each name without its last component (`.` when there is no directory part). */
import { dirname as directoryPart } from "../../fs/path";
import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { usageError } from "../program";
import { tryHelp } from "./tryhelp";

export const dirname: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), { short: "z", long: { zero: "z" } });
  } catch (err) {
    return usageError(proc, err);
  }
  if (opts.operands.length === 0) return tryHelp(proc, "missing operand");
  const end = opts.has("z") ? "\0" : "\n";
  await proc.stdout.write(opts.operands.map((name) => `${name === "" ? "." : directoryPart(name)}${end}`).join(""));
  return 0;
};
