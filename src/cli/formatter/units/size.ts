// docker/go-units size.go: the sizes `docker images`, `docker system df` and
// `--memory` speak. HumanSize is decimal (kB, MB), BytesSize binary (KiB, MiB).
import { formatG } from "./gofloat";

const decimalAbbrs = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
const binaryAbbrs = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

const decimalMap: Record<string, number> = { k: 1e3, m: 1e6, g: 1e9, t: 1e12, p: 1e15 };
const binaryMap: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

function sizeAndUnit(size: number, base: number, abbrs: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < abbrs.length - 1) {
    size /= base;
    i++;
  }
  return [size, abbrs[i]!];
}

/** units.HumanSizeWithPrecision: "%.*g%s" over decimal units. */
export function humanSizeWithPrecision(size: number, precision: number): string {
  const [n, unit] = sizeAndUnit(size, 1000, decimalAbbrs);
  return formatG(n, precision) + unit;
}

/** units.HumanSize: 1.2MB, 512kB, 10B. */
export function humanSize(size: number): string {
  return humanSizeWithPrecision(size, 4);
}

/** units.BytesSize: 128MiB, 1.5GiB. */
export function bytesSize(size: number): string {
  const [n, unit] = sizeAndUnit(size, 1024, binaryAbbrs);
  return formatG(n, 4) + unit;
}

/** units.FromHumanSize: "32kb" -> 32000 (decimal multiples). */
export function fromHumanSize(size: string): number {
  return parseSize(size, decimalMap);
}

/** units.RAMInBytes: "128m" -> 134217728 (binary multiples), as `--memory` and `--shm-size` read it. */
export function ramInBytes(size: string): number {
  return parseSize(size, binaryMap);
}

function parseSize(sizeStr: string, uMap: Record<string, number>): number {
  let num: string;
  let sfx: string;
  const space = sizeStr.indexOf(" ");
  if (space >= 0) {
    num = sizeStr.slice(0, space);
    sfx = sizeStr.slice(space + 1);
  } else {
    const sep = Math.max(...[..."0123456789."].map((c) => sizeStr.lastIndexOf(c)));
    if (sep === -1) throw new Error(`invalid size: '${sizeStr}'`);
    num = sizeStr.slice(0, sep + 1);
    sfx = sizeStr.slice(sep + 1);
  }
  let size = parseGoFloat(num);
  if (size < 0) throw new Error(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return Math.trunc(size);
  const bad = () => new Error(`invalid suffix: '${sfx}'`);
  if (sfx.length > 3) throw bad();
  sfx = sfx.toLowerCase();
  if (sfx[0] === "b") {
    if (sfx.length > 1) throw bad();
    return Math.trunc(size);
  }
  const mul = uMap[sfx[0]!];
  if (mul === undefined) throw bad();
  size *= mul;
  if (sfx.length === 2 && sfx[1] !== "b") throw bad();
  if (sfx.length === 3 && sfx.slice(1) !== "ib") throw bad();
  return Math.trunc(size);
}

/** strconv.ParseFloat(s, 64) for plain decimal input, with Go's error text. */
export function parseGoFloat(s: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) && !/^[+-]?(inf|infinity|nan)$/i.test(s)) {
    throw new Error(`strconv.ParseFloat: parsing ${goQuote(s)}: invalid syntax`);
  }
  return Number(s.replace(/^([+-]?)inf(inity)?$/i, "$1Infinity"));
}

/** strconv.Quote for the printable strings that appear in error messages. */
export function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\x${h.slice(2)}`);
}
