/**
 * ls's short formats: columns sorted down (-C, the default on a terminal) or across (-x),
 * comma-separated (-m) and one per line (-1). The column count is the largest whose
 * widths (each column as wide as its longest name plus two spaces) fit the line, and the
 * gaps are filled with tabs where a tab stop allows (calculate_columns, indent and
 * print_many_per_line in coreutils src/ls.c).
 */
import type { FileInfo } from "./ls-fileinfo";
import { fileNameAndFrills, type Listing, lengthOfFileNameAndFrills } from "./ls-name";

/** No column is narrower than a one-character name and its two-space gap. */
const MIN_COLUMN_WIDTH = 3;

/** The short-format listing of `files`, ending in a newline (empty for no files). */
export function shortFormat(listing: Listing, files: FileInfo[]): string {
  if (files.length === 0) return "";
  const { settings } = listing;
  switch (settings.format) {
    case "many-per-line":
      return settings.lineLength ? manyPerLine(listing, files, true) : withSeparator(listing, files, " ");
    case "horizontal":
      return settings.lineLength ? manyPerLine(listing, files, false) : withSeparator(listing, files, " ");
    case "with-commas":
      return withSeparator(listing, files, ",");
    default:
      return files.map((f) => `${fileNameAndFrills(listing, f, 0)}\n`).join("");
  }
}

/** calculate_columns(): how many columns fit, and each one's width. */
function calculateColumns(listing: Listing, lengths: number[], byColumns: boolean): number[] {
  const n = lengths.length;
  const lineLength = listing.settings.lineLength;
  const maxIdx = Math.floor(lineLength / MIN_COLUMN_WIDTH) + (lineLength % MIN_COLUMN_WIDTH !== 0 ? 1 : 0);
  const maxCols = maxIdx > 0 && maxIdx < n ? maxIdx : n;
  const columns = Array.from({ length: maxCols }, (_, i) => ({
    valid: true,
    lineLen: (i + 1) * MIN_COLUMN_WIDTH,
    widths: new Array<number>(i + 1).fill(MIN_COLUMN_WIDTH),
  }));
  for (let fileNo = 0; fileNo < n; fileNo++) {
    const nameLength = lengths[fileNo];
    for (let i = 0; i < maxCols; i++) {
      const info = columns[i];
      if (!info.valid) continue;
      const idx = byColumns ? Math.floor(fileNo / Math.floor((n + i) / (i + 1))) : fileNo % (i + 1);
      const realLength = nameLength + (idx === i ? 0 : 2);
      if (info.widths[idx] < realLength) {
        info.lineLen += realLength - info.widths[idx];
        info.widths[idx] = realLength;
        info.valid = info.lineLen < lineLength;
      }
    }
  }
  let cols = maxCols;
  while (cols > 1 && !columns[cols - 1].valid) cols--;
  return columns[cols - 1].widths;
}

/** print_many_per_line() (down) and print_horizontal() (across). */
function manyPerLine(listing: Listing, files: FileInfo[], byColumns: boolean): string {
  const lengths = files.map((f) => lengthOfFileNameAndFrills(listing, f));
  const widths = calculateColumns(listing, lengths, byColumns);
  const cols = widths.length;
  const tabsize = listing.settings.tabsize;
  let out = "";
  if (byColumns) {
    const rows = Math.floor(files.length / cols) + (files.length % cols !== 0 ? 1 : 0);
    for (let row = 0; row < rows; row++) {
      let col = 0;
      let pos = 0;
      for (let fileNo = row; ; ) {
        out += fileNameAndFrills(listing, files[fileNo], pos);
        const width = widths[col++];
        const nameLength = lengths[fileNo];
        fileNo += rows;
        if (fileNo >= files.length) break;
        out += indent(pos + nameLength, pos + width, tabsize);
        pos += width;
      }
      out += "\n";
    }
    return out;
  }
  let pos = 0;
  out += fileNameAndFrills(listing, files[0], 0);
  let nameLength = lengths[0];
  let width = widths[0];
  for (let fileNo = 1; fileNo < files.length; fileNo++) {
    const col = fileNo % cols;
    if (col === 0) {
      out += "\n";
      pos = 0;
    } else {
      out += indent(pos + nameLength, pos + width, tabsize);
      pos += width;
    }
    out += fileNameAndFrills(listing, files[fileNo], pos);
    nameLength = lengths[fileNo];
    width = widths[col];
  }
  return `${out}\n`;
}

/** print_with_separator(): `a, b, c` wrapped at the line length (-m). */
function withSeparator(listing: Listing, files: FileInfo[], sep: string): string {
  const lineLength = listing.settings.lineLength;
  let out = "";
  let pos = 0;
  files.forEach((f, fileNo) => {
    const len = lineLength ? lengthOfFileNameAndFrills(listing, f) : 0;
    if (fileNo !== 0) {
      let separator: string;
      if (!lineLength || pos + len + 2 < lineLength) {
        pos += 2;
        separator = " ";
      } else {
        pos = 0;
        separator = "\n";
      }
      out += sep + separator;
    }
    out += fileNameAndFrills(listing, f, pos);
    pos += len;
  });
  return `${out}\n`;
}

/** Moves from column `from` to `to` with tabs where one lands no further than `to`. */
function indent(from: number, to: number, tabsize: number): string {
  let out = "";
  while (from < to) {
    if (tabsize !== 0 && Math.floor(to / tabsize) > Math.floor((from + 1) / tabsize)) {
      out += "\t";
      from += tabsize - (from % tabsize);
    } else {
      out += " ";
      from++;
    }
  }
  return out;
}
