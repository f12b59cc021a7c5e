import { InputStream, type Process } from "../../kernel/process";

/**
 * One input operand of a text filter, read the way GNU's filters read theirs: `-` is
 * standard input, anything else is opened with open(2). A missing file fails at open,
 * a directory only at its first read (EISDIR), as on Linux.
 */
export class TextInput {
  private constructor(
    readonly name: string,
    readonly stream: InputStream,
    private readonly fd: number | null,
    private readonly proc: Process,
  ) {}

  /** Opens `name`; throws the SysError of open(2). */
  static open(proc: Process, name: string): TextInput {
    if (name === "-") return new TextInput(name, proc.stdin, null, proc);
    const fd = proc.open(name, "r");
    return new TextInput(name, new InputStream(proc, fd), fd, proc);
  }

  /** The next line without its newline, or null at end of input. */
  readLine(): Promise<string | null> {
    return this.stream.readLine();
  }

  readAll(): Promise<string> {
    return this.stream.readAll();
  }

  close(): void {
    if (this.fd !== null) this.proc.close(this.fd);
  }
}

/** The operands of a filter, or `-` when there are none. */
export function inputNames(operands: string[]): string[] {
  return operands.length > 0 ? operands : ["-"];
}

/** Splits text into lines; a last line without its newline still counts, as in GNU's filters. */
export function splitLines(text: string, terminator = "\n"): string[] {
  if (text === "") return [];
  const lines = text.split(terminator);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
