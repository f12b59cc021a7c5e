/**
 * basename(1): the last component of each name, without a trailing suffix when one is
 * given (`basename /a/b.txt .txt`, or -s with -a for several names).
 */
import { basename as lastComponent } from "../../fs/path";
import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { usageError } from "../program";
import { quote } from "./quotearg";
import { tryHelp } from "./tryhelp";

export const basename: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), { short: "as:z", long: { multiple: "a", suffix: "s:", zero: "z" } });
  } catch (err) {
    return usageError(proc, err);
  }
  const names = opts.operands;
  if (names.length === 0) return tryHelp(proc, "missing operand");
  let suffix = opts.get("s");
  const multiple = opts.has("a") || suffix !== undefined;
  if (!multiple) {
    if (names.length > 2) return tryHelp(proc, `extra operand ${quote(proc, names[2])}`);
    suffix = names[1];
  }
  const end = opts.has("z") ? "\0" : "\n";
  let out = "";
  for (const name of multiple ? names : [names[0]]) out += `${removeSuffix(lastComponent(name), suffix)}${end}`;
  await proc.stdout.write(out);
  return 0;
};

/** The suffix goes only when something remains and the name is not all slash. */
function removeSuffix(base: string, suffix: string | undefined): string {
  if (!suffix || base === suffix || base === "/" || !base.endsWith(suffix)) return base;
  return base.slice(0, base.length - suffix.length);
}
