import { ProcessExit, SysError, type WaitStatus } from "./errno";
import type { FdTable } from "./fd";
import type { Namespaces } from "./namespace";
import type { Scheduler } from "./scheduler";
import type { Tty } from "./tty";

/** Process states as ps(1) shows them in its STAT column. */
export type TaskState = "R" | "S" | "T" | "Z";

export type SignalDisposition = "default" | "ignore" | ((sig: number) => void);

/** Registers a wake-up for a blocked task; returns a function that cancels it. */
export type WaitRegistration<T> = (wake: (value: T) => void, fail: (err: Error) => void) => (() => void) | undefined;

interface PendingWait {
  fail: (err: Error) => void;
  /** Whether a caught signal interrupts the wait (EINTR); false for uninterruptible waits. */
  interruptible: boolean;
}

/**
 * The kernel's record of one process (Linux's task_struct): identity, credentials,
 * namespaces, open files, signal dispositions and, while it is blocked, how to wake it.
 */
export class Task {
  state: TaskState = "R";
  ticks = 0;
  exitStatus: WaitStatus | null = null;
  /** Set when the task must exit at its next system call (killed, or exit() from a handler). */
  pendingExit: WaitStatus | null = null;
  readonly handlers = new Map<number, SignalDisposition>();
  /** Signals caught while the task was busy, for code that polls (the shell's SIGINT). */
  readonly caught = new Set<number>();
  /** What a sleeping task waits for, as ps -o wchan shows. */
  wchan = "";
  readonly children = new Set<Task>();
  readonly exitWaiters: Array<(status: WaitStatus) => void> = [];
  /** Virtual and resident memory in KiB, as the program model declares them. */
  memory = { vsz: 2_400, rss: 1_200 };
  private wait: PendingWait | null = null;

  constructor(
    readonly pid: number,
    public ppid: number,
    public pgid: number,
    public sid: number,
    public argv: string[],
    public env: Record<string, string>,
    public cwd: string,
    public fds: FdTable,
    public ns: Namespaces,
    public ctty: Tty | null,
    readonly startTime: number,
    public uid = 0,
    public gid = 0,
  ) {}

  /** The command name (comm), 15 characters at most as in the kernel. */
  get comm(): string {
    const arg0 = this.argv[0] ?? "";
    return arg0.slice(arg0.lastIndexOf("/") + 1).slice(0, 15);
  }

  get alive(): boolean {
    return this.exitStatus === null;
  }

  get blocked(): boolean {
    return this.wait !== null;
  }

  /**
   * Parks the task until `register`'s wake (or fail) is called, then queues it to run.
   * A kill while blocked unwinds the task with ProcessExit; a caught signal fails an
   * interruptible wait with EINTR.
   */
  block<T>(scheduler: Scheduler, register: WaitRegistration<T>, wchan: string, interruptible = true): Promise<T> {
    this.checkExit();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let cancel: (() => void) | undefined;
      const settle = (run: () => void) => {
        if (settled) return;
        settled = true;
        cancel?.();
        this.wait = null;
        this.wchan = "";
        scheduler.enqueue(this, () => {
          if (this.state !== "Z") this.state = "R";
          run();
        });
      };
      const fail = (err: Error) => settle(() => reject(err));
      this.wait = { fail, interruptible };
      this.state = "S";
      this.wchan = wchan;
      cancel = register((value) => settle(() => resolve(value)), fail);
      scheduler.parked();
    });
  }

  /** Gives up the rest of the quantum: the task runs again after every ready task. */
  yield(scheduler: Scheduler): Promise<void> {
    this.checkExit();
    return new Promise<void>((resolve) => {
      scheduler.enqueue(this, resolve);
      scheduler.parked();
    });
  }

  /** Makes the task exit at its next step: a blocked task wakes with ProcessExit now. */
  terminate(status: WaitStatus): void {
    if (!this.alive || this.pendingExit) return;
    this.pendingExit = status;
    this.wait?.fail(new ProcessExit(status));
  }

  /** Wakes a blocked task with EINTR after one of its handlers caught a signal. */
  interrupt(): void {
    if (this.wait?.interruptible) this.wait.fail(new SysError("EINTR"));
  }

  checkExit(): void {
    if (this.pendingExit) throw new ProcessExit(this.pendingExit);
  }
}
