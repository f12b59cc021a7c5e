import type { InputStream } from "../../../kernel/process";

/**
 * How xargs splits its input into arguments (GNU findutils 4.9 xargs.c read_line and
 * read_string): by a delimiter (-0, -d), or by blanks and newlines with '...', "..." and
 * backslash quoting, where -I keeps a line whole and -L counts the lines an item ends.
 */
export type Splitting = { kind: "delimiter"; delimiter: string } | { kind: "blanks"; eof?: string; wholeLines: boolean };

export interface Item {
  text: string;
  /** The item ended an input line (a line whose last character is a blank goes on). */
  endsLine: boolean;
}

export class UnmatchedQuote extends Error {
  constructor(quote: string) {
    const which = quote === "'" ? "single" : "double";
    super(`unmatched ${which} quote; by default quotes are special to xargs unless you use the -0 option`);
  }
}

const BLANK = /[ \t\n\v\f\r]/;

export class ItemReader {
  private pending = "";
  private eof = false;
  private stopped = false;

  constructor(
    private readonly input: InputStream,
    private readonly splitting: Splitting,
  ) {}

  /** The next argument, or null at the end of input (or at the -E end-of-file string). */
  async next(): Promise<Item | null> {
    if (this.stopped) return null;
    if (this.splitting.kind === "delimiter") return this.nextDelimited(this.splitting.delimiter);
    return this.nextQuoted(this.splitting.wholeLines, this.splitting.eof);
  }

  private async more(): Promise<boolean> {
    if (this.eof) return false;
    const chunk = await this.input.read();
    if (chunk === null) {
      this.eof = true;
      return false;
    }
    this.pending += chunk;
    return true;
  }

  private async nextDelimited(delimiter: string): Promise<Item | null> {
    for (;;) {
      const at = this.pending.indexOf(delimiter);
      if (at >= 0) {
        const text = this.pending.slice(0, at);
        this.pending = this.pending.slice(at + 1);
        return { text, endsLine: true };
      }
      if (!(await this.more())) break;
    }
    if (this.pending === "") return null;
    const text = this.pending;
    this.pending = "";
    return { text, endsLine: true };
  }

  /** One character of input, or null at its end. */
  private async char(): Promise<string | null> {
    if (this.pending === "" && !(await this.more())) return null;
    const ch = this.pending[0];
    this.pending = this.pending.slice(1);
    return ch;
  }

  /**
   * GNU's read_line states: blanks before an item are skipped (newlines too, uncounted,
   * so a line ending in a blank goes on); a newline right after an item ends its line.
   * With -I only newlines end an item, and blanks inside a line are kept.
   */
  private async nextQuoted(wholeLines: boolean, eofString?: string): Promise<Item | null> {
    let text = "";
    let started = false;
    for (;;) {
      const ch = await this.char();
      if (ch === null) break;
      if (!started && BLANK.test(ch)) continue;
      if (ch === "\n") return this.finish(text, true, eofString);
      if (!wholeLines && BLANK.test(ch)) return this.finish(text, false, eofString);
      started = true;
      if (ch === "'" || ch === '"') {
        text += await this.quotedText(ch);
      } else if (ch === "\\") text += (await this.char()) ?? "";
      else text += ch;
    }
    if (!started) return null;
    return this.finish(text, true, eofString);
  }

  private async quotedText(quote: string): Promise<string> {
    let text = "";
    for (;;) {
      const ch = await this.char();
      if (ch === null || ch === "\n") throw new UnmatchedQuote(quote);
      if (ch === quote) return text;
      text += ch;
    }
  }

  private finish(text: string, endsLine: boolean, eofString?: string): Item | null {
    if (eofString !== undefined && text === eofString) {
      this.stopped = true;
      return null;
    }
    return { text, endsLine };
  }
}
