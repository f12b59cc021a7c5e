/**
 * grep's highlighting: SGR sequences from GREP_COLORS, with GNU grep's defaults
 * (ms=01;31:mc=01;31:sl=:cx=:fn=35:ln=32:bn=32:se=36). Every colored piece is written
 * as `ESC[<sgr>m ESC[K text ESC[m ESC[K`, the \e[K clearing to end of line as GNU does
 * unless `ne` is set.
 */
export interface GrepColors {
  /** Matches in selected lines. */
  ms: string;
  /** Matches in context lines. */
  mc: string;
  /** Selected lines, context lines. */
  sl: string;
  cx: string;
  /** File names, line numbers, byte offsets, separators. */
  fn: string;
  ln: string;
  bn: string;
  se: string;
  /** Omit the \e[K "erase in line" after each sequence. */
  ne: boolean;
}

const DEFAULTS: GrepColors = { ms: "01;31", mc: "01;31", sl: "", cx: "", fn: "35", ln: "32", bn: "32", se: "36", ne: false };

export function parseGrepColors(env: string | undefined): GrepColors {
  const colors = { ...DEFAULTS };
  for (const item of (env ?? "").split(":")) {
    const [name, value] = item.split("=");
    if (name === "ne") colors.ne = true;
    else if (name === "mt" && value !== undefined) colors.ms = colors.mc = value;
    else if (value !== undefined && name in DEFAULTS && name !== "ne") (colors as unknown as Record<string, string>)[name] = value;
  }
  return colors;
}

/** Paints text, or returns it as is when there are no colors (or no SGR for this kind). */
export class Painter {
  constructor(private readonly colors: GrepColors | null) {}

  get enabled(): boolean {
    return this.colors !== null;
  }

  paint(kind: Exclude<keyof GrepColors, "ne">, text: string): string {
    const sgr = this.colors?.[kind];
    if (!sgr || text === "") return text;
    return `${this.start(sgr)}${text}${this.end()}`;
  }

  /** The opening sequence alone, for line colors (sl, cx) that GNU re-opens after each match. */
  open(kind: "sl" | "cx"): string {
    const sgr = this.colors?.[kind];
    return sgr ? this.start(sgr) : "";
  }

  close(kind: "sl" | "cx"): string {
    return this.colors?.[kind] ? this.end() : "";
  }

  private start(sgr: string): string {
    return `\x1b[${sgr}m${this.colors?.ne ? "" : "\x1b[K"}`;
  }

  private end(): string {
    return `\x1b[m${this.colors?.ne ? "" : "\x1b[K"}`;
  }
}
