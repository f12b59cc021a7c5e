/**
 * stat(1): a file's inode, or with -f its filesystem, in GNU's default layout or in a
 * -c/--printf format. Both go through the same %-directive engine, as in coreutils
 * src/stat.c, where the default layout is itself a format string.
 */
import { modeString, type StatFs, type Stats } from "../../fs/filesystem";
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { strftime } from "./filetime";
import { IdCache } from "./idcache";
import { lstatName, statName } from "./namei";
import { QUOTING_STYLES, type QuotingStyle, quoteaf, quotearg } from "./quotearg";
import { ST_NBLOCKSIZE, stBlocks } from "./stblocks";
import { tryHelp } from "./tryhelp";
import { utf8Locale } from "./utf8";

const DEFAULT_FORMAT =
  "  File: %N\n" +
  "  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n" +
  "Device: %Hd,%Ld\tInode: %-10i  Links: %h\n" +
  "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n" +
  "Access: %x\n" +
  "Modify: %y\n" +
  "Change: %z\n" +
  " Birth: %w\n";
/** The default layout for a device file adds its numbers to the Links line. */
const DEVICE_FORMAT = DEFAULT_FORMAT.replace("Links: %h\n", "Links: %-5h Device type: %Hr,%Lr\n");
const TERSE_FORMAT = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";
const FS_FORMAT =
  '  File: "%n"\n' +
  "    ID: %-8i Namelen: %-7l Type: %T\n" +
  "Block size: %-10s Fundamental block size: %S\n" +
  "Blocks: Total: %-10b Free: %-10f Available: %a\n" +
  "Inodes: Total: %-10c Free: %d\n";
const FS_TERSE_FORMAT = "%n %i %l %t %s %S %b %f %a %c %d\n";

/** The filesystem's preferred I/O size (st_blksize). */
const IO_BLOCK = 4096;

/** statfs(2)'s f_type magic numbers and the names stat gives them. */
const FS_TYPES: Record<string, { magic: number; name: string }> = {
  ext4: { magic: 0xef53, name: "ext2/ext3" },
  overlay: { magic: 0x794c7630, name: "overlayfs" },
  tmpfs: { magic: 0x01021994, name: "tmpfs" },
  proc: { magic: 0x9fa0, name: "proc" },
  sysfs: { magic: 0x62656572, name: "sysfs" },
  devpts: { magic: 0x1cd1, name: "devpts" },
};

/** st_dev of the trees a host has: the virtio disk (254,1) for ext4, anonymous devices else. */
function deviceOf(fsType: string): { major: number; minor: number } {
  if (fsType === "ext4") return { major: 254, minor: 1 };
  if (fsType === "overlay") return { major: 0, minor: 52 };
  return { major: 0, minor: 24 };
}

export const stat: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "c:fLt",
      long: { format: "c:", printf: "printf:", dereference: "L", "file-system": "f", terse: "t" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  if (opts.operands.length === 0) return tryHelp(proc, "missing operand");
  const fileSystem = opts.has("f");
  const terse = opts.has("t");
  const printf = opts.get("printf");
  const format = opts.get("c");
  let template: string;
  if (printf !== undefined) template = decodeEscapes(printf);
  else if (format !== undefined) template = `${format}\n`;
  else if (fileSystem) template = terse ? FS_TERSE_FORMAT : FS_FORMAT;
  else template = terse ? TERSE_FORMAT : DEFAULT_FORMAT;
  // %N quotes by QUOTING_STYLE (shell-escape-always by default) only in a user's format.
  const userFormat = printf !== undefined || format !== undefined;
  const quoting = userFormat && template.includes("%N") ? quotingStyle(proc.env) : "literal";
  const ids = new IdCache(proc);
  let ok = true;
  for (const name of opts.operands) {
    await proc.checkpoint();
    try {
      if (fileSystem) {
        statName(proc, name);
        await proc.stdout.write(expand(template, (d) => fsDirective(name, proc.fs.statfs(proc.resolve(name)), d)));
      } else {
        const stats = opts.has("L") ? statName(proc, name) : lstatName(proc, name);
        const info: FileInfo = { proc, name, stats, ids, quoting, fsType: proc.fs.statfs(proc.resolve(name)).type };
        const isDevice = stats.type === "chardev" || stats.type === "blockdev";
        const layout = template === DEFAULT_FORMAT && isDevice ? DEVICE_FORMAT : template;
        await proc.stdout.write(expand(layout, (d) => fileDirective(info, d)));
      }
    } catch (err) {
      const what = fileSystem ? "cannot read file system information for" : "cannot statx";
      await complain(proc, `${what} ${quoteaf(proc, name)}: ${errorText(err)}`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
};

function quotingStyle(env: Record<string, string>): QuotingStyle {
  const style = env.QUOTING_STYLE;
  return style && (QUOTING_STYLES as readonly string[]).includes(style) ? (style as QuotingStyle) : "shell-escape-always";
}

/** One %-directive: its printf flags, width, precision and conversion (with H/L prefix). */
interface Directive {
  flags: string;
  width: number | null;
  precision: number | null;
  conversion: string;
}

/** A directive's value: a number (printed with the integer flags) or a string. */
type Value = { number: number; radix?: 8 | 16 } | { text: string } | { seconds: number } | null;

/** Expands every directive of `template`; unknown ones print as `?`. */
function expand(template: string, lookup: (d: Directive) => Value): string {
  return template.replace(/%([-#0 +']*)(\d+)?(?:\.(\d*))?([HL]?[A-Za-z%])?/g, (whole, flags: string, width, precision, conversion) => {
    if (conversion === "%") return "%";
    if (!conversion) return whole;
    const directive: Directive = {
      flags,
      width: width === undefined ? null : Number(width),
      precision: precision === undefined ? null : Number(precision || "0"),
      conversion,
    };
    const value = lookup(directive);
    return value === null ? "?" : render(directive, value);
  });
}

function render(d: Directive, value: NonNullable<Value>): string {
  let text: string;
  if ("text" in value) {
    text = d.precision === null ? value.text : value.text.slice(0, d.precision);
  } else if ("seconds" in value) {
    const whole = Math.floor(value.seconds / 1000);
    const digits = d.precision ?? 0;
    const frac = String(Math.round(((value.seconds % 1000) + 1000) % 1000) * 1e6)
      .padStart(9, "0")
      .slice(0, Math.min(digits, 9));
    text = digits > 0 ? `${whole}.${frac.padEnd(digits, "0")}` : String(whole);
  } else {
    text = value.number.toString(value.radix ?? 10);
    if (d.precision !== null) text = text.padStart(d.precision, "0");
    if (d.flags.includes("#") && value.radix === 8 && !text.startsWith("0")) text = `0${text}`;
    if (d.flags.includes("#") && value.radix === 16 && value.number !== 0) text = `0x${text}`;
    if (d.flags.includes("+") && (value.radix ?? 10) === 10) text = `+${text}`;
    else if (d.flags.includes(" ") && (value.radix ?? 10) === 10) text = ` ${text}`;
    if (d.width !== null && d.flags.includes("0") && !d.flags.includes("-") && d.precision === null) {
      return text.padStart(d.width, "0");
    }
  }
  if (d.width === null) return text;
  return d.flags.includes("-") ? text.padEnd(d.width) : text.padStart(d.width);
}

interface FileInfo {
  proc: Process;
  name: string;
  stats: Stats;
  ids: IdCache;
  quoting: QuotingStyle;
  fsType: string;
}

function fileDirective(info: FileInfo, d: Directive): Value {
  const { stats: s, ids } = info;
  const dev = deviceOf(info.fsType);
  const time = (ms: number) => ({ text: strftime("%Y-%m-%d %H:%M:%S.%N %z", ms) });
  switch (d.conversion) {
    case "a":
      return { number: s.mode & 0o7777, radix: 8 };
    case "A":
      return { text: modeString(s) };
    case "b":
      return { number: stBlocks(s) };
    case "B":
      return { number: ST_NBLOCKSIZE };
    case "d":
      return { number: dev.major * 256 + dev.minor };
    case "D":
      return { number: dev.major * 256 + dev.minor, radix: 16 };
    case "Hd":
      return { number: dev.major };
    case "Ld":
      return { number: dev.minor };
    case "f":
      return { number: rawMode(s), radix: 16 };
    case "F":
      return { text: fileTypeName(s) };
    case "g":
      return { number: s.gid };
    case "G":
      return { text: ids.groupName(s.gid) ?? "UNKNOWN" };
    case "h":
      return { number: s.nlink };
    case "i":
      return { number: s.ino };
    case "m":
      return { text: "/" };
    case "n":
      return { text: info.name };
    case "N":
      return { text: quotedName(info) };
    case "o":
      return { number: IO_BLOCK };
    case "s":
      return { number: s.size };
    case "t":
      return { number: s.rdev?.major ?? 0, radix: 16 };
    case "T":
      return { number: s.rdev?.minor ?? 0, radix: 16 };
    case "Hr":
      return { number: s.rdev?.major ?? 0 };
    case "Lr":
      return { number: s.rdev?.minor ?? 0 };
    case "r":
      return { number: makedev(s.rdev) };
    case "R":
      return { number: makedev(s.rdev), radix: 16 };
    case "u":
      return { number: s.uid };
    case "U":
      return { text: ids.userName(s.uid) ?? "UNKNOWN" };
    case "w":
      // The trees do not record a birth time; stat shows it as unknown.
      return { text: "-" };
    case "W":
      return { number: 0 };
    case "x":
      return time(s.atimeMs);
    case "X":
      return { seconds: s.atimeMs };
    case "y":
      return time(s.mtimeMs);
    case "Y":
      return { seconds: s.mtimeMs };
    case "z":
      return time(s.ctimeMs);
    case "Z":
      return { seconds: s.ctimeMs };
    default:
      return null;
  }
}

/** A device number as one integer (the small-number form of makedev(3)). */
function makedev(rdev: Stats["rdev"]): number {
  return rdev ? rdev.major * 256 + rdev.minor : 0;
}

function quotedName(info: FileInfo): string {
  const utf8 = utf8Locale(info.proc.env);
  const quote = (text: string) => quotearg(text, { style: info.quoting, utf8 });
  let text = quote(info.name);
  if (info.stats.type === "symlink") text += ` -> ${quote(info.proc.fs.readlink(info.proc.resolve(info.name)))}`;
  return text;
}

/** st_mode with its S_IFMT type bits, as %f prints it. */
function rawMode(s: Stats): number {
  const typeBits: Record<Stats["type"], number> = {
    file: 0o100000,
    dir: 0o040000,
    symlink: 0o120000,
    chardev: 0o020000,
    blockdev: 0o060000,
    fifo: 0o010000,
    socket: 0o140000,
  };
  return typeBits[s.type] | s.mode;
}

/** gnulib's file_type(): the words of %F. */
function fileTypeName(s: Stats): string {
  switch (s.type) {
    case "file":
      return s.size === 0 ? "regular empty file" : "regular file";
    case "dir":
      return "directory";
    case "symlink":
      return "symbolic link";
    case "fifo":
      return "fifo";
    case "socket":
      return "socket";
    case "chardev":
      return "character special file";
    case "blockdev":
      return "block special file";
  }
}

function fsDirective(name: string, fs: StatFs, d: Directive): Value {
  const type = FS_TYPES[fs.type] ?? { magic: 0, name: fs.type };
  switch (d.conversion) {
    case "n":
      return { text: name };
    case "i":
      return { text: fsid(fs) };
    case "l":
      return { number: 255 };
    case "t":
      return { number: type.magic, radix: 16 };
    case "T":
      return { text: type.name };
    case "b":
      return { number: fs.blocks };
    case "f":
    case "a":
      return { number: fs.blocksFree };
    case "s":
    case "S":
      return { number: fs.blockSize };
    case "c":
      return { number: fs.files };
    case "d":
      return { number: fs.filesFree };
    default:
      return null;
  }
}

/** f_fsid as 16 hex digits, derived from the device name so that each tree keeps its own. */
function fsid(fs: StatFs): string {
  let hash = 0x811c9dc5;
  let hash2 = 0x01000193;
  for (const ch of `${fs.source}:${fs.type}`) {
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hash2 = Math.imul(hash2 + ch.charCodeAt(0), 0x811c9dc5) >>> 0;
  }
  return `${hash.toString(16).padStart(8, "0")}${hash2.toString(16).padStart(8, "0")}`;
}

/** --printf's backslash escapes: \n \t \\ \" \a \b \f \r \v, \NNN octal, \xHH hex. */
function decodeEscapes(text: string): string {
  return text.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g, (_w, octal, hex, ch: string) => {
    if (octal) return String.fromCharCode(Number.parseInt(octal, 8));
    if (hex) return String.fromCharCode(Number.parseInt(hex, 16));
    const named: Record<string, string> = { n: "\n", t: "\t", a: "\x07", b: "\b", f: "\f", r: "\r", v: "\v", e: "\x1b" };
    return named[ch] ?? ch;
  });
}
