/** Linux signal numbers (x86-64), as `kill -l` lists them. */
export const Signal = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGSEGV: 11,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGSTKFLT: 16,
  SIGCHLD: 17,
  SIGCONT: 18,
  SIGSTOP: 19,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGVTALRM: 26,
  SIGPROF: 27,
  SIGWINCH: 28,
  SIGIO: 29,
  SIGPWR: 30,
  SIGSYS: 31,
} as const;

export type SignalName = keyof typeof Signal;

const byNumber = new Map<number, SignalName>(Object.entries(Signal).map(([name, num]) => [num, name as SignalName]));

export function signalName(num: number): SignalName | undefined {
  return byNumber.get(num);
}

/** Parses `9`, `KILL`, `SIGKILL`, `kill` into a signal number; undefined when unknown. */
export function parseSignal(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const num = Number(spec);
    return byNumber.has(num) ? num : undefined;
  }
  const upper = spec.toUpperCase();
  const name = (upper.startsWith("SIG") ? upper : `SIG${upper}`) as SignalName;
  return Signal[name];
}

/** Signals whose default action is to be ignored (signal(7)). */
const ignoredByDefault = new Set<number>([Signal.SIGCHLD, Signal.SIGURG, Signal.SIGWINCH, Signal.SIGCONT]);

/** Signals whose default action stops the process (signal(7)). */
const stopByDefault = new Set<number>([Signal.SIGSTOP, Signal.SIGTSTP, Signal.SIGTTIN, Signal.SIGTTOU]);

export type DefaultAction = "terminate" | "ignore" | "stop" | "continue";

export function defaultAction(sig: number): DefaultAction {
  if (sig === Signal.SIGCONT) return "continue";
  if (ignoredByDefault.has(sig)) return "ignore";
  if (stopByDefault.has(sig)) return "stop";
  return "terminate";
}

/** What bash prints for a job killed by a signal (strsignal(3) wording). */
export const signalDescriptions: Record<number, string> = {
  [Signal.SIGHUP]: "Hangup",
  [Signal.SIGINT]: "Interrupt",
  [Signal.SIGQUIT]: "Quit",
  [Signal.SIGABRT]: "Aborted",
  [Signal.SIGKILL]: "Killed",
  [Signal.SIGSEGV]: "Segmentation fault",
  [Signal.SIGPIPE]: "Broken pipe",
  [Signal.SIGALRM]: "Alarm clock",
  [Signal.SIGTERM]: "Terminated",
  [Signal.SIGUSR1]: "User defined signal 1",
  [Signal.SIGUSR2]: "User defined signal 2",
  [Signal.SIGSTOP]: "Stopped (signal)",
  [Signal.SIGTSTP]: "Stopped",
};
