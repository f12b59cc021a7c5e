// Go's time.ParseDuration and time.Duration.String, which pflag's duration
// flags use (`--stop-timeout`, `--health-interval 30s`). Values are
// nanoseconds, as in Go; a JS number holds them exactly up to about 104 days.
import { goQuote } from "../formatter/units/size";

const unitNs: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3, // U+00B5 micro sign
  μs: 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** time.ParseDuration: "1h30m", "1.5s", "-10ms", "0". Throws Go's error text. */
export function parseDuration(input: string): number {
  const invalid = () => new Error(`time: invalid duration ${goQuote(input)}`);
  let s = input;
  let neg = false;
  if (s[0] === "-" || s[0] === "+") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0;
  if (s === "") throw invalid();
  let total = 0;
  while (s !== "") {
    const m = /^(\d*)(\.(\d*))?/.exec(s)!;
    const [numText, intPart, dot, fracPart] = [m[0], m[1] ?? "", m[2], m[3] ?? ""];
    if (intPart === "" && (dot === undefined || fracPart === "")) throw invalid();
    s = s.slice(numText.length);
    const unitMatch = /^[^0-9.]*/.exec(s)![0];
    if (unitMatch === "") throw new Error(`time: missing unit in duration ${goQuote(input)}`);
    const mul = unitNs[unitMatch];
    if (mul === undefined) throw new Error(`time: unknown unit ${goQuote(unitMatch)} in duration ${goQuote(input)}`);
    s = s.slice(unitMatch.length);
    total += Number(intPart || "0") * mul + (fracPart ? Math.round(Number(`0.${fracPart}`) * mul) : 0);
  }
  return neg ? -total : total;
}

/** time.Duration.String: "1h2m3.5s", "1.5ms", "0s". */
export function formatDuration(ns: number): string {
  if (ns === 0) return "0s";
  const neg = ns < 0;
  let u = Math.abs(Math.round(ns));
  let out: string;
  if (u < 1e9) {
    const [div, unit] = u < 1e3 ? [1, "ns"] : u < 1e6 ? [1e3, "µs"] : [1e6, "ms"];
    out = fraction(u, div) + unit;
  } else {
    const h = Math.floor(u / 3600e9);
    u -= h * 3600e9;
    const m = Math.floor(u / 60e9);
    u -= m * 60e9;
    out = `${fraction(u, 1e9)}s`;
    if (h > 0 || m > 0) out = `${m}m${out}`;
    if (h > 0) out = `${h}h${out}`;
  }
  return neg ? `-${out}` : out;
}

function fraction(v: number, div: number): string {
  const whole = Math.floor(v / div);
  const rest = v - whole * div;
  if (rest === 0) return String(whole);
  const digits = String(div).length - 1;
  return `${whole}.${String(rest).padStart(digits, "0").replace(/0+$/, "")}`;
}
