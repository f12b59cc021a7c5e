/**
 * What each host's terminal showed since a step was opened: the text that `~`, `=`, `!`
 * lines before any `$` line of a check are about. Kept as the terminal received it and
 * rendered without escape sequences (colours, prompt marks, cursor moves) when read.
 */
import { renderScreen } from "../../sim/screen";

/** Kept per host between marks, so a sandbox with no lesson (never marked) stays bounded. */
const MAX_CHARS = 256 * 1024;

export class TerminalLog {
  private readonly shown = new Map<string, string>();

  /** Output a host's terminal wrote. */
  receive(host: string, data: string): void {
    const text = (this.shown.get(host) ?? "") + data;
    this.shown.set(host, text.length > MAX_CHARS ? text.slice(-MAX_CHARS) : text);
  }

  /** A step was opened: terminal expectations start from here. */
  mark(): void {
    this.shown.clear();
  }

  /** A host was removed. */
  forget(host: string): void {
    this.shown.delete(host);
  }

  /** What `host`'s terminal showed since the last mark, as plain lines. */
  text(host: string): string {
    return renderScreen(this.shown.get(host) ?? "");
  }
}
