/**
 * HTTP and Docker's stream framing count bytes while Stevedore's streams carry text:
 * these convert between a UTF-8 byte count and a JavaScript string.
 */

/** Bytes that `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Splits `text` after at most `bytes` UTF-8 bytes, never inside a character:
 * [head, rest, bytes the head takes].
 */
export function takeUtf8(text: string, bytes: number): [string, string, number] {
  let used = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (used + size > bytes) break;
    used += size;
    i += pair ? 2 : 1;
  }
  return [text.slice(0, i), text.slice(i), used];
}
