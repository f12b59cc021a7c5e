/**
 * moby's stdcopy: without a TTY, attach, exec and logs multiplex stdout and stderr on one
 * connection as frames of an 8-byte header ([stream, 0, 0, 0, size as big-endian uint32])
 * and `size` bytes of output. The header's bytes travel as characters U+0000..U+00FF.
 */
import { takeUtf8, utf8Length } from "../client/utf8";

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
/** stdcopy.Systemerr: the daemon reports an error in the stream itself. */
export const SYSTEMERR = 3;

export interface Frame {
  stream: number;
  text: string;
}

const HEADER = 8;

/** Encodes one frame, as the daemon's stdcopy.NewStdWriter writes it. */
export function encodeFrame(stream: number, text: string): string {
  const n = utf8Length(text);
  const size = String.fromCharCode((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  return `${String.fromCharCode(stream)}\0\0\0${size}${text}`;
}

/** Splits a multiplexed stream back into its frames, however the chunks are cut. */
export class Demuxer {
  private buffer = "";
  /** Bytes of the current frame's payload still to come, and its stream. */
  private left = 0;
  private stream = STDOUT;

  push(chunk: string): Frame[] {
    this.buffer += chunk;
    const frames: Frame[] = [];
    for (;;) {
      if (this.left === 0) {
        if (this.buffer.length < HEADER) break;
        const h = this.buffer;
        this.stream = h.charCodeAt(0);
        this.left = ((h.charCodeAt(4) << 24) | (h.charCodeAt(5) << 16) | (h.charCodeAt(6) << 8) | h.charCodeAt(7)) >>> 0;
        this.buffer = this.buffer.slice(HEADER);
        if (this.left === 0) continue;
      }
      if (this.buffer === "") break;
      const [text, rest, used] = takeUtf8(this.buffer, this.left);
      if (used === 0) break;
      this.left -= used;
      this.buffer = rest;
      const last = frames[frames.length - 1];
      if (last && last.stream === this.stream) last.text += text;
      else frames.push({ stream: this.stream, text });
    }
    return frames;
  }
}
