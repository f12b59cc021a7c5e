import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { usageError } from "../program";

/** A seq operand with the width and precision GNU seq infers from how it is written. */
interface Operand {
  value: number;
  width: number;
  /** Digits after the decimal point, or null when it cannot be known (hex floats, 1.5e-3 kept as %g). */
  precision: number | null;
}

/** One printf(3) floating-point directive (%g, %.3f, %08.2e, ...) with its surrounding text. */
interface FloatFormat {
  prefix: string;
  suffix: string;
  flags: string;
  width: number;
  precision: number | null;
  conversion: string;
}

/**
 * seq(1), GNU coreutils: prints numbers from FIRST to LAST by INCREMENT, formatted with
 * as many decimals as the operands were written with (or -f FORMAT).
 */
export const seq: Program = async (proc) => {
  let opts: ParsedOptions;
  let operands: Operand[];
  let format: FloatFormat;
  try {
    opts = parseSeqOptions(proc.argv.slice(1));
    if (opts.operands.length === 0) throw new UsageError("missing operand");
    if (opts.operands.length > 3) throw new UsageError(`extra operand '${opts.operands[3]}'`);
    operands = opts.operands.map(scanOperand);
    const [first, step, last] = layout(operands);
    if (step.value === 0) throw new UsageError(`invalid Zero increment value: '${opts.operands[1]}'`);
    const custom = opts.get("f");
    if (custom !== undefined && opts.has("w")) {
      throw new UsageError("format string may not be specified when printing equal width strings");
    }
    format = custom !== undefined ? parseFormat(custom) : defaultFormat(first, step, last, opts.has("w"));
    await printNumbers(proc, format, first.value, step.value, last.value, opts.get("s") ?? "\n");
  } catch (err) {
    if (err instanceof FormatError) {
      await proc.stderr.write(`seq: ${err.message}\n`);
      return 1;
    }
    return usageError(proc, err);
  }
  return 0;
};

class FormatError extends Error {}

/** GNU seq stops reading options at an operand that looks like a negative number. */
function parseSeqOptions(args: string[]): ParsedOptions {
  let end = 0;
  while (end < args.length) {
    const arg = args[end];
    if (arg === "--") {
      end++;
      break;
    }
    if (/^-\.?\d/.test(arg) || !arg.startsWith("-") || arg === "-") break;
    end += /^-(?:[ws]*[fs]|-format|-separator)$/.test(arg) ? 2 : 1;
  }
  const long = { format: "f:", separator: "s:", "equal-width": "w" };
  const parsed = getopt(args.slice(0, end), { short: "f:s:w", long });
  return { ...parsed, operands: [...parsed.operands, ...args.slice(end)] };
}

function layout(operands: Operand[]): [Operand, Operand, Operand] {
  const one: Operand = { value: 1, width: 1, precision: 0 };
  if (operands.length === 1) return [one, one, operands[0]];
  if (operands.length === 2) return [operands[0], one, operands[1]];
  return [operands[0], operands[1], operands[2]];
}

/** GNU's scan_arg: the value, and the width and decimals the text was written with. */
function scanOperand(text: string): Operand {
  const value = strtold(text);
  if (value === null) throw new UsageError(`invalid floating point argument: '${text}'`);
  if (Number.isNaN(value)) throw new UsageError(`invalid 'not-a-number' argument: '${text}'`);
  const arg = text.replace(/^[\s+]+/, "");
  const dot = arg.indexOf(".");
  let precision: number | null = dot < 0 && !/p/i.test(arg) ? 0 : null;
  let width = 0;
  if (!/x/i.test(arg) && Number.isFinite(value)) {
    width = arg.length;
    let fractionLength = 0;
    if (dot >= 0) {
      fractionLength = arg.slice(dot + 1).search(/[eE]|$/);
      precision = fractionLength;
      width += fractionLength === 0 ? -1 : dot === 0 || !/\d/.test(arg[dot - 1]) ? 1 : 0;
    }
    const e = arg.search(/[eE]/);
    if (e >= 0) {
      let exponent = Number.parseInt(arg.slice(e + 1), 10) || 0;
      const p = precision ?? 0;
      precision = p + (exponent < 0 ? -exponent : -Math.min(p, exponent));
      width -= arg.length - e;
      if (exponent < 0) {
        if (dot < 0 || e === dot + 1) width++;
        exponent = -exponent;
      } else {
        if (dot >= 0 && precision === 0 && fractionLength) width--;
        exponent -= Math.min(fractionLength, exponent);
      }
      width += exponent;
    }
  }
  return { value, width, precision };
}

function strtold(text: string): number | null {
  const m = /^\s*([+-]?)(inf(?:inity)?|nan|0x[0-9a-f]+(?:\.[0-9a-f]*)?(?:p[+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i.exec(text);
  if (!m) return null;
  const body = m[2].toLowerCase();
  let value: number;
  if (body.startsWith("inf")) value = Number.POSITIVE_INFINITY;
  else if (body === "nan") value = Number.NaN;
  else if (body.startsWith("0x")) {
    const [mantissa, power = "0"] = body.slice(2).split("p");
    const [whole, fraction = ""] = mantissa.split(".");
    value =
      (Number.parseInt(whole || "0", 16) + (fraction ? Number.parseInt(fraction, 16) / 16 ** fraction.length : 0)) * 2 ** Number(power);
  } else value = Number(body);
  return m[1] === "-" ? -value : value;
}

/** GNU's get_default_format: %.Pf with the operands' decimals (zero-padded for -w), else %g. */
function defaultFormat(first: Operand, step: Operand, last: Operand, equalWidth: boolean): FloatFormat {
  const base = { prefix: "", suffix: "", flags: "", width: 0 };
  if (first.precision === null || step.precision === null || last.precision === null) {
    return { ...base, precision: null, conversion: "g" };
  }
  const prec = Math.max(first.precision, step.precision);
  if (!equalWidth) return { ...base, precision: prec, conversion: "f" };
  let firstWidth = first.width + (prec - first.precision);
  let lastWidth = last.width + (prec - last.precision);
  if (last.precision && prec === 0) lastWidth--;
  if (last.precision === 0 && prec) lastWidth++;
  if (first.precision === 0 && prec) firstWidth++;
  return { ...base, flags: "0", width: Math.max(firstWidth, lastWidth), precision: prec, conversion: "f" };
}

/** -f FORMAT: exactly one floating-point directive, with %% allowed around it. */
function parseFormat(format: string): FloatFormat {
  const directive = /%([-+ #0']*)(\d*)(?:\.(\d*))?([a-zA-Z])/g;
  let found: FloatFormat | null = null;
  let m: RegExpExecArray | null;
  const stripped = format.replace(/%%/g, "\0\0");
  m = directive.exec(stripped);
  while (m !== null) {
    if (found) throw new FormatError(`format '${format}' has too many % directives`);
    if (!"eEfFgGaA".includes(m[4])) throw new FormatError(`format '${format}' has unknown %${m[4]} directive`);
    found = {
      prefix: format.slice(0, m.index).replace(/%%/g, "%"),
      suffix: format.slice(m.index + m[0].length).replace(/%%/g, "%"),
      flags: m[1],
      width: m[2] === "" ? 0 : Number(m[2]),
      precision: m[3] === undefined ? null : Number(m[3] || 0),
      conversion: m[4],
    };
    m = directive.exec(stripped);
  }
  if (!found) throw new FormatError(`format '${format}' has no % directive`);
  return found;
}

/** printf(3)'s rendering of one double under `f`. */
export function formatFloat(f: FloatFormat, x: number): string {
  const upper = f.conversion === f.conversion.toUpperCase();
  let body: string;
  const magnitude = Math.abs(x);
  if (!Number.isFinite(x)) body = Number.isNaN(x) ? "nan" : "inf";
  else {
    const conv = f.conversion.toLowerCase();
    const precision = f.precision ?? 6;
    if (conv === "f") body = magnitude.toFixed(precision);
    else if (conv === "e") body = exponential(magnitude, precision);
    else body = general(magnitude, precision, f.flags.includes("#"));
    if (f.flags.includes("#") && !body.includes(".") && conv !== "g") body = body.replace(/^(\d+)/, "$1.");
  }
  if (upper) body = body.toUpperCase();
  const sign = x < 0 || Object.is(x, -0) ? "-" : f.flags.includes("+") ? "+" : f.flags.includes(" ") ? " " : "";
  const padLength = f.width - sign.length - body.length;
  let text: string;
  if (padLength <= 0) text = sign + body;
  else if (f.flags.includes("-")) text = sign + body + " ".repeat(padLength);
  else if (f.flags.includes("0") && Number.isFinite(x)) text = sign + "0".repeat(padLength) + body;
  else text = " ".repeat(padLength) + sign + body;
  return f.prefix + text + f.suffix;
}

function exponential(x: number, precision: number): string {
  const [mantissa, exponent] = x.toExponential(precision).split("e");
  const e = Number(exponent);
  return `${mantissa}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/** %g: %e or %f by the exponent, trailing zeros dropped unless '#'. */
function general(x: number, precision: number, alternate: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const exponent = x === 0 ? 0 : Number(x.toExponential(p - 1).split("e")[1]);
  const text = p > exponent && exponent >= -4 ? x.toFixed(p - 1 - exponent) : exponential(x, p - 1);
  if (alternate) return text;
  const [mantissa, power] = text.split("e");
  const trimmed = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  return power === undefined ? trimmed : `${trimmed}e${power}`;
}

/** GNU's print_numbers, including its rule for a last value that rounding pushed past LAST. */
async function printNumbers(
  proc: Parameters<Program>[0],
  format: FloatFormat,
  first: number,
  step: number,
  last: number,
  separator: string,
): Promise<void> {
  const outOfRange = (x: number) => (step < 0 ? x < last : last < x);
  if (outOfRange(first)) return;
  let out = formatFloat(format, first);
  let previous = out;
  for (let i = 1; ; i++) {
    const x = first + i * step;
    if (outOfRange(x)) {
      const text = formatFloat(format, x);
      const printedValue = strtold(text.slice(format.prefix.length, text.length - format.suffix.length || undefined));
      if (printedValue !== last || text === previous) break;
      out += separator + text;
      break;
    }
    previous = formatFloat(format, x);
    out += separator + previous;
    if (out.length >= 8192) {
      await proc.stdout.write(out);
      out = "";
    }
  }
  await proc.stdout.write(`${out}\n`);
}
