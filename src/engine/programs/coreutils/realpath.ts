/**
 * realpath(1): each name made absolute with its symlinks, `.` and `..` resolved; all
 * but the last component must exist (-e: all of it, -m: none). -s only tidies the name;
 * --relative-to prints it relative to a directory (coreutils src/realpath.c).
 */
import { normalizePath } from "../../fs/path";
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";

import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { type CanonicalizeMode, canonicalize } from "./canonicalize";
import { quotef } from "./quotearg";
import { tryHelp } from "./tryhelp";

export const realpath: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "eLmPqsz",
      long: {
        "canonicalize-existing": "e",
        "canonicalize-missing": "m",
        logical: "L",
        physical: "P",
        quiet: "q",
        "relative-to": "relative-to:",
        "relative-base": "relative-base:",
        strip: "s",
        "no-symlinks": "s",
        zero: "z",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  if (opts.operands.length === 0) return tryHelp(proc, "missing operand");
  let mode: CanonicalizeMode = "all-but-last";
  let logical = false;
  for (const [key] of opts.list) {
    if (key === "e") mode = "existing";
    if (key === "m") mode = "missing";
    if (key === "L") logical = true;
    if (key === "P") logical = false;
  }
  const strip = opts.has("s");
  const resolve = (name: string) => {
    // -s and -L tidy `..` by the name alone; -L then still resolves the links.
    const tidy = strip || logical ? normalizePath(name.startsWith("/") ? name : `${proc.cwd}/${name}`) : name;
    return strip ? tidy : canonicalize(proc, tidy, mode);
  };
  let relativeTo: string | null = null;
  let relativeBase: string | null = null;
  try {
    const to = opts.get("relative-to");
    const base = opts.get("relative-base");
    if (to !== undefined) relativeTo = resolve(to);
    if (base !== undefined) relativeBase = resolve(base);
  } catch (err) {
    const which = opts.get("relative-to") ?? opts.get("relative-base") ?? "";
    await complain(proc, `${quotef(proc, which)}: ${errorText(err)}`);
    return 1;
  }
  if (relativeBase !== null && relativeTo !== null && !within(relativeTo, relativeBase)) relativeTo = relativeBase = null;
  if (relativeBase !== null && relativeTo === null) relativeTo = relativeBase;
  const end = opts.has("z") ? "\0" : "\n";
  let ok = true;
  for (const name of opts.operands) {
    await proc.checkpoint();
    let path: string;
    try {
      path = resolve(name);
    } catch (err) {
      if (!opts.has("q")) await complain(proc, `${quotef(proc, name)}: ${errorText(err)}`);
      ok = false;
      continue;
    }
    if (relativeTo !== null && (relativeBase === null || within(path, relativeBase))) path = relative(relativeTo, path);
    await proc.stdout.write(`${path}${end}`);
  }
  return ok ? 0 : 1;
};

function within(path: string, dir: string): boolean {
  return dir === "/" || path === dir || path.startsWith(`${dir}/`);
}

/** `to` as reached from directory `from`, both absolute and canonical. */
export function relative(from: string, to: string): string {
  const a = from.split("/").filter(Boolean);
  const b = to.split("/").filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const parts = [...a.slice(common).map(() => ".."), ...b.slice(common)];
  return parts.length > 0 ? parts.join("/") : ".";
}
