import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain, describe, usageError } from "../program";
import { splitLines, TextInput } from "./textinput";

const OPTIONS = {
  short: "cdDf:is:uw:z",
  long: {
    count: "c",
    repeated: "d",
    "all-repeated": "D::",
    "skip-fields": "f:",
    "ignore-case": "i",
    "skip-chars": "s:",
    unique: "u",
    "check-chars": "w:",
    "zero-terminated": "z",
  },
};

interface UniqOptions {
  count: boolean;
  /** Which groups are printed: -d only repeated ones, -u only single lines. */
  repeated: boolean;
  single: boolean;
  /** -D: every line of a repeated group, with "separate"/"prepend" blank lines between groups. */
  allRepeated: "none" | "separate" | "prepend" | null;
  skipFields: number;
  skipChars: number;
  checkChars: number;
  ignoreCase: boolean;
  terminator: "\n" | "\0";
}

/** uniq(1), GNU coreutils: reports or omits adjacent repeated lines. */
export const uniq: Program = async (proc) => {
  let opts: ParsedOptions;
  let settings: UniqOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    if (opts.operands.length > 2) throw new UsageError(`extra operand '${opts.operands[2]}'`);
    settings = uniqOptions(opts);
  } catch (err) {
    if (err instanceof RangeError) return complain(proc, err.message);
    return usageError(proc, err);
  }
  const [inName = "-", outName] = opts.operands;
  let input: TextInput;
  try {
    input = TextInput.open(proc, inName);
  } catch (err) {
    if (!isSysError(err)) throw err;
    return complain(proc, `${inName}: ${describe(err)}`);
  }
  let out = 1;
  if (outName !== undefined && outName !== "-") {
    try {
      out = proc.open(outName, "w");
    } catch (err) {
      if (!isSysError(err)) throw err;
      return complain(proc, `${outName}: ${describe(err)}`);
    }
  }
  try {
    await filter(proc, input, out, settings);
  } catch (err) {
    if (!isSysError(err)) throw err;
    return complain(proc, `error reading '${inName}'`);
  } finally {
    input.close();
  }
  return 0;
};

function uniqOptions(opts: ParsedOptions): UniqOptions {
  const number = (key: string, what: string): number => {
    const value = opts.get(key);
    if (value === undefined) return key === "w" ? Number.POSITIVE_INFINITY : 0;
    if (!/^\s*\+?\d+$/.test(value)) throw new RangeError(`${value}: invalid number of ${what}`);
    return Number(value);
  };
  const method = opts.get("D");
  const allRepeated = !opts.has("D") ? null : method === undefined || method === "true" ? "none" : method;
  if (allRepeated !== null && !["none", "separate", "prepend"].includes(allRepeated)) {
    throw new UsageError(`invalid argument '${allRepeated}' for '--all-repeated'`);
  }
  if (allRepeated !== null && opts.has("c")) {
    throw new UsageError("printing all duplicated lines and repeat counts is meaningless");
  }
  return {
    count: opts.has("c"),
    repeated: opts.has("d") || allRepeated !== null,
    single: opts.has("u"),
    allRepeated: allRepeated as UniqOptions["allRepeated"],
    skipFields: number("f", "fields to skip"),
    skipChars: number("s", "bytes to skip"),
    checkChars: number("w", "bytes to compare"),
    ignoreCase: opts.has("i"),
    terminator: opts.has("z") ? "\0" : "\n",
  };
}

/** The part of a line that is compared: after -f fields and -s characters, at most -w long. */
function comparedPart(line: string, o: UniqOptions): string {
  let at = 0;
  for (let field = 0; field < o.skipFields && at < line.length; field++) {
    while (at < line.length && (line[at] === " " || line[at] === "\t")) at++;
    while (at < line.length && line[at] !== " " && line[at] !== "\t") at++;
  }
  const part = line.slice(Math.min(line.length, at + o.skipChars)).slice(0, o.checkChars);
  return o.ignoreCase ? part.toLowerCase() : part;
}

async function filter(proc: Process, input: TextInput, out: number, o: UniqOptions): Promise<void> {
  // Only -D needs every line of a group; the others print the first one and a count.
  let first: string | null = null;
  let kept: string[] = [];
  let count = 0;
  let groupKey = "";
  let printedGroups = 0;
  const flush = async () => {
    if (first === null) return;
    const repeated = count > 1;
    if (o.allRepeated !== null) {
      if (!repeated) return;
      const separate = o.allRepeated === "prepend" || (o.allRepeated === "separate" && printedGroups > 0);
      await proc.write(out, `${separate ? o.terminator : ""}${kept.map((l) => `${l}${o.terminator}`).join("")}`);
      printedGroups++;
      return;
    }
    if ((repeated && o.single) || (!repeated && o.repeated)) return;
    const prefix = o.count ? `${String(count).padStart(7)} ` : "";
    await proc.write(out, `${prefix}${first}${o.terminator}`);
  };
  // -z: NUL-terminated lines, read whole since the stream only splits at newlines.
  const zeroLines = o.terminator === "\0" ? splitLines(await input.readAll(), "\0") : null;
  for (;;) {
    const line = zeroLines ? (zeroLines.shift() ?? null) : await input.readLine();
    if (line === null) break;
    await proc.checkpoint();
    const key = comparedPart(line, o);
    if (first === null || key !== groupKey) {
      await flush();
      first = line;
      kept = [];
      count = 0;
      groupKey = key;
    }
    count++;
    if (o.allRepeated !== null) kept.push(line);
  }
  await flush();
}
