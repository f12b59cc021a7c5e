import type { FileType, Stats } from "../../../fs/filesystem";
import { errorText } from "../../../kernel/errno";
import { fnmatch } from "../fnmatch";
import type { Entry, Primary } from "./expression";
import { type Arguments, alwaysTrue, compare, comparison, FindError, type ParseContext, type PrimaryParser } from "./primary";
import { compileRegex } from "./regex";

/** find's tests: true or false about one file, no side effects (GNU findutils 4.9 names and messages). */

const DAY_MS = 86_400_000;

function nameTest(name: string, args: Arguments, context: ParseContext): Primary {
  const pattern = args.take(name);
  const caseFold = name === "-iname";
  if (pattern.includes("/") && context.warnings) {
    context.warn(
      `warning: '${name}' matches against basenames only, but the given pattern contains a directory separator ('/'), thus the expression will evaluate to false all the time.  Did you mean '${caseFold ? "-iwholename" : "-wholename"}'?`,
    );
  }
  return { name, evaluate: (entry) => fnmatch(pattern, entry.name, { caseFold }) };
}

function pathTest(name: string, args: Arguments): Primary {
  const pattern = args.take(name);
  const caseFold = name.startsWith("-i");
  return { name, evaluate: (entry) => fnmatch(pattern, entry.path, { caseFold }) };
}

function linkNameTest(name: string, args: Arguments, context: ParseContext): Primary {
  const pattern = args.take(name);
  const caseFold = name === "-ilname";
  return {
    name,
    evaluate: (entry) => entry.stats.type === "symlink" && fnmatch(pattern, context.proc.fs.readlink(entry.abs), { caseFold }),
  };
}

const TYPE_LETTERS: Record<string, FileType> = {
  f: "file",
  d: "dir",
  l: "symlink",
  b: "blockdev",
  c: "chardev",
  p: "fifo",
  s: "socket",
};

function typeTest(name: string, args: Arguments): Primary {
  const spec = args.take(name);
  if (spec === "") throw new FindError(`Arguments to ${name} should contain at least one letter`);
  const wanted = new Set<FileType>();
  for (let i = 0; i < spec.length; i += 2) {
    const letter = spec[i];
    const type = TYPE_LETTERS[letter];
    if (!type) throw new FindError(`Unknown argument to ${name}: ${letter}`);
    if (wanted.has(type)) throw new FindError(`Duplicate file type '${letter}' in the argument list to ${name}.`);
    wanted.add(type);
    if (i + 1 < spec.length && spec[i + 1] !== ",") throw new FindError(`Must separate multiple arguments to ${name} using: ','`);
  }
  return { name, evaluate: (entry) => wanted.has(entry.stats.type) };
}

const SIZE_UNITS: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** -size N[bcwkMG]: the size rounded up to whole units, as GNU's pred_size. */
function sizeTest(name: string, args: Arguments): Primary {
  const spec = args.take(name);
  if (spec === "") throw new FindError("invalid null argument to -size");
  const suffix = spec[spec.length - 1];
  let unit = 512;
  let number = spec;
  if (suffix in SIZE_UNITS) {
    unit = SIZE_UNITS[suffix];
    number = spec.slice(0, -1);
  } else if (!/\d/.test(suffix)) throw new FindError(`invalid -size type \`${suffix}'`);
  const wanted = comparison(number);
  if (!wanted) throw new FindError(`Invalid argument \`${spec}' to -size`);
  return { name, evaluate: (entry) => compare(Math.ceil(entry.stats.size / unit), wanted) };
}

function emptyTest(name: string, _args: Arguments, context: ParseContext): Primary {
  return {
    name,
    evaluate: (entry) => {
      if (entry.stats.type === "file") return entry.stats.size === 0;
      if (entry.stats.type !== "dir") return false;
      return context.proc.fs.readdir(entry.abs).length === 0;
    },
  };
}

type TimeField = "mtimeMs" | "atimeMs" | "ctimeMs";
const TIME_FIELDS: Record<string, TimeField> = { m: "mtimeMs", a: "atimeMs", c: "ctimeMs" };

/**
 * -mtime N and -mmin N with GNU's arithmetic (parser.c get_relative_timestamp and
 * pred.c pred_timewindow): -mtime counts whole days back from the start of the run, so
 * -mtime 0 is "less than 24 hours ago", +1 is "more than 48 hours ago" and -1 is
 * "less than 24 hours (and a second) ago"; -mmin N is "between N-1 and N minutes ago".
 */
function timeTest(name: string, args: Arguments, context: ParseContext): Primary {
  const spec = args.take(name);
  const wanted = comparison(spec, true);
  if (!wanted) throw new FindError(`invalid argument \`${spec}' to \`${name}'`);
  const field = TIME_FIELDS[name[1]];
  const minutes = name.endsWith("min");
  const unit = minutes ? 60_000 : DAY_MS;
  const startTime = context.proc.now();
  let origin = minutes ? startTime : startTime - DAY_MS;
  if (!minutes && wanted.sign === "-") origin += DAY_MS - 1000;
  const reference = origin - wanted.value * unit;
  return {
    name,
    evaluate: (entry) => {
      const time = entry.stats[field];
      if (wanted.sign === "+") return time < reference;
      if (wanted.sign === "-") return time > reference;
      const delta = time - reference;
      return delta > 0 && delta <= unit;
    },
  };
}

function newerTest(name: string, args: Arguments, context: ParseContext): Primary {
  const file = args.take(name);
  let reference: Stats;
  try {
    reference = context.proc.fs.lstat(context.proc.resolve(file));
  } catch (err) {
    throw new FindError(`'${file}': ${errorText(err)}`);
  }
  const field = TIME_FIELDS[name === "-newer" ? "m" : name[1]];
  return { name, evaluate: (entry) => entry.stats[field] > reference.mtimeMs };
}

function permTest(name: string, args: Arguments): Primary {
  const spec = args.take(name);
  const kind = spec[0] === "-" || spec[0] === "/" ? spec[0] : "";
  const mode = parseMode(spec.slice(kind.length));
  if (mode === null) throw new FindError(`invalid mode '${spec}'`);
  return {
    name,
    evaluate: (entry) => {
      const bits = entry.stats.mode & 0o7777;
      if (kind === "-") return (bits & mode) === mode;
      if (kind === "/") return mode === 0 || (bits & mode) !== 0;
      return bits === mode;
    },
  };
}

/** An octal mode, or a symbolic one (u=rwx,g+w) applied to 0 as gnulib's mode_compile does for find. */
export function parseMode(spec: string): number | null {
  if (/^[0-7]+$/.test(spec)) {
    const value = Number.parseInt(spec, 8);
    return value > 0o7777 ? null : value;
  }
  let mode = 0;
  for (const clause of spec.split(",")) {
    const match = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!match) return null;
    const who = match[1] === "" || match[1].includes("a") ? "ugo" : match[1];
    for (const [, op, perms] of match[2].matchAll(/([-+=])([rwxXst]*)/g)) {
      const bits = permBits(who, perms);
      const mask = permBits(who, "rwxst");
      if (op === "+") mode |= bits;
      else if (op === "-") mode &= ~bits;
      else mode = (mode & ~mask) | bits;
    }
  }
  return mode;
}

function permBits(who: string, perms: string): number {
  let bits = 0;
  for (const w of who) {
    const shift = w === "u" ? 6 : w === "g" ? 3 : 0;
    if (perms.includes("r")) bits |= 4 << shift;
    if (perms.includes("w")) bits |= 2 << shift;
    if (perms.includes("x")) bits |= 1 << shift;
    if (perms.includes("s") && w === "u") bits |= 0o4000;
    if (perms.includes("s") && w === "g") bits |= 0o2000;
    if (perms.includes("t") && w === "o") bits |= 0o1000;
  }
  return bits;
}

/** Name → id from /etc/passwd or /etc/group, as getpwnam(3) and getgrnam(3) read them. */
function idTable(context: ParseContext, file: string): Map<string, number> {
  const table = new Map<string, number>();
  let text = "";
  try {
    text = context.proc.fs.readText(file);
  } catch {
    return table;
  }
  for (const line of text.split("\n")) {
    const fields = line.split(":");
    if (fields.length >= 3 && /^\d+$/.test(fields[2])) table.set(fields[0], Number(fields[2]));
  }
  return table;
}

function ownerTest(name: string, args: Arguments, context: ParseContext): Primary {
  const spec = args.take(name);
  const user = name === "-user";
  const id = idTable(context, user ? "/etc/passwd" : "/etc/group").get(spec) ?? (/^\d+$/.test(spec) ? Number(spec) : undefined);
  if (id === undefined) {
    throw new FindError(user ? `'${spec}' is not the name of a known user` : `'${spec}' is not the name of an existing group`);
  }
  return { name, evaluate: (entry) => (user ? entry.stats.uid : entry.stats.gid) === id };
}

function orphanTest(name: string, _args: Arguments, context: ParseContext): Primary {
  const user = name === "-nouser";
  const known = new Set(idTable(context, user ? "/etc/passwd" : "/etc/group").values());
  return { name, evaluate: (entry) => !known.has(user ? entry.stats.uid : entry.stats.gid) };
}

/** -uid, -gid, -links, -inum: a number compared with + and -. */
function numberTest(field: (stats: Stats) => number): PrimaryParser {
  return (name, args) => {
    const spec = args.take(name);
    const wanted = comparison(spec);
    if (!wanted) throw new FindError(`invalid argument \`${spec}' to \`${name}'`);
    return { name, evaluate: (entry: Entry) => compare(field(entry.stats), wanted) };
  };
}

/** -readable, -writable, -executable for the process's credentials (root may read and write anything). */
function accessTest(name: string, _args: Arguments, context: ParseContext): Primary {
  const shift = { "-readable": 2, "-writable": 1, "-executable": 0 }[name] ?? 0;
  return {
    name,
    evaluate: (entry) => {
      const { mode, uid, gid, type } = entry.stats;
      const proc = context.proc;
      if (proc.uid === 0) return shift !== 0 || type === "dir" || (mode & 0o111) !== 0;
      const bits = uid === proc.uid ? (mode >> 6) & 7 : gid === proc.gid ? (mode >> 3) & 7 : mode & 7;
      return (bits & (1 << shift)) !== 0;
    },
  };
}

function regexTest(name: string, args: Arguments, context: ParseContext): Primary {
  const source = args.take(name);
  const re = compileRegex(source, context.regexType, name === "-iregex");
  return { name, evaluate: (entry) => re.test(entry.path) };
}

export const tests: Record<string, PrimaryParser> = {
  "-name": nameTest,
  "-iname": nameTest,
  "-path": pathTest,
  "-wholename": pathTest,
  "-ipath": pathTest,
  "-iwholename": pathTest,
  "-lname": linkNameTest,
  "-ilname": linkNameTest,
  "-regex": regexTest,
  "-iregex": regexTest,
  "-type": typeTest,
  "-size": sizeTest,
  "-empty": emptyTest,
  "-mtime": timeTest,
  "-atime": timeTest,
  "-ctime": timeTest,
  "-mmin": timeTest,
  "-amin": timeTest,
  "-cmin": timeTest,
  "-newer": newerTest,
  "-anewer": newerTest,
  "-cnewer": newerTest,
  "-perm": permTest,
  "-user": ownerTest,
  "-group": ownerTest,
  "-nouser": orphanTest,
  "-nogroup": orphanTest,
  "-uid": numberTest((s) => s.uid),
  "-gid": numberTest((s) => s.gid),
  "-links": numberTest((s) => s.nlink),
  "-inum": numberTest((s) => s.ino),
  "-readable": accessTest,
  "-writable": accessTest,
  "-executable": accessTest,
  "-true": (name) => alwaysTrue(name),
  "-false": (name) => ({ name, evaluate: () => false }),
};
