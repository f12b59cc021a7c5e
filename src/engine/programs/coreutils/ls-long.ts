/**
 * ls -l: one line per file, `-rw-r--r-- 1 root root 6 Jan  1 00:00 name`, every column
 * as wide as its widest cell in the listing (print_long_format in coreutils src/ls.c).
 */
import { modeString, type Stats } from "../../fs/filesystem";
import { isRecent, strftime } from "./filetime";
import { humanReadable } from "./human";
import type { IdCache } from "./idcache";
import type { FileInfo } from "./ls-fileinfo";
import { blockCount, type Listing, nameWithQuoting, typeIndicator } from "./ls-name";

interface Widths {
  nlink: number;
  owner: number;
  group: number;
  size: number;
  major: number;
  minor: number;
}

/**
 * The lines of `files` in long format, each ending in a newline. Columns are sized over
 * `measured`, which for the command line includes the directories listed later, as GNU
 * measures every operand it gobbled.
 */
export function longFormat(listing: Listing, files: FileInfo[], ids: IdCache, now: number, measured = files): string {
  const { settings } = listing;
  const owner = (s: Stats) => (settings.numericIds ? null : ids.userName(s.uid)) ?? String(s.uid);
  const group = (s: Stats) => (settings.numericIds ? null : ids.groupName(s.gid)) ?? String(s.gid);
  const size = (s: Stats) => humanReadable(s.size, settings.sizes.human, 1, settings.sizes.unit);
  const widths: Widths = { nlink: 0, owner: 0, group: 0, size: 0, major: 0, minor: 0 };
  for (const f of measured) {
    const s = f.stats;
    widths.nlink = Math.max(widths.nlink, String(s.nlink).length);
    widths.owner = Math.max(widths.owner, owner(s).length);
    widths.group = Math.max(widths.group, group(s).length);
    if (s.rdev && (s.type === "chardev" || s.type === "blockdev")) {
      widths.major = Math.max(widths.major, String(s.rdev.major).length);
      widths.minor = Math.max(widths.minor, String(s.rdev.minor).length);
      widths.size = Math.max(widths.size, widths.major + 2 + widths.minor);
    } else widths.size = Math.max(widths.size, size(s).length);
  }
  let out = "";
  for (const f of files) {
    const s = f.stats;
    let line = "";
    if (settings.printInode) line += `${String(s.ino).padStart(listing.inodeWidth)} `;
    if (settings.printBlockSize) line += `${blockCount(settings, s).padStart(listing.blockWidth)} `;
    line += `${modeString(s)} ${String(s.nlink).padStart(widths.nlink)} `;
    if (settings.printOwner) line += `${owner(s).padEnd(widths.owner)} `;
    if (settings.printGroup) line += `${group(s).padEnd(widths.group)} `;
    if (s.rdev && (s.type === "chardev" || s.type === "blockdev")) {
      // A device shows its numbers, `1, 3`, where a file shows its size.
      const blanks = Math.max(0, widths.size - (widths.major + 2 + widths.minor));
      line += `${String(s.rdev.major).padStart(widths.major + blanks)}, ${String(s.rdev.minor).padStart(widths.minor)} `;
    } else line += `${size(s).padStart(widths.size)} `;
    const when = timeOf(settings.timeType, s);
    line += `${strftime(settings.timeFormats[isRecent(when, now) ? 1 : 0], when)} `;
    line += nameWithQuoting(listing, f, false, line.length);
    if (s.type === "symlink" && f.linkName !== undefined) {
      line += ` -> ${nameWithQuoting(listing, f, true, line.length)}`;
      line += typeIndicator(settings, f.linkStats?.type ?? null, f.linkStats?.mode ?? 0);
    } else {
      line += typeIndicator(settings, s.type, s.mode);
    }
    out += `${line}\n`;
  }
  return out;
}

function timeOf(type: "mtime" | "ctime" | "atime", s: Stats): number {
  if (type === "atime") return s.atimeMs;
  if (type === "ctime") return s.ctimeMs;
  return s.mtimeMs;
}
