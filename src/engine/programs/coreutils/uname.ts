import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { usageError } from "../program";

const OPTIONS = {
  short: "asnrvmpio",
  long: {
    all: "a",
    "kernel-name": "s",
    sysname: "s",
    nodename: "n",
    "kernel-release": "r",
    release: "r",
    "kernel-version": "v",
    machine: "m",
    processor: "p",
    "hardware-platform": "i",
    "operating-system": "o",
  },
};

/** What GNU uname prints for -p and -i on Linux, where it cannot tell. */
const UNKNOWN = "unknown";

/** The -o answer of GNU coreutils built for Linux. */
const OPERATING_SYSTEM = "GNU/Linux";

/** uname(1), GNU coreutils: system information from uname(2), in GNU's field order. */
export const uname: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    if (opts.operands.length > 0) throw new UsageError(`extra operand '${opts.operands[0]}'`);
  } catch (err) {
    return usageError(proc, err);
  }
  const u = proc.uname;
  const all = opts.has("a");
  // -a leaves out -p and -i when they are unknown; asking for them by name prints "unknown".
  const fields: Array<[string, string, boolean]> = [
    ["s", u.sysname, true],
    ["n", u.nodename, true],
    ["r", u.release, true],
    ["v", u.version, true],
    ["m", u.machine, true],
    ["p", UNKNOWN, false],
    ["i", UNKNOWN, false],
    ["o", OPERATING_SYSTEM, true],
  ];
  const none = !fields.some(([flag]) => opts.has(flag));
  const shown = fields
    .filter(([flag, , inAll]) => opts.has(flag) || (all && inAll) || (none && !all && flag === "s"))
    .map(([, value]) => value);
  await proc.stdout.write(`${shown.join(" ")}\n`);
  return 0;
};
