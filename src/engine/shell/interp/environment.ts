import type { Process } from "../../kernel/process";
import type { VarValue } from "../expand/expand";
import type { Runner } from "./runner";
import type { ShellState } from "./state";

/** The version this shell reports: Alpine 3.20's bash package. */
export const BASH_VERSION = "5.2.26(1)-release";
export const MACHTYPE = "x86_64-alpine-linux-musl";
const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * Variables whose value bash computes on each use ($RANDOM, $SECONDS, $LINENO, ...);
 * null for every other name.
 */
export function specialVariable(runner: Runner, name: string): VarValue | undefined | null {
  const state = runner.state;
  // dash computes only $LINENO (var.c); $RANDOM, $SECONDS and the rest are plain, unset names.
  if (state.dialect === "dash" && name !== "LINENO") return null;
  switch (name) {
    case "RANDOM":
      return String(runner.proc.random.int(32768));
    case "SECONDS":
      return String(Math.floor((runner.proc.now() - state.secondsBase) / 1000));
    case "LINENO":
      return String(state.lineno);
    case "BASHPID":
      return String(runner.proc.pid);
    case "EPOCHSECONDS":
      return String(Math.floor(runner.proc.now() / 1000));
    case "EPOCHREALTIME": {
      const now = runner.proc.now();
      return `${Math.floor(now / 1000)}.${String((now % 1000) * 1000).padStart(6, "0")}`;
    }
    case "BASH_SUBSHELL":
      return String(state.subshell);
    case "FUNCNAME":
      return state.funcNames.length > 0 ? [...state.funcNames, "main"] : undefined;
    case "BASH_SOURCE": {
      // The files being read, innermost first: sourced files, then the script itself
      // (entrypoints re-exec themselves with "$BASH_SOURCE"). Unset at an interactive prompt.
      const files = [...state.sources].reverse();
      if (state.scriptName !== null) files.push(state.scriptName);
      return files.length > 0 ? files : undefined;
    }
    case "HISTCMD":
      return String(state.history.length + 1);
    default:
      return null;
  }
}

/** ~, ~user, ~+ and ~-: a home directory from $HOME or /etc/passwd, or a working directory. */
export function homeOf(runner: Runner, user: string): string | undefined {
  const vars = runner.state.vars;
  const scalar = (name: string) => {
    const v = vars.value(name);
    return typeof v === "string" ? v : undefined;
  };
  if (user === "") return scalar("HOME") ?? passwdHome(runner.proc, runner.proc.uid);
  if (user === "+") return scalar("PWD");
  if (user === "-") return scalar("OLDPWD");
  return passwdHome(runner.proc, user);
}

function passwdHome(proc: Process, who: string | number): string | undefined {
  let passwd: string;
  try {
    passwd = proc.fs.readText("/etc/passwd");
  } catch {
    return undefined;
  }
  for (const line of passwd.split("\n")) {
    const fields = line.split(":");
    if (fields.length < 6) continue;
    if (typeof who === "string" ? fields[0] === who : Number(fields[2]) === who) return fields[5];
  }
  return undefined;
}

/**
 * The variables a new bash starts with: the environment it was given (exported), then
 * the ones bash sets itself (SHLVL, PPID, BASH_VERSION, PS2, ...).
 */
export function initVariables(state: ShellState, proc: Process): void {
  const vars = state.vars;
  for (const [name, value] of Object.entries(proc.env)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
    vars.set(name, value).exported = true;
  }
  const set = (name: string, value: string, attrs: { exported?: boolean; readonly?: boolean } = {}) => {
    const v = vars.set(name, value);
    if (attrs.exported) v.exported = true;
    if (attrs.readonly) v.readonly = true;
  };
  if (state.dialect === "dash") {
    initDashVariables(state, proc, set);
    return;
  }
  const envPwd = proc.env.PWD;
  set("PWD", envPwd && samePlace(proc, envPwd) ? envPwd : proc.cwd, { exported: true });
  const level = Number.parseInt(proc.env.SHLVL ?? "0", 10);
  set("SHLVL", String(Number.isNaN(level) ? 1 : level + 1), { exported: true });
  if (vars.value("PATH") === undefined) set("PATH", DEFAULT_PATH);
  if (vars.value("HOSTNAME") === undefined) set("HOSTNAME", proc.hostname);
  set("PPID", String(proc.ppid), { readonly: true });
  set("UID", String(proc.uid), { readonly: true });
  set("EUID", String(proc.uid), { readonly: true });
  set("BASH", "/bin/bash");
  set("BASH_VERSION", BASH_VERSION);
  vars.setArray("BASH_VERSINFO", ["5", "2", "26", "1", "release", MACHTYPE]).readonly = true;
  set("HOSTTYPE", "x86_64");
  set("MACHTYPE", MACHTYPE);
  set("OSTYPE", "linux-musl");
  set("IFS", " \t\n");
  set("OPTIND", "1");
  set("OPTERR", "1");
  set("PS2", "> ");
  set("PS4", "+ ");
  if (state.interactive) {
    if (vars.value("PS1") === undefined) set("PS1", state.dialect === "ash" ? "\\w \\$ " : "\\s-\\v\\$ ");
    set("HISTSIZE", "500");
    set("HISTFILESIZE", "500");
    const home = vars.value("HOME");
    if (typeof home === "string") set("HISTFILE", `${home}/.bash_history`);
  }
}

/**
 * The variables dash sets itself (var.c varinit, cd.c getpwd): IFS, OPTIND, PS1 (`# ` for
 * root, `$ ` otherwise), PS2, PS4, PPID, PWD, and PATH when the environment has none.
 * None of bash's (BASH_VERSION, SHLVL, HOSTNAME, UID, HISTFILE...).
 */
function initDashVariables(
  state: ShellState,
  proc: Process,
  set: (name: string, value: string, attrs?: { exported?: boolean }) => void,
): void {
  const vars = state.vars;
  const envPwd = proc.env.PWD;
  set("PWD", envPwd && samePlace(proc, envPwd) ? envPwd : proc.cwd, { exported: envPwd !== undefined });
  if (vars.value("PATH") === undefined) set("PATH", DEFAULT_PATH);
  set("PPID", String(proc.ppid));
  set("IFS", " \t\n");
  set("OPTIND", "1");
  if (vars.value("PS1") === undefined) set("PS1", proc.uid === 0 ? "# " : "$ ");
  if (vars.value("PS2") === undefined) set("PS2", "> ");
  if (vars.value("PS4") === undefined) set("PS4", "+ ");
}

function samePlace(proc: Process, path: string): boolean {
  try {
    return path.startsWith("/") && proc.fs.realpath(path) === proc.fs.realpath(proc.cwd);
  } catch {
    return false;
  }
}
