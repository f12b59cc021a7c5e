import type { Script } from "../syntax/ast";
import { IncompleteInput, ShellSyntaxError } from "../syntax/errors";
import { Parser } from "../syntax/parser";
import { AbortCommandLine } from "./control";
import { reapProcessSubstitutions } from "./pipeline";
import type { Runner } from "./runner";

/** Where commands come from: a whole text (-c, a file), standard input as it arrives, or the line editor. */
export interface CommandSource {
  /** More input, or null at its end; `continuation` when the command so far is incomplete (PS2). */
  read(continuation: boolean): Promise<string | null | "interrupt">;
  /** Gives back input read past the command about to run, for `read` and the next command to find. */
  unread?(text: string): void;
  /** Called before a command is run, with its text (history). */
  accepted?(text: string): void;
}

/** A text that is all there from the start. */
export function textSource(text: string): CommandSource {
  let given = false;
  return {
    read: async () => {
      if (given) return null;
      given = true;
      return text;
    },
  };
}

/**
 * The read-parse-run loop of bash's reader_loop: one complete command at a time, run
 * before the next is parsed (so a syntax error further on does not stop what comes
 * first, and aliases defined on one line apply to the next). Returns the last status;
 * a non-interactive shell stops at a syntax error with status 2.
 */
export async function runCommands(runner: Runner, source: CommandSource): Promise<number> {
  const state = runner.state;
  let text = "";
  let line = 1;
  let eof = false;
  let needInput = true;
  let continuation = false;
  for (;;) {
    if (needInput) {
      if (eof) break;
      const more = await source.read(continuation);
      if (more === "interrupt") {
        text = "";
        continuation = false;
        state.lastStatus = 130;
        continue;
      }
      if (more === null) eof = true;
      else text += more;
      needInput = false;
    }
    const parser = new Parser(text, { line, atEof: eof, alias: runner.aliasLookup(), posix: state.dialect === "dash" });
    let script: Script | null;
    try {
      script = parser.next();
    } catch (err) {
      if (!(err instanceof ShellSyntaxError)) throw err;
      if (err instanceof IncompleteInput && !eof) {
        needInput = true;
        continuation = true;
        continue;
      }
      const status = err instanceof IncompleteInput && err.quote && state.lastStatus !== 0 ? state.lastStatus : 2;
      await runner.syntaxError(err);
      state.lastStatus = status;
      source.accepted?.(text.replace(/\n$/, ""));
      if (!state.interactive) return status;
      text = "";
      eof = false;
      needInput = true;
      continuation = false;
      continue;
    }
    // bash warns of a here-document cut short by end of file; dash takes it silently.
    if (state.dialect !== "dash")
      for (const warning of parser.warnings) await runner.writeErr(`${runner.state.name}: line ${warning.line}: ${warning.message}\n`);
    const consumed = parser.src.slice(0, parser.pos);
    if (script && !eof && /(^|[^\\])(\\\\)*\\\n$/.test(consumed)) {
      // A line ending in a backslash continues on the next one (PS2).
      needInput = true;
      continuation = true;
      continue;
    }
    if (script && !eof && !consumed.endsWith("\n")) {
      // The line is not complete yet (input arrives in chunks): wait for its end.
      needInput = true;
      continue;
    }
    line += countNewlines(consumed);
    text = parser.src.slice(parser.pos);
    continuation = false;
    if (!script) {
      needInput = true;
      continue;
    }
    if (source.unread) {
      source.unread(text);
      text = "";
    }
    source.accepted?.(consumed.replace(/\n$/, ""));
    await runScriptOf(runner, script);
    // Reap background jobs that ended (bash does on SIGCHLD); their statuses stay for `wait`.
    if (state.jobs.size > 0 && !state.interactive) state.jobs.poll(runner.proc);
    if (state.processPids.length > 0) reapProcessSubstitutions(runner);
    needInput = text.trim() === "" || !!source.unread;
  }
  return state.lastStatus;
}

/** Runs one command line; ^C or an expansion error abandons the rest of it. */
async function runScriptOf(runner: Runner, script: Script): Promise<void> {
  try {
    await runner.runScript(script);
  } catch (err) {
    if (!(err instanceof AbortCommandLine)) throw err;
    runner.state.lastStatus = err.status;
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
