import type { ITerminalOptions } from "@xterm/xterm";

export type TerminalPalette = NonNullable<ITerminalOptions["theme"]>;

/**
 * A dark palette with enough contrast for a projector at the back of a classroom: the
 * ANSI colours are lighter than xterm's defaults, so that blue on black (ls's
 * directories) and bold yellow (the prompt's [node1]) stay legible.
 */
export const terminalTheme: TerminalPalette = {
  background: "#0f1419",
  foreground: "#e6e1cf",
  cursor: "#ffcc66",
  cursorAccent: "#0f1419",
  selectionBackground: "#33415e",
  black: "#1c2128",
  red: "#f07178",
  green: "#aad94c",
  yellow: "#e6b450",
  blue: "#59c2ff",
  magenta: "#d2a6ff",
  cyan: "#95e6cb",
  white: "#c7c7c7",
  brightBlack: "#6c7680",
  brightRed: "#ff8f90",
  brightGreen: "#c2e67a",
  brightYellow: "#ffd173",
  brightBlue: "#8dd5ff",
  brightMagenta: "#e0c2ff",
  brightCyan: "#b8f2dd",
  brightWhite: "#ffffff",
};

/**
 * The light page's palette: dark text on paper white for a bright room, the ANSI colours
 * darkened until each one reads on white (yellow becomes ochre, white becomes grey).
 */
export const lightTerminalTheme: TerminalPalette = {
  background: "#fbfbf8",
  foreground: "#1f2430",
  cursor: "#1f6fb2",
  cursorAccent: "#fbfbf8",
  selectionBackground: "#c9dcf2",
  black: "#1f2430",
  red: "#c4252f",
  green: "#3c7a0a",
  yellow: "#8a5d00",
  blue: "#1f5fbf",
  magenta: "#8a3fb8",
  cyan: "#0e7573",
  white: "#6b7280",
  brightBlack: "#4b5563",
  brightRed: "#a3121c",
  brightGreen: "#2f6300",
  brightYellow: "#6e4a00",
  brightBlue: "#174a96",
  brightMagenta: "#6e2c96",
  brightCyan: "#075c5a",
  brightWhite: "#111827",
};

/** Both palettes, by the page theme they go with. */
export const terminalThemes = { dark: terminalTheme, light: lightTerminalTheme } as const;

export type TerminalThemeName = keyof typeof terminalThemes;

/** Monospace fonts that ship with the common systems: nothing is downloaded. */
export const terminalFontFamily = '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", ui-monospace, monospace';
