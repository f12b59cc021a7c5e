/**
 * One file's name as ls prints it: quoted in the listing's style, `?` for unprintable
 * characters where asked, padded by a space when other names in the listing carry quotes,
 * colored, and followed by its -F indicator; with -i and -s, preceded by the inode number
 * and block count. Mirrors quote_name_buf, print_name_with_quoting and
 * print_file_name_and_frills in coreutils src/ls.c.
 */
import type { FileType, Stats } from "../../fs/filesystem";
import { humanReadable } from "./human";
import type { FileInfo } from "./ls-fileinfo";
import type { LsSettings } from "./ls-options";
import { printableCodePoint, quotearg } from "./quotearg";
import { ST_NBLOCKSIZE, stBlocks } from "./stblocks";
import { displayWidth, utf8Length } from "./utf8";

/** What names in one listing (a directory, or the command line's files) share. */
export interface Listing {
  settings: LsSettings;
  /** Whether any name in the listing is quoted (cwd_some_quoted). */
  someQuoted: boolean;
  inodeWidth: number;
  blockWidth: number;
}

interface QuotedName {
  text: string;
  width: number;
  pad: boolean;
}

/** quote_name_buf(): the name as shown, its width in columns, and whether to pad it. */
function quoteName(listing: Listing, name: string): QuotedName {
  const { settings } = listing;
  let text = quotearg(name, settings.quoting);
  const quoted = text[0] !== name[0] || text.length !== name.length;
  const style = settings.quoting.style;
  if (settings.qmarkFunnyChars && (style === "shell" || style === "shell-always" || style === "literal")) {
    text = Array.from(text, (ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      const printable = cp < 0x80 ? printableCodePoint(cp) : settings.quoting.utf8 && printableCodePoint(cp);
      return printable ? ch : "?";
    }).join("");
  }
  const pad = settings.alignVariableOuterQuotes && listing.someQuoted && !quoted;
  return { text, width: displayWidth(text), pad };
}

/** fileinfo_name_width(): columns the name takes, its pad included. */
export function nameWidth(listing: Listing, name: string): number {
  const q = quoteName(listing, name);
  return q.width + (q.pad ? 1 : 0);
}

/** The name of `f` (or its symlink target) with pad and color; `len` is what GNU counts. */
export function nameWithQuoting(listing: Listing, f: FileInfo, symlinkTarget: boolean, startCol: number): string {
  const { settings } = listing;
  const name = symlinkTarget ? (f.linkName ?? "") : f.name;
  const q = quoteName(listing, name);
  let out = q.pad && !symlinkTarget ? " " : "";
  const colors = settings.colors;
  const sgr = colors ? colorOf(listing, f, symlinkTarget) : null;
  if (!colors || !sgr) return out + q.text;
  out += colors.paint(sgr, q.text);
  const len = utf8Length(q.text);
  const lineLength = settings.lineLength;
  if (lineLength && Math.floor(startCol / lineLength) !== Math.floor((startCol + len - 1) / lineLength)) out += colors.clearToEol;
  return out;
}

function colorOf(listing: Listing, f: FileInfo, symlinkTarget: boolean): string | null {
  const colors = listing.settings.colors;
  if (!colors) return null;
  if (symlinkTarget) {
    return colors.indicator({
      name: f.linkName ?? "",
      stats: f.linkStats ?? null,
      linkOk: f.linkStats !== undefined,
      missing: !f.linkStats,
    });
  }
  const stats = colors.linkAsTarget && f.stats.type === "symlink" && f.linkStats ? f.linkStats : f.stats;
  return colors.indicator({ name: f.name, stats, linkOk: f.linkStats !== undefined });
}

/** get_type_indicator(): `/`, `*`, `@`, `|`, `=` or nothing. */
export function typeIndicator(settings: LsSettings, type: FileType | null, mode: number): string {
  if (settings.indicator === "none") return "";
  if (type === "file") return settings.indicator === "classify" && mode & 0o111 ? "*" : "";
  if (type === "dir") return "/";
  if (settings.indicator === "slash") return "";
  const marks: Partial<Record<FileType, string>> = { symlink: "@", fifo: "|", socket: "=" };
  return type ? (marks[type] ?? "") : "";
}

/** ls -s's count for `stats`, in the listing's block unit. */
export function blockCount(settings: LsSettings, stats: Stats): string {
  return humanReadable(stBlocks(stats), settings.blocks.human, ST_NBLOCKSIZE, settings.blocks.unit);
}

/** print_file_name_and_frills(): inode, blocks, name and indicator, for the short formats. */
export function fileNameAndFrills(listing: Listing, f: FileInfo, startCol: number): string {
  const { settings } = listing;
  const commas = settings.format === "with-commas";
  let out = "";
  if (settings.printInode) out += `${String(f.stats.ino).padStart(commas ? 0 : listing.inodeWidth)} `;
  if (settings.printBlockSize) out += `${blockCount(settings, f.stats).padStart(commas ? 0 : listing.blockWidth)} `;
  out += nameWithQuoting(listing, f, false, startCol);
  out += typeIndicator(settings, f.stats.type, f.stats.mode);
  return out;
}

/** length_of_file_name_and_frills(): the columns fileNameAndFrills takes. */
export function lengthOfFileNameAndFrills(listing: Listing, f: FileInfo): number {
  const { settings } = listing;
  const commas = settings.format === "with-commas";
  let len = 0;
  if (settings.printInode) len += 1 + (commas ? String(f.stats.ino).length : listing.inodeWidth);
  if (settings.printBlockSize) len += 1 + (commas ? blockCount(settings, f.stats).length : listing.blockWidth);
  len += nameWidth(listing, f.name);
  len += typeIndicator(settings, f.stats.type, f.stats.mode).length;
  return len;
}
