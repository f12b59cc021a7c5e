import type { Host } from "../engine/playground/host";
import { Playground } from "../engine/playground/playground";
import { TerminalRecorder } from "./recorder";
import { KEY_INPUT, ScriptError, type Step } from "./script";

/** One typed line or key directive, as `--json` prints it (shared/SIM.md). */
export interface Entry {
  node: string;
  input: string;
  output: string;
  exit: number | null;
}

export interface SimulationOptions {
  nodes?: number;
  seed?: number;
}

/** Ticks run between looks at the clock and the terminals. */
const SLICE_TICKS = 5_000;
/** How long a foreground command that keeps running is watched before the next input. */
const FOREGROUND_GRACE_MS = 2_000;

interface Pending {
  entry: Entry;
  recorder: TerminalRecorder;
  /** Typed at a shell prompt: its exit is the status that shell reports next. */
  atPrompt: boolean;
}

/**
 * Types a script into a playground's terminals on virtual time and records what they
 * showed: the engine of `npm run sim` and of the scenario tests.
 */
export class Simulation {
  readonly playground: Playground;
  readonly entries: Entry[] = [];
  private readonly recorders = new Map<string, TerminalRecorder>();
  private readonly shown = new Map<string, number>();
  private current: string;
  private transcript = "";
  private pending: Pending | null = null;

  constructor(options: SimulationOptions = {}) {
    this.playground = new Playground({ seed: options.seed ?? 1 });
    for (let i = 0; i < (options.nodes ?? 1); i++) this.attach(this.playground.addHost());
    this.current = "node1";
  }

  /** Boots the hosts: runs until every shell shows its first prompt. */
  async start(): Promise<void> {
    await this.settle();
  }

  async run(steps: Step[]): Promise<void> {
    for (const step of steps) await this.step(step);
    this.closeEntry();
    this.flushTranscript();
  }

  async step(step: Step): Promise<void> {
    switch (step.kind) {
      case "type":
        return this.input(step.text, (host) => {
          host.terminal.paste(step.text);
          host.terminal.input("\r");
        });
      case "key":
        return this.input(step.keys.join(" "), (host) => {
          for (const key of step.keys) host.terminal.input(KEY_INPUT[key]);
        });
      case "node":
        if (!this.playground.host(step.name)) throw new ScriptError(`no such node: ${step.name}`);
        if (step.name !== this.current) {
          this.flushTranscript();
          this.current = step.name;
          this.transcript += `--- ${step.name} ---\n`;
        }
        return;
      case "add-node":
        this.attach(this.playground.addHost());
        return this.settle();
      case "wait":
        return this.advance(step.ms);
    }
  }

  /** What the terminals showed, in typing order. */
  transcriptText(): string {
    this.flushTranscript();
    return this.transcript;
  }

  private attach(host: Host): void {
    const recorder = new TerminalRecorder();
    host.terminal.onOutput((data) => recorder.receive(data));
    this.recorders.set(host.name, recorder);
    this.shown.set(host.name, 0);
  }

  private async input(text: string, send: (host: Host) => void): Promise<void> {
    this.closeEntry();
    const host = this.playground.host(this.current) as Host;
    const recorder = this.recorders.get(host.name) as TerminalRecorder;
    recorder.takeEntry();
    const entry: Entry = { node: host.name, input: text, output: "", exit: null };
    this.entries.push(entry);
    this.pending = { entry, recorder, atPrompt: recorder.atPrompt };
    // The line discipline echoes synchronously while keys arrive: that echo is not output.
    recorder.echoing = true;
    try {
      send(host);
    } finally {
      recorder.echoing = false;
    }
    await this.runForeground(recorder);
  }

  /** Runs until the terminal's shell is back at a prompt, or the grace period ends. */
  private async runForeground(recorder: TerminalRecorder): Promise<void> {
    const clock = this.playground.clock;
    const deadline = clock.now() + FOREGROUND_GRACE_MS;
    for (;;) {
      await this.settle(deadline);
      if (recorder.atPrompt || clock.now() >= deadline) return;
      const next = clock.nextDeadline();
      if (next === undefined) return;
      clock.advanceTo(Math.min(next, deadline));
    }
  }

  /** Lets virtual time pass, every host running. */
  private async advance(ms: number): Promise<void> {
    const clock = this.playground.clock;
    const target = clock.now() + ms;
    for (;;) {
      await this.settle(target);
      const next = clock.nextDeadline();
      if (next === undefined || next > target) break;
      clock.advanceTo(next);
    }
    clock.advanceTo(target);
    await this.settle(target);
  }

  /**
   * Runs every ready process until none is ready. Busy CPU work moves virtual time
   * forward (a slice of ticks stands for its CPU time), but never past `limit`.
   */
  private async settle(limit = Number.POSITIVE_INFINITY): Promise<void> {
    const clock = this.playground.clock;
    for (;;) {
      while (this.playground.busy) {
        const ticks = await this.playground.run(SLICE_TICKS);
        if (!this.playground.busy) break;
        const next = Math.min(clock.now() + Playground.cpuTime(ticks), limit);
        if (next <= clock.now()) return;
        clock.advanceTo(next);
      }
      // Services (dockerd, a registry client) go on from promises that settle after the
      // last slice; let them run before calling the playground idle.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!this.playground.busy) return;
    }
  }

  private closeEntry(): void {
    const pending = this.pending;
    if (!pending) return;
    // Read the reported status before takeEntry() starts the next entry and clears it.
    const exit = pending.recorder.statuses[0] ?? null;
    pending.entry.output = pending.recorder.takeEntry();
    if (pending.atPrompt) pending.entry.exit = exit;
    this.pending = null;
  }

  private flushTranscript(): void {
    const recorder = this.recorders.get(this.current);
    if (!recorder) return;
    const text = recorder.text();
    const from = this.shown.get(this.current) ?? 0;
    this.transcript += text.slice(from);
    this.shown.set(this.current, text.length);
  }
}
