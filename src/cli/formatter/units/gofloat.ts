// Go's strconv/fmt float verbs that docker's units and formatters rely on:
// %.Ng (go-units HumanSize/BytesSize) and %v for float64 (shortest repr).

/** fmt.Sprintf("%.<prec>g", x): prec significant digits, trailing zeros dropped. */
export function formatG(x: number, prec: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : x < 0 ? "-Inf" : "NaN";
  if (x === 0) return "0";
  const p = Math.max(1, prec);
  const exp = Math.floor(Math.log10(Math.abs(Number(x.toPrecision(p)))));
  if (exp < -4 || exp >= p) {
    const [mant, e] = x.toExponential(p - 1).split("e");
    const n = Number(e);
    return `${stripZeros(mant!)}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  return stripZeros(x.toFixed(Math.max(0, p - 1 - exp)));
}

/** fmt's %v for a float64: strconv.FormatFloat(x, 'g', -1, 64) with %e for exponents < -4 or >= 21. */
export function formatFloatV(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : x < 0 ? "-Inf" : "NaN";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 21) {
    const [mant, e] = x.toExponential().split("e");
    const n = Number(e);
    return `${mant}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  return String(x);
}

function stripZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}
