/**
 * HTTP counts bytes (Content-Length, chunk sizes) while the playground carries text:
 * these convert between UTF-8 byte counts and string positions.
 */

function charBytes(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdbff) return 4;
  return 3;
}

/** Bytes `text` takes in UTF-8. */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    n += charBytes(code);
    if (code >= 0xd800 && code <= 0xdbff) i++;
  }
  return n;
}

/** Splits `text` after `bytes` UTF-8 bytes (or at its end): [head, rest, bytes taken]. */
export function takeBytes(text: string, bytes: number): [string, string, number] {
  let n = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const size = charBytes(code);
    if (n + size > bytes) break;
    n += size;
    i += size === 4 ? 2 : 1;
  }
  return [text.slice(0, i), text.slice(i), n];
}
