import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain, describe, usageError } from "../program";
import { parseDate } from "./getdate";
import { strftime, timeZone, UTC } from "./strftime";

const OPTIONS = {
  short: "d:f:I::r:Rs:u",
  long: {
    date: "d:",
    file: "f:",
    "iso-8601": "I::",
    reference: "r:",
    "rfc-email": "R",
    "rfc-822": "R",
    "rfc-2822": "R",
    "rfc-3339": "rfc-3339:",
    set: "s:",
    utc: "u",
    universal: "u",
  },
};

/** GNU date's format when none is given, in the C locale. */
const DEFAULT_FORMAT = "%a %b %e %H:%M:%S %Z %Y";

const ISO_FORMATS: Record<string, string> = {
  date: "%Y-%m-%d",
  hours: "%Y-%m-%dT%H%:z",
  minutes: "%Y-%m-%dT%H:%M%:z",
  seconds: "%Y-%m-%dT%H:%M:%S%:z",
  ns: "%Y-%m-%dT%H:%M:%S,%N%:z",
};

const RFC3339_FORMATS: Record<string, string> = {
  date: "%Y-%m-%d",
  seconds: "%Y-%m-%d %H:%M:%S%:z",
  ns: "%Y-%m-%d %H:%M:%S.%N%:z",
};

/** date(1), GNU coreutils: prints the time of the playground's virtual clock. */
export const date: Program = async (proc) => {
  let opts: ParsedOptions;
  let format: string;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    format = outputFormat(opts);
  } catch (err) {
    if (err instanceof InvalidDate) return complain(proc, err.message);
    if (err instanceof InvalidArgument) {
      await proc.stderr.write(`date: ${err.message}\nTry 'date --help' for more information.\n`);
      return 1;
    }
    return usageError(proc, err);
  }
  const zone = opts.has("u") ? UTC : timeZone(proc.env.TZ);
  let when = proc.now();
  const reference = opts.get("r");
  const dateString = opts.get("d");
  if (opts.has("s")) return complain(proc, "cannot set date: Operation not permitted");
  if (reference !== undefined) {
    try {
      when = proc.fs.stat(proc.resolve(reference)).mtimeMs;
    } catch (err) {
      if (!isSysError(err)) throw err;
      return complain(proc, `${reference}: ${describe(err)}`);
    }
  } else if (dateString !== undefined) {
    const parsed = parseDate(dateString, when, zone);
    if (parsed === null) return complain(proc, `invalid date '${dateString}'`);
    when = parsed;
  }
  await proc.stdout.write(`${strftime(format, when, zone)}\n`);
  return 0;
};

class InvalidArgument extends Error {}

class InvalidDate extends Error {}

function outputFormat(opts: ParsedOptions): string {
  const [first, second] = opts.operands;
  if (second !== undefined) throw new UsageError(`extra operand '${second}'`);
  if (first !== undefined && !first.startsWith("+")) {
    // MMDDhhmm[[CC]YY][.ss] would set the clock, which the playground does not model.
    throw new InvalidDate(`invalid date '${first}'`);
  }
  if (first !== undefined) return first.slice(1);
  if (opts.has("R")) return "%a, %d %b %Y %H:%M:%S %z";
  const rfc = opts.get("rfc-3339");
  if (rfc !== undefined) return choose(RFC3339_FORMATS, rfc, "--rfc-3339", ["date", "seconds", "ns"]);
  if (opts.has("I")) {
    const iso = opts.get("I");
    return choose(ISO_FORMATS, iso === "true" ? "date" : (iso ?? "date"), "--iso-8601", ["hours", "minutes", "date", "seconds", "ns"]);
  }
  return DEFAULT_FORMAT;
}

/** GNU's argmatch: an unambiguous prefix of one of `valid`, or its "Valid arguments" error. */
function choose(formats: Record<string, string>, value: string, option: string, valid: string[]): string {
  const matches = valid.filter((v) => v.startsWith(value) && value !== "");
  const exact = valid.find((v) => v === value);
  const pick = exact ?? (matches.length === 1 ? matches[0] : undefined);
  if (pick) return formats[pick];
  const kind = matches.length > 1 ? "ambiguous" : "invalid";
  const list = valid.map((v) => `  - '${v}'`).join("\n");
  throw new InvalidArgument(`${kind} argument '${value}' for '${option}'\nValid arguments are:\n${list}`);
}
