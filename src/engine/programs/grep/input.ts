import type { InputStream } from "../../kernel/process";

/**
 * Lines of one input as grep reads them, as they arrive (so `tail -f log | grep x`
 * prints as the log grows). Notes a NUL byte, which makes GNU grep call a file binary.
 */
export class LineReader {
  private pending = "";
  private eof = false;
  binary = false;

  constructor(private readonly stream: InputStream) {}

  /** The next line without its newline, or null at end of input. */
  async next(): Promise<string | null> {
    for (;;) {
      const nl = this.pending.indexOf("\n");
      if (nl >= 0) {
        const line = this.pending.slice(0, nl);
        this.pending = this.pending.slice(nl + 1);
        return line;
      }
      if (this.eof) break;
      const chunk = await this.stream.read();
      if (chunk === null) this.eof = true;
      else {
        if (chunk.includes("\0")) this.binary = true;
        this.pending += chunk;
      }
    }
    if (this.pending === "") return null;
    const last = this.pending;
    this.pending = "";
    return last;
  }
}

/** Bytes `text` takes in UTF-8, for -b offsets. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
