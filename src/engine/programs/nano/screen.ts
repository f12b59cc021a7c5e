/** GNU nano 7.2's screen: reverse video for the title bar, the status messages and the shortcut keys. */
export const REVERSE = (text: string) => `\x1b[7m${text}\x1b[m`;
export const cursorTo = (row: number, col: number) => `\x1b[${row + 1};${col + 1}H`;

/** The title bar: "  GNU nano 7.2", the file name centred, "Modified" on the right once changed. */
export function titleBar(name: string | null, modified: boolean, cols: number): string {
  const left = "  GNU nano 7.2";
  const right = modified ? "Modified  " : "";
  const title = name ?? "New Buffer";
  const start = Math.max(left.length + 1, Math.floor((cols - title.length) / 2));
  let bar = left.padEnd(start) + title;
  bar = bar.padEnd(cols - right.length) + right;
  return REVERSE(bar.slice(0, cols));
}

/** A message on the status line, centred in brackets: "[ Read 3 lines ]". */
export function statusMessage(text: string, cols: number): string {
  const shown = `[ ${text} ]`;
  return " ".repeat(Math.max(0, Math.floor((cols - shown.length) / 2))) + REVERSE(shown);
}

/** Two rows of shortcuts, each a reverse-video key and its label in a sixth of the width. */
export function shortcutRows(rows: ShortcutRows, cols: number): [string, string] {
  const width = Math.max(4, Math.floor(cols / 6));
  const row = (items: Array<[string, string]>) =>
    items.map(([key, label]) => REVERSE(key) + ` ${label}`.padEnd(width - key.length).slice(0, width - key.length)).join("");
  return [row(rows[0]), row(rows[1])];
}

export type ShortcutRows = [Array<[string, string]>, Array<[string, string]>];

/** The main shortcut list (nano's default bottom two lines). */
export const MAIN_SHORTCUTS: ShortcutRows = [
  [
    ["^G", "Help"],
    ["^O", "Write Out"],
    ["^W", "Where Is"],
    ["^K", "Cut"],
    ["^T", "Execute"],
    ["^C", "Location"],
  ],
  [
    ["^X", "Exit"],
    ["^R", "Read File"],
    ["^\\", "Replace"],
    ["^U", "Paste"],
    ["^J", "Justify"],
    ["^/", "Go To Line"],
  ],
];

/** Under "Save modified buffer?". */
export const YES_NO: ShortcutRows = [
  [[" Y", "Yes"]],
  [
    [" N", "No"],
    ["^C", "Cancel"],
  ],
];

/** Under "File Name to Write:". */
export const WRITE_SHORTCUTS: ShortcutRows = [[["^G", "Help"]], [["^C", "Cancel"]]];
