import type { OpenFile } from "../../kernel/fd";
import type { Process } from "../../kernel/process";

/**
 * Input the shell read past what it needed (the rest of a line after `read`, the
 * script after the command being run), kept with the open file description it came
 * from, as a file offset would be. The next `read` or script line on that description,
 * in this shell or a subshell sharing it, goes on where the last one stopped, as bash
 * reading unbuffered would.
 */
const pending = new WeakMap<OpenFile, string>();

export class InputBuffer {
  private readonly file: OpenFile | undefined;

  constructor(
    private readonly proc: Process,
    private readonly fd: number,
  ) {
    this.file = proc.task.fds.get(fd);
  }

  /** The next chunk: text put back first. Null at end of input. */
  async chunk(): Promise<string | null> {
    const buffered = this.file ? pending.get(this.file) : undefined;
    if (buffered) {
      pending.delete(this.file as OpenFile);
      return buffered;
    }
    return this.proc.read(this.fd);
  }

  /** Puts text back to be read first next time. */
  unread(text: string): void {
    if (!this.file || text === "") return;
    pending.set(this.file, text + (pending.get(this.file) ?? ""));
  }
}
