import { utf8Length } from "../coreutils/utf8";
/**
 * RESP2, the Redis serialization protocol (https://redis.io/docs/latest/develop/reference/protocol-spec/):
 * requests are arrays of bulk strings (or inline commands typed over telnet), replies are
 * simple strings, errors, integers, bulk strings, nil and arrays.
 */
export type Reply =
  | { type: "status"; value: string }
  | { type: "error"; value: string }
  | { type: "integer"; value: number }
  | { type: "bulk"; value: string | null }
  | { type: "array"; value: Reply[] | null };

export const ok: Reply = { type: "status", value: "OK" };
export const nil: Reply = { type: "bulk", value: null };
export const status = (value: string): Reply => ({ type: "status", value });
export const error = (value: string): Reply => ({ type: "error", value });
export const integer = (value: number): Reply => ({ type: "integer", value });
export const bulk = (value: string | null): Reply => ({ type: "bulk", value });
export const array = (value: Reply[] | null): Reply => ({ type: "array", value });

/** $len counts bytes: redis strings are binary, ours are UTF-8 text. */
const byteLength = (s: string) => utf8Length(s);

export function encodeReply(reply: Reply): string {
  switch (reply.type) {
    case "status":
      return `+${reply.value}\r\n`;
    case "error":
      return `-${reply.value}\r\n`;
    case "integer":
      return `:${reply.value}\r\n`;
    case "bulk":
      return reply.value === null ? "$-1\r\n" : `$${byteLength(reply.value)}\r\n${reply.value}\r\n`;
    case "array":
      return reply.value === null ? "*-1\r\n" : `*${reply.value.length}\r\n${reply.value.map(encodeReply).join("")}`;
  }
}

/** A command as a client sends it: an array of bulk strings. */
export function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${byteLength(a)}\r\n${a}\r\n`).join("")}`;
}

/**
 * Slices `text` by bytes: a bulk string's length is in bytes, the buffer holds characters.
 * Returns the characters covering `bytes` bytes from `start`, or null when incomplete.
 */
function takeBytes(text: string, start: number, bytes: number): string | null {
  let count = 0;
  let i = start;
  while (count < bytes) {
    if (i >= text.length) return null;
    const code = text.codePointAt(i) as number;
    count += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code >= 0x10000 ? 2 : 1;
  }
  return text.slice(start, i);
}

/** One parsed value and where the next begins, null if `buffer` holds only part of it. */
type Parsed<T> = { value: T; next: number } | null;

/** Parses one reply (for the client side: redis-cli, the moby-counter app). */
export function parseReply(buffer: string, pos = 0): Parsed<Reply> {
  const eol = buffer.indexOf("\r\n", pos);
  if (eol < 0) return null;
  const head = buffer[pos];
  const line = buffer.slice(pos + 1, eol);
  const after = eol + 2;
  switch (head) {
    case "+":
      return { value: status(line), next: after };
    case "-":
      return { value: error(line), next: after };
    case ":":
      return { value: integer(Number(line)), next: after };
    case "$": {
      const len = Number(line);
      if (len < 0) return { value: nil, next: after };
      const data = takeBytes(buffer, after, len);
      if (data === null || buffer.length < after + data.length + 2) return null;
      return { value: bulk(data), next: after + data.length + 2 };
    }
    case "*": {
      const count = Number(line);
      if (count < 0) return { value: array(null), next: after };
      const items: Reply[] = [];
      let at = after;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, at);
        if (!item) return null;
        items.push(item.value);
        at = item.next;
      }
      return { value: array(items), next: at };
    }
    default:
      return { value: error(`Protocol error: unexpected '${head}'`), next: after };
  }
}

/**
 * Parses one request: a multibulk array, or an inline command line (`PING\r\n`) as
 * redis accepts from telnet. Throws on a protocol error, as the server then drops the client.
 */
export function parseCommand(buffer: string, pos = 0): Parsed<string[]> {
  if (buffer[pos] !== "*") {
    const eol = buffer.indexOf("\n", pos);
    if (eol < 0) return null;
    const line = buffer.slice(pos, eol).replace(/\r$/, "");
    return { value: splitInline(line), next: eol + 1 };
  }
  const parsed = parseReply(buffer, pos);
  if (!parsed) return null;
  const reply = parsed.value;
  if (reply.type !== "array" || !reply.value) return { value: [], next: parsed.next };
  return { value: reply.value.map((r) => (r.type === "bulk" ? (r.value ?? "") : String(r.value))), next: parsed.next };
}

/** sdssplitargs: words separated by spaces, with "double" (escapes) and 'single' quotes. */
export function splitInline(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === " " || line[i] === "\t") i++;
    if (i >= line.length) break;
    let word = "";
    while (i < line.length && line[i] !== " " && line[i] !== "\t") {
      const c = line[i];
      if (c === '"' || c === "'") {
        i++;
        while (i < line.length && line[i] !== c) {
          if (c === '"' && line[i] === "\\" && i + 1 < line.length) {
            i++;
            word += { n: "\n", r: "\r", t: "\t" }[line[i]] ?? line[i];
          } else word += line[i];
          i++;
        }
        i++;
      } else {
        word += c;
        i++;
      }
    }
    args.push(word);
  }
  return args;
}
