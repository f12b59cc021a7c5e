import type { Process } from "../../kernel/process";

/**
 * One of sed's outputs (standard output, an in-place file, a `w` file). It remembers
 * whether the last line written lacked its newline, as GNU's output_missing_newline
 * does: anything written after such a line first gets the newline it was missing.
 */
export class SedOutput {
  private missingNewline = false;

  constructor(
    private readonly sink: (text: string) => Promise<void>,
    private readonly separator = "\n",
  ) {}

  /** Writes a line; `newline` false keeps a last input line without its terminator. */
  async line(text: string, newline = true): Promise<void> {
    await this.sink(this.pendingNewline() + text + (newline ? this.separator : ""));
    this.missingNewline = !newline;
  }

  /** Writes text as is (a, i, c text, = numbers, r files). */
  async raw(text: string): Promise<void> {
    if (text === "") return;
    await this.sink(this.pendingNewline() + text);
    this.missingNewline = false;
  }

  /** Supplies the newline a previous line lacked, as GNU does before each appended item. */
  async terminate(): Promise<void> {
    if (this.missingNewline) await this.sink(this.separator);
    this.missingNewline = false;
  }

  private pendingNewline(): string {
    return this.missingNewline ? this.separator : "";
  }
}

/** An output that collects text for a file and writes it in one go (in-place editing, w files). */
export class FileOutput extends SedOutput {
  text = "";

  constructor(separator: string) {
    super(async (chunk) => {
      this.text += chunk;
    }, separator);
  }
}

/** Writes to standard output, where `w /dev/stdout` also goes. */
export function stdoutOutput(proc: Process, separator: string): SedOutput {
  return new SedOutput((text) => proc.stdout.write(text), separator);
}

/** `l`: the pattern space with C escapes, octal for other bytes, wrapped with `\` at `width`, ended by `$`. */
export function listing(text: string, width: number): string {
  const escapes: Record<string, string> = {
    "\\": "\\\\",
    "\x07": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
  };
  let out = "";
  let column = 0;
  for (const ch of text) {
    let piece: string;
    if (ch in escapes) piece = escapes[ch];
    else if (ch >= " " && ch <= "~") piece = ch;
    else
      piece = utf8Bytes(ch)
        .map((b) => `\\${b.toString(8).padStart(3, "0")}`)
        .join("");
    // GNU keeps one column for the `\` that ends a wrapped line.
    if (width > 0 && column + piece.length > width - 1) {
      out += "\\\n";
      column = 0;
    }
    out += piece;
    column += piece.length;
  }
  return `${out}$\n`;
}

function utf8Bytes(ch: string): number[] {
  const c = ch.codePointAt(0) as number;
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
}
