/**
 * Docker's multiplexed stream format (moby pkg/stdcopy) for attach, exec and logs of a
 * container without a TTY: each frame is an 8-byte header — stream (0 stdin, 1 stdout,
 * 2 stderr), three zero bytes, the payload's length in bytes (big-endian uint32) — then the
 * payload. Streams here are strings; header bytes are carried as chars 0-255 and the
 * length counts the payload's UTF-8 bytes, as on the wire.
 */
export type StdStream = "stdin" | "stdout" | "stderr";

const STREAM_BYTE: Record<StdStream, number> = { stdin: 0, stdout: 1, stderr: 2 };
const BYTE_STREAM: StdStream[] = ["stdin", "stdout", "stderr"];

export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

export function frame(stream: StdStream, payload: string): string {
  const size = utf8Length(payload);
  const header = [STREAM_BYTE[stream], 0, 0, 0, (size >>> 24) & 0xff, (size >>> 16) & 0xff, (size >>> 8) & 0xff, size & 0xff];
  return String.fromCharCode(...header) + payload;
}

/** Splits a multiplexed stream back into (stream, payload) pieces, across chunk boundaries. */
export class Demuxer {
  private buffer = "";

  constructor(private readonly onFrame: (stream: StdStream, payload: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      if (this.buffer.length < 8) return;
      const h = [...this.buffer.slice(0, 8)].map((c) => c.charCodeAt(0));
      const size = ((h[4] << 24) | (h[5] << 16) | (h[6] << 8) | h[7]) >>> 0;
      let bytes = 0;
      let end = 8;
      while (bytes < size && end < this.buffer.length) {
        const cp = this.buffer.codePointAt(end) ?? 0;
        bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        end += cp > 0xffff ? 2 : 1;
      }
      if (bytes < size) return;
      this.onFrame(BYTE_STREAM[h[0]] ?? "stdout", this.buffer.slice(8, end));
      this.buffer = this.buffer.slice(end);
    }
  }
}
