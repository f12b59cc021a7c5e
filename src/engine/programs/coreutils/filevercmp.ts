/**
 * gnulib's filevercmp: the "version" order of `sort -V` and `ls -v`, where file-1.10
 * comes after file-1.9. Strings are compared as Debian compares package versions, first
 * without their file suffixes (.tar.gz), then whole if that is a tie.
 */
export function filevercmp(a: string, b: string): number {
  if (a === "") return b === "" ? 0 : -1;
  if (b === "") return 1;
  // "." sorts first, then "..", then other names with a leading dot, then the rest.
  if (a[0] === ".") {
    if (b[0] !== ".") return -1;
    if (a === ".") return b === "." ? 0 : -1;
    if (b === ".") return 1;
    if (a === "..") return b === ".." ? 0 : -1;
    if (b === "..") return 1;
  } else if (b[0] === ".") return 1;
  const aPrefix = prefixLength(a);
  const bPrefix = prefixLength(b);
  const result = verrevcmp(a.slice(0, aPrefix), b.slice(0, bPrefix));
  if (result !== 0 || (aPrefix === a.length && bPrefix === b.length)) return result;
  return verrevcmp(a, b);
}

const isDigit = (c: string) => c >= "0" && c <= "9";
const isAlpha = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z");

/** Length of `s` without its suffix, matched as (\.[A-Za-z~][A-Za-z0-9~]*)*$. */
function prefixLength(s: string): number {
  let prefix = 0;
  let i = 0;
  while (i < s.length) {
    i++;
    prefix = i;
    while (i + 1 < s.length && s[i] === "." && (isAlpha(s[i + 1]) || s[i + 1] === "~")) {
      for (i += 2; i < s.length && (isAlpha(s[i]) || isDigit(s[i]) || s[i] === "~"); i++);
    }
  }
  return prefix;
}

/** Debian's character order: digits lowest, then ~ before everything, letters, then the rest. */
function order(s: string, pos: number): number {
  if (pos >= s.length) return 0;
  const c = s[pos];
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === "~") return -1;
  return c.charCodeAt(0) + 256;
}

function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a, i);
      const bc = order(b, j);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === "0") i++;
    while (b[j] === "0") j++;
    while (i < a.length && j < b.length && isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && isDigit(a[i])) return 1;
    if (j < b.length && isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}
