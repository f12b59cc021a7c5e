/**
 * awk's printf and sprintf conversions (%c %d %i %o %x %X %u %e %E %f %F %g %G %s %%),
 * with C's rules as gawk applies them: integers of any size print exactly, %u and %x
 * take negative numbers as 64-bit two's complement, and %f rounds exact ties to even.
 */
export interface FormatArg {
  num(): number;
  str(): string;
  /** Numbers and numeric-looking input: %c prints the character with that code. */
  numeric: boolean;
}

/** printf ran out of arguments; gawk makes this fatal and shows where. */
export class FormatError extends Error {}

export function formatAwk(format: string, args: FormatArg[]): string {
  let out = "";
  let argIndex = 0;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch !== "%") {
      out += ch;
      continue;
    }
    const spec = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/.exec(format.slice(i));
    if (!spec) {
      out += ch;
      continue;
    }
    const [, flags, widthSpec, precSpec, conv] = spec;
    const convAt = i + spec[0].length - 1;
    i = convAt;
    if (conv === "%") {
      out += "%";
      continue;
    }
    if (!"cdiouxXeEfFgGs".includes(conv)) {
      out += spec[0];
      continue;
    }
    const next = () => {
      const arg = args[argIndex++];
      if (!arg) throw new FormatError(ranOut(format, convAt));
      return arg;
    };
    let width = widthSpec === "*" ? next().num() : widthSpec ? Number(widthSpec) : undefined;
    let left = flags.includes("-");
    if (width !== undefined && width < 0) {
      left = true;
      width = -width;
    }
    let precision = precSpec === undefined ? undefined : precSpec === "*" ? next().num() : Number(precSpec || 0);
    if (precision !== undefined && precision < 0) precision = undefined;
    const arg = next();
    const { body, numeric } = convert(conv, flags, precision, arg);
    const zero = numeric && flags.includes("0") && !left && (precision === undefined || !"diouxX".includes(conv));
    out += pad(body, width, left, zero);
  }
  return out;
}

function ranOut(format: string, at: number): string {
  return `not enough arguments to satisfy format string\n\t\`${format}'\n\t${" ".repeat(at)}^ ran out for this one`;
}

function convert(conv: string, flags: string, precision: number | undefined, arg: FormatArg): { body: string; numeric: boolean } {
  switch (conv) {
    case "d":
    case "i": {
      const n = arg.num();
      if (!Number.isFinite(n)) return { body: special(n, flags), numeric: false };
      const t = BigInt(Math.trunc(n));
      let digits = (t < 0n ? -t : t).toString();
      if (precision !== undefined) digits = precision === 0 && t === 0n ? "" : digits.padStart(precision, "0");
      return { body: sign(t < 0n, flags) + digits, numeric: true };
    }
    case "o":
    case "x":
    case "X":
    case "u": {
      const n = arg.num();
      if (!Number.isFinite(n)) return { body: special(n, flags), numeric: false };
      const t = BigInt(Math.trunc(n));
      const unsigned = t < 0n ? BigInt.asUintN(64, t) : t;
      let digits = unsigned.toString(conv === "o" ? 8 : conv === "u" ? 10 : 16);
      if (conv === "X") digits = digits.toUpperCase();
      if (precision !== undefined) digits = precision === 0 && t === 0n ? "" : digits.padStart(precision, "0");
      if (flags.includes("#") && t !== 0n) {
        if (conv === "o" && !digits.startsWith("0")) digits = `0${digits}`;
        if (conv === "x") digits = `0x${digits}`;
        if (conv === "X") digits = `0X${digits}`;
      }
      return { body: digits, numeric: true };
    }
    case "e":
    case "E":
    case "f":
    case "F":
    case "g":
    case "G": {
      const n = arg.num();
      if (!Number.isFinite(n)) return { body: special(n, flags), numeric: false };
      return {
        body: sign(n < 0 || Object.is(n, -0), flags) + formatFloat(Math.abs(n), conv, precision ?? 6, flags.includes("#")),
        numeric: true,
      };
    }
    case "c": {
      if (arg.numeric) return { body: String.fromCodePoint(Math.trunc(arg.num()) & 0x1fffff), numeric: false };
      const s = arg.str();
      // An empty string gives the NUL character, as in C.
      return { body: s === "" ? "\0" : String.fromCodePoint(s.codePointAt(0) as number), numeric: false };
    }
    default: {
      let body = arg.str();
      if (precision !== undefined) body = [...body].slice(0, precision).join("");
      return { body, numeric: false };
    }
  }
}

/** gawk prints infinities and NaN as -inf, +inf, -nan, +nan (with a sign always). */
function special(n: number, flags: string): string {
  if (Number.isNaN(n)) return flags.includes("+") ? "+nan" : "-nan";
  return n < 0 ? "-inf" : flags.includes("+") || flags.includes(" ") ? "+inf" : "inf";
}

function sign(negative: boolean, flags: string): string {
  if (negative) return "-";
  if (flags.includes("+")) return "+";
  if (flags.includes(" ")) return " ";
  return "";
}

function pad(body: string, width: number | undefined, left: boolean, zero: boolean): string {
  const length = [...body].length;
  if (width === undefined || length >= width) return body;
  if (left) return body + " ".repeat(width - length);
  if (!zero) return " ".repeat(width - length) + body;
  const prefix = /^[-+ ]?(0[xX])?/.exec(body)?.[0] ?? "";
  return prefix + "0".repeat(width - length) + body.slice(prefix.length);
}

/** C's %e, %f and %g of a non-negative finite number. */
export function formatFloat(n: number, conv: string, precision: number, alt = false): string {
  const upper = conv === "E" || conv === "G" || conv === "F";
  let out: string;
  if (conv === "f" || conv === "F") out = fixed(n, precision);
  else if (conv === "e" || conv === "E") out = exponential(n, precision);
  else {
    const p = precision === 0 ? 1 : precision;
    const exp = n === 0 ? 0 : Number(exponential(n, p - 1).split("e")[1]);
    out = exp < -4 || exp >= p ? exponential(n, p - 1) : fixed(n, p - 1 - exp);
    if (!alt) {
      const at = out.indexOf("e");
      let mantissa = at < 0 ? out : out.slice(0, at);
      if (mantissa.includes(".")) mantissa = mantissa.replace(/0+$/, "").replace(/\.$/, "");
      out = mantissa + (at < 0 ? "" : out.slice(at));
    }
  }
  if (alt && precision === 0 && !out.includes(".")) out = out.replace(/^(\d+)/, "$1.");
  return upper ? out.toUpperCase() : out;
}

function exponential(n: number, precision: number): string {
  const [mant, exp] = n.toExponential(Math.min(precision, 100)).split("e");
  const e = Number(exp);
  return `${mant}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/**
 * %.Nf of a non-negative number. JS rounds exact ties up where glibc rounds them to even
 * (printf "%.0f", 2.5 prints 2), so ties are settled on the exact binary value.
 */
function fixed(n: number, digits: number): string {
  if (n >= 1e21) return BigInt(n).toString() + (digits > 0 ? `.${"0".repeat(digits)}` : "");
  const js = n.toFixed(Math.min(digits, 100));
  const [mantissa, exp] = decompose(n);
  if (exp >= 0) return js;
  const denominator = 2n ** BigInt(-exp);
  const scaled = mantissa * 10n ** BigInt(digits) * 2n;
  if (scaled % denominator !== 0n || (scaled / denominator) % 2n !== 1n) return js;
  const down = (scaled / denominator - 1n) / 2n;
  if (down % 2n !== 0n) return js;
  const text = down.toString().padStart(digits + 1, "0");
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** n as mantissa * 2^exp with an integer mantissa. */
function decompose(n: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0) return [fraction, -1074];
  return [fraction | (1n << 52n), biased - 1075];
}
