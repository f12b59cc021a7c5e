/** The terminal feature's public face: what the app shell may use. */
export { FontSizeControl } from "./components/FontSizeControl";
export { TerminalPane } from "./components/TerminalPane";
export type { TerminalSession } from "./session";
export { TerminalSessions } from "./sessions";
export type { TerminalThemeName } from "./theme";
