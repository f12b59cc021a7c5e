// Go's text/tabwriter (elastic tabstops), as forked by docker/cli
// (cli/command/formatter/tabwriter: cell widths via go-runewidth). docker's
// tables use NewWriter(out, 10, 1, 3, ' ', 0): minwidth 10, padding 3.
// A line without tabs ends a block of aligned columns, as in Go.

interface Cell {
  text: string;
  width: number;
  htab: boolean;
}

export interface TabwriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  alignRight?: boolean;
  discardEmptyColumns?: boolean;
}

/** docker's formatter settings (cli/command/formatter/formatter.go postFormat). */
export const dockerTable: TabwriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: " " };

export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = "";
  private out = "";
  private widths: number[] = [];

  constructor(private readonly opts: TabwriterOptions = dockerTable) {}

  write(text: string): void {
    for (const ch of text) {
      if (ch === "\t" || ch === "\v") {
        this.terminateCell(ch === "\t");
      } else if (ch === "\n" || ch === "\f") {
        const ncells = this.terminateCell(false);
        this.lines.push([]);
        // A line of one cell does not affect the columns below: flush.
        if (ch === "\f" || ncells === 1) this.flushLines();
      } else {
        this.cell += ch;
      }
    }
  }

  /** Writer.Flush: format what is buffered and return all output so far. */
  flush(): string {
    if (this.cell.length > 0) this.terminateCell(false);
    this.flushLines();
    const out = this.out;
    this.out = "";
    return out;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: displayWidth(this.cell), htab });
    this.cell = "";
    return line.length;
  }

  /** Go's flushNoDefers: format every buffered line (the last one has no newline yet). */
  private flushLines(): void {
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= this.lines[t]!.length - 1) continue;
      this.writeLines(line0, t);
      line0 = t;
      let width = this.opts.minwidth;
      let discardable = true;
      for (; t < line1; t++) {
        const line = this.lines[t]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        width = Math.max(width, c.width + this.opts.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.opts.discardEmptyColumns) width = 0;
      this.widths.push(width);
      this.format(line0, t);
      this.widths.pop();
      line0 = t;
      t--;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        const pad = j < this.widths.length ? this.padding(c.width, this.widths[j]!) : "";
        this.out += this.opts.alignRight ? pad + c.text : c.text + pad;
      });
      if (i + 1 < this.lines.length) this.out += "\n";
    }
  }

  private padding(textw: number, cellw: number): string {
    if (this.opts.padchar === "\t") {
      // Go's writePadding: the cell first grows to a multiple of the tab width.
      const tw = this.opts.tabwidth || 1;
      return "\t".repeat(Math.ceil((Math.ceil(cellw / tw) * tw - textw) / tw));
    }
    return this.opts.padchar.repeat(Math.max(0, cellw - textw));
  }
}

/** go-runewidth StringWidth, for the wide (East Asian, emoji) ranges that show up in names. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
