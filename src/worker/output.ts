import type { Host } from "../engine/playground/host";

/**
 * What each host's terminal wrote since the page last heard, so that output reaches the
 * page in one message per frame rather than one per write(2).
 */
export class TerminalOutput {
  private pending = new Map<string, string>();
  private detach = new Map<string, () => void>();

  attach(host: Host): void {
    const name = host.name;
    this.detach.set(
      name,
      host.terminal.onOutput((data) => this.pending.set(name, (this.pending.get(name) ?? "") + data)),
    );
  }

  forget(name: string): void {
    this.detach.get(name)?.();
    this.detach.delete(name);
    this.pending.delete(name);
  }

  get empty(): boolean {
    return this.pending.size === 0;
  }

  /** Everything written since the last call, by host, and how many characters that is. */
  take(): { terminals: Record<string, string>; chars: number } {
    const terminals: Record<string, string> = {};
    let chars = 0;
    for (const [name, data] of this.pending) {
      terminals[name] = data;
      chars += data.length;
    }
    this.pending.clear();
    return { terminals, chars };
  }
}
