import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { usageError } from "../program";

/** How much text yes(1) hands to each write(2): GNU fills a buffer rather than writing line by line. */
const BUFFER_SIZE = 8192;

/**
 * yes(1), GNU coreutils: repeats its arguments (or `y`) until its reader goes away and
 * the next write kills it with SIGPIPE.
 */
export const yes: Program = async (proc) => {
  let operands: string[];
  try {
    operands = getopt(proc.argv.slice(1), {}).operands;
  } catch (err) {
    return usageError(proc, err);
  }
  const line = `${operands.length > 0 ? operands.join(" ") : "y"}\n`;
  const buffer = line.repeat(Math.max(1, Math.floor(BUFFER_SIZE / line.length)));
  for (;;) {
    await proc.stdout.write(buffer);
    await proc.checkpoint();
  }
};
