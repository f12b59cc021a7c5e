import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions } from "../getopt";
import { complain, describe, usageError } from "../program";
import {
  compareKeys,
  hasDefaultOrdering,
  incompatibleOptions,
  KeySpecError,
  lineComparator,
  newKey,
  parseKeySpec,
  type SortKey,
  type SortOrder,
  setOrdering,
} from "./sortkey";
import { inputNames, splitLines, TextInput } from "./textinput";

/** GNU sort exits 2 on trouble; 1 only means "not sorted" for -c. */
const SORT_FAILURE = 2;

const OPTIONS = {
  short: "bcCdfghik:mMno:rRsS:t:T:uVz",
  long: {
    "ignore-leading-blanks": "b",
    check: "c::",
    "dictionary-order": "d",
    "ignore-case": "f",
    "general-numeric-sort": "g",
    "human-numeric-sort": "h",
    "ignore-nonprinting": "i",
    key: "k:",
    merge: "m",
    "month-sort": "M",
    "numeric-sort": "n",
    output: "o:",
    reverse: "r",
    "random-sort": "R",
    stable: "s",
    "buffer-size": "S:",
    "field-separator": "t:",
    "temporary-directory": "T:",
    unique: "u",
    "version-sort": "V",
    "zero-terminated": "z",
    parallel: "parallel:",
  },
};

/** sort(1), GNU coreutils: sorts the lines of its inputs in the C locale's byte order. */
export const sort: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
  } catch (err) {
    return usageError(proc, err, SORT_FAILURE);
  }
  let order: SortOrder;
  try {
    order = sortOrder(opts, proc.random.nextUint32());
  } catch (err) {
    if (err instanceof KeySpecError) return complain(proc, err.message, SORT_FAILURE);
    throw err;
  }
  const checkArg = opts.get("c");
  const quietCheck = opts.has("C") || checkArg === "quiet" || checkArg === "silent";
  const check = quietCheck ? "quiet" : opts.has("c") ? "diagnose" : null;
  const names = inputNames(opts.operands);
  // -z: lines end with NUL, as find -print0 writes them.
  const terminator = opts.has("z") ? "\0" : "\n";
  if (check && names.length > 1) {
    return complain(proc, `extra operand '${names[1]}' not allowed with -${check === "quiet" ? "C" : "c"}`, SORT_FAILURE);
  }
  const lines: string[] = [];
  for (const name of names) {
    const text = await readInput(proc, name, check ? "open failed" : "cannot read");
    if (text === null) return SORT_FAILURE;
    lines.push(...splitLines(text, terminator));
  }
  if (check) return checkSorted(proc, lines, names[0], order, check === "quiet");
  const sorted = sortLines(lines, order);
  const output = sorted.map((line) => `${line}${terminator}`).join("");
  const outFile = opts.get("o");
  if (outFile === undefined) {
    await proc.stdout.write(output);
    return 0;
  }
  try {
    proc.fs.writeFile(proc.resolve(outFile), output);
  } catch (err) {
    if (!isSysError(err)) throw err;
    return complain(proc, `open failed: ${outFile}: ${describe(err)}`, SORT_FAILURE);
  }
  return 0;
};

/** Builds the keys from -k and the global ordering options, as GNU's main() does. */
function sortOrder(opts: ParsedOptions, salt: number): SortOrder {
  const global = newKey();
  const keys: SortKey[] = [];
  let tab: string | null = null;
  for (const [letter, value] of opts.list) {
    if (letter === "k") keys.push(parseKeySpec(String(value)));
    else if (letter === "t") tab = fieldSeparator(String(value), tab);
    else setOrdering(global, letter, "both");
  }
  for (const key of keys) {
    if (hasDefaultOrdering(key) && !key.reverse) Object.assign(key, ordering(global));
  }
  if (keys.length === 0 && !hasDefaultOrdering(global)) keys.push(global);
  for (const key of keys) {
    const clash = incompatibleOptions(key);
    if (clash) throw new KeySpecError(`options '-${clash}' are incompatible`);
  }
  return { keys, tab, reverse: global.reverse, stable: opts.has("s"), unique: opts.has("u"), salt };
}

function ordering(key: SortKey): Partial<SortKey> {
  const { sword, schar, eword, echar, ...rest } = key;
  return rest;
}

function fieldSeparator(value: string, previous: string | null): string {
  if (value === "") throw new KeySpecError("empty tab");
  if ([...value].length > 1 && value !== "\\0") throw new KeySpecError(`multi-character tab '${value}'`);
  const tab = value === "\\0" ? "\0" : value;
  if (previous !== null && previous !== tab) throw new KeySpecError("incompatible tabs");
  return tab;
}

function sortLines(lines: string[], order: SortOrder): string[] {
  const sorted = [...lines].sort(lineComparator(order));
  if (!order.unique) return sorted;
  const unique: string[] = [];
  for (const line of sorted) {
    const last = unique[unique.length - 1];
    if (unique.length === 0 || uniqueCompare(last, line, order) !== 0) unique.push(line);
  }
  return unique;
}

/** -u: lines are duplicates when their keys tie, or when they are equal if there are no keys. */
function uniqueCompare(a: string, b: string, order: SortOrder): number {
  return order.keys.length > 0 ? compareKeys(a, b, order) : a === b ? 0 : 1;
}

async function checkSorted(proc: Process, lines: string[], name: string, order: SortOrder, quiet: boolean): Promise<number> {
  const compare = lineComparator(order);
  for (let i = 1; i < lines.length; i++) {
    const diff = compare(lines[i - 1], lines[i]);
    if (diff > 0 || (diff === 0 && order.unique)) {
      if (!quiet) await proc.stderr.write(`sort: ${name}:${i + 1}: disorder: ${lines[i]}\n`);
      return 1;
    }
  }
  return 0;
}

async function readInput(proc: Process, name: string, openFailure: string): Promise<string | null> {
  let input: TextInput;
  try {
    input = TextInput.open(proc, name);
  } catch (err) {
    if (!isSysError(err)) throw err;
    await complain(proc, `${openFailure}: ${name}: ${describe(err)}`);
    return null;
  }
  try {
    return await input.readAll();
  } catch (err) {
    if (!isSysError(err)) throw err;
    await complain(proc, `read failed: ${name}: ${describe(err)}`);
    return null;
  } finally {
    input.close();
  }
}
