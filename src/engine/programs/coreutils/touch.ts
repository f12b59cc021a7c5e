/**
 * touch(1): sets the access and modification times of each file to now (the virtual
 * clock), to -d's date, -t's stamp or -r's file's times, creating empty files that do
 * not exist unless -c (coreutils src/touch.c).
 */
import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, isBusyboxApplet, usageError } from "../program";
import { argmatch, argmatchInvalid } from "./argmatch";
import { parseDateString, parseTouchStamp } from "./filetime";
import { demandsDirectory } from "./namei";
import { quote, quoteaf } from "./quotearg";
import { tryHelp } from "./tryhelp";

const TIME_WORDS = { atime: "atime", access: "atime", use: "atime", mtime: "mtime", modify: "mtime" } as const;

export const touch: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "acd:fmr:t:",
      long: { "no-create": "c", date: "d:", reference: "r:", time: "time:" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  let atime = false;
  let mtime = false;
  for (const [key, value] of opts.list) {
    if (key === "a") atime = true;
    if (key === "m") mtime = true;
    if (key === "time") {
      const word = argmatch(TIME_WORDS, String(value));
      if (!word) return tryHelp(proc, argmatchInvalid(proc, "--time", String(value), TIME_WORDS));
      if (word === "atime") atime = true;
      else mtime = true;
    }
  }
  if (!atime && !mtime) atime = mtime = true;
  const now = proc.now();
  let times: { atime: number; mtime: number } = { atime: now, mtime: now };
  const stamp = opts.get("t");
  const date = opts.get("d");
  const reference = opts.get("r");
  if (stamp !== undefined) {
    const ms = parseTouchStamp(stamp, now);
    if (ms === null) {
      await complain(proc, `invalid date format ${quote(proc, stamp)}`);
      return 1;
    }
    if (date !== undefined || reference !== undefined) return tryHelp(proc, "cannot specify times from more than one source");
    times = { atime: ms, mtime: ms };
  }
  if (reference !== undefined) {
    try {
      const stats = proc.fs.stat(proc.resolve(reference));
      times = { atime: stats.atimeMs, mtime: stats.mtimeMs };
    } catch (err) {
      await complain(proc, `failed to get attributes of ${quoteaf(proc, reference)}: ${errorText(err)}`);
      return 1;
    }
  }
  if (date !== undefined) {
    const base = reference !== undefined ? times : { atime: now, mtime: now };
    const a = parseDateString(date, base.atime);
    const m = parseDateString(date, base.mtime);
    if (a === null || m === null) {
      await complain(proc, `invalid date format ${quote(proc, date)}`);
      return 1;
    }
    times = { atime: a, mtime: m };
  }
  if (opts.operands.length === 0) return tryHelp(proc, "missing file operand");
  let ok = true;
  for (const name of opts.operands) {
    await proc.checkpoint();
    ok = (await touchFile(proc, name, times, { atime, mtime, noCreate: opts.has("c") })) && ok;
  }
  return ok ? 0 : 1;
};

async function touchFile(
  proc: Process,
  name: string,
  times: { atime: number; mtime: number },
  what: { atime: boolean; mtime: boolean; noCreate: boolean },
): Promise<boolean> {
  if (name === "-") return true;
  const abs = proc.resolve(name);
  try {
    if (name === "") throw new SysError("ENOENT");
    if (!exists(proc, abs)) {
      if (what.noCreate) return true;
      if (demandsDirectory(name)) {
        // open(2) fails with EISDIR, which touch passes over to report the utimensat(2) error.
        await complain(proc, `setting times of ${quoteaf(proc, name)}: ${errorText(new SysError("ENOENT"))}`);
        return false;
      }
      proc.fs.writeFile(abs, "", { append: true });
    }
  } catch (err) {
    // busybox touch.c: bb_simple_perror_msg(*argv).
    await complain(proc, isBusyboxApplet(proc) ? `${name}: ${errorText(err)}` : `cannot touch ${quoteaf(proc, name)}: ${errorText(err)}`);
    return false;
  }
  try {
    const current = proc.fs.stat(abs);
    proc.fs.utimes(abs, what.atime ? times.atime : current.atimeMs, what.mtime ? times.mtime : current.mtimeMs);
  } catch (err) {
    await complain(proc, `setting times of ${quoteaf(proc, name)}: ${errorText(err)}`);
    return false;
  }
  return true;
}

function exists(proc: Process, abs: string): boolean {
  try {
    proc.fs.stat(abs);
    return true;
  } catch {
    return false;
  }
}
