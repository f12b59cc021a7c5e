import { errorText, isSysError, ProcessExit } from "../kernel/errno";
import type { Program } from "../kernel/exec";
import type { Process } from "../kernel/process";
import { Signal } from "../kernel/signal";
import { reportFinishedJobs } from "./builtins/jobs";
import { complete } from "./interp/complete";
import { ExitShell } from "./interp/control";
import { BASH_VERSION, initVariables, MACHTYPE } from "./interp/environment";
import { expandHistory } from "./interp/histexpand";
import { InputBuffer } from "./interp/input";
import { expandPrompt } from "./interp/prompt";
import { type CommandSource, runCommands, textSource } from "./interp/reader";
import { Runner } from "./interp/runner";
import { type ShellDialect, ShellState } from "./interp/state";
import { runExitTrap } from "./interp/traps";
import { type Invocation, parseInvocation, UsageProblem, usageText, versionText } from "./invocation";
import { LineEditor } from "./readline";
import type { Statement } from "./syntax/ast";
import { Parser } from "./syntax/parser";

/**
 * The bash program: parses its invocation, sets up the shell (startup files, job
 * control and signals when interactive), then runs a -c string, a script file, its
 * standard input, or the interactive loop.
 */
/**
 * `dialect: "ash"` is busybox's shell on the same interpreter: its default prompt
 * (`\w \$ `, so `/ # ` for root) and its `not found` message. `dialect: "dash"` is
 * Debian's /bin/sh: `# ` prompts, `sh: 1: foo: not found`, dash's builtins and grammar.
 */
export function createBash(options: { dialect?: ShellDialect } = {}): Program {
  const bash: Program = async (proc) => {
    if (options.dialect === "dash") {
      const long = dashLongOption(proc.argv);
      // options.c: `--version` is the letters -, v, e...; the first is `Illegal option --`.
      if (long) {
        await proc.stderr.write(`${proc.argv[0] ?? "sh"}: 0: Illegal option --\n`);
        return 2;
      }
    }
    let inv: Invocation;
    try {
      inv = parseInvocation(proc.argv);
    } catch (err) {
      if (!(err instanceof UsageProblem)) throw err;
      await proc.stderr.write(`bash: ${err.message}\n${usageText()}`);
      return 2;
    }
    if (inv.version) {
      await proc.stdout.write(versionText());
      return 0;
    }
    if (inv.help) {
      await proc.stdout.write(`GNU bash, version ${BASH_VERSION}-(${MACHTYPE})\n${usageText()}`);
      return 0;
    }
    return new Shell(proc, inv, bash, options.dialect ?? "bash").main();
  };
  return bash;
}

class Shell {
  private readonly state = new ShellState();
  private readonly runner: Runner;

  constructor(
    private readonly proc: Process,
    private readonly inv: Invocation,
    program: Program,
    dialect: ShellDialect,
  ) {
    this.state.dialect = dialect;
    this.runner = new Runner(proc, this.state, { shell: program });
  }

  async main(): Promise<number> {
    const { proc, state, runner, inv } = this;
    const arg0 = proc.argv[0] ?? "bash";
    state.arg0 = inv.command !== undefined ? (inv.args.shift() ?? arg0) : (inv.script ?? arg0);
    state.positional = inv.args;
    state.commandString = inv.command !== undefined;
    state.scriptName = inv.script ?? null;
    state.login = inv.login;
    state.shopts.login_shell = inv.login;
    state.options.posix = inv.posix || state.dialect === "dash";
    state.shellPid = proc.pid;
    state.secondsBase = proc.now();
    state.interactive = inv.interactive || (inv.command === undefined && inv.script === undefined && proc.isatty(0) && proc.isatty(2));
    initVariables(state, proc);
    for (const [name, on] of inv.options) (state.options as unknown as Record<string, boolean>)[name.replace(/-/g, "_")] = on;
    if (state.interactive) this.setupInteractive();
    else if (state.dialect !== "bash" && (inv.command !== undefined || inv.script !== undefined)) {
      // ash catches SIGINT to run a -c string or a script (ash.c setsignal: `iflag || minusc ||
      // sflag == 0`) and ends on it, where bash keeps the default action a container's PID 1 lacks.
      runner.interruptEndsShell = true;
      runner.installInterruptHandler();
    }
    let status: number;
    try {
      await this.startupFiles();
      status = await this.run();
    } catch (err) {
      status = runner.unwindStatus(err);
    }
    try {
      status = await runExitTrap(runner, status);
    } catch (err) {
      if (err instanceof ProcessExit) throw err;
      status = err instanceof ExitShell ? err.status : status;
    }
    return status;
  }

  private async run(): Promise<number> {
    const { runner, inv, state } = this;
    if (inv.command !== undefined) {
      const single = singleCommand(inv.command, state.dialect === "dash");
      if (single) return runner.runStatement(single, true);
      return runCommands(runner, textSource(inv.command));
    }
    if (inv.script !== undefined) return this.runScriptFile(inv.script);
    if (state.interactive) return this.interactive();
    return runCommands(runner, stdinSource(this.proc));
  }

  private async runScriptFile(path: string): Promise<number> {
    const proc = this.proc;
    let text: string;
    try {
      const abs = proc.resolve(path);
      if (proc.fs.stat(abs).type === "dir") {
        await proc.stderr.write(`${path}: ${path}: Is a directory\n`);
        return 126;
      }
      text = proc.fs.readText(abs);
    } catch (err) {
      if (err instanceof ProcessExit) throw err;
      if (this.state.dialect === "dash") {
        // input.c setinputfile -> redir.c sh_open_fail, before any line is read: `sh: 0: cannot open x: No such file`.
        const reason = isSysError(err, "ENOENT") || isSysError(err, "ENOTDIR") ? "No such file" : errorText(err);
        await proc.stderr.write(`${proc.argv[0] ?? "sh"}: 0: cannot open ${path}: ${reason}\n`);
        return 2;
      }
      await proc.stderr.write(`bash: ${path}: ${errorText(err)}\n`);
      return isSysError(err, "ENOENT") ? 127 : 126;
    }
    if (text.startsWith("#!")) text = text.replace(/^#![^\n]*/, "");
    return runCommands(this.runner, textSource(text));
  }

  /** Job control, signals and the terminal for an interactive shell (bash's jobs.c initialize_job_control). */
  private setupInteractive(): void {
    const { proc, state, runner } = this;
    // dash keeps no history and has no `!` expansion (Debian builds it without libedit).
    state.options.history = state.dialect !== "dash";
    state.options.histexpand = state.dialect !== "dash";
    state.shopts.expand_aliases = true;
    for (const fd of [0, 2, 1]) {
      if (!proc.isatty(fd)) continue;
      runner.ttyFd = proc.dup(fd, 255);
      proc.setCloseOnExec(runner.ttyFd, true);
      state.options.monitor = true;
      break;
    }
    for (const sig of [Signal.SIGTERM, Signal.SIGQUIT, Signal.SIGTSTP, Signal.SIGTTIN, Signal.SIGTTOU]) {
      runner.shellIgnored.add(sig);
      proc.trap(sig, "ignore");
    }
    runner.installInterruptHandler();
    if (runner.jobControl) runner.takeTerminal();
  }

  /** /etc/profile and ~/.profile for a login shell, ~/.bashrc for an interactive one. */
  private async startupFiles(): Promise<void> {
    const { state, inv } = this;
    if (state.dialect === "dash") return this.dashStartupFiles();
    const home = this.runner.home("") ?? "/";
    if (state.login && !inv.noprofile) {
      await this.sourceIfExists("/etc/profile");
      const candidates = inv.posix ? [".profile"] : [".bash_profile", ".bash_login", ".profile"];
      for (const name of candidates) if (await this.sourceIfExists(`${home}/${name}`)) break;
      return;
    }
    if (!state.interactive || inv.norc || inv.posix) return;
    if (inv.rcfile !== undefined) {
      await this.sourceIfExists(inv.rcfile);
      return;
    }
    // The system bashrc the distribution compiled in (Debian's SYS_BASHRC; Alpine's
    // /etc/bash/bashrc): it sets the `root@<id>:/#` prompt in Debian-based containers.
    for (const system of ["/etc/bash.bashrc", "/etc/bash/bashrc"]) if (await this.sourceIfExists(system)) break;
    await this.sourceIfExists(`${home}/.bashrc`);
  }

  /** dash's main.c: /etc/profile and ~/.profile for a login shell, then $ENV when interactive. */
  private async dashStartupFiles(): Promise<void> {
    const { state, runner } = this;
    if (state.login) {
      await this.sourceIfExists("/etc/profile");
      await this.sourceIfExists(`${runner.home("") ?? "/"}/.profile`);
    }
    const env = state.vars.value("ENV");
    if (state.interactive && typeof env === "string" && env !== "") await this.sourceIfExists(env);
  }

  private async sourceIfExists(path: string): Promise<boolean> {
    const proc = this.proc;
    try {
      if (proc.fs.stat(proc.resolve(path)).type !== "file") return false;
    } catch {
      return false;
    }
    const text = proc.fs.readText(proc.resolve(path));
    this.state.sources.push(path);
    try {
      await this.runner.runText(text, { name: path });
    } finally {
      this.state.sources.pop();
    }
    return true;
  }

  private async interactive(): Promise<number> {
    const { proc, state, runner } = this;
    const editor = new LineEditor(proc, {
      history: () => state.history,
      complete: (line, cursor) => complete(runner, line, cursor),
    });
    let first = true;
    const source: CommandSource = {
      read: async (continuation) => {
        if (!continuation) await reportFinishedJobs(runner);
        const prompt = await expandPrompt(runner, continuation ? "PS2" : "PS1");
        const status = first ? undefined : state.lastStatus;
        first = false;
        state.interrupted = false;
        const result = await editor.read(prompt, continuation ? "ps2" : "ps1", continuation ? undefined : status);
        state.interrupted = false;
        if (result.kind === "eof") return null;
        if (result.kind === "interrupt") return "interrupt";
        let text = result.text;
        if (state.options.histexpand) {
          const expanded = expandHistory(text, state.history);
          if ("error" in expanded) {
            await runner.writeErr(`${state.name}: ${expanded.error}\n`);
            return continuation ? "interrupt" : "\n";
          }
          if (expanded.changed) await runner.writeOut(`${expanded.line}\n`);
          text = expanded.line;
        }
        return `${text}\n`;
      },
      accepted: (text) => {
        state.commandNumber++;
        if (text.trim() === "") return;
        state.history.push(historyEntry(text));
      },
    };
    const status = await runCommands(runner, source);
    // At end of input dash (main.c cmdloop) ends the line it was on; bash says exit.
    await runner.writeErr(state.dialect === "dash" ? "\n" : state.login ? "logout\n" : "exit\n");
    return status;
  }
}

/** A --long option among the shell's own options (before -c's string or the script): dash has none. */
function dashLongOption(argv: string[]): boolean {
  for (const arg of argv.slice(1)) {
    if (arg === "--" || !/^[-+]/.test(arg)) return false;
    if (arg.startsWith("--")) return true;
    if (arg.includes("c") && arg.startsWith("-")) return false;
  }
  return false;
}

/** A -c string that is one simple command: bash execs it without forking. */
function singleCommand(text: string, posix: boolean): Statement | null {
  try {
    const parser = new Parser(text, { atEof: true, posix });
    const script = parser.parseAll();
    if (parser.warnings.length > 0 || script.commands.length !== 1) return null;
    const stmt = script.commands[0];
    return !stmt.background && stmt.command.type === "simple" ? stmt : null;
  } catch {
    return null;
  }
}

/** Standard input read as it arrives, sharing what is left over with `read`. */
function stdinSource(proc: Process): CommandSource {
  const input = new InputBuffer(proc, 0);
  return {
    read: async () => {
      try {
        return await input.chunk();
      } catch (err) {
        if (isSysError(err, "EBADF")) return null;
        throw err;
      }
    },
    unread: (text) => input.unread(text),
  };
}

/** How bash's cmdhist keeps a command typed over several lines: one entry, joined with `;` where needed. */
function historyEntry(text: string): string {
  const lines = text.split("\n");
  if (lines.length === 1 || text.includes("<<")) return text;
  let entry = lines[0];
  for (const line of lines.slice(1)) {
    if (line.trim() === "") continue;
    if (entry.endsWith("\\")) {
      entry = entry.slice(0, -1) + line;
      continue;
    }
    const joiner = /(\b(do|then|else|in)|[{(|&;])\s*$/.test(entry) ? " " : "; ";
    entry += joiner + line.trim();
  }
  return entry;
}
