/**
 * The tar format as Go's archive/tar writes it for Docker (moby/go-archive asks for
 * tar.FormatPAX): POSIX ustar headers, a name over 100 bytes split into prefix and name
 * when it can be, otherwise carried by a PAX extended header ("PaxHeaders.0/<base>"),
 * blocks of 512 bytes and two zero blocks at the end. The reader also takes GNU long
 * names ('L', 'K') as GNU tar writes them.
 *
 * Strings, not bytes, travel through the playground's pipes and HTTP: an archive is a
 * string whose header fields are ASCII, whose file contents are their text, and whose
 * sizes and padding count the UTF-8 bytes of that text, as stdcopy frames do.
 */
import { byteLength, takeBytes } from "../net/http/octets";

export type TarType = "file" | "hardlink" | "symlink" | "chardev" | "blockdev" | "dir" | "fifo";

export interface TarEntry {
  /** The path inside the archive; a directory's ends with "/". */
  name: string;
  type: TarType;
  /** Permission bits with setuid, setgid and sticky (Header.Mode). */
  mode: number;
  uid: number;
  gid: number;
  /** Modification time in whole seconds since the epoch. */
  mtime: number;
  /** A symlink's target or a hard link's first name. */
  linkname: string;
  devmajor: number;
  devminor: number;
  /** A regular file's content; "" for everything else. */
  data: string;
}

const BLOCK = 512;
const NAME_SIZE = 100;
const PREFIX_SIZE = 155;

const TYPEFLAG: Record<TarType, string> = {
  file: "0",
  hardlink: "1",
  symlink: "2",
  chardev: "3",
  blockdev: "4",
  dir: "5",
  fifo: "6",
};

/** An entry with defaults for what it does not say. */
export function tarEntry(fields: Partial<TarEntry> & Pick<TarEntry, "name" | "type">): TarEntry {
  return { mode: 0o644, uid: 0, gid: 0, mtime: 0, linkname: "", devmajor: 0, devminor: 0, data: "", ...fields };
}

const isAscii = (s: string) => /^[\x00-\x7f]*$/.test(s);
/** archive/tar toASCII: header fields keep only ASCII, the full value goes in a PAX record. */
const toAscii = (s: string) => s.replace(/[^\x00-\x7f]/g, "");
const zeros = (n: number) => "\0".repeat(n);

/** archive/tar splitUSTARPath: a long ASCII name as ustar prefix + "/" + name, if it fits. */
function splitUstarPath(name: string): [string, string] | null {
  if (name.length <= NAME_SIZE || !isAscii(name)) return null;
  let length = name.length;
  if (length > PREFIX_SIZE + 1) length = PREFIX_SIZE + 1;
  else if (name[length - 1] === "/") length--;
  const i = name.slice(0, length).lastIndexOf("/");
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > NAME_SIZE || nlen === 0 || i > PREFIX_SIZE) return null;
  return [name.slice(0, i), name.slice(i + 1)];
}

/** formatter.formatString: truncated to the field, NUL-terminated when shorter. */
function field(value: string, size: number): string {
  let s = value.slice(0, size);
  // archive/tar: a truncated name must not end in "/" (readers would take it for a directory).
  if (value.length > size && s.endsWith("/")) s = `${s.replace(/\/+$/, "")}\0`;
  return s.length < size ? s + zeros(size - s.length) : s.slice(0, size);
}

/** formatter.formatOctal: zero-padded octal digits and a NUL. */
function octal(value: number, size: number): string {
  return field(value.toString(8).padStart(size - 1, "0"), size);
}

interface RawHeader {
  name: string;
  prefix: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: string;
  devmajor: number;
  devminor: number;
}

/** One 512-byte header block with the ustar magic and its checksum ("%06o\0 "). */
function headerBlock(h: RawHeader): string {
  const head =
    field(h.name, 100) +
    octal(h.mode, 8) +
    octal(h.uid, 8) +
    octal(h.gid, 8) +
    octal(h.size, 12) +
    octal(h.mtime, 12) +
    "        " +
    h.typeflag +
    field(h.linkname, 100) +
    "ustar\u000000" +
    zeros(32) +
    zeros(32) +
    octal(h.devmajor, 8) +
    octal(h.devminor, 8) +
    field(h.prefix, PREFIX_SIZE) +
    zeros(12);
  let sum = 0;
  for (let i = 0; i < head.length; i++) sum += head.charCodeAt(i);
  return `${head.slice(0, 148)}${octal(sum, 7)} ${head.slice(156)}`;
}

/** path.Clean for the relative or absolute names of an archive. */
function cleanPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  const joined = parts.join("/");
  return path.startsWith("/") ? `/${joined}` : joined || ".";
}

const padding = (size: number) => zeros((BLOCK - (size % BLOCK)) % BLOCK);

/** A PAX record: "<length> <key>=<value>\n", the length counting itself, in bytes. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bytes = byteLength(body);
  let length = bytes + String(bytes).length;
  if (String(length).length !== String(bytes).length) length = bytes + String(length).length;
  return `${length}${body}`;
}

function writeEntry(e: TarEntry): string {
  const size = e.type === "file" ? byteLength(e.data) : 0;
  // Header.allowedFormats: ustar when every field fits (a long name split into prefix and
  // name), otherwise PAX records for the long or non-ASCII path and link target.
  const longName = e.name.length > NAME_SIZE || !isAscii(e.name);
  const longLink = e.linkname.length > NAME_SIZE || !isAscii(e.linkname);
  const split = longName ? splitUstarPath(e.name) : null;
  const pax: Record<string, string> = {};
  if (longName) pax.path = e.name;
  if (longLink) pax.linkpath = e.linkname;
  let out = "";
  const usePax = longLink || (longName && !split);
  if (usePax) {
    // Writer.writePAXHeader: the records in a file of their own, path.Join(dir, "PaxHeaders.0", file).
    const records = Object.keys(pax)
      .sort()
      .map((k) => paxRecord(k, pax[k]))
      .join("");
    const slash = e.name.lastIndexOf("/");
    const paxName = toAscii(cleanPath(`${e.name.slice(0, slash + 1)}PaxHeaders.0/${e.name.slice(slash + 1)}`))
      .slice(0, NAME_SIZE)
      .replace(/\/+$/, "");
    const recordBytes = byteLength(records);
    out += headerBlock({
      name: paxName,
      prefix: "",
      mode: 0,
      uid: 0,
      gid: 0,
      size: recordBytes,
      mtime: 0,
      typeflag: "x",
      linkname: "",
      devmajor: 0,
      devminor: 0,
    });
    out += records + padding(recordBytes);
  }
  const [prefix, name] = split && !usePax ? split : ["", toAscii(e.name)];
  out += headerBlock({
    name,
    prefix,
    mode: e.mode,
    uid: e.uid,
    gid: e.gid,
    size,
    mtime: e.mtime,
    typeflag: TYPEFLAG[e.type],
    linkname: toAscii(e.linkname),
    devmajor: e.devmajor,
    devminor: e.devminor,
  });
  if (e.type === "file") out += e.data + padding(size);
  return out;
}

/** tar.Writer: the entries, then the two zero blocks that end an archive. */
export function writeTar(entries: TarEntry[]): string {
  return entries.map(writeEntry).join("") + zeros(2 * BLOCK);
}

/** Thrown for an archive that does not parse (archive/tar's ErrHeader). */
export class TarError extends Error {}

function cstring(block: string, offset: number, size: number): string {
  const s = block.slice(offset, offset + size);
  const nul = s.indexOf("\0");
  return nul < 0 ? s : s.slice(0, nul);
}

function parseOctal(block: string, offset: number, size: number): number {
  const s = cstring(block, offset, size).trim();
  if (s === "") return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError("archive/tar: invalid tar header");
  return Number.parseInt(s, 8);
}

function parsePax(records: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of records.split("\n")) {
    const m = /^\d+ ([^=]+)=(.*)$/s.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

const TYPE_OF: Record<string, TarType> = {
  "0": "file",
  "\0": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "chardev",
  "4": "blockdev",
  "5": "dir",
  "6": "fifo",
};

/** tar.Reader: every entry of an archive, PAX and GNU long names applied. */
export function readTar(archive: string): TarEntry[] {
  const entries: TarEntry[] = [];
  let rest = archive;
  let pax: Record<string, string> = {};
  let longName: string | null = null;
  let longLink: string | null = null;
  for (;;) {
    const [block, after, got] = takeBytes(rest, BLOCK);
    if (got === 0 || /^\0*$/.test(block)) return entries;
    if (got < BLOCK) throw new TarError("unexpected EOF");
    const stored = parseOctal(block, 148, 8);
    let sum = 0;
    for (let i = 0; i < block.length; i++) sum += i >= 148 && i < 156 ? 32 : block.charCodeAt(i);
    if (sum !== stored) throw new TarError("archive/tar: invalid tar header");
    const size = parseOctal(block, 124, 12);
    const typeflag = block[156];
    const [data, next, taken] = takeBytes(after, size);
    if (taken < size) throw new TarError("unexpected EOF");
    rest = next.slice(Math.min(next.length, (BLOCK - (size % BLOCK)) % BLOCK));
    if (typeflag === "x") {
      pax = { ...pax, ...parsePax(data) };
      continue;
    }
    if (typeflag === "g") continue;
    if (typeflag === "L" || typeflag === "K") {
      const value = data.replace(/\0+$/, "");
      if (typeflag === "L") longName = value;
      else longLink = value;
      continue;
    }
    const type = TYPE_OF[typeflag];
    if (!type) throw new TarError(`unhandled tar header type ${typeflag.charCodeAt(0)}`);
    const magic = block.slice(257, 263);
    const prefix = magic === "ustar\0" ? cstring(block, 345, PREFIX_SIZE) : "";
    const shortName = cstring(block, 0, 100);
    entries.push({
      name: pax.path ?? longName ?? (prefix ? `${prefix}/${shortName}` : shortName),
      type,
      mode: parseOctal(block, 100, 8),
      uid: parseOctal(block, 108, 8),
      gid: parseOctal(block, 116, 8),
      mtime: parseOctal(block, 136, 12),
      linkname: pax.linkpath ?? longLink ?? cstring(block, 157, 100),
      devmajor: parseOctal(block, 329, 8),
      devminor: parseOctal(block, 337, 8),
      data: type === "file" ? data : "",
    });
    pax = {};
    longName = null;
    longLink = null;
  }
}
