// Go's fmt.Sprint, Sprintln and Sprintf for the template functions print,
// println and printf.
import { formatG } from "../units/gofloat";
import { formatValue, typeName } from "./value";

/** fmt.Sprint: operands separated by a space when neither side is a string. */
export function sprint(args: unknown[]): string {
  let out = "";
  args.forEach((a, i) => {
    if (i > 0 && typeof a !== "string" && typeof args[i - 1] !== "string") out += " ";
    out += formatValue(a, false);
  });
  return out;
}

/** fmt.Sprintln: always spaced, newline-terminated. */
export function sprintln(args: unknown[]): string {
  return `${args.map((a) => formatValue(a, false)).join(" ")}\n`;
}

export function quoteGo(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** fmt.Sprintf with the verbs templates use: %v %s %d %q %x %X %o %b %f %e %g %t %c %T %%. */
export function sprintf(format: string, args: unknown[]): string {
  let out = "";
  let argi = 0;
  const re = /%([-+# 0]*)(\d+|\*)?(?:\.(\d+|\*)?)?([a-zA-Z%])/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    out += format.slice(last, m.index);
    last = re.lastIndex;
    const [, flags = "", widthText, precText, verb] = m;
    if (verb === "%") {
      out += "%";
      continue;
    }
    const width = widthText === "*" ? Number(args[argi++]) : widthText ? Number(widthText) : undefined;
    const prec = precText === "*" ? Number(args[argi++]) : precText !== undefined ? Number(precText) : m[0].includes(".") ? 0 : undefined;
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argi++];
    let s = formatVerb(verb!, arg, flags, prec);
    if (width !== undefined && s.length < width) {
      if (flags.includes("-")) s = s.padEnd(width, " ");
      else if (flags.includes("0") && /[dfegxXob]/.test(verb!) && typeof arg === "number") {
        const sign = /^[+-]/.test(s) ? s[0]! : "";
        s = sign + s.slice(sign.length).padStart(width - sign.length, "0");
      } else s = s.padStart(width, " ");
    }
    out += s;
  }
  out += format.slice(last);
  if (argi < args.length)
    out += `%!(EXTRA ${args
      .slice(argi)
      .map((a) => `${typeName(a)}=${formatValue(a, false)}`)
      .join(", ")})`;
  return out;
}

function formatVerb(verb: string, arg: unknown, flags: string, prec: number | undefined): string {
  const plus = flags.includes("+");
  const bad = () => `%!${verb}(${typeName(arg)}=${formatValue(arg, false)})`;
  switch (verb) {
    case "v":
      return formatValue(arg, false);
    case "s":
      if (typeof arg === "number" || typeof arg === "boolean") return bad();
      return prec !== undefined ? formatValue(arg, false).slice(0, prec) : formatValue(arg, false);
    case "q":
      if (typeof arg === "string") return quoteGo(arg);
      if (typeof arg === "number" && Number.isInteger(arg)) return `'${String.fromCodePoint(arg)}'`;
      return bad();
    case "t":
      return typeof arg === "boolean" ? String(arg) : bad();
    case "T":
      return typeName(arg);
    case "c":
      return typeof arg === "number" ? String.fromCodePoint(arg) : bad();
    case "d":
      if (typeof arg !== "number" || !Number.isInteger(arg)) return bad();
      return (plus && arg >= 0 ? "+" : "") + String(arg);
    case "x":
    case "X": {
      let s: string;
      if (typeof arg === "number" && Number.isInteger(arg)) s = (arg < 0 ? "-" : "") + Math.abs(arg).toString(16);
      else if (typeof arg === "string") s = [...new TextEncoder().encode(arg)].map((b) => b.toString(16).padStart(2, "0")).join("");
      else return bad();
      if (flags.includes("#")) s = `0x${s}`;
      return verb === "X" ? s.toUpperCase() : s;
    }
    case "o":
      return typeof arg === "number" && Number.isInteger(arg) ? arg.toString(8) : bad();
    case "b":
      return typeof arg === "number" && Number.isInteger(arg) ? arg.toString(2) : bad();
    case "f":
    case "F":
      return typeof arg === "number" ? (plus && arg >= 0 ? "+" : "") + arg.toFixed(prec ?? 6) : bad();
    case "e":
      return typeof arg === "number" ? goExp(arg.toExponential(prec ?? 6)) : bad();
    case "g":
      return typeof arg === "number" ? (prec !== undefined ? formatG(arg, prec) : formatValue(arg, false)) : bad();
    default:
      return `%!${verb}(${typeName(arg)}=${formatValue(arg, false)})`;
  }
}

function goExp(s: string): string {
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}
