/**
 * Cooperative, bounded scheduling. Processes are async functions that run one at a time:
 * the scheduler resumes one, waits until it parks again (blocks, yields its quantum or
 * exits), then resumes the next. A process that never blocks is preempted at its next
 * system call or checkpoint once its quantum is used, so a busy loop never freezes the
 * worker, and a driver (the browser worker or the simulator) decides how many ticks to
 * run before it lets the outside world (keystrokes, timers) in.
 */
export interface Schedulable {
  readonly pid: number;
  /** Ticks used; one per system call or checkpoint. */
  ticks: number;
}

interface ReadyEntry {
  task: Schedulable;
  resume: () => void;
}

/** Ticks a process may use before it is preempted. */
export const QUANTUM = 200;

export class Scheduler {
  private ready: ReadyEntry[] = [];
  /** Tasks held by the cgroup freezer (`docker pause`) and what they would run next. */
  private readonly frozen = new Set<Schedulable>();
  private held: ReadyEntry[] = [];
  private onPark: (() => void) | null = null;
  private running: Schedulable | null = null;
  /** Total ticks run since the playground started. */
  totalTicks = 0;

  get current(): Schedulable | null {
    return this.running;
  }

  hasReady(): boolean {
    return this.ready.length > 0;
  }

  /**
   * Called when a process becomes ready outside a run (a timer or a service woke it), so
   * a driver that went idle knows to run again.
   */
  onReady: (() => void) | null = null;

  /** Queues `resume` to run when the scheduler next picks `task`. */
  enqueue(task: Schedulable, resume: () => void): void {
    if (this.frozen.has(task)) this.held.push({ task, resume });
    else this.ready.push({ task, resume });
    if (this.running === null) this.onReady?.();
  }

  /** Stops scheduling `tasks` until thawed, as the cgroup freezer does. */
  freeze(tasks: Iterable<Schedulable>): void {
    for (const task of tasks) this.frozen.add(task);
    this.held.push(...this.ready.filter((e) => this.frozen.has(e.task)));
    this.ready = this.ready.filter((e) => !this.frozen.has(e.task));
  }

  thaw(tasks: Iterable<Schedulable>): void {
    for (const task of tasks) this.frozen.delete(task);
    this.ready.push(...this.held.filter((e) => !this.frozen.has(e.task)));
    this.held = this.held.filter((e) => this.frozen.has(e.task));
  }

  /** Called by the running process when it parks (blocks, yields or exits). */
  parked(): void {
    const notify = this.onPark;
    this.onPark = null;
    notify?.();
  }

  /** Counts one tick for the running process; true when its quantum is used up. */
  tick(task: Schedulable): boolean {
    task.ticks++;
    this.totalTicks++;
    return task.ticks % QUANTUM === 0;
  }

  /**
   * Runs ready processes until none is ready or `budget` ticks have been used.
   * Returns the ticks used.
   */
  async run(budget: number): Promise<number> {
    let used = 0;
    while (this.ready.length > 0 && used < budget) {
      const entry = this.ready.shift() as ReadyEntry;
      const before = this.totalTicks;
      this.running = entry.task;
      const parked = new Promise<void>((resolve) => {
        this.onPark = resolve;
      });
      entry.resume();
      await parked;
      this.running = null;
      // A resume that used no tick still counts as one, so the budget always ends a slice.
      used += Math.max(1, this.totalTicks - before);
    }
    return used;
  }
}
