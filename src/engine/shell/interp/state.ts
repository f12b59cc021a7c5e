import type { FuncDecl } from "../syntax/ast";
import { JobTable } from "./jobs";
import { Variables } from "./vars";

/** `set -o` options, by their long names. */
export interface SetOptions {
  allexport: boolean;
  errexit: boolean;
  hashall: boolean;
  monitor: boolean;
  noclobber: boolean;
  noexec: boolean;
  noglob: boolean;
  nounset: boolean;
  pipefail: boolean;
  posix: boolean;
  verbose: boolean;
  xtrace: boolean;
  braceexpand: boolean;
  emacs: boolean;
  histexpand: boolean;
  history: boolean;
  ignoreeof: boolean;
  interactive_comments: boolean;
  notify: boolean;
  vi: boolean;
  /** -E: the ERR trap is inherited by functions, substitutions and subshells. */
  errtrace: boolean;
  /** -T: the DEBUG and RETURN traps are inherited likewise. */
  functrace: boolean;
}

/** The single letters of `set -e` and friends, and the option each stands for, in the order $- lists them. */
export const OPTION_LETTERS: Array<[string, keyof SetOptions]> = [
  ["a", "allexport"],
  ["e", "errexit"],
  ["f", "noglob"],
  ["h", "hashall"],
  ["m", "monitor"],
  ["n", "noexec"],
  ["u", "nounset"],
  ["v", "verbose"],
  ["x", "xtrace"],
  ["B", "braceexpand"],
  ["C", "noclobber"],
  ["E", "errtrace"],
  ["H", "histexpand"],
  ["T", "functrace"],
];

export function defaultOptions(): SetOptions {
  return {
    allexport: false,
    errexit: false,
    hashall: true,
    monitor: false,
    noclobber: false,
    noexec: false,
    noglob: false,
    nounset: false,
    pipefail: false,
    posix: false,
    verbose: false,
    xtrace: false,
    braceexpand: true,
    emacs: false,
    histexpand: false,
    history: false,
    ignoreeof: false,
    interactive_comments: true,
    notify: false,
    vi: false,
    errtrace: false,
    functrace: false,
  };
}

/** `shopt` options the shell honours. */
export interface Shopts {
  dotglob: boolean;
  nullglob: boolean;
  failglob: boolean;
  expand_aliases: boolean;
  extglob: boolean;
  globstar: boolean;
  nocaseglob: boolean;
  lastpipe: boolean;
  checkwinsize: boolean;
  cmdhist: boolean;
  histappend: boolean;
  login_shell: boolean;
  patsub_replacement: boolean;
  sourcepath: boolean;
}

export function defaultShopts(): Shopts {
  return {
    dotglob: false,
    nullglob: false,
    failglob: false,
    expand_aliases: false,
    extglob: false,
    globstar: false,
    nocaseglob: false,
    lastpipe: false,
    checkwinsize: true,
    cmdhist: true,
    histappend: false,
    login_shell: false,
    patsub_replacement: true,
    sourcepath: true,
  };
}

/**
 * Everything a bash process knows between commands: variables, functions, aliases,
 * options, positional parameters, traps, jobs and history. A subshell gets a deep copy
 * (fork), so nothing it changes reaches its parent.
 */
export type ShellDialect = "bash" | "ash" | "dash";

export class ShellState {
  /** Which shell this interpreter plays: bash, busybox's ash, or dash (Debian's /bin/sh). */
  dialect: ShellDialect = "bash";
  vars = new Variables();
  functions = new Map<string, FuncDecl>();
  /** Where each function was defined, for the `name: line N:` of errors inside it. */
  functionSources = new Map<string, string>();
  aliases = new Map<string, string>();
  options = defaultOptions();
  shopts = defaultShopts();
  positional: string[] = [];
  /** $0 */
  arg0 = "bash";
  lastStatus = 0;
  /** $! */
  lastBackground: number | undefined;
  /** trap strings by signal name without SIG (EXIT, INT, TERM...). "" means ignore. */
  traps = new Map<string, string>();
  history: string[] = [];
  jobs = new JobTable();
  interactive = false;
  /**
   * Set in an interactive shell and kept by its subshells (bash's interactive_shell):
   * their messages carry no line numbers even though they no longer read a terminal.
   */
  interactiveShell = false;
  login = false;
  /** Reading commands from a string (-c): errors name `-c`. */
  commandString = false;
  /** The script file being run, for `x.sh: line 3:` messages (null for -c and stdin). */
  scriptName: string | null = null;
  umask = 0o022;
  /** `hash`: command name → path, with hit counts. */
  hash = new Map<string, { path: string; hits: number }>();
  /** $$: the PID of the shell that was started, kept by subshells. */
  shellPid = 0;
  /** $PPID at startup. */
  parentPid = 0;
  /** Virtual ms when the shell started, for $SECONDS. */
  secondsBase = 0;
  lineno = 0;
  /** \# in prompts: the number of the next interactive command. */
  commandNumber = 1;
  /** $BASH_SUBSHELL */
  subshell = 0;
  /** Levels of command substitution, for the repeated first character of set -x's $PS4. */
  traceDepth = 0;
  /** FUNCNAME, innermost first. */
  funcNames: string[] = [];
  /** Subshells of process substitutions, reaped when they end. */
  processPids: number[] = [];
  /** pushd's stack, below the working directory. */
  dirStack: string[] = [];
  /** Files being sourced, innermost last: errors inside name the file, and `return` leaves it. */
  sources: string[] = [];
  /** Where getopts is inside a cluster of options (-abc): the OPTIND it saw and the letter next. */
  getoptsIndex = 0;
  getoptsChar = 0;
  /** Nesting of loops, for break/continue outside one. */
  loopDepth = 0;
  /** Set by the SIGINT handler of an interactive shell: abort the command line. */
  interrupted = false;
  /** Signals caught for a trap, to run its command at the next safe point. */
  pendingTraps = new Set<number>();
  /** The message prefix: `bash`, `sh`, or the script's name. */
  get name(): string {
    return this.arg0.replace(/^-/, "");
  }

  get sourceDepth(): number {
    return this.sources.length;
  }

  /** A copy for a subshell: traps other than ignores are reset, as bash does. */
  fork(): ShellState {
    const copy = new ShellState();
    copy.dialect = this.dialect;
    copy.vars = this.vars.clone();
    copy.functions = new Map(this.functions);
    copy.functionSources = new Map(this.functionSources);
    copy.aliases = new Map(this.aliases);
    copy.options = { ...this.options, monitor: false };
    copy.shopts = { ...this.shopts };
    copy.positional = [...this.positional];
    copy.arg0 = this.arg0;
    copy.lastStatus = this.lastStatus;
    copy.lastBackground = this.lastBackground;
    for (const [sig, action] of this.traps) if (action === "") copy.traps.set(sig, action);
    copy.history = this.history;
    copy.interactive = false;
    copy.interactiveShell = this.interactiveShell || this.interactive;
    copy.login = this.login;
    copy.commandString = this.commandString;
    copy.scriptName = this.scriptName;
    copy.umask = this.umask;
    copy.hash = new Map(this.hash);
    copy.shellPid = this.shellPid;
    copy.parentPid = this.parentPid;
    copy.secondsBase = this.secondsBase;
    copy.lineno = this.lineno;
    copy.subshell = this.subshell + 1;
    copy.traceDepth = this.traceDepth;
    copy.funcNames = [...this.funcNames];
    copy.sources = [...this.sources];
    copy.dirStack = [...this.dirStack];
    copy.loopDepth = this.loopDepth;
    return copy;
  }
}
