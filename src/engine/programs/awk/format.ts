/** awk's printf and sprintf conversions (%c %d %i %o %x %X %u %e %E %f %F %g %G %s %%). */
export function formatAwk(format: string, args: Array<{ num: () => number; str: () => string }>): string {
  let out = "";
  let argIndex = 0;
  const next = () => args[argIndex++];
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
    i += spec[0].length - 1;
    const [, flags, widthSpec, precSpec, conv] = spec;
    if (conv === "%") {
      out += "%";
      continue;
    }
    let width = widthSpec === "*" ? (next()?.num() ?? 0) : widthSpec ? Number(widthSpec) : undefined;
    let left = flags.includes("-");
    if (width !== undefined && width < 0) {
      left = true;
      width = -width;
    }
    const precision = precSpec === undefined ? undefined : precSpec === "*" ? (next()?.num() ?? 0) : Number(precSpec || 0);
    const arg = next();
    let body: string;
    let numeric = true;
    switch (conv) {
      case "d":
      case "i":
      case "u": {
        const n = Math.trunc(arg?.num() ?? 0);
        body = Math.abs(n).toString();
        if (precision !== undefined) body = body.padStart(precision, "0");
        body = sign(n, flags) + body;
        break;
      }
      case "o":
      case "x":
      case "X": {
        const n = Math.trunc(arg?.num() ?? 0);
        body = (n < 0 ? n >>> 0 : n).toString(conv === "o" ? 8 : 16);
        if (conv === "X") body = body.toUpperCase();
        if (flags.includes("#") && n !== 0) body = (conv === "o" ? "0" : conv === "x" ? "0x" : "0X") + body;
        break;
      }
      case "e":
      case "E":
      case "f":
      case "F":
      case "g":
      case "G": {
        const n = arg?.num() ?? 0;
        body = sign(n, flags) + formatFloat(Math.abs(n), conv, precision ?? 6, flags.includes("#"));
        break;
      }
      case "c": {
        numeric = false;
        const raw = arg?.str() ?? "";
        const n = arg?.num();
        body = isNumericArg(arg) && n !== undefined ? String.fromCharCode(n) : raw.slice(0, 1);
        break;
      }
      case "s": {
        numeric = false;
        body = arg?.str() ?? "";
        if (precision !== undefined) body = body.slice(0, precision);
        break;
      }
      default:
        out += spec[0];
        continue;
    }
    out += pad(body, width, left, numeric && flags.includes("0") && !left && (precision === undefined || !"diouxX".includes(conv)));
  }
  return out;
}

function isNumericArg(arg: { num: () => number; str: () => string } | undefined): boolean {
  return !!arg && (arg as { isNumber?: boolean }).isNumber === true;
}

function sign(n: number, flags: string): string {
  if (n < 0 || Object.is(n, -0)) return "-";
  if (flags.includes("+")) return "+";
  if (flags.includes(" ")) return " ";
  return "";
}

function pad(body: string, width: number | undefined, left: boolean, zero: boolean): string {
  if (width === undefined || body.length >= width) return body;
  if (left) return body.padEnd(width);
  if (!zero) return body.padStart(width);
  const signChar = /^[-+ ]/.test(body) ? body[0] : "";
  return signChar + body.slice(signChar.length).padStart(width - signChar.length, "0");
}

/** C's %e/%f/%g for a non-negative number. */
export function formatFloat(n: number, conv: string, precision: number, alt = false): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "nan" : "inf";
  const upper = conv === "E" || conv === "G" || conv === "F";
  let out: string;
  if (conv === "f" || conv === "F") out = n.toFixed(precision);
  else if (conv === "e" || conv === "E") out = expForm(n, precision);
  else {
    const p = precision === 0 ? 1 : precision;
    const exp = n === 0 ? 0 : Math.floor(Math.log10(Number(n.toExponential(p - 1)).valueOf()));
    if (exp < -4 || exp >= p) out = expForm(n, p - 1);
    else out = n.toFixed(Math.max(0, p - 1 - exp));
    if (!alt) {
      const at = out.indexOf("e");
      let mantissa = at < 0 ? out : out.slice(0, at);
      const exponent = at < 0 ? "" : out.slice(at);
      if (mantissa.includes(".")) mantissa = mantissa.replace(/0+$/, "").replace(/\.$/, "");
      out = mantissa + exponent;
    }
  }
  return upper ? out.toUpperCase() : out;
}

function expForm(n: number, precision: number): string {
  const [mant, exp] = n.toExponential(precision).split("e");
  const e = Number(exp);
  return `${mant}e${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}
