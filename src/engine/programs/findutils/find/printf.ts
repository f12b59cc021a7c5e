import { modeString, type Stats } from "../../../fs/filesystem";
import type { Process } from "../../../kernel/process";
import type { Entry, Primary } from "./expression";
import { type Arguments, FindError, type ParseContext } from "./primary";

/**
 * find -printf FORMAT (GNU findutils 4.9 print.c): backslash escapes, and % directives
 * with optional flags, width and precision (%-10f, %5s, %.3p). Times are printed in UTC
 * (the playground's TZ) with GNU's ten-digit fraction of a second.
 */
const ESCAPES: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

type Piece = string | { flags: string; width: string; precision: string; directive: string };

export function printfAction(name: string, args: Arguments, context: ParseContext): Primary {
  const pieces = parseFormat(args.take(name), context);
  return {
    name,
    suppressesPrint: true,
    evaluate: async (entry, search) => {
      let out = "";
      for (const piece of pieces) {
        if (piece === STOP) break;
        if (typeof piece === "string") out += piece;
        else out += pad(expand(piece.directive, entry, search.proc), piece);
      }
      await search.print(out);
      return true;
    },
  };
}

/** `\c`: stop printing here. */
const STOP = "\u0000stop";

function parseFormat(format: string, context: ParseContext): Piece[] {
  const pieces: Piece[] = [];
  let text = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === "\\" && i + 1 < format.length) {
      const next = format[++i];
      const octal = /^[0-7]{1,3}/.exec(format.slice(i));
      if (next === "c") {
        pieces.push(text, STOP);
        return pieces;
      }
      if (octal) {
        text += String.fromCharCode(Number.parseInt(octal[0], 8));
        i += octal[0].length - 1;
      } else text += ESCAPES[next] ?? `\\${next}`;
      continue;
    }
    if (ch !== "%") {
      text += ch;
      continue;
    }
    const spec = /^%([-+ #0]*)(\d*)(\.\d*)?([ABCT][a-zA-Z@+]|[a-zA-Z%]?)/.exec(format.slice(i));
    if (!spec || spec[4] === "") throw new FindError("error: % at end of format string");
    i += spec[0].length - 1;
    if (spec[4] === "%") {
      text += "%";
      continue;
    }
    if (!KNOWN.test(spec[4])) {
      context.warn(`warning: unrecognized format directive \`%${spec[4]}'`);
      text += `%${spec[4]}`;
      continue;
    }
    pieces.push(text, { flags: spec[1], width: spec[2], precision: spec[3] ?? "", directive: spec[4] });
    text = "";
  }
  pieces.push(text);
  return pieces;
}

const KNOWN = /^(?:[pfhPHsmMuUgGdyYlnikbatc]|[ACT][YmdHMSTFD@aAbByjkIlprRXxhUWwuVZz+])$/;

function pad(value: string, piece: Exclude<Piece, string>): string {
  let text = value;
  if (piece.precision !== "") text = text.slice(0, Number(piece.precision.slice(1)) || 0);
  const width = Number(piece.width || 0);
  if (text.length >= width) return text;
  // GNU formats every directive as a string, so the 0 flag pads with spaces too.
  return piece.flags.includes("-") ? text.padEnd(width) : text.padStart(width);
}

function expand(directive: string, entry: Entry, proc: Process): string {
  const { stats } = entry;
  const slash = entry.path.lastIndexOf("/");
  const start = entry.path.slice(0, entry.path.length - relativePath(entry).length).replace(/\/$/, "");
  switch (directive) {
    case "p":
      return entry.path;
    case "f":
      return entry.name;
    case "h":
      return slash < 0 ? "." : slash === 0 ? "/" : entry.path.slice(0, slash);
    case "P":
      return relativePath(entry);
    case "H":
      return entry.depth === 0 ? entry.path : start;
    case "s":
      return String(stats.size);
    case "m":
      return (stats.mode & 0o7777).toString(8);
    case "M":
      return modeString(stats);
    case "u":
      return nameOf(proc, "/etc/passwd", stats.uid);
    case "U":
      return String(stats.uid);
    case "g":
      return nameOf(proc, "/etc/group", stats.gid);
    case "G":
      return String(stats.gid);
    case "d":
      return String(entry.depth);
    case "y":
      return typeLetter(stats);
    case "Y":
      return targetType(entry, proc);
    case "l":
      return stats.type === "symlink" ? proc.fs.readlink(entry.abs) : "";
    case "n":
      return String(stats.nlink);
    case "i":
      return String(stats.ino);
    case "k":
      return String(Math.ceil(blocks(stats) / 2));
    case "b":
      return String(blocks(stats));
    case "a":
    case "t":
    case "c":
      return ctime(timeOf(stats, directive));
    default:
      return timePart(directive[1], timeOf(stats, directive[0]));
  }
}

/** The path below the starting point (%P): empty for the starting point itself. */
function relativePath(entry: Entry): string {
  if (entry.depth === 0) return "";
  const parts = entry.path.split("/");
  return parts.slice(parts.length - entry.depth).join("/");
}

function timeOf(stats: Stats, letter: string): number {
  if (letter === "a" || letter === "A") return stats.atimeMs;
  if (letter === "c" || letter === "C") return stats.ctimeMs;
  return stats.mtimeMs;
}

/** ext4 gives a regular file or directory whole 4 KiB blocks; st_blocks counts 512-byte units. */
function blocks(stats: Stats): number {
  if (stats.type !== "file" && stats.type !== "dir") return 0;
  return Math.ceil(stats.size / 4096) * 8;
}

const two = (n: number) => String(n).padStart(2, "0");

/** GNU's ten-digit fraction of a second, from the millisecond clock. */
const fraction = (ms: number) => `${String(((ms % 1000) + 1000) % 1000).padStart(3, "0")}0000000`;

function ctime(ms: number): string {
  const d = new Date(ms);
  const day = DAYS[d.getUTCDay()].slice(0, 3);
  const month = MONTHS[d.getUTCMonth()].slice(0, 3);
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${fraction(ms)} ${d.getUTCFullYear()}`;
}

function timePart(field: string, ms: number): string {
  const d = new Date(ms);
  const hms = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const ymd = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  switch (field) {
    case "Y":
      return String(d.getUTCFullYear());
    case "y":
      return two(d.getUTCFullYear() % 100);
    case "m":
      return two(d.getUTCMonth() + 1);
    case "d":
      return two(d.getUTCDate());
    case "H":
      return two(d.getUTCHours());
    case "M":
      return two(d.getUTCMinutes());
    case "S":
      return `${two(d.getUTCSeconds())}.${fraction(ms)}`;
    case "T":
      return `${hms}.${fraction(ms)}`;
    case "X":
      return hms;
    case "F":
      return ymd;
    case "D":
      return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)}`;
    case "+":
      return `${ymd}+${hms}.${fraction(ms)}`;
    case "@":
      return `${Math.floor(ms / 1000)}.${fraction(ms)}`;
    case "a":
      return DAYS[d.getUTCDay()].slice(0, 3);
    case "A":
      return DAYS[d.getUTCDay()];
    case "b":
    case "h":
      return MONTHS[d.getUTCMonth()].slice(0, 3);
    case "B":
      return MONTHS[d.getUTCMonth()];
    case "j":
      return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, "0");
    case "Z":
      return "UTC";
    case "z":
      return "+0000";
    default:
      return "";
  }
}

const TYPE_LETTERS: Record<string, string> = {
  file: "f",
  dir: "d",
  symlink: "l",
  chardev: "c",
  blockdev: "b",
  fifo: "p",
  socket: "s",
};

function typeLetter(stats: Stats): string {
  return TYPE_LETTERS[stats.type] ?? "U";
}

/** %Y: the type of what a link points to; N when it dangles, L when it loops. */
function targetType(entry: Entry, proc: Process): string {
  if (entry.stats.type !== "symlink") return typeLetter(entry.stats);
  try {
    return typeLetter(proc.fs.stat(entry.abs));
  } catch (err) {
    return (err as { code?: string }).code === "ELOOP" ? "L" : "N";
  }
}

function nameOf(proc: Process, file: string, id: number): string {
  try {
    for (const line of proc.fs.readText(file).split("\n")) {
      const fields = line.split(":");
      if (fields.length >= 3 && Number(fields[2]) === id && fields[2] !== "") return fields[0];
    }
  } catch {
    // No database: the number, as GNU prints for an unknown id.
  }
  return String(id);
}
