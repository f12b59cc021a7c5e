/**
 * sig-proxy (docker/cli's ForwardAllSignals): signals the CLI receives while it runs or
 * attaches to a container are sent on to the container with the kill API, by name
 * without the SIG prefix as moby/sys/signal's SignalMap spells them (`INT`, `TERM`).
 */

import type { Process } from "../../engine/kernel/process";
import { Signal, signalName } from "../../engine/kernel/signal";

/** The signals a terminal or `kill` can send the CLI; SIGCHLD, SIGPIPE, SIGWINCH are not forwarded. */
const FORWARDED = [Signal.SIGHUP, Signal.SIGINT, Signal.SIGQUIT, Signal.SIGTERM, Signal.SIGUSR1, Signal.SIGUSR2];

export class SignalProxy {
  private pending: number[] = [];
  private active = false;

  constructor(
    private readonly proc: Process,
    private readonly forward: (signal: string) => Promise<void>,
  ) {}

  /** Starts catching the forwarded signals (signal.Notify). */
  start(): void {
    this.active = true;
    for (const sig of FORWARDED) this.proc.trap(sig, (s) => this.pending.push(s));
  }

  /** Sends what was caught since the last call; errors are ignored as docker only logs them. */
  async flush(): Promise<void> {
    const signals = this.pending.splice(0);
    for (const sig of signals) {
      const name = signalName(sig);
      if (!name) continue;
      try {
        await this.forward(name.slice(3));
      } catch {
        // logrus.Debugf("Error sending signal: %s", err)
      }
    }
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** signal.StopCatch: default dispositions again. */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    for (const sig of FORWARDED) this.proc.trap(sig, "default");
  }
}
