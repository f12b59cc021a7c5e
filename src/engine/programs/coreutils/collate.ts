/**
 * String order in the C locale (LC_COLLATE=C, the playground's): strcmp(3) on the UTF-8
 * bytes. UTF-8 byte order is code point order, which differs from JavaScript's UTF-16
 * order only for characters above U+FFFF, so surrogates are moved above U+E000-U+FFFF.
 */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return codePointRank(ca) - codePointRank(cb);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
