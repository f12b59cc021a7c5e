import { errorText, isSysError } from "../../kernel/errno";
import type { InputStream, Process } from "../../kernel/process";

/**
 * The text a pager shows: a whole file, or standard input read as the reader scrolls
 * (so `yes | less` shows its first screen at once). Lines are kept without their
 * newlines; `bytesBefore` gives more's position for its percentage.
 */
export class Document {
  readonly lines: string[] = [];
  private partial = "";
  private ended: boolean;
  /** UTF-8 bytes read so far, and the total when the size is known (a file). */
  private readonly offsets: number[] = [0];

  constructor(
    readonly name: string,
    private readonly stream: InputStream | null,
    text: string,
    readonly size: number | null,
  ) {
    this.ended = stream === null;
    this.append(text);
    if (this.ended) this.finishPartial();
  }

  /** A named file; throws PagerError when it cannot be shown. */
  static fromFile(proc: Process, name: string): Document {
    const text = readFileText(proc, name);
    return new Document(name, null, text, utf8Length(text));
  }

  static fromStream(name: string, stream: InputStream): Document {
    return new Document(name, stream, "", null);
  }

  get complete(): boolean {
    return this.ended;
  }

  /** Reads until there are `count` lines or the input ends. False when interrupted (^C). */
  async ensure(proc: Process, count: number, interrupted: () => boolean = () => false): Promise<boolean> {
    while (!this.ended && this.lines.length < count) {
      await proc.checkpoint();
      if (interrupted()) return false;
      let chunk: string | null;
      try {
        chunk = await (this.stream as InputStream).read();
      } catch (err) {
        if (isSysError(err, "EINTR")) return false;
        throw err;
      }
      if (chunk === null) {
        this.ended = true;
        this.finishPartial();
      } else this.append(chunk);
    }
    return true;
  }

  /** Bytes of the text up to the start of line `index`. */
  bytesBefore(index: number): number {
    return this.offsets[Math.min(index, this.offsets.length - 1)];
  }

  private append(text: string): void {
    const parts = (this.partial + text).split("\n");
    this.partial = parts.pop() ?? "";
    for (const line of parts) this.push(line, 1);
  }

  private finishPartial(): void {
    if (this.partial !== "") this.push(this.partial, 0);
    this.partial = "";
  }

  private push(line: string, newline: number): void {
    this.lines.push(line);
    this.offsets.push(this.offsets[this.offsets.length - 1] + utf8Length(line) + newline);
  }
}

/** A file a pager cannot show: a directory, or the strerror text of why it would not open. */
export class PagerError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
    readonly isDirectory = false,
  ) {
    super(isDirectory ? `${fileName} is a directory` : `${fileName}: ${reason}`);
  }
}

/** The text of a named file, as both pagers open it. */
export function readFileText(proc: Process, name: string): string {
  const abs = proc.resolve(name);
  try {
    if (proc.fs.stat(abs).type === "dir") throw new PagerError(name, "Is a directory", true);
    return proc.fs.readText(abs);
  } catch (err) {
    if (err instanceof PagerError) throw err;
    throw new PagerError(name, errorText(err));
  }
}

export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Screen rows for a line: tabs expanded to 8 columns, wrapped at the terminal width (or cut, for less -S). */
export function screenRows(line: string, cols: number, chop = false): string[] {
  let expanded = "";
  let col = 0;
  for (const ch of line) {
    if (ch === "\t") {
      const pad = 8 - (col % 8);
      expanded += " ".repeat(pad);
      col += pad;
    } else if (ch !== "\r") {
      expanded += ch;
      col++;
    }
  }
  const chars = [...expanded];
  if (chars.length <= cols) return [expanded];
  if (chop) return [chars.slice(0, cols).join("")];
  const rows: string[] = [];
  for (let i = 0; i < chars.length; i += cols) rows.push(chars.slice(i, i + cols).join(""));
  return rows;
}
