/**
 * The JSON message stream that pull, push, load and the classic builder answer with,
 * displayed as moby's client/pkg/jsonmessage does: on a terminal one line per layer ID,
 * rewritten in place with cursor movements and a progress bar; elsewhere one line per
 * status, progress updates dropped ("disable progressbar in non-terminal").
 */
import type { JsonMessage } from "../../../engine/daemon/api/types";
import { humanSize } from "../../formatter/units/size";

/** jsonstream.Message and jsonstream.Progress with every field the stream may carry. */
export interface JsonStreamMessage extends Omit<JsonMessage, "progressDetail"> {
  stream?: string;
  progressDetail?: JsonProgress;
}

export interface JsonProgress {
  current?: number;
  total?: number;
  /** Unix seconds when the transfer started, for the time-left estimate. */
  start?: number;
  hidecounts?: boolean;
  units?: string;
}

export interface JsonDisplayOptions {
  write(s: string): Promise<void> | void;
  isTerminal: boolean;
  /** Terminal width in columns; 200 when unknown, as jsonmessage assumes. */
  width?: number;
  /** Current time in Unix seconds, for the time-left estimate. */
  now?: () => number;
  /** Receives messages with an `aux` field (image ID after a build, push digests). */
  onAux?: (msg: JsonStreamMessage) => void;
}

/** The error a message's errorDetail carries, reported by the CLI as is. */
export class JsonMessageError extends Error {}

const ERASE_LINE = "\x1b[2K";
const cursorUp = (n: number) => (n === 0 ? "" : `\x1b[${n}A`);
const cursorDown = (n: number) => (n === 0 ? "" : `\x1b[${n}B`);

/** DisplayJSONMessages: render every message of the stream; throws on the first error. */
export async function displayJsonMessages(
  messages: AsyncIterable<JsonStreamMessage> | Iterable<JsonStreamMessage>,
  opts: JsonDisplayOptions,
): Promise<void> {
  let ids = new Map<string, number>();
  const width = opts.isTerminal ? (opts.width ?? 200) : 200;
  for await (const jm of messages) {
    if (jm.aux !== undefined && jm.aux !== null) {
      opts.onAux?.(jm);
      continue;
    }
    let diff = 0;
    if (jm.id && jm.progressDetail) {
      let line = ids.get(jm.id);
      if (line === undefined) {
        // Each new ID takes the next line; later updates move the cursor back up to it.
        line = ids.size;
        ids.set(jm.id, line);
        if (opts.isTerminal) await opts.write("\n");
      }
      diff = ids.size - line;
      if (opts.isTerminal) await opts.write(cursorUp(diff));
    } else {
      // Anything that is not progress ends the block of lines being rewritten.
      ids = new Map();
    }
    const error = messageError(jm);
    if (error === undefined) await opts.write(displayLine(jm, opts.isTerminal, width, opts.now));
    if (jm.id && opts.isTerminal) await opts.write(cursorDown(diff));
    if (error !== undefined) throw new JsonMessageError(error);
  }
}

function messageError(jm: JsonStreamMessage): string | undefined {
  if (jm.errorDetail) return jm.errorDetail.message;
  return jm.error;
}

/** Display: the text of one message, "" for progress updates off a terminal. */
export function displayLine(jm: JsonStreamMessage, isTerminal: boolean, width = 200, now?: () => number): string {
  let out = "";
  let endl = "";
  const p = jm.progressDetail;
  if (isTerminal && !jm.stream && p) {
    out += `${ERASE_LINE}\r`;
    endl = "\r";
  } else if (p && ((p.current ?? 0) > 0 || (p.total ?? 0) > 0)) {
    return "";
  }
  if (jm.id) out += `${jm.id}: `;
  const status = jm.status ?? "";
  if (p && isTerminal) {
    out += `${status} ${renderProgress(p, width === 0 ? 200 : width, now)}${endl}`;
  } else if (jm.stream) {
    out += jm.stream + endl;
  } else {
    out += `${status}${endl}\n`;
  }
  return out;
}

/** RenderTUIProgress: `[=====>      ]  12.3MB/29.5MB 2s`, the bar only on terminals wider than 110. */
export function renderProgress(p: JsonProgress, width: number, now?: () => number): string {
  const current = p.current ?? 0;
  const total = p.total ?? 0;
  if (current <= 0 && total <= 0) return "";
  if (total <= 0) {
    return p.units ? `${current} ${p.units}` : padStart(humanSize(current), 8);
  }
  const percentage = Math.min(Math.trunc(Math.trunc((current / total) * 100) / 2), 50);
  let bar = "";
  if (width > 110) bar = `[${"=".repeat(percentage)}>${" ".repeat(Math.max(50 - percentage, 0))}] `;
  let numbers = "";
  if (p.hidecounts) {
    numbers = "";
  } else if (!p.units) {
    numbers = current > total ? padStart(humanSize(current), 8) : `${padStart(humanSize(current), 8)}/${humanSize(total)}`;
  } else {
    numbers = current > total ? `${current} ${p.units}` : `${current}/${total} ${p.units}`;
  }
  let timeLeft = "";
  if (width > 50 && now && current > 0 && (p.start ?? 0) > 0 && percentage < 50) {
    const elapsed = now() - (p.start ?? 0);
    timeLeft = ` ${goSeconds(Math.round(((total - current) * elapsed) / current))}`;
  }
  return bar + numbers + timeLeft;
}

/** time.Duration.String() of a whole number of seconds: `45s`, `1m5s`, `1h0m0s`. */
function goSeconds(total: number): string {
  const h = Math.trunc(total / 3600);
  const m = Math.trunc((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}

function padStart(s: string, n: number): string {
  return s.padStart(n, " ");
}

/** Decodes a stream of concatenated JSON documents (json.Decoder over the response body). */
export async function* decodeJsonStream(chunks: AsyncIterable<string>): AsyncGenerator<JsonStreamMessage> {
  let buf = "";
  for await (const chunk of chunks) {
    buf += chunk;
    let nl = buf.indexOf("\n");
    while (nl !== -1) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line) yield JSON.parse(line) as JsonStreamMessage;
      nl = buf.indexOf("\n");
    }
  }
  if (buf.trim()) yield JSON.parse(buf) as JsonStreamMessage;
}
