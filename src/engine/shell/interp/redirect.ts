import { errorText, ProcessExit, SysError } from "../../kernel/errno";
import type { OpenMode } from "../../kernel/file";
import { ExpansionError } from "../expand/errors";
import { globPaths } from "../expand/glob";
import { escapeGlob, hasGlobChars } from "../expand/pattern";
import type { Redirect } from "../syntax/ast";
import type { Runner } from "./runner";

/** A descriptor changed by a redirection and the copy that restores it (null: it was closed). */
export interface SavedFd {
  fd: number;
  copy: number | null;
}

/** Copies of redirected descriptors live at 10 and above, close-on-exec, as in bash. */
const SAVE_MIN_FD = 10;

class RedirectError extends Error {}

/**
 * Applies redirections in order. With `saved`, the descriptors they replace are kept to
 * be restored (a command's redirections); without, the change is permanent (exec).
 * Returns null after printing bash's message when one fails: the command does not run.
 */
export async function applyRedirects(runner: Runner, redirs: Redirect[], saved: SavedFd[] | null): Promise<SavedFd[] | null> {
  const record = saved ?? [];
  try {
    for (const redirect of redirs) await applyOne(runner, redirect, saved ? record : null);
    return record;
  } catch (err) {
    if (saved) restoreRedirects(runner, record);
    if (err instanceof RedirectError) {
      await runner.error(err.message);
      return null;
    }
    if (err instanceof ExpansionError) throw err;
    if (err instanceof ProcessExit) throw err;
    throw err;
  }
}

export function restoreRedirects(runner: Runner, saved: SavedFd[]): void {
  const proc = runner.proc;
  for (let i = saved.length - 1; i >= 0; i--) {
    const { fd, copy } = saved[i];
    if (copy !== null) {
      proc.dup2(copy, fd);
      proc.close(copy);
    } else if (proc.hasFd(fd)) proc.close(fd);
  }
  saved.length = 0;
}

function save(runner: Runner, fd: number, saved: SavedFd[] | null): void {
  if (!saved || saved.some((s) => s.fd === fd)) return;
  const proc = runner.proc;
  if (!proc.hasFd(fd)) {
    saved.push({ fd, copy: null });
    return;
  }
  const copy = proc.dup(fd, SAVE_MIN_FD);
  proc.setCloseOnExec(copy, true);
  saved.push({ fd, copy });
}

async function applyOne(runner: Runner, redirect: Redirect, saved: SavedFd[] | null): Promise<void> {
  const proc = runner.proc;
  const op = redirect.op;
  const fd = redirect.fd ?? (op.startsWith("<") ? 0 : 1);
  switch (op) {
    case "<<":
    case "<<-": {
      const body = redirect.heredoc ? await runner.expander.heredoc(redirect.heredoc) : "";
      save(runner, fd, saved);
      proc.openString(body, fd);
      return;
    }
    case "<<<": {
      const text = await runner.expander.string(redirect.target);
      save(runner, fd, saved);
      proc.openString(`${text}\n`, fd);
      return;
    }
    case "<&":
    case ">&": {
      const target = await runner.expander.string(redirect.target);
      if (target === "-") {
        save(runner, fd, saved);
        if (proc.hasFd(fd)) proc.close(fd);
        return;
      }
      const move = /^(\d+)-$/.exec(target);
      if (/^\d+$/.test(target) || move) {
        const from = Number(move ? move[1] : target);
        if (!proc.hasFd(from)) throw new RedirectError(`${move ? move[1] : target}: Bad file descriptor`);
        save(runner, fd, saved);
        proc.dup2(from, fd);
        if (move && from !== fd) proc.close(from);
        return;
      }
      if (op === "<&" || redirect.fd !== undefined) throw new RedirectError(`${target}: ambiguous redirect`);
      // >& word with a file name is &> word.
      await openFile(runner, await fileName(runner, redirect), "w", 1, saved, true);
      return;
    }
    case "&>":
    case "&>>":
      await openFile(runner, await fileName(runner, redirect), op === "&>" ? "w" : "a", 1, saved, true);
      return;
    case "<":
      await openFile(runner, await fileName(runner, redirect), "r", fd, saved, false);
      return;
    case "<>":
      await openFile(runner, await fileName(runner, redirect), "rw", fd, saved, false);
      return;
    case ">>":
      await openFile(runner, await fileName(runner, redirect), "a", fd, saved, false);
      return;
    case ">":
    case ">|": {
      const path = await fileName(runner, redirect);
      if (op === ">" && runner.state.options.noclobber && isRegularFile(runner, path)) {
        throw new RedirectError(`${path}: cannot overwrite existing file`);
      }
      await openFile(runner, path, "w", fd, saved, false);
      return;
    }
  }
}

/**
 * busybox ash's openredirect messages: "can't open" for `<`, "can't create" for the
 * others, with errmsg()'s words for ENOENT and ENOTDIR instead of strerror's.
 */
function ashOpenError(path: string, mode: OpenMode, err: unknown): string {
  const missing = err instanceof SysError && (err.code === "ENOENT" || err.code === "ENOTDIR");
  if (mode === "r") return `can't open ${path}: ${missing ? "no such file" : errorText(err)}`;
  return `can't create ${path}: ${missing ? "nonexistent directory" : errorText(err)}`;
}

/**
 * dash's openredirect messages (redir.c: `cannot %s %s: %s` with errmsg(), which says
 * "No such file" for E_OPEN and "Directory nonexistent" for E_CREAT).
 */
function dashOpenError(path: string, mode: OpenMode, err: unknown): string {
  const missing = err instanceof SysError && (err.code === "ENOENT" || err.code === "ENOTDIR");
  if (mode === "r") return `cannot open ${path}: ${missing ? "No such file" : errorText(err)}`;
  return `cannot create ${path}: ${missing ? "Directory nonexistent" : errorText(err)}`;
}

/** The file a redirection names: expanded, globbed to exactly one name. */
async function fileName(runner: Runner, redirect: Redirect): Promise<string> {
  const { text, pattern } = await runner.expander.textAndPattern(redirect.target);
  if (!runner.state.options.noglob && hasGlobChars(pattern) && pattern !== escapeGlob(text)) {
    const matches = globPaths(pattern, runner.proc.fs, runner.proc.cwd, { dotglob: runner.state.shopts.dotglob });
    if (matches.length > 1) throw new RedirectError(`${text}: ambiguous redirect`);
    if (matches.length === 1) return matches[0];
  }
  return text;
}

async function openFile(runner: Runner, path: string, mode: OpenMode, fd: number, saved: SavedFd[] | null, both: boolean): Promise<void> {
  const proc = runner.proc;
  if (path === "") throw new RedirectError(": No such file or directory");
  save(runner, fd, saved);
  if (both) save(runner, 2, saved);
  try {
    proc.open(path, mode, fd, { createMode: 0o666 & ~runner.state.umask });
  } catch (err) {
    if (err instanceof ProcessExit) throw err;
    if (runner.state.dialect === "ash") throw new RedirectError(ashOpenError(path, mode, err));
    if (runner.state.dialect === "dash") throw new RedirectError(dashOpenError(path, mode, err));
    throw new RedirectError(`${path}: ${errorText(err)}`);
  }
  if (both) proc.dup2(fd, 2);
}

function isRegularFile(runner: Runner, path: string): boolean {
  try {
    return runner.proc.fs.stat(runner.proc.resolve(path)).type === "file";
  } catch {
    return false;
  }
}
