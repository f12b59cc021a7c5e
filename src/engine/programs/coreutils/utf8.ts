/**
 * Streams carry JavaScript strings, but the file tools count and escape bytes: wc -c,
 * head -c, cat -v's M- notation and the octal escapes of quoted names all work on the
 * UTF-8 encoding of the text, as on a Linux system whose locale charset is UTF-8.
 */

/** The UTF-8 bytes of `text` (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

/** How many bytes `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) n += 1;
    else if (unit < 0x800) n += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * The longest prefix of `text` that fits in `bytes` UTF-8 bytes. A character cut in the
 * middle is left out whole: a string cannot hold half of one.
 */
export function utf8Prefix(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const ch of text) {
    const size = utf8Length(ch);
    if (used + size > bytes) break;
    used += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** The shortest suffix of `text` holding its last `bytes` UTF-8 bytes, whole characters only. */
export function utf8Suffix(text: string, bytes: number): string {
  const chars = Array.from(text);
  let used = 0;
  let start = chars.length;
  while (start > 0) {
    const size = utf8Length(chars[start - 1]);
    if (used + size > bytes) break;
    used += size;
    start--;
  }
  return chars.slice(start).join("");
}

/**
 * Whether the locale's charset is UTF-8 (LC_ALL, then LC_CTYPE, then LANG). With none set
 * the playground's hosts are C.UTF-8, as Alpine's /etc/profile and Debian images make them;
 * LANG=C or POSIX gives the single-byte C locale.
 */
export function utf8Locale(env: Record<string, string>): boolean {
  const name = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (!name) return true;
  return /utf-?8/i.test(name);
}

/** Ranges of characters a terminal shows two columns wide (East Asian Wide and Fullwidth). */
const WIDE: Array<[number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Combining marks and zero-width characters, which take no column. */
const ZERO: Array<[number, number]> = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200f],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
];

const inRanges = (cp: number, ranges: Array<[number, number]>) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** Columns `text` takes on a terminal (wcswidth); control characters count as none. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || inRanges(cp, ZERO)) continue;
    width += inRanges(cp, WIDE) ? 2 : 1;
  }
  return width;
}
