/**
 * readlink(1): the target of each symbolic link, or with -f/-e/-m the canonical name as
 * realpath gives it. Without -v it fails silently, with status 1 (coreutils src/readlink.c).
 */
import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { type CanonicalizeMode, canonicalize } from "./canonicalize";
import { quotef } from "./quotearg";
import { tryHelp } from "./tryhelp";

export const readlink: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "efmnqsvz",
      long: {
        canonicalize: "f",
        "canonicalize-existing": "e",
        "canonicalize-missing": "m",
        "no-newline": "n",
        quiet: "q",
        silent: "s",
        verbose: "v",
        zero: "z",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const names = opts.operands;
  if (names.length === 0) return tryHelp(proc, "missing operand");
  let mode: CanonicalizeMode | null = null;
  let verbose = false;
  for (const [key] of opts.list) {
    if (key === "f") mode = "all-but-last";
    if (key === "e") mode = "existing";
    if (key === "m") mode = "missing";
    if (key === "v") verbose = true;
    if (key === "q" || key === "s") verbose = false;
  }
  let noNewline = opts.has("n");
  if (noNewline && names.length > 1) {
    await complain(proc, "ignoring --no-newline with multiple arguments");
    noNewline = false;
  }
  const end = opts.has("z") ? "\0" : noNewline ? "" : "\n";
  let ok = true;
  for (const name of names) {
    await proc.checkpoint();
    try {
      if (name === "") throw new SysError("ENOENT");
      const value = mode ? canonicalize(proc, name, mode) : targetOf(proc, name);
      await proc.stdout.write(`${value}${end}`);
    } catch (err) {
      if (verbose) await complain(proc, `${quotef(proc, name)}: ${errorText(err)}`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
};

/** readlink(2): EINVAL for anything that is not a symlink. */
function targetOf(proc: Parameters<Program>[0], name: string): string {
  const abs = proc.resolve(name);
  if (proc.fs.lstat(abs).type !== "symlink") throw new SysError("EINVAL", name);
  return proc.fs.readlink(abs);
}
