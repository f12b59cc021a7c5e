import { decodeEscapes } from "../escapes";
import { type IoContext, usageLine } from "./context";
import { quoteForShell } from "./quote";

/**
 * printf [-v var] format [arguments]: C's printf conversions (%s %b %q %c %d %i %o %u
 * %x %X %f %e %g %E %G %%), with flags, width and precision (also as *), and the
 * format reused while arguments remain. A bad number is reported, printed as far as
 * it parsed, and makes the status 1.
 */
export async function printfBuiltin(ctx: IoContext): Promise<number> {
  let args = ctx.args;
  let variable: string | null = null;
  if (args[0] === "-v" && ctx.setVariable) {
    if (args.length < 2) {
      await ctx.error("-v: option requires an argument");
      await usageLine(ctx, "printf [-v var] format [arguments]");
      return 2;
    }
    variable = args[1];
    args = args.slice(2);
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    await usageLine(ctx, "printf [-v var] format [arguments]");
    return 2;
  }
  const formatter = new Formatter(args[0], args.slice(1), ctx);
  const output = await formatter.run();
  if (variable !== null) ctx.setVariable?.(variable, output);
  else await ctx.out(output);
  return formatter.status;
}

class StopOutput extends Error {}

class Formatter {
  status = 0;
  private index = 0;
  private errors: string[] = [];

  constructor(
    private readonly format: string,
    private readonly args: string[],
    private readonly ctx: IoContext,
  ) {}

  async run(): Promise<string> {
    let out = "";
    try {
      do {
        const before = this.index;
        out += this.once();
        if (this.index === before) break;
      } while (this.index < this.args.length);
    } catch (err) {
      if (!(err instanceof StopOutput)) throw err;
      out += err.message;
    }
    for (const message of this.errors) await this.ctx.error(message);
    return out;
  }

  private next(): string | undefined {
    return this.args[this.index++];
  }

  /** One pass over the format. */
  private once(): string {
    const f = this.format;
    let out = "";
    let i = 0;
    while (i < f.length) {
      const ch = f[i];
      if (ch === "\\") {
        const end = escapeEnd(f, i);
        out += decodeEscapes(f.slice(i, end), "printf").text;
        i = end;
        continue;
      }
      if (ch !== "%") {
        out += ch;
        i++;
        continue;
      }
      if (f[i + 1] === "%") {
        out += "%";
        i += 2;
        continue;
      }
      const spec = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([diouxXcsbqfFeEgGaA])?/.exec(f.slice(i)) as RegExpExecArray;
      if (!spec[4]) {
        this.status = 1;
        this.errors.push(`\`${f.slice(i, i + spec[0].length + 1)}': missing format character`);
        throw new StopOutput(out);
      }
      i += spec[0].length;
      out += this.directive(spec[1], spec[2], spec[3], spec[4], out);
    }
    return out;
  }

  private directive(flags: string, widthSpec: string | undefined, precisionSpec: string | undefined, conv: string, sofar: string): string {
    const width = widthSpec === "*" ? Number(this.integer(this.next() ?? "0")) : widthSpec ? Number(widthSpec) : undefined;
    let precision: number | undefined;
    if (precisionSpec !== undefined)
      precision = precisionSpec === "*" ? Number(this.integer(this.next() ?? "0")) : Number(precisionSpec || "0");
    let left = flags.includes("-");
    let w = width;
    if (w !== undefined && w < 0) {
      left = true;
      w = -w;
    }
    const arg = this.next();
    let body: string;
    switch (conv) {
      case "s":
        body = arg ?? "";
        if (precision !== undefined) body = body.slice(0, precision);
        break;
      case "b": {
        const decoded = decodeEscapes(arg ?? "", "echo");
        body = precision !== undefined ? decoded.text.slice(0, precision) : decoded.text;
        if (decoded.stop) throw new StopOutput(sofar + pad(body, w, left, " "));
        break;
      }
      case "q":
        body = quoteForShell(arg ?? "");
        break;
      case "c":
        body = (arg ?? "").slice(0, 1);
        break;
      case "d":
      case "i":
      case "o":
      case "u":
      case "x":
      case "X":
        return formatInteger(this.integer(arg ?? "0"), conv, flags, w, precision, left);
      default:
        return formatFloat(this.float(arg ?? "0"), conv, flags, w, precision, left);
    }
    return pad(body, w, left, " ");
  }

  /** A numeric argument as C's strtoimax would read it, plus 'c for a character code. */
  private integer(text: string): bigint {
    if (/^['"]/.test(text)) return BigInt(text.length > 1 ? (text.codePointAt(1) ?? 0) : 0);
    const match = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
    if (!match) {
      if (text.trim() !== "") this.invalid(text);
      return 0n;
    }
    if (match[0].length !== text.length) this.invalid(text);
    let value = BigInt(match[2].startsWith("0") && !/^0[xX]/.test(match[2]) && match[2].length > 1 ? `0o${match[2].slice(1)}` : match[2]);
    if (match[1] === "-") value = -value;
    return value;
  }

  private float(text: string): number {
    if (/^['"]/.test(text)) return text.length > 1 ? (text.codePointAt(1) ?? 0) : 0;
    const match = /^\s*[-+]?(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0[xX][0-9a-fA-F]+|inf(?:inity)?|nan)/i.exec(text);
    if (!match) {
      if (text.trim() !== "") this.invalid(text);
      return 0;
    }
    if (match[0].length !== text.length) this.invalid(text);
    return Number(match[0]);
  }

  private invalid(text: string): void {
    this.status = 1;
    this.errors.push(this.ctx.gnu ? `'${text}': expected a numeric value` : `${text}: invalid number`);
  }
}

/** Where a backslash escape in a format ends. */
function escapeEnd(f: string, i: number): number {
  const next = f[i + 1];
  if (next === undefined) return i + 1;
  if (/[0-7]/.test(next)) {
    let end = i + 2;
    while (end < i + 4 && /[0-7]/.test(f[end] ?? "")) end++;
    return end;
  }
  if (next === "x") {
    let end = i + 2;
    while (end < i + 4 && /[0-9a-fA-F]/.test(f[end] ?? "")) end++;
    return end;
  }
  if (next === "u" || next === "U") {
    let end = i + 2;
    while (end < i + (next === "u" ? 6 : 10) && /[0-9a-fA-F]/.test(f[end] ?? "")) end++;
    return end;
  }
  return i + 2;
}

function pad(body: string, width: number | undefined, left: boolean, fill: string): string {
  if (width === undefined || body.length >= width) return body;
  return left ? body.padEnd(width, " ") : body.padStart(width, fill);
}

const U64 = 1n << 64n;

function formatInteger(
  value: bigint,
  conv: string,
  flags: string,
  width: number | undefined,
  precision: number | undefined,
  left: boolean,
): string {
  let v = BigInt.asIntN(64, value);
  let sign = "";
  let digits: string;
  if (conv === "d" || conv === "i") {
    if (v < 0n) {
      sign = "-";
      v = -v;
    } else if (flags.includes("+")) sign = "+";
    else if (flags.includes(" ")) sign = " ";
    digits = v.toString();
  } else {
    if (v < 0n) v += U64;
    digits = v.toString(conv === "o" ? 8 : conv === "u" ? 10 : 16);
    if (conv === "X") digits = digits.toUpperCase();
  }
  if (precision !== undefined) digits = precision === 0 && v === 0n ? "" : digits.padStart(precision, "0");
  if (flags.includes("#") && v !== 0n) {
    if (conv === "o" && !digits.startsWith("0")) digits = `0${digits}`;
    if (conv === "x") sign = "0x";
    if (conv === "X") sign = "0X";
  }
  const zeroFill = flags.includes("0") && !left && precision === undefined;
  if (zeroFill && width !== undefined) return sign + digits.padStart(width - sign.length, "0");
  return pad(sign + digits, width, left, " ");
}

function formatFloat(
  value: number,
  conv: string,
  flags: string,
  width: number | undefined,
  precision: number | undefined,
  left: boolean,
): string {
  const p = precision ?? 6;
  let sign = "";
  let v = value;
  if (v < 0 || Object.is(v, -0)) {
    sign = "-";
    v = -v;
  } else if (flags.includes("+")) sign = "+";
  else if (flags.includes(" ")) sign = " ";
  let body: string;
  if (!Number.isFinite(v)) body = Number.isNaN(v) ? "nan" : "inf";
  else if (conv === "f" || conv === "F") body = v.toFixed(p);
  else if (conv === "e" || conv === "E") body = exponential(v, p);
  else body = general(v, p, flags.includes("#"));
  if (conv === conv.toUpperCase()) body = body.toUpperCase();
  const zeroFill = flags.includes("0") && !left && Number.isFinite(v);
  if (zeroFill && width !== undefined) return sign + body.padStart(width - sign.length, "0");
  return pad(sign + body, width, left, " ");
}

/** %e: d.ddde+XX, with at least two exponent digits. */
function exponential(v: number, p: number): string {
  const [mantissa, exp] = v.toExponential(p).split("e");
  const n = Number(exp);
  return `${mantissa}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
}

/** %g: %e or %f, whichever C picks for the precision, trailing zeros removed. */
function general(v: number, precision: number, keepZeros: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (v === 0) return keepZeros ? (0).toFixed(p - 1) : "0";
  const exp = Number(v.toExponential(p - 1).split("e")[1]);
  let body = exp < -4 || exp >= p ? exponential(v, p - 1) : v.toFixed(Math.max(0, p - 1 - exp));
  if (!keepZeros) {
    if (body.includes("e")) body = body.replace(/\.?0+e/, "e");
    else if (body.includes(".")) body = body.replace(/\.?0+$/, "");
  }
  return body;
}
