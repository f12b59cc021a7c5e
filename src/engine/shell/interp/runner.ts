import { isSysError, ProcessExit, type WaitStatus } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { Signal } from "../../kernel/signal";
import type { Builtin } from "../builtins/context";
import { DASH_BUILTINS } from "../builtins/dash";
import { BUILTINS } from "../builtins/index";
import { ArithError } from "../expand/arith";
import { ExpansionError } from "../expand/errors";
import { Expander, type ExpandHost, type VarValue } from "../expand/expand";
import type { Command, FuncDecl, Redirect, Script, Statement } from "../syntax/ast";
import { ShellSyntaxError } from "../syntax/errors";
import { Parser } from "../syntax/parser";
import { assignVariable } from "./assign";
import { runArgv, runSimple } from "./command";
import { runAndOr, runArithCommand, runArithFor, runCase, runFor, runIf, runTestCommand, runWhile } from "./compound";
import { AbortCommandLine, BreakLoop, ContinueLoop, ExitShell, ReturnFromFunction } from "./control";
import { dashArithMessage, dashSyntaxLine, dashSyntaxMessage } from "./dash-syntax";
import { homeOf, specialVariable } from "./environment";
import { ForkFailed, forkFailedMessage } from "./fork";
import { runBackground, runPipeline, runSubshell, substituteCommand, substituteProcess } from "./pipeline";
import { applyRedirects, restoreRedirects } from "./redirect";
import type { ShellState } from "./state";
import { runExitTrap, runPendingTraps } from "./traps";
import { ReadonlyError } from "./vars";

/** What the interpreter needs from the program that hosts it: itself, to start subshell scripts. */
export interface ShellHooks {
  /** The bash program, run for scripts without a #! line (execve's ENOEXEC). */
  shell: Program;
}

/**
 * Walks the syntax tree in one bash process: runs commands, keeps $?, applies set -e,
 * and turns loops, functions and exits into control flow. Subshells, pipelines and
 * command substitutions run in child processes with a copy of the state.
 */
export class Runner implements ExpandHost {
  readonly expander: Expander;
  /** > 0 while running a condition or the left of && / ||, where set -e does not apply. */
  errexitSuppressed = 0;
  /** The status of the last command substitution of the current command (for `x=$(false)`). */
  substitutionStatus: number | null = null;
  /** Signals an interactive shell ignores for itself; its children get them back. */
  shellIgnored = new Set<number>();
  /** Descriptors held open for process substitutions until their command is done. */
  processFds: number[] = [];
  /** The descriptor of the controlling terminal kept by an interactive shell (bash uses 255). */
  ttyFd = -1;
  /** A non-interactive ash catching SIGINT: ^C ends the shell instead of the command line. */
  interruptEndsShell = false;

  constructor(
    readonly proc: Process,
    readonly state: ShellState,
    readonly hooks: ShellHooks,
  ) {
    this.expander = new Expander(this);
  }

  // --- scripts and statements -------------------------------------------------------

  /** Runs every statement; the last one may replace the process (a subshell's last command). */
  async runScript(script: Script, execLast = false): Promise<number> {
    let status = 0;
    const n = script.commands.length;
    for (let i = 0; i < n; i++) {
      const stmt = script.commands[i];
      status = await this.runStatement(stmt, execLast && i === n - 1);
    }
    return status;
  }

  async runStatement(stmt: Statement, exec = false): Promise<number> {
    const mark = this.processFds.length;
    try {
      if (stmt.background) return await runBackground(this, stmt);
      if (exec && !this.state.traps.has("EXIT") && stmt.command.type === "simple") return await runSimple(this, stmt.command, true);
      return await this.run(stmt.command);
    } catch (err) {
      if (err instanceof ExpansionError || err instanceof ArithError) return this.expansionFailed(err);
      if (err instanceof ForkFailed) return this.forkFailed();
      throw err;
    } finally {
      this.closeProcessFds(mark);
    }
  }

  /**
   * An expansion error abandons the command line (bash's jump to top level); ${x:?} and
   * set -u end a non-interactive shell.
   */
  async expansionFailed(err: ExpansionError | ArithError): Promise<never> {
    if (this.state.dialect === "dash") return this.dashExpansionFailed(err);
    await this.error(err.message);
    if (this.state.interactive) throw new AbortCommandLine(1);
    const status = err instanceof ExpansionError ? err.status : 1;
    this.state.lastStatus = status;
    if (err instanceof ExpansionError && err.fatal) throw new ExitShell(status);
    throw new AbortCommandLine(status);
  }

  /**
   * fork(2) failed for good: bash's make_child reports it, sets EX_NOEXEC and throws to
   * top level; dash and ash raise an error (status 2). The command line is abandoned.
   */
  private async forkFailed(): Promise<never> {
    const { text, status } = forkFailedMessage(this);
    await this.writeErr(text);
    this.state.lastStatus = status;
    throw new AbortCommandLine(status);
  }

  /**
   * dash raises every expansion error with sh_error(): status 2, the end of a
   * non-interactive shell, the command line of an interactive one.
   */
  private async dashExpansionFailed(err: ExpansionError | ArithError): Promise<never> {
    const arith = err instanceof ArithError ? err : err.arith;
    const message = arith ? dashArithMessage(arith) : err.message.endsWith(": bad substitution") ? "Bad substitution" : err.message;
    await this.error(message);
    this.state.lastStatus = 2;
    if (this.state.interactive) throw new AbortCommandLine(2);
    throw new ExitShell(2);
  }

  /** Parses and runs text (eval, source, traps, -c), a complete command at a time. */
  async runText(text: string, options: { line?: number; name?: string } = {}): Promise<number> {
    const posix = this.state.dialect === "dash";
    const parser = new Parser(text, { line: options.line ?? 1, atEof: true, alias: this.aliasLookup(), posix });
    let status = 0;
    for (;;) {
      let script: Script | null;
      try {
        script = parser.next();
      } catch (err) {
        if (!(err instanceof ShellSyntaxError)) throw err;
        await this.syntaxError(err, options.name);
        return 2;
      }
      if (!script) return status;
      status = await this.runScript(script);
    }
  }

  aliasLookup(): ((name: string) => string | undefined) | undefined {
    if (!this.state.interactive && !this.state.shopts.expand_aliases) return undefined;
    return (name) => this.state.aliases.get(name);
  }

  // --- commands -----------------------------------------------------------------

  async run(cmd: Command): Promise<number> {
    let status: number;
    switch (cmd.type) {
      case "simple":
        return runSimple(this, cmd, false);
      case "pipeline":
        status = await runPipeline(this, cmd);
        break;
      case "andor":
        status = await runAndOr(this, cmd.op, cmd.left, cmd.right);
        break;
      case "subshell":
        status = await this.withRedirects(cmd.redirs, () => runSubshell(this, cmd.body));
        this.checkErrexit(status);
        break;
      case "group":
        status = await this.withRedirects(cmd.redirs, () => this.runScript(cmd.body));
        break;
      case "if":
        status = await this.withRedirects(cmd.redirs, () => runIf(this, cmd.clauses, cmd.elseBody));
        break;
      case "while":
        status = await this.withRedirects(cmd.redirs, () => runWhile(this, cmd.cond, cmd.body, cmd.until));
        break;
      case "for":
        status = await this.withRedirects(cmd.redirs, () => runFor(this, cmd.name, cmd.items, cmd.body, cmd.line));
        break;
      case "arithfor":
        status = await this.withRedirects(cmd.redirs, () => runArithFor(this, cmd));
        break;
      case "case":
        status = await this.withRedirects(cmd.redirs, () => runCase(this, cmd));
        break;
      case "func":
        status = await this.defineFunction(cmd);
        break;
      case "arithcmd":
        status = await this.withRedirects(cmd.redirs, () => runArithCommand(this, cmd.expr, cmd.line));
        this.checkErrexit(status);
        break;
      case "test":
        status = await this.withRedirects(cmd.redirs, () => runTestCommand(this, cmd));
        this.checkErrexit(status);
        break;
    }
    this.state.lastStatus = status;
    return status;
  }

  /** set -e: a failed command outside a condition ends the shell. */
  checkErrexit(status: number): void {
    if (status !== 0 && this.state.options.errexit && this.errexitSuppressed === 0) throw new ExitShell(status);
  }

  /** Runs `fn` with set -e suspended (conditions, the left side of && and ||). */
  async condition<T>(fn: () => Promise<T>): Promise<T> {
    this.errexitSuppressed++;
    try {
      return await fn();
    } finally {
      this.errexitSuppressed--;
    }
  }

  private async defineFunction(fn: FuncDecl): Promise<number> {
    const state = this.state;
    state.functions.set(fn.name, fn);
    // bash names a -c string "environment" and standard input "main" as a function's source.
    const source = state.sources[state.sources.length - 1] ?? state.scriptName ?? (state.commandString ? "environment" : "main");
    state.functionSources.set(fn.name, source);
    return 0;
  }

  /** Calls a shell function with `args` as its positional parameters. */
  async callFunction(fn: FuncDecl, args: string[]): Promise<number> {
    const state = this.state;
    const savedPositional = state.positional;
    const savedLoops = state.loopDepth;
    state.positional = args;
    state.loopDepth = 0;
    state.vars.pushScope();
    state.funcNames.unshift(fn.name);
    try {
      return await this.run(fn.body);
    } catch (err) {
      if (err instanceof ReturnFromFunction) return err.status;
      throw err;
    } finally {
      state.funcNames.shift();
      state.vars.popScope();
      state.positional = savedPositional;
      state.loopDepth = savedLoops;
    }
  }

  /** Applies redirections around `fn`, restoring the descriptors afterwards. */
  async withRedirects(redirs: Redirect[], fn: () => Promise<number>): Promise<number> {
    if (redirs.length === 0) return fn();
    const mark = this.processFds.length;
    const saved = await applyRedirects(this, redirs, []);
    if (saved === null) return 1;
    try {
      return await fn();
    } finally {
      restoreRedirects(this, saved);
      this.closeProcessFds(mark);
    }
  }

  // --- subshells and job control ------------------------------------------------------

  /** The body of a forked child shell: its exit status, after its EXIT trap. */
  async runAsSubshell(body: (runner: Runner) => Promise<number>): Promise<number> {
    let status: number;
    try {
      status = await body(this);
    } catch (err) {
      status = this.unwindStatus(err);
    }
    return runExitTrap(this, status);
  }

  /** The status that control flow escaping to the top of a shell stands for. */
  unwindStatus(err: unknown): number {
    if (err instanceof ExitShell || err instanceof AbortCommandLine || err instanceof ReturnFromFunction) return err.status;
    if (err instanceof BreakLoop || err instanceof ContinueLoop) return 0;
    throw err;
  }

  /** One element of a pipeline (or a background job), in its own process: a program replaces it. */
  runPipelineElement(cmd: Command): Promise<number> {
    if (cmd.type === "simple") return this.runStatement({ command: cmd, background: false, text: "", line: cmd.line }, true);
    return this.run(cmd);
  }

  /** Job control: an interactive shell on a terminal puts each job in its own process group. */
  get jobControl(): boolean {
    return this.state.options.monitor && this.ttyFd >= 0;
  }

  /** tcsetpgrp: the job's process group reads the terminal and gets its ^C. */
  giveTerminal(pgid: number): void {
    try {
      this.proc.setForeground(this.ttyFd, pgid);
    } catch (err) {
      if (!isSysError(err)) throw err;
    }
  }

  takeTerminal(): void {
    this.giveTerminal(this.proc.pgid);
  }

  /** An interactive shell's ^C: abandon what it is running and go back to the prompt. */
  installInterruptHandler(): void {
    this.proc.trap(Signal.SIGINT, () => {
      this.state.interrupted = true;
    });
  }

  /**
   * ash's raise_interrupt outside an interactive shell: back to the default action and
   * raise(SIGINT) to die of it; a PID namespace's init, which that cannot kill (a
   * container's PID 1), goes on to exit with 128+SIGINT.
   */
  private raiseInterrupt(): never {
    this.proc.trap(Signal.SIGINT, "default");
    this.proc.kill(this.proc.pid, Signal.SIGINT);
    this.proc.task.checkExit();
    throw new ExitShell(128 + Signal.SIGINT);
  }

  /** The builtins of the shell this runner plays: bash's (and ash's), or dash's fewer. */
  get builtins(): ReadonlyMap<string, Builtin> {
    return this.state.dialect === "dash" ? DASH_BUILTINS : BUILTINS;
  }

  builtin(name: string): Builtin | undefined {
    return this.builtins.get(name);
  }

  isBuiltin(name: string): boolean {
    return this.builtins.has(name);
  }

  /** Runs an already expanded command (command, builtin): a function, a builtin or a program. */
  runCommandArgv(argv: string[], options: { functions?: boolean; programs?: boolean } = {}): Promise<number> {
    return runArgv(this, argv, options);
  }

  /** execve resets caught signals to their default action (ignored ones stay ignored). */
  resetSignalHandlers(): void {
    for (const [sig, disposition] of [...this.proc.task.handlers]) {
      if (typeof disposition === "function") this.proc.trap(sig, "default");
    }
  }

  // --- the process's side of things ------------------------------------------------

  /**
   * One unit of work: lets other processes run, runs trap commands for signals that
   * arrived, and abandons the command line on Ctrl-C in an interactive shell.
   */
  async tick(): Promise<void> {
    await this.proc.checkpoint();
    if (this.state.pendingTraps.size > 0) await runPendingTraps(this);
    if (this.state.interrupted) {
      this.state.interrupted = false;
      if (this.interruptEndsShell) this.raiseInterrupt();
      // The terminal echoed ^C; bash ends that line before the next prompt.
      if (this.state.interactive) await this.writeErr("\n");
      throw new AbortCommandLine(130);
    }
  }

  /** waitpid for a child, riding out interruptions by caught signals. */
  async waitChild(pid: number): Promise<WaitStatus> {
    for (;;) {
      try {
        return await this.proc.wait(pid);
      } catch (err) {
        if (!isSysError(err, "EINTR")) throw err;
      }
    }
  }

  /** `bash: line 3: msg` (or `bash: msg` at an interactive prompt) on stderr. */
  async error(message: string): Promise<void> {
    await this.writeErr(`${this.prefix()}${message}\n`);
  }

  prefix(): string {
    const state = this.state;
    // dash's exvwarning2: `%s: %d: ` with arg0 and the line, interactive or not, sourced or not.
    if (state.dialect === "dash") return `${state.arg0}: ${state.lineno}: `;
    if ((state.interactive || state.interactiveShell) && state.sources.length === 0) return `${this.interactiveName()}: `;
    const fn = state.funcNames[0];
    const source = fn !== undefined ? state.functionSources.get(fn) : state.sources[state.sources.length - 1];
    if (source !== undefined) return `${source}: line ${state.lineno}: `;
    // busybox ash names no line for a -c string or standard input: `sh: foo: not found`.
    if (state.dialect === "ash") return `${state.name}: `;
    return `${state.name}: line ${state.lineno}: `;
  }

  /**
   * The name an interactive shell's errors begin with: bash's get_name_for_error() takes
   * base_pathname(shell_name), so `/bin/bash` (a container's CMD) says `bash: x: command not found`.
   */
  private interactiveName(): string {
    const name = this.state.name;
    return name.slice(name.lastIndexOf("/") + 1);
  }

  /** Reports a syntax error as bash does for interactive input, -c strings and scripts. */
  async syntaxError(err: ShellSyntaxError, source?: string): Promise<void> {
    const state = this.state;
    if (state.dialect === "dash") {
      await this.writeErr(`${state.arg0}: ${dashSyntaxLine(err)}: ${dashSyntaxMessage(err)}\n`);
      return;
    }
    if (state.interactive && !source) {
      await this.writeErr(`${this.interactiveName()}: ${err.message}\n`);
      return;
    }
    const where = source ?? (state.commandString ? `${state.name}: -c` : state.name);
    await this.writeErr(`${where}: line ${err.line}: ${err.message}\n`);
    if (err.lineText !== undefined) await this.writeErr(`${where}: line ${err.line}: \`${err.lineText}'\n`);
  }

  async writeErr(text: string): Promise<void> {
    try {
      await this.proc.write(2, text);
    } catch (err) {
      if (err instanceof ProcessExit) throw err;
    }
  }

  async writeOut(text: string): Promise<void> {
    await this.proc.write(1, text);
  }

  // --- ExpandHost ---------------------------------------------------------------------

  get braceExpansion(): boolean {
    return this.state.dialect !== "dash";
  }

  variable(name: string): VarValue | undefined {
    const dynamic = specialVariable(this, name);
    if (dynamic !== null) return dynamic;
    return this.state.vars.value(name);
  }

  special(name: string): string | undefined {
    const state = this.state;
    switch (name) {
      case "?":
        return String(state.lastStatus);
      case "$":
        return String(state.shellPid);
      case "!":
        return state.lastBackground === undefined ? undefined : String(state.lastBackground);
      case "#":
        return String(state.positional.length);
      case "-":
        return optionFlags(this);
      case "0":
        return state.arg0;
      default:
        return state.positional[Number(name) - 1];
    }
  }

  positional(): string[] {
    return this.state.positional;
  }

  assign(name: string, value: string): void {
    try {
      this.setVariable(name, value);
    } catch (err) {
      if (err instanceof ReadonlyError) throw new ExpansionError(err.message);
      throw err;
    }
  }

  /** Sets a scalar, honouring set -a and the variables with side effects (PATH, SECONDS). */
  setVariable(name: string, value: string): void {
    assignVariable(this, name, value);
  }

  names(): string[] {
    return this.state.vars
      .entries()
      .filter(([, v]) => v.value !== undefined)
      .map(([n]) => n);
  }

  get ifs(): string | undefined {
    const value = this.state.vars.value("IFS");
    return typeof value === "string" ? value : undefined;
  }

  get nounset(): boolean {
    return this.state.options.nounset;
  }

  get noglob(): boolean {
    return this.state.options.noglob;
  }

  get dotglob(): boolean {
    return this.state.shopts.dotglob;
  }

  get nullglob(): boolean {
    return this.state.shopts.nullglob;
  }

  get failglob(): boolean {
    return this.state.shopts.failglob;
  }

  home(user: string): string | undefined {
    return homeOf(this, user);
  }

  get fs() {
    return this.proc.fs;
  }

  get cwd(): string {
    return this.proc.cwd;
  }

  commandSubstitution(body: Script): Promise<string> {
    return substituteCommand(this, body);
  }

  processSubstitution(body: Script, output: boolean): string {
    const { fd, pid } = substituteProcess(this, body, output);
    this.processFds.push(fd);
    this.state.processPids.push(pid);
    return `/dev/fd/${fd}`;
  }

  /** Closes the /dev/fd/N descriptors of process substitutions opened since `mark`. */
  closeProcessFds(mark: number): void {
    while (this.processFds.length > mark) {
      const fd = this.processFds.pop() as number;
      if (this.proc.hasFd(fd)) this.proc.close(fd);
    }
  }

  get arith() {
    const vars = this.state.vars;
    return {
      get: (name: string, index?: bigint | string) => {
        const value = this.variable(name);
        if (value === undefined) return undefined;
        if (index === undefined) return typeof value === "string" ? value : value instanceof Map ? value.get("0") : value[0];
        if (value instanceof Map) return value.get(String(index));
        if (typeof value === "string") return index === 0n ? value : undefined;
        const n = Number(index);
        return value[n < 0 ? value.length + n : n];
      },
      set: (name: string, value: string, index?: bigint | string) => {
        try {
          if (index === undefined) this.setVariable(name, value);
          else vars.setElement(name, typeof index === "bigint" ? Number(index) : index, value);
        } catch (err) {
          if (err instanceof ReadonlyError) throw new ExpansionError(err.message);
          throw err;
        }
      },
      isAssoc: (name: string) => vars.value(name) instanceof Map,
      nounset: this.state.options.nounset,
      power: this.state.dialect !== "dash",
    };
  }
}

/** $-: the single-letter options that are on, as bash lists them. */
function optionFlags(runner: Runner): string {
  const state = runner.state;
  const o = state.options;
  if (state.dialect === "dash") {
    // expand.c: optletters ("efIimnsxvVECabu") from last to first, for the options set; no c.
    const set: Array<[string, boolean]> = [
      ["u", o.nounset],
      ["a", o.allexport],
      ["C", o.noclobber],
      ["v", o.verbose],
      ["x", o.xtrace],
      ["s", !state.commandString && !state.scriptName],
      ["n", o.noexec],
      ["m", o.monitor],
      ["i", state.interactive],
      ["f", o.noglob],
      ["e", o.errexit],
    ];
    return set.map(([letter, on]) => (on ? letter : "")).join("");
  }
  let flags = "";
  if (o.allexport) flags += "a";
  if (o.errexit) flags += "e";
  if (o.noglob) flags += "f";
  if (o.hashall) flags += "h";
  if (state.interactive) flags += "i";
  if (o.monitor) flags += "m";
  if (o.noexec) flags += "n";
  if (o.nounset) flags += "u";
  if (o.verbose) flags += "v";
  if (o.xtrace) flags += "x";
  if (o.braceexpand) flags += "B";
  if (o.noclobber) flags += "C";
  if (o.errtrace) flags += "E";
  if (o.histexpand) flags += "H";
  if (o.functrace) flags += "T";
  if (state.commandString) flags += "c";
  if (!state.commandString && !state.scriptName) flags += "s";
  return flags;
}
