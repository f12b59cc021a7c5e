/**
 * tail(1): the last 10 lines (-n N), from line N on (-n +N), or the last N bytes (-c N)
 * of each file; the old `tail -1` and `tail +2` forms too. With -f it keeps the files
 * open and checks them every second (-s) on the virtual clock, printing what was
 * appended, until it is killed or the process named by --pid is gone
 * (coreutils src/tail.c without inotify: its polling loop).
 */
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { InputStream, type Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { argmatch, argmatchInvalid } from "./argmatch";
import { openRead } from "./namei";
import { quote, quoteaf, quotef } from "./quotearg";
import { tryHelp } from "./tryhelp";
import { utf8Length, utf8Prefix, utf8Suffix } from "./utf8";
import { xdectoumax } from "./xdectoumax";

interface TailOptions {
  count: number;
  lines: boolean;
  fromStart: boolean;
  follow: "none" | "descriptor" | "name";
  retry: boolean;
  headers: "always" | "never" | "multiple";
  sleepMs: number;
  pid: number | null;
  lineEnd: string;
}

/** A file being followed: its name, where it lives, and what has been shown of it. */
interface Followed {
  name: string;
  path: string;
  shown: string;
  gone: boolean;
}

const FOLLOW_MODES = { descriptor: "descriptor", name: "name" } as const;

export const tail: Program = async (proc) => {
  const options: TailOptions = {
    count: 10,
    lines: true,
    fromStart: false,
    follow: "none",
    retry: false,
    headers: "multiple",
    sleepMs: 1000,
    pid: null,
    lineEnd: "\n",
  };
  const args = proc.argv.slice(1);
  const obsolete = parseObsolete(args, options);
  if (obsolete === "invalid") {
    await complain(proc, `invalid number: ${quote(proc, args[0])}`);
    return 1;
  }
  if (obsolete) args.shift();
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(args, {
      short: "c:n:fFqs:vz0123456789",
      long: {
        bytes: "c:",
        follow: "follow::",
        lines: "n:",
        pid: "pid:",
        quiet: "q",
        retry: "retry",
        silent: "q",
        "sleep-interval": "s:",
        verbose: "v",
        "zero-terminated": "z",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  for (const [key, value] of opts.list) {
    const arg = String(value);
    if (/^\d$/.test(key)) {
      await complain(proc, `option used in invalid context -- ${key}`);
      return 1;
    }
    switch (key) {
      case "c":
      case "n": {
        options.lines = key === "n";
        options.fromStart = arg.startsWith("+");
        const count = xdectoumax(arg.replace(/^[+-]/, ""));
        if (count === null) {
          await complain(proc, `invalid number of ${options.lines ? "lines" : "bytes"}: ${quote(proc, arg.replace(/^-/, ""))}`);
          return 1;
        }
        options.count = count;
        break;
      }
      case "f":
        options.follow = "descriptor";
        break;
      case "F":
        options.follow = "name";
        options.retry = true;
        break;
      case "follow": {
        const mode = value === true ? "descriptor" : argmatch(FOLLOW_MODES, arg);
        if (!mode) return tryHelp(proc, argmatchInvalid(proc, "--follow", arg, FOLLOW_MODES));
        options.follow = mode;
        break;
      }
      case "retry":
        options.retry = true;
        break;
      case "q":
        options.headers = "never";
        break;
      case "v":
        options.headers = "always";
        break;
      case "s": {
        const seconds = Number(arg);
        if (arg === "" || !Number.isFinite(seconds) || seconds < 0) {
          await complain(proc, `invalid number of seconds: ${quote(proc, arg)}`);
          return 1;
        }
        options.sleepMs = seconds * 1000;
        break;
      }
      case "pid":
        if (!/^\d+$/.test(arg)) {
          await complain(proc, `invalid PID: ${quote(proc, arg)}`);
          return 1;
        }
        options.pid = Number(arg);
        break;
      case "z":
        options.lineEnd = "\0";
        break;
    }
  }
  // Counting from the start, +0 and +1 both mean the whole file.
  if (options.fromStart && options.count > 0) options.count--;
  const files = opts.operands.length > 0 ? opts.operands : ["-"];
  const withHeaders = options.headers === "always" || (options.headers === "multiple" && files.length > 1);
  let ok = true;
  let first = true;
  const followed: Followed[] = [];
  for (const name of files) {
    await proc.checkpoint();
    const shown = await tailFile(proc, name, options, withHeaders ? (first ? "" : "\n") : null);
    if (shown === null) ok = false;
    else first = false;
    if (options.follow !== "none" && name !== "-" && (shown !== null || options.retry)) {
      followed.push({ name, path: proc.resolve(name), shown: shown ?? "", gone: shown === null });
    }
  }
  if (options.follow === "none" || (followed.length === 0 && files.every((f) => f === "-"))) return ok ? 0 : 1;
  if (followed.length === 0) {
    await complain(proc, "no files remaining");
    return 1;
  }
  return follow(proc, followed, options, withHeaders, files[files.length - 1]);
};

/**
 * The old forms `tail -N[bcl][f]` and `tail +N...` with at most one file: true when
 * args[0] was one, "invalid" for a bad number.
 */
function parseObsolete(args: string[], options: TailOptions): boolean | "invalid" {
  const fits =
    args.length === 1 ||
    (args.length === 2 && !(args[1].startsWith("-") && args[1].length > 1)) ||
    (args.length >= 2 && args.length <= 3 && args[1] === "--");
  if (!fits) return false;
  const m = /^([+-])(\d*)([bcl]?)(f?)$/.exec(args[0]);
  if (!m) return false;
  const [, sign, digits, unit, follow] = m;
  if (sign === "-" && digits === "" && (unit === "" || unit === "c")) return false;
  options.fromStart = sign === "+";
  options.lines = unit !== "b" && unit !== "c";
  const base = unit === "b" ? 512 : 1;
  if (digits !== "") {
    const n = Number(digits);
    if (!Number.isSafeInteger(n)) return "invalid";
    options.count = n * base;
  } else options.count = 10 * base;
  if (follow) options.follow = "descriptor";
  return true;
}

/** Prints one file's tail (after `header` when headers are on); null after an error. */
async function tailFile(proc: Process, name: string, options: TailOptions, header: string | null): Promise<string | null> {
  let fd = 0;
  try {
    if (name !== "-") fd = openRead(proc, name);
  } catch (err) {
    await complain(proc, `cannot open ${quoteaf(proc, name)} for reading: ${errorText(err)}`);
    return null;
  }
  if (header !== null) await proc.stdout.write(`${header}==> ${name === "-" ? "standard input" : name} <==\n`);
  const input = fd === 0 ? proc.stdin : new InputStream(proc, fd);
  try {
    const text = await input.readAll();
    await proc.stdout.write(selectTail(text, options));
    return text;
  } catch (err) {
    await complain(proc, `error reading ${quoteaf(proc, name)}: ${errorText(err)}`);
    return null;
  } finally {
    if (fd !== 0) proc.close(fd);
  }
}

function selectTail(text: string, options: TailOptions): string {
  const { count, lineEnd } = options;
  if (!options.lines) {
    if (options.fromStart) return text.slice(utf8Prefix(text, count).length);
    return count >= utf8Length(text) ? text : utf8Suffix(text, count);
  }
  if (options.fromStart) {
    let start = 0;
    for (let i = 0; i < count; i++) {
      const nl = text.indexOf(lineEnd, start);
      if (nl < 0) return "";
      start = nl + 1;
    }
    return text.slice(start);
  }
  if (count === 0) return "";
  let start = text.endsWith(lineEnd) ? text.length - 1 : text.length;
  for (let i = 0; i < count; i++) {
    const nl = text.lastIndexOf(lineEnd, start - 1);
    if (nl < 0) return text;
    start = nl;
  }
  return text.slice(start + 1);
}

/** tail -f: polls the files every interval, forever (or until --pid's process ends). */
async function follow(proc: Process, files: Followed[], options: TailOptions, withHeaders: boolean, lastShown: string): Promise<number> {
  let last = lastShown;
  for (;;) {
    await proc.sleep(options.sleepMs);
    for (const f of files) {
      await proc.checkpoint();
      let text: string;
      try {
        if (proc.fs.stat(f.path).type === "dir") continue;
        text = proc.fs.readText(f.path);
      } catch (err) {
        if (options.follow === "name" && !f.gone) {
          await complain(proc, `${quoteaf(proc, f.name)} has become inaccessible: ${errorText(err)}`);
          f.gone = true;
          f.shown = "";
        }
        continue;
      }
      if (f.gone) {
        await complain(proc, `${quoteaf(proc, f.name)} has ${f.shown === "" ? "appeared" : "become accessible"};  following new file`);
        f.gone = false;
      }
      if (text === f.shown) continue;
      let fresh: string;
      if (text.length < f.shown.length || !text.startsWith(f.shown)) {
        if (text.length < f.shown.length) await complain(proc, `${quotef(proc, f.name)}: file truncated`);
        fresh = text;
      } else {
        fresh = text.slice(f.shown.length);
      }
      f.shown = text;
      if (withHeaders && last !== f.name) await proc.stdout.write(`\n==> ${f.name} <==\n`);
      last = f.name;
      await proc.stdout.write(fresh);
    }
    if (options.pid !== null && !proc.processes().some((p) => p.pid === options.pid && p.state !== "Z")) return 0;
  }
}
