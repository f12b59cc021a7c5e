import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain, describe, usageError } from "../program";
import { BreError, breToRegExp } from "./bre";
import { inputNames, TextInput } from "./textinput";

const OPTIONS = {
  short: "b:d:f:h:i:l:n:ps:v:w:",
  long: {
    "body-numbering": "b:",
    "section-delimiter": "d:",
    "footer-numbering": "f:",
    "header-numbering": "h:",
    "line-increment": "i:",
    "join-blank-lines": "l:",
    "number-format": "n:",
    "no-renumber": "p",
    "number-separator": "s:",
    "starting-line-number": "v:",
    "number-width": "w:",
  },
};

/** Which lines of a section get a number: all, non-empty, none, or those matching a BRE. */
type Style = { kind: "a" | "t" | "n" } | { kind: "p"; regex: RegExp };

type Section = "header" | "body" | "footer";

interface NlOptions {
  styles: Record<Section, Style>;
  /** The delimiter lines: \:\:\: starts a header, \:\: a body, \: a footer. */
  delimiters: Record<Section, string>;
  increment: number;
  joinBlank: number;
  format: "ln" | "rn" | "rz";
  renumber: boolean;
  separator: string;
  start: number;
  width: number;
}

class NlError extends Error {}

/** nl(1), GNU coreutils: numbers lines, by default the non-empty lines of the body. */
export const nl: Program = async (proc) => {
  let opts: ParsedOptions;
  let o: NlOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    o = nlOptions(opts);
  } catch (err) {
    if (err instanceof NlError) return complain(proc, err.message);
    return usageError(proc, err);
  }
  const state = { section: "body" as Section, number: o.start, blankRun: 0 };
  let status = 0;
  for (const name of inputNames(opts.operands)) {
    let input: TextInput;
    try {
      input = TextInput.open(proc, name);
    } catch (err) {
      if (!isSysError(err)) throw err;
      status = await complain(proc, `${name}: ${describe(err)}`);
      continue;
    }
    try {
      for (;;) {
        const line = await input.readLine();
        if (line === null) break;
        await proc.stdout.write(numberLine(line, o, state));
      }
    } catch (err) {
      if (!isSysError(err)) throw err;
      status = await complain(proc, `${name}: ${describe(err)}`);
    } finally {
      input.close();
    }
  }
  return status;
};

function numberLine(line: string, o: NlOptions, state: { section: Section; number: number; blankRun: number }): string {
  const section = (Object.keys(o.delimiters) as Section[]).find((s) => o.delimiters[s] === line);
  if (section) {
    state.section = section;
    if (section === "header" && o.renumber) state.number = o.start;
    if (section === "body" && o.renumber) state.number = o.start;
    state.blankRun = 0;
    return "\n";
  }
  if (!numbered(line, o.styles[state.section], o, state)) return `${" ".repeat(o.width + o.separator.length)}${line}\n`;
  const text = formatNumber(state.number, o);
  state.number += o.increment;
  return `${text}${o.separator}${line}\n`;
}

function numbered(line: string, style: Style, o: NlOptions, state: { blankRun: number }): boolean {
  switch (style.kind) {
    case "n":
      return false;
    case "t":
      return line !== "";
    case "p":
      return style.regex.test(line);
    case "a":
      // -l N: of a run of empty lines, only every Nth is numbered.
      if (line !== "") {
        state.blankRun = 0;
        return true;
      }
      state.blankRun++;
      if (state.blankRun < o.joinBlank) return false;
      state.blankRun = 0;
      return true;
  }
}

function formatNumber(n: number, o: NlOptions): string {
  const digits = String(Math.abs(n));
  switch (o.format) {
    case "ln":
      return String(n).padEnd(o.width);
    case "rn":
      return String(n).padStart(o.width);
    case "rz":
      return (n < 0 ? "-" : "") + digits.padStart(o.width - (n < 0 ? 1 : 0), "0");
  }
}

function nlOptions(opts: ParsedOptions): NlOptions {
  const integer = (key: string, what: string, fallback: number, min: number): number => {
    const value = opts.get(key);
    if (value === undefined) return fallback;
    if (!/^\s*[-+]?\d+$/.test(value)) throw new NlError(`invalid ${what}: '${value}'`);
    const n = Number(value);
    if (n < min) throw new NlError(`invalid ${what}: '${value}': Numerical result out of range`);
    return n;
  };
  const format = opts.get("n") ?? "rn";
  if (!["ln", "rn", "rz"].includes(format)) throw new UsageError(`invalid line numbering format: '${format}'`);
  const delim = sectionDelimiter(opts.get("d") ?? "\\:");
  return {
    styles: {
      header: style(opts.get("h") ?? "n", "header"),
      body: style(opts.get("b") ?? "t", "body"),
      footer: style(opts.get("f") ?? "n", "footer"),
    },
    delimiters: { header: delim.repeat(3), body: delim.repeat(2), footer: delim },
    increment: integer("i", "line number increment", 1, Number.MIN_SAFE_INTEGER),
    joinBlank: integer("l", "line number of blank lines", 1, 1),
    format: format as NlOptions["format"],
    renumber: !opts.has("p"),
    separator: opts.get("s") ?? "\t",
    start: integer("v", "starting line number", 1, Number.MIN_SAFE_INTEGER),
    width: integer("w", "line number field width", 6, 1),
  };
}

/** -d CC: a single character stands for itself followed by ':', as GNU documents. */
function sectionDelimiter(value: string): string {
  return value.length === 1 ? `${value}:` : value;
}

function style(value: string, section: Section): Style {
  if (value === "a" || value === "t" || value === "n") return { kind: value };
  if (value.startsWith("p")) {
    try {
      return { kind: "p", regex: new RegExp(breToRegExp(value.slice(1))) };
    } catch (err) {
      if (err instanceof BreError || err instanceof SyntaxError) throw new NlError(err.message);
      throw err;
    }
  }
  throw new UsageError(`invalid ${section} numbering style: '${value}'`);
}
