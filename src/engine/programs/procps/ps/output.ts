import type { ProcEntry } from "../readproc";
import type { PsContext } from "./format";
import type { Column } from "./parser";

/** ps's line buffer: what "unlimited" width means when output is not a terminal. */
export const OUTBUF_SIZE = 2 * 64 * 1024;

/** The most padding ps puts before one column (SPACE_AMOUNT). */
const SPACE_AMOUNT = 144;

/**
 * check_header_width: the line width ps lays out for. When the columns need more than
 * the screen, it uses a multiple of the screen width rather than chop them.
 */
export function activeWidth(columns: Column[], screenCols: number): { cols: number; wideSignals: boolean } {
  let total = 0;
  let wasNormal = 0;
  let signals = 0;
  columns.forEach((col, i) => {
    const last = i === columns.length - 1;
    if (col.spec.justify === "signal") signals++;
    total += col.spec.justify === "unlimited" && last ? 3 : col.width;
    total += wasNormal;
    wasNormal = 1;
  });
  let cols = screenCols;
  for (let i = 1; ; i++) {
    cols = screenCols * i;
    if (cols >= total || screenCols * i >= OUTBUF_SIZE / 2) break;
  }
  return { cols, wideSignals: total + signals * 7 <= cols };
}

/**
 * show_one_proc: one line of ps output (or the header when `p` is null). Columns have
 * fixed widths, but a value that overflows pushes the rest of the line right, and the
 * columns after it take the slack back where they can, exactly as procps lays them out.
 */
export function formatLine(p: ProcEntry | null, columns: Column[], activeCols: number, ctx: PsContext): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i];
    const last = i === columns.length - 1;
    let legit = 0;
    let room: number;
    let tmpspace = 0;
    if (!last) room = col.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        room = activeCols - actual - tmpspace;
      } else room = activeCols - Math.max(correct, actual);
    }
    room = Math.min(Math.max(room, 0), OUTBUF_SIZE - 1);
    let text = p ? col.spec.print(p, ctx, room) : col.name;
    let leftpad = 0;
    switch (col.spec.justify) {
      case "right":
        leftpad = Math.max(0, col.width - text.length);
        break;
      case "user":
        leftpad = ctx.userIsNumber ? Math.max(0, col.width - text.length) : 0;
        break;
      case "signal":
        if (ctx.wideSignals) {
          leftpad = Math.max(0, 16 - text.length);
          legit = 7;
        } else leftpad = Math.max(0, 9 - text.length);
        break;
      case "wchan":
      case "unlimited":
        // Out of room: the column (mostly) disappears.
        if (activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
        break;
      default:
        break;
    }
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    if (space > SPACE_AMOUNT) space = SPACE_AMOUNT;
    line += " ".repeat(space) + text;
    if (last) break;
    actual += space + text.length;
    correct += col.width + legit + 1;
    dospace = 1;
  }
  return `${line}\n`;
}

/** The art before a command in a forest: " \\_ " under a parent, " |  " beside a sibling. */
export function forestArt(prefix: string, type: "b" | "g" | "u", room: number): string {
  let out = "";
  let left = room;
  for (const ch of prefix) {
    if (type === "u") {
      if (left < 2) break;
      out += "  ";
      left -= 2;
      continue;
    }
    if (left < 4) break;
    out += ch === " " ? "    " : ch === "|" ? " |  " : " \\_ ";
    left -= 4;
  }
  return out;
}
