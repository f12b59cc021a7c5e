import { ExpansionError } from "../expand/errors";
import { matchPattern } from "../expand/pattern";
import type { CaseClause, Command, Script, Word } from "../syntax/ast";
import { BreakLoop, ContinueLoop } from "./control";
import type { Runner } from "./runner";
import { BadRegex, evaluateTest } from "./testexpr";

/**
 * The compound commands: and-or lists, if, the loops (break and continue land here),
 * case, (( )) and [[ ]]. Each runs in the shell's own process.
 */

export async function runAndOr(runner: Runner, op: "&&" | "||", left: Command, right: Command): Promise<number> {
  const first = await runner.condition(() => runner.run(left));
  runner.state.lastStatus = first;
  if (op === "&&" ? first !== 0 : first === 0) return first;
  await runner.tick();
  return runner.run(right);
}

export async function runIf(runner: Runner, clauses: Array<{ cond: Script; body: Script }>, elseBody?: Script): Promise<number> {
  for (const clause of clauses) {
    const status = await runner.condition(() => runner.runScript(clause.cond));
    if (status === 0) return runner.runScript(clause.body);
  }
  return elseBody ? runner.runScript(elseBody) : 0;
}

/** Runs iterations until one says "break" or break is called; the status break gave, if it did. */
export async function loop(runner: Runner, iteration: () => Promise<"break" | "next">): Promise<number | null> {
  runner.state.loopDepth++;
  try {
    for (;;) {
      await runner.tick();
      try {
        if ((await iteration()) === "break") return null;
      } catch (err) {
        if (err instanceof BreakLoop) {
          if (--err.levels > 0) throw err;
          return err.status;
        }
        if (err instanceof ContinueLoop) {
          if (--err.levels > 0) throw err;
          continue;
        }
        throw err;
      }
    }
  } finally {
    runner.state.loopDepth--;
  }
}

export async function runWhile(runner: Runner, cond: Script, body: Script, until: boolean): Promise<number> {
  let status = 0;
  const broke = await loop(runner, async () => {
    const result = await runner.condition(() => runner.runScript(cond));
    if ((result === 0) === until) return "break";
    status = await runner.runScript(body);
    return "next";
  });
  return broke ?? status;
}

export async function runFor(runner: Runner, name: string, items: Word[] | undefined, body: Script, line: number): Promise<number> {
  runner.state.lineno = line;
  const values = items ? await runner.expander.fields(items) : [...runner.state.positional];
  let status = 0;
  let i = 0;
  const broke = await loop(runner, async () => {
    if (i >= values.length) return "break";
    runner.setVariable(name, values[i++]);
    status = await runner.runScript(body);
    return "next";
  });
  return broke ?? status;
}

export async function runArithFor(runner: Runner, cmd: Extract<Command, { type: "arithfor" }>): Promise<number> {
  runner.state.lineno = cmd.line;
  let status = 0;
  const evaluate = async (word: typeof cmd.init, empty: bigint) =>
    word.parts.length === 0 ? empty : runner.expander.evaluate(await runner.expander.heredoc(word));
  await evaluate(cmd.init, 0n);
  let first = true;
  const broke = await loop(runner, async () => {
    if (!first) await evaluate(cmd.step, 0n);
    first = false;
    if ((await evaluate(cmd.cond, 1n)) === 0n) return "break";
    status = await runner.runScript(cmd.body);
    return "next";
  });
  return broke ?? status;
}

export async function runCase(runner: Runner, cmd: CaseClause): Promise<number> {
  runner.state.lineno = cmd.line;
  const word = await runner.expander.string(cmd.word);
  let status = 0;
  let fallthrough = false;
  for (const item of cmd.items) {
    let matched = fallthrough;
    for (const pattern of item.patterns) {
      if (matched) break;
      matched = matchPattern(await runner.expander.pattern(pattern), word);
    }
    if (!matched) continue;
    status = await runner.runScript(item.body);
    if (item.terminator === ";;") return status;
    fallthrough = item.terminator === ";&";
  }
  return status;
}

export async function runArithCommand(runner: Runner, expr: Word, line: number): Promise<number> {
  runner.state.lineno = line;
  await runner.tick();
  const text = await runner.expander.heredoc(expr);
  try {
    return runner.expander.evaluate(text) === 0n ? 1 : 0;
  } catch (err) {
    if (!(err instanceof ExpansionError)) throw err;
    await runner.error(`((: ${err.message}`);
    return 1;
  }
}

export async function runTestCommand(runner: Runner, cmd: Extract<Command, { type: "test" }>): Promise<number> {
  runner.state.lineno = cmd.line;
  await runner.tick();
  try {
    return (await evaluateTest(runner, cmd.expr)) ? 0 : 1;
  } catch (err) {
    if (err instanceof BadRegex) return 2;
    if (!(err instanceof ExpansionError) || err.status !== 1) throw err;
    await runner.error(`[[: ${err.message}`);
    return 1;
  }
}
