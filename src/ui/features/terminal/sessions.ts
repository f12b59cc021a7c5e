import { type Send, TerminalSession } from "./session";
import { useTerminalSettings } from "./store";
import { type TerminalThemeName, terminalThemes } from "./theme";

/**
 * Every host's terminal session, created on the host's first output or first showing
 * and disposed when the host is removed.
 */
export class TerminalSessions {
  private readonly sessions = new Map<string, TerminalSession>();
  private theme: TerminalThemeName = "dark";

  constructor(private readonly send: Send) {
    useTerminalSettings.subscribe(({ fontSize }) => {
      for (const session of this.sessions.values()) session.setFontSize(fontSize);
    });
  }

  get(host: string): TerminalSession {
    let session = this.sessions.get(host);
    if (!session) {
      session = new TerminalSession(host, this.send, useTerminalSettings.getState().fontSize);
      session.setTheme(terminalThemes[this.theme]);
      this.sessions.set(host, session);
    }
    return session;
  }

  find(host: string): TerminalSession | undefined {
    return this.sessions.get(host);
  }

  /** Gives every terminal, and those created later, the palette of the page's theme. */
  setTheme(theme: TerminalThemeName): void {
    this.theme = theme;
    for (const session of this.sessions.values()) session.setTheme(terminalThemes[theme]);
  }

  /** Writes a batch of output, one part per host. */
  write(terminals: Record<string, string>): void {
    for (const [host, data] of Object.entries(terminals)) this.get(host).write(data);
  }

  /** Disposes the sessions of hosts that no longer exist. */
  retain(hosts: readonly string[]): void {
    for (const [name, session] of this.sessions) {
      if (hosts.includes(name)) continue;
      session.dispose();
      this.sessions.delete(name);
    }
  }
}
