import type { Runner } from "./runner";

/** A word as set -x shows it: bare when it is plain, single-quoted otherwise. */
export function xtraceQuote(word: string): string {
  if (word !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/**
 * set -x: the command about to run, after $PS4 (its first character repeated once more
 * for each level of command substitution, as bash does).
 */
export async function xtrace(runner: Runner, words: string[]): Promise<void> {
  const ps4 = runner.state.vars.value("PS4");
  const prompt = typeof ps4 === "string" ? ps4 : "+ ";
  const level = runner.state.traceDepth;
  const prefix = prompt ? prompt[0].repeat(level) + prompt : "";
  await runner.writeErr(`${prefix}${words.join(" ")}\n`);
}
