import type { ITerminalOptions } from "@xterm/xterm";

/**
 * A dark palette with enough contrast for a projector at the back of a classroom: the
 * ANSI colours are lighter than xterm's defaults, so that blue on black (ls's
 * directories) and bold yellow (the prompt's [node1]) stay legible.
 */
export const terminalTheme: NonNullable<ITerminalOptions["theme"]> = {
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

/** Monospace fonts that ship with the common systems: nothing is downloaded. */
export const terminalFontFamily = '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", ui-monospace, monospace';
