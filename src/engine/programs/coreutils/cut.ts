import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain, describe, usageError } from "../program";
import { inputNames, TextInput } from "./textinput";

const OPTIONS = {
  short: "b:c:d:f:ns",
  long: {
    bytes: "b:",
    characters: "c:",
    delimiter: "d:",
    fields: "f:",
    "only-delimited": "s",
    complement: "complement",
    "output-delimiter": "output-delimiter:",
  },
};

/** An inclusive 1-based range of positions; hi is Infinity for "N-". */
interface Range {
  lo: number;
  hi: number;
}

interface CutJob {
  mode: "fields" | "chars";
  ranges: Range[];
  delimiter: string;
  outputDelimiter: string | null;
  onlyDelimited: boolean;
}

/**
 * cut(1), GNU coreutils: prints selected fields (-f) or positions (-b, -c) of each line.
 * GNU's -c counts bytes like -b; here both count characters, since the playground's
 * streams are text and a half character could not be shown.
 */
export const cut: Program = async (proc) => {
  let opts: ParsedOptions;
  let job: CutJob;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    job = cutJob(opts);
  } catch (err) {
    return usageError(proc, err);
  }
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
      await cutStream(proc, input, job);
    } catch (err) {
      if (!isSysError(err)) throw err;
      status = await complain(proc, `${name}: ${describe(err)}`);
    } finally {
      input.close();
    }
  }
  return status;
};

function cutJob(opts: ParsedOptions): CutJob {
  const lists = (["b", "c", "f"] as const).filter((k) => opts.has(k));
  if (lists.length === 0) throw new UsageError("you must specify a list of bytes, characters, or fields");
  if (lists.length > 1) throw new UsageError("only one list may be specified");
  const mode = lists[0] === "f" ? "fields" : "chars";
  const delimiter = opts.get("d");
  if (mode === "chars" && delimiter !== undefined) {
    throw new UsageError("an input delimiter may be specified only when operating on fields");
  }
  if (mode === "chars" && opts.has("s")) {
    throw new UsageError("suppressing non-delimited lines makes sense\n\tonly when operating on fields");
  }
  if (delimiter !== undefined && [...delimiter].length > 1) throw new UsageError("the delimiter must be a single character");
  let ranges = parseList(opts.get(lists[0]) as string, mode);
  if (opts.has("complement")) ranges = complement(ranges);
  return {
    mode,
    ranges,
    delimiter: delimiter === undefined ? "\t" : delimiter === "" ? "\0" : delimiter,
    outputDelimiter: opts.get("output-delimiter") ?? null,
    onlyDelimited: opts.has("s"),
  };
}

/** GNU's set_fields: "1,3-5,7-" and "-3", blanks allowed as separators, merged and sorted. */
export function parseList(list: string, mode: "fields" | "chars"): Range[] {
  const fields = mode === "fields";
  const fromOne = fields ? "fields are numbered from 1" : "byte/character positions are numbered from 1";
  const ranges: Range[] = [];
  let value = 0;
  let initial = 1;
  let lhs = false;
  let rhs = false;
  let dash = false;
  for (let i = 0; ; i++) {
    const c = list[i] ?? "\0";
    if (c === "-") {
      if (dash) throw new UsageError(fields ? "invalid field range" : "invalid byte or character range");
      dash = true;
      if (lhs && value === 0) throw new UsageError(fromOne);
      initial = lhs ? value : 1;
      value = 0;
    } else if (c === "," || c === " " || c === "\t" || c === "\0") {
      if (dash) {
        dash = false;
        if (!lhs && !rhs) throw new UsageError("invalid range with no endpoint: -");
        if (!rhs) ranges.push({ lo: initial, hi: Number.POSITIVE_INFINITY });
        else {
          if (value < initial) throw new UsageError("invalid decreasing range");
          ranges.push({ lo: initial, hi: value });
        }
      } else {
        if (value === 0) throw new UsageError(fromOne);
        ranges.push({ lo: value, hi: value });
      }
      value = 0;
      if (i >= list.length) break;
      lhs = false;
      rhs = false;
    } else if (c >= "0" && c <= "9") {
      if (dash) rhs = true;
      else lhs = true;
      value = value * 10 + Number(c);
    } else {
      const what = fields ? "invalid field value" : "invalid byte/character position";
      throw new UsageError(`${what} '${list.slice(i)}'`);
    }
  }
  return merge(ranges);
}

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.lo - b.lo);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.lo <= last.hi + 1) last.hi = Math.max(last.hi, r.hi);
    else out.push({ ...r });
  }
  return out;
}

function complement(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 1;
  for (const r of ranges) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 });
    next = r.hi + 1;
  }
  if (next !== Number.POSITIVE_INFINITY) out.push({ lo: next, hi: Number.POSITIVE_INFINITY });
  return out;
}

async function cutStream(proc: Process, input: TextInput, job: CutJob): Promise<void> {
  for (;;) {
    const line = await input.readLine();
    if (line === null) return;
    await proc.checkpoint();
    const out = job.mode === "fields" ? cutFields(line, job) : cutChars(line, job);
    if (out !== null) await proc.stdout.write(`${out}\n`);
  }
}

function cutFields(line: string, job: CutJob): string | null {
  if (!line.includes(job.delimiter)) return job.onlyDelimited ? null : line;
  const fields = line.split(job.delimiter);
  const picked: string[] = [];
  for (const r of job.ranges) {
    for (let n = r.lo; n <= Math.min(r.hi, fields.length); n++) picked.push(fields[n - 1]);
  }
  return picked.join(job.outputDelimiter ?? job.delimiter);
}

/** -b and -c: the output delimiter goes between the selected ranges, as GNU's cut_bytes. */
function cutChars(line: string, job: CutJob): string {
  const chars = [...line];
  const parts: string[] = [];
  for (const r of job.ranges) {
    if (r.lo > chars.length) break;
    parts.push(chars.slice(r.lo - 1, Math.min(r.hi, chars.length)).join(""));
  }
  return parts.join(job.outputDelimiter ?? "");
}
