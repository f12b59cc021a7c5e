/**
 * chmod(1): changes permission bits, octal (755) or symbolic (u+x,go-w), of each file,
 * through symlinks named on the command line; -R descends into directories, leaving the
 * symlinks it meets alone. -v and -c describe each change (coreutils src/chmod.c).
 */
import { modeString, type Stats } from "../../fs/filesystem";
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { adjustMode, compileMode, type ModeChanges } from "./modechange";
import { quote, quoteaf, quotef } from "./quotearg";
import { tryHelp } from "./tryhelp";

/** The hosts' umask: `chmod +w` without u, g, o or a leaves the bits it masks alone. */
const UMASK = 0o022;

interface ChmodOptions {
  changes: ModeChanges;
  recursive: boolean;
  verbosity: "normal" | "changes" | "high" | "silent";
  /** The mode came as `-w`-style option: warn when the umask changed the outcome. */
  diagnoseSurprises: boolean;
}

/** A mode given like an option (`chmod -w f`): a dash and only mode characters. */
const MODE_LIKE_OPTION = /^-[rwxXstugoa,+=0-7-]+$/;

export const chmod: Program = async (proc) => {
  const args = proc.argv.slice(1);
  let modeArg: string | null = null;
  const rest: string[] = [];
  for (const [i, arg] of args.entries()) {
    if (arg === "--") {
      rest.push(...args.slice(i));
      break;
    }
    if (modeArg === null && MODE_LIKE_OPTION.test(arg)) modeArg = arg;
    else rest.push(arg);
  }
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(rest, {
      short: "Rcfv",
      long: { changes: "c", recursive: "R", silent: "f", quiet: "f", verbose: "v", reference: "reference:" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const operands = [...opts.operands];
  const reference = opts.get("reference");
  let modeText: string;
  if (reference !== undefined) {
    try {
      const stats = proc.fs.stat(proc.resolve(reference));
      modeText = stats.mode.toString(8).padStart(5, "0");
    } catch (err) {
      await complain(proc, `failed to get attributes of ${quoteaf(proc, reference)}: ${errorText(err)}`);
      return 1;
    }
  } else if (modeArg !== null) {
    modeText = modeArg;
  } else {
    if (operands.length === 0) return tryHelp(proc, "missing operand");
    modeText = operands.shift() as string;
  }
  if (operands.length === 0) {
    return tryHelp(
      proc,
      reference === undefined && modeArg === null ? `missing operand after ${quote(proc, modeText)}` : "missing operand",
    );
  }
  const changes = compileMode(modeText);
  if (!changes) return tryHelp(proc, `invalid mode: ${quote(proc, modeText)}`);
  let verbosity: ChmodOptions["verbosity"] = "normal";
  for (const [key] of opts.list) {
    if (key === "c") verbosity = "changes";
    if (key === "v") verbosity = "high";
    if (key === "f") verbosity = "silent";
  }
  const options: ChmodOptions = { changes, recursive: opts.has("R"), verbosity, diagnoseSurprises: modeArg !== null };
  let ok = true;
  for (const name of operands) ok = (await chmodFile(proc, name, options, true)) && ok;
  return ok ? 0 : 1;
};

async function chmodFile(proc: Process, name: string, options: ChmodOptions, commandLine: boolean): Promise<boolean> {
  await proc.checkpoint();
  const abs = proc.resolve(name);
  let stats: Stats;
  try {
    stats = commandLine ? proc.fs.stat(abs) : proc.fs.lstat(abs);
  } catch (err) {
    if (options.verbosity !== "silent") await complain(proc, `cannot access ${quoteaf(proc, name)}: ${errorText(err)}`);
    return false;
  }
  if (stats.type === "symlink") {
    if (options.verbosity === "high")
      await proc.stdout.write(`neither symbolic link ${quoteaf(proc, name)} nor referent has been changed\n`);
    return true;
  }
  const oldMode = stats.mode;
  const newMode = adjustMode(oldMode, stats.type === "dir", UMASK, options.changes);
  let ok = true;
  try {
    if (newMode !== oldMode) proc.fs.chmod(abs, newMode);
    await describe(proc, name, stats, oldMode, newMode, options);
  } catch (err) {
    if (options.verbosity !== "silent") await complain(proc, `changing permissions of ${quoteaf(proc, name)}: ${errorText(err)}`);
    ok = false;
  }
  if (ok && options.diagnoseSurprises) {
    const naive = adjustMode(oldMode, stats.type === "dir", 0, options.changes);
    if (newMode & ~naive) {
      await complain(proc, `${quotef(proc, name)}: new permissions are ${perms(stats, newMode)}, not ${perms(stats, naive)}`);
      ok = false;
    }
  }
  if (options.recursive && stats.type === "dir") {
    for (const entry of proc.fs.readdir(abs)) {
      ok = (await chmodFile(proc, name.endsWith("/") ? `${name}${entry}` : `${name}/${entry}`, options, false)) && ok;
    }
  }
  return ok;
}

async function describe(proc: Process, name: string, stats: Stats, oldMode: number, newMode: number, options: ChmodOptions): Promise<void> {
  const changed = oldMode !== newMode;
  if (options.verbosity === "high" || (options.verbosity === "changes" && changed)) {
    const octal = (m: number) => m.toString(8).padStart(4, "0");
    const line = changed
      ? `mode of ${quoteaf(proc, name)} changed from ${octal(oldMode)} (${perms(stats, oldMode)}) to ${octal(newMode)} (${perms(stats, newMode)})`
      : `mode of ${quoteaf(proc, name)} retained as ${octal(newMode)} (${perms(stats, newMode)})`;
    await proc.stdout.write(`${line}\n`);
  }
}

/** `rwxr-xr-x`: the ls-style mode without its type letter. */
function perms(stats: Stats, mode: number): string {
  return modeString({ type: stats.type, mode }).slice(1);
}
