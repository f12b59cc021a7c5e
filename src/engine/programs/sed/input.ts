import { errorText } from "../../kernel/errno";
import { InputStream, type Process } from "../../kernel/process";

/** A line as sed reads it: without its terminator, and whether it had one. */
export interface InputLine {
  text: string;
  /** False for a last line without a newline: GNU sed then writes it back without one too. */
  newline: boolean;
}

/** Lines of one file or of standard input, split on `\n` (or NUL with -z), as they arrive. */
class LineSource {
  private pending = "";
  private eof = false;
  private readonly stream: InputStream;

  constructor(
    private readonly proc: Process,
    private readonly fd: number | null,
    private readonly separator: string,
  ) {
    this.stream = fd === null ? proc.stdin : new InputStream(proc, fd);
  }

  async next(): Promise<InputLine | null> {
    for (;;) {
      const at = this.pending.indexOf(this.separator);
      if (at >= 0) {
        const text = this.pending.slice(0, at);
        this.pending = this.pending.slice(at + 1);
        return { text, newline: true };
      }
      if (this.eof) break;
      const chunk = await this.stream.read();
      if (chunk === null) this.eof = true;
      else this.pending += chunk;
    }
    if (this.pending === "") return null;
    const text = this.pending;
    this.pending = "";
    return { text, newline: false };
  }

  close(): void {
    if (this.fd !== null) this.proc.close(this.fd);
  }
}

/** GNU sed's "panic" errors (exit 4): sed stops at once. */
export class SedPanic extends Error {}

/**
 * sed's input: the files named on the command line read as one stream (or, with -s and
 * -i, as separate ones), with one line of lookahead so that `$` is known. A file that
 * cannot be read is reported when sed reaches it and skipped (exit status 2).
 */
export class SedInput {
  private index = -1;
  private source: LineSource | null = null;
  /** The lookahead line: undefined when not read yet, null at the end (of the file, if separate). */
  private ahead: InputLine | null | undefined = undefined;
  private aheadFile = -1;
  /** The file of the line last returned by next(). */
  fileIndex = -1;
  lineNumber = 0;
  failed = false;

  constructor(
    private readonly proc: Process,
    readonly files: string[],
    private readonly separate: boolean,
    private readonly separator: string,
    private readonly inPlace: boolean,
    private readonly complain: (message: string) => Promise<void>,
  ) {}

  /** The name F prints: `-` for standard input. */
  get fileName(): string {
    return this.files[this.fileIndex] ?? "-";
  }

  /** The next line, or null at the end of all input. */
  async next(): Promise<InputLine | null> {
    let line: InputLine | null;
    let file: number;
    if (this.ahead) {
      line = this.ahead;
      file = this.aheadFile;
    } else {
      line = await this.read(false);
      file = this.index;
    }
    this.ahead = undefined;
    if (line === null) return null;
    if (file !== this.fileIndex && this.separate) this.lineNumber = 0;
    this.fileIndex = file;
    this.lineNumber++;
    return line;
  }

  /** Whether the line last read is the last one (of its file, when files are separate). */
  async atLast(): Promise<boolean> {
    if (this.ahead === undefined) {
      this.ahead = await this.read(this.separate);
      this.aheadFile = this.index;
    }
    return this.ahead === null;
  }

  /** Reads on, opening the next files as needed; with `stay`, never past the current file. */
  private async read(stay: boolean): Promise<InputLine | null> {
    for (;;) {
      if (this.source) {
        const line = await this.source.next();
        if (line) return line;
        if (stay) return null;
        this.source.close();
        this.source = null;
      } else if (stay && this.index >= 0) return null;
      if (this.index + 1 >= this.files.length) return null;
      this.index++;
      await this.open(this.files[this.index]);
    }
  }

  private async open(name: string): Promise<void> {
    if (name === "-") {
      this.source = new LineSource(this.proc, null, this.separator);
      return;
    }
    let isDir = false;
    try {
      isDir = this.proc.fs.stat(this.proc.resolve(name)).type === "dir";
      if (!isDir) this.source = new LineSource(this.proc, this.proc.open(name, "r"), this.separator);
    } catch (err) {
      this.failed = true;
      await this.complain(`can't read ${name}: ${errorText(err)}`);
    }
    if (isDir) throw new SedPanic(this.inPlace ? `couldn't edit ${name}: not a regular file` : `read error on ${name}: Is a directory`);
  }
}
