import type { WaitStatus } from "../../kernel/errno";
import { isSysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { signalDescriptions } from "../../kernel/signal";

/** A background pipeline, as `jobs` lists it. */
export interface Job {
  id: number;
  /** Its process group (the first process's PID), or 0 when it shares the shell's. */
  pgid: number;
  pids: number[];
  /** How each process ended, once reaped. */
  statuses: Map<number, WaitStatus>;
  /** The command as typed, without the trailing &. */
  text: string;
}

/**
 * The shell's job table (bash's jobs.c): background jobs by number, the current (+)
 * and previous (-) job, job specs (%1, %+, %-, %name, %?text), and the lines bash
 * prints for them.
 */
export class JobTable {
  private jobs: Job[] = [];
  /** Job ids from least to most recently started or foregrounded: the last is %+, the one before %-. */
  private order: number[] = [];

  add(pids: number[], pgid: number, text: string): Job {
    const id = this.jobs.length === 0 ? 1 : Math.max(...this.jobs.map((j) => j.id)) + 1;
    const job: Job = { id, pgid, pids, statuses: new Map(), text };
    this.jobs.push(job);
    this.order.push(id);
    return job;
  }

  list(): Job[] {
    return [...this.jobs].sort((a, b) => a.id - b.id);
  }

  get size(): number {
    return this.jobs.length;
  }

  remove(job: Job): void {
    this.jobs = this.jobs.filter((j) => j !== job);
    this.order = this.order.filter((id) => id !== job.id);
  }

  byPid(pid: number): Job | undefined {
    return this.jobs.find((j) => j.pids.includes(pid));
  }

  /** `+` for the current job, `-` for the previous one, a space otherwise. */
  marker(job: Job): string {
    const n = this.order.length;
    if (this.order[n - 1] === job.id) return "+";
    if (this.order[n - 2] === job.id) return "-";
    return " ";
  }

  /** Resolves a job spec (%1, %%, %+, %-, %name, %?text); undefined when none matches. */
  find(spec: string): Job | undefined {
    const s = spec.startsWith("%") ? spec.slice(1) : spec;
    const byId = (id: number | undefined) => this.jobs.find((j) => j.id === id);
    if (s === "" || s === "%" || s === "+") return byId(this.order[this.order.length - 1]);
    if (s === "-") return byId(this.order[this.order.length - 2] ?? this.order[this.order.length - 1]);
    if (/^\d+$/.test(s)) return byId(Number(s));
    if (s.startsWith("?")) return this.jobs.find((j) => j.text.includes(s.slice(1)));
    return this.jobs.find((j) => j.text.startsWith(s));
  }

  /** Collects the exit status of job processes that have ended, without blocking. */
  poll(proc: Process): void {
    for (const job of this.jobs) {
      for (const pid of job.pids) {
        if (job.statuses.has(pid)) continue;
        try {
          const status = proc.tryWait(pid);
          if (status) job.statuses.set(pid, status);
        } catch (err) {
          if (!isSysError(err, "ECHILD")) throw err;
          // Already reaped (wait builtin): count it as a normal exit.
          job.statuses.set(pid, { code: 0 });
        }
      }
    }
  }

  static done(job: Job): boolean {
    return job.pids.every((pid) => job.statuses.has(pid));
  }

  /** The status of the job as a whole: its last process's. */
  static status(job: Job): WaitStatus | undefined {
    return job.statuses.get(job.pids[job.pids.length - 1]);
  }
}

/** `Done`, `Exit 1`, `Terminated`, `Running`: the state column of jobs and notifications. */
export function describeJob(job: Job): string {
  if (!JobTable.done(job)) return "Running";
  const status = JobTable.status(job) as WaitStatus;
  if (status.signal) return signalDescriptions[status.signal] ?? `Signal ${status.signal}`;
  return status.code === 0 ? "Done" : `Exit ${status.code}`;
}

/** `[1]+  Done                    sleep 1`, as bash prints job lines. */
export function formatJob(table: JobTable, job: Job, options: { pid?: boolean; ampersand?: boolean } = {}): string {
  const state = describeJob(job);
  const text = options.ampersand && state === "Running" ? `${job.text} &` : job.text;
  if (!options.pid) return `[${job.id}]${table.marker(job)}  ${state.padEnd(24)}${text}`;
  return `[${job.id}]${table.marker(job)} ${job.pids[0]} ${state.padEnd(24)}${text}`;
}
