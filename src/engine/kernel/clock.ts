/**
 * The playground's only source of time. It never reads the wall clock: the browser
 * worker advances it in step with real time, the simulator and tests step it.
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  at: number;
  seq: number;
  fire: () => void;
}

/** 2026-01-01T00:00:00Z, the epoch of every simulated run (shared/SIM.md). */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 1);

export class Clock {
  private nowMs: number;
  private timers: Timer[] = [];
  private nextId = 1;
  private seq = 0;

  constructor(startMs: number = SIM_EPOCH_MS) {
    this.nowMs = startMs;
  }

  /** Milliseconds since the Unix epoch, virtual. */
  now(): number {
    return this.nowMs;
  }

  /** Called when a timer is set, so a driver sleeping until the next deadline can look again. */
  onTimerSet: (() => void) | null = null;

  setTimer(delayMs: number, fire: () => void): TimerId {
    const timer: Timer = { id: this.nextId++, at: this.nowMs + Math.max(0, delayMs), seq: this.seq++, fire };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.onTimerSet?.();
    return timer.id;
  }

  clearTimer(id: TimerId): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  /** When the earliest pending timer fires, or undefined when none is pending. */
  nextDeadline(): number | undefined {
    return this.timers[0]?.at;
  }

  /** Moves time forward to `targetMs`, firing every timer due on the way, in order. */
  advanceTo(targetMs: number): void {
    while (this.timers.length > 0 && this.timers[0].at <= targetMs) {
      const timer = this.timers.shift() as Timer;
      this.nowMs = Math.max(this.nowMs, timer.at);
      timer.fire();
    }
    this.nowMs = Math.max(this.nowMs, targetMs);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.nowMs + ms);
  }
}
