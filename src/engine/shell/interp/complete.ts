import { KEYWORDS } from "../builtins/type";
import type { Runner } from "./runner";

/**
 * Tab completion candidates for the word that ends at `cursor`, as bash's default
 * completion offers them: command names (builtins, functions, aliases, programs on
 * PATH) in command position, $variables, and file names (directories with a slash).
 */
export function complete(runner: Runner, line: string, cursor: number): string[] {
  const before = line.slice(0, cursor);
  const word = /[^\s;&|<>()]*$/.exec(before)?.[0] ?? "";
  const preceding = before.slice(0, before.length - word.length);
  const commandPosition = /(^|[;&|(]|&&|\|\|)\s*$/.test(preceding) || /^\s*(sudo|command|exec|time|nohup)\s+$/.test(preceding);
  if (word.startsWith("$")) return variables(runner, word);
  if (commandPosition && !word.includes("/")) return commands(runner, word);
  return files(runner, word, commandPosition);
}

function variables(runner: Runner, word: string): string[] {
  const braced = word.startsWith("${");
  const prefix = word.slice(braced ? 2 : 1);
  return runner
    .names()
    .filter((n) => n.startsWith(prefix))
    .map((n) => (braced ? `\${${n}}` : `$${n}`));
}

function commands(runner: Runner, word: string): string[] {
  const state = runner.state;
  const names = new Set<string>();
  const add = (name: string) => {
    if (name.startsWith(word)) names.add(name);
  };
  for (const name of runner.builtins.keys()) add(name);
  for (const name of KEYWORDS) add(name);
  for (const name of state.functions.keys()) add(name);
  for (const name of state.aliases.keys()) add(name);
  const path = state.vars.value("PATH");
  const fs = runner.proc.fs;
  for (const dir of typeof path === "string" ? path.split(":") : []) {
    let entries: string[] = [];
    try {
      entries = fs.readdir(runner.proc.resolve(dir || "."));
    } catch {
      continue;
    }
    for (const entry of entries) if (entry.startsWith(word) && runner.proc.which(`${dir || "."}/${entry}`, "")) names.add(entry);
  }
  return [...names];
}

function files(runner: Runner, word: string, executablesOnly: boolean): string[] {
  const slash = word.lastIndexOf("/");
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : "";
  const prefix = word.slice(slash + 1);
  const home = runner.home("");
  const expandedDir = dirPart.startsWith("~/") && home ? `${home}${dirPart.slice(1)}` : dirPart;
  const fs = runner.proc.fs;
  const dir = runner.proc.resolve(expandedDir || ".");
  let entries: string[];
  try {
    entries = fs.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    if (entry.startsWith(".") && !prefix.startsWith(".")) continue;
    let isDir = false;
    try {
      isDir = fs.stat(`${dir === "/" ? "" : dir}/${entry}`).type === "dir";
    } catch {
      // A dangling symlink completes as a file.
    }
    if (executablesOnly && !isDir && !runner.proc.which(`${dir}/${entry}`, "")) continue;
    out.push(`${dirPart}${entry}${isDir ? "/" : ""}`);
  }
  return out;
}
