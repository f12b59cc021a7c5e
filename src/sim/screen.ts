/**
 * Renders what a program sent to its terminal into the lines a person saw, for
 * transcripts: text overwrites at the cursor, CR returns to the line's start, cursor
 * movement (CUU/CUD/CUF/CUB/CHA/CUP, and CSI s/u to save and restore it), erase-in-line
 * and erase-in-display apply, and other sequences (colours, OSC marks, modes) are dropped. So `docker pull`'s redrawn progress
 * lines and `top`'s refreshed screen read as they did on the screen, not as the bytes
 * that painted them. A clear screen keeps what was shown above it (as terminals that
 * scroll it into the scrollback do) and starts the page CUP positions count from.
 * Trailing blanks of a line are not shown, as a terminal shows none; with `open`, the
 * text is returned as it stands, cursor line included, for a transcript still growing.
 */
export function renderScreen(raw: string, options: { open?: boolean } = {}): string {
  const lines: string[][] = [[]];
  let row = 0;
  let col = 0;
  /** First line of the screen CUP addresses: a clear screen starts a new page below what was shown. */
  let top = 0;
  let mainScreen: { lines: string[][]; row: number; col: number; top: number } | null = null;
  /** The cursor position CSI s saved for CSI u (docker cp repaints its progress from it). */
  let saved = { row: 0, col: 0 };
  const line = () => {
    while (lines.length <= row) lines.push([]);
    return lines[row];
  };
  const put = (ch: string) => {
    const l = line();
    while (l.length < col) l.push(" ");
    l[col] = ch;
    col++;
  };
  const csi = /^\x1b\[([0-9;?<=>!]*)([ -/]*)([@-~])/;
  const osc = /^\x1b\][^\x07\x1b]*(\x07|\x1b\\)/;
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i];
    if (ch === "\x1b") {
      const rest = raw.slice(i, i + 64);
      const o = osc.exec(rest);
      if (o) {
        i += o[0].length;
        continue;
      }
      const m = csi.exec(rest);
      if (m) {
        i += m[0].length;
        if (m[1] === "?1049" || m[1] === "?1047" || m[1] === "?47") {
          // The alternate screen (vi, less): what it shows is gone once the program leaves
          // it, and the main screen is back as it was.
          if (m[3] === "h" && !mainScreen) {
            mainScreen = { lines: lines.splice(0, lines.length, []), row, col, top };
            row = 0;
            col = 0;
            top = 0;
          } else if (m[3] === "l" && mainScreen) {
            lines.splice(0, lines.length, ...mainScreen.lines);
            ({ row, col, top } = mainScreen);
            mainScreen = null;
          }
          continue;
        }
        if (m[2] !== "" || m[1].startsWith("?")) continue;
        const args = m[1].split(";").map((a) => (a === "" ? Number.NaN : Number(a)));
        const n = Number.isFinite(args[0]) ? Math.max(1, args[0]) : 1;
        switch (m[3]) {
          case "A":
            row = Math.max(0, row - n);
            break;
          case "B":
            row += n;
            break;
          case "C":
            col += n;
            break;
          case "D":
            col = Math.max(0, col - n);
            break;
          case "G":
            col = n - 1;
            break;
          case "s":
            saved = { row, col };
            break;
          case "u":
            ({ row, col } = saved);
            break;
          case "H":
          case "f":
            row = top + n - 1;
            col = Number.isFinite(args[1]) ? Math.max(1, args[1]) - 1 : 0;
            break;
          case "K": {
            const l = line();
            const mode = Number.isFinite(args[0]) ? args[0] : 0;
            if (mode === 0) l.length = Math.min(l.length, col);
            else if (mode === 1) for (let c = 0; c <= col && c < l.length; c++) l[c] = " ";
            else l.length = 0;
            break;
          }
          case "J": {
            const mode = Number.isFinite(args[0]) ? args[0] : 0;
            if (mode === 0) {
              line().length = Math.min(line().length, col);
              lines.length = row + 1;
            } else if (mode === 2 || mode === 3) {
              // As terminals that scroll a cleared screen into the scrollback do.
              let last = lines.length - 1;
              while (last >= top && lines[last].join("").trim() === "") last--;
              top = last + 1;
              lines.length = top;
              lines.push([]);
              row = Math.max(row, top);
            }
            break;
          }
          default:
            break;
        }
        continue;
      }
      // Two-character escapes (charset, keypad, save/restore cursor) show nothing.
      i += /^\x1b[()][0-9A-Za-z]/.test(rest) ? 3 : 2;
      continue;
    }
    i++;
    switch (ch) {
      case "\r":
        col = 0;
        break;
      case "\n":
        row++;
        col = 0;
        line();
        break;
      case "\b":
        col = Math.max(0, col - 1);
        break;
      case "\x07":
      case "\x00":
        break;
      case "\t":
        col = (Math.floor(col / 8) + 1) * 8;
        break;
      default:
        put(ch);
    }
  }
  if (options.open) {
    // A transcript still being written: the cursor's line stays open, blanks and all.
    return lines.map((l) => l.join("")).join("\n");
  }
  const text = lines.map((l) => l.join("").replace(/\s+$/, ""));
  // The last line is the one the cursor sits on: only a line break makes it a line.
  const endsOpen = text[text.length - 1] === "";
  if (endsOpen) text.pop();
  return text.length === 0 ? "" : `${text.join("\n")}\n`;
}
