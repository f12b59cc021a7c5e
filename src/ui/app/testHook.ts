import { useInstances } from "../features/instances";
import type { TerminalSessions } from "../features/terminal";

/**
 * `window.__stevedore`: what the end-to-end tests and the browser benchmark read, so
 * they wait on what the terminal shows instead of on sleeps.
 */
export interface StevedoreHook {
  /** Instance names, in sidebar order. */
  hosts(): string[];
  selected(): string | null;
  /** A host's terminal text (screen and scrollback), the selected host's by default. */
  screen(host?: string): string;
  /** A host terminal's size in character cells, as the page last sent it to the tty. */
  size(host?: string): { cols: number; rows: number } | null;
  /** The line under the cursor. */
  cursorLine(host?: string): string;
  /** Calls `listener` each time the host's terminal has drawn output; returns an unsubscribe function. */
  onDraw(listener: () => void, host?: string): () => void;
}

declare global {
  interface Window {
    __stevedore?: StevedoreHook;
  }
}

export function installTestHook(sessions: TerminalSessions): void {
  const target = (host?: string) => host ?? useInstances.getState().selected ?? "";
  window.__stevedore = {
    hosts: () => useInstances.getState().hosts.map((h) => h.name),
    selected: () => useInstances.getState().selected,
    screen: (host) => sessions.find(target(host))?.text() ?? "",
    size: (host) => sessions.find(target(host))?.size() ?? null,
    cursorLine: (host) => sessions.find(target(host))?.cursorLine() ?? "",
    onDraw: (listener, host) => sessions.get(target(host)).onDraw(listener),
  };
}
