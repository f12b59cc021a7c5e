import type { GrepOptions } from "./options";
import { PosixRegExp, translate } from "./regex";

/** A stretch of a line that a pattern matched: [start, end) in UTF-16 units. */
export type Span = [number, number];

const WORD = "[\\p{L}\\p{N}_]";

/**
 * The compiled PATTERNS of one grep run: one regex per pattern line, with -w and -x
 * applied as GNU applies them (a match must stand alone as a word, or be the line).
 */
export class Matcher {
  private constructor(
    private readonly regexes: PosixRegExp[],
    readonly warnings: string[],
  ) {}

  /** Compiles every pattern; throws RegexError with glibc's message for a bad one. */
  static compile(opts: GrepOptions): Matcher {
    const warnings: string[] = [];
    const lines = opts.patterns.flatMap((p) => p.split("\n"));
    const regexes = lines.map((pattern) => {
      const { source, groups, ambiguous } = translatePattern(pattern, opts, warnings);
      let wrapped = source;
      if (opts.lineRegexp) wrapped = `^(?:${source})$`;
      else if (opts.wordRegexp) wrapped = `(?<!${WORD})(?:${source})(?!${WORD})`;
      return PosixRegExp.fromSource(wrapped, opts.ignoreCase, groups, ambiguous);
    });
    return new Matcher(regexes, [...new Set(warnings)]);
  }

  matches(line: string): boolean {
    return this.regexes.some((re) => re.test(line));
  }

  /** Non-empty matches from left to right, the longest where several start together (for -o and --color). */
  spans(line: string): Span[] {
    const out: Span[] = [];
    let from = 0;
    while (from <= line.length) {
      let best: Span | null = null;
      for (const re of this.regexes) {
        const m = re.exec(line, from);
        if (!m) continue;
        if (!best || m.index < best[0] || (m.index === best[0] && m.end > best[1])) best = [m.index, m.end];
      }
      if (!best) break;
      if (best[1] === best[0]) {
        from = best[0] + 1;
        continue;
      }
      out.push(best);
      from = best[1];
    }
    return out;
  }
}

function translatePattern(pattern: string, opts: GrepOptions, warnings: string[]) {
  switch (opts.syntax) {
    case "fixed":
      return { source: [...pattern].map((ch) => (/[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch)).join(""), groups: 0, ambiguous: false };
    case "perl":
      // JS regexes are close kin of PCRE: lookarounds, \d, lazy quantifiers all carry over.
      return { source: pattern, groups: 0, ambiguous: false };
    default: {
      const t = translate(pattern, { syntax: opts.syntax, ignoreCase: opts.ignoreCase });
      warnings.push(...t.warnings);
      return t;
    }
  }
}
