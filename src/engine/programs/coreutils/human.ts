/**
 * Sizes as ls -h, df -h and du -h print them, and block counts scaled to another unit
 * (du's 1K blocks from 512-byte st_blocks). Ported from gnulib lib/human.c
 * (human_readable), integer path: the GNU tools round up unless told otherwise.
 */

export interface HumanOptions {
  /** Scale by powers of the base and append K, M, G... (-h, --si). */
  autoscale?: boolean;
  /** 1024 for -h, 1000 for --si. */
  base?: 1000 | 1024;
  /** Rounding of inexact results; GNU's default is the ceiling. */
  round?: "ceiling" | "nearest" | "floor";
}

const POWER_LETTERS = ["", "K", "M", "G", "T", "P", "E", "Z", "Y", "R", "Q"];

/**
 * `n` units of `fromBlockSize` bytes, expressed in units of `toBlockSize` bytes,
 * e.g. humanReadable(13893, {autoscale: true}, 1, 1) is "14K".
 */
export function humanReadable(n: number, options: HumanOptions, fromBlockSize: number, toBlockSize: number): string {
  const base = options.base ?? 1024;
  const round = options.round ?? "ceiling";
  let amt: number;
  let tenths = 0;
  // 0: exact; 1: below the half; 2: exactly half; 3: above the half (of the next tenth).
  let rounding = 0;
  if (toBlockSize <= fromBlockSize && fromBlockSize % toBlockSize === 0) {
    amt = n * (fromBlockSize / toBlockSize);
  } else if (toBlockSize % fromBlockSize === 0) {
    const divisor = toBlockSize / fromBlockSize;
    const r10 = (n % divisor) * 10;
    const r2 = (r10 % divisor) * 2;
    amt = Math.floor(n / divisor);
    tenths = Math.floor(r10 / divisor);
    rounding = r2 < divisor ? (r2 > 0 ? 1 : 0) : 2 + (divisor < r2 ? 1 : 0);
  } else {
    const exact = (n * fromBlockSize) / toBlockSize;
    amt = Math.floor(exact);
    const frac = (exact - amt) * 10;
    tenths = Math.floor(frac);
    const rest = frac - tenths;
    rounding = rest === 0 ? 0 : rest < 0.5 ? 1 : rest === 0.5 ? 2 : 3;
  }

  let exponent = 0;
  let fraction = "";
  if (options.autoscale && base <= amt) {
    do {
      const r10 = (amt % base) * 10 + tenths;
      const r2 = (r10 % base) * 2 + (rounding >> 1);
      amt = Math.floor(amt / base);
      tenths = Math.floor(r10 / base);
      rounding = r2 < base ? (r2 + rounding !== 0 ? 1 : 0) : 2 + (base < r2 + rounding ? 1 : 0);
      exponent++;
    } while (base <= amt && exponent < POWER_LETTERS.length - 1);
    if (amt < 10) {
      if (round === "nearest" ? 2 < rounding + (tenths & 1) : round === "ceiling" && 0 < rounding) {
        tenths++;
        rounding = 0;
        if (tenths === 10) {
          amt++;
          tenths = 0;
        }
      }
      if (amt < 10) {
        fraction = `.${tenths}`;
        tenths = 0;
        rounding = 0;
      }
    }
  }
  if (round === "nearest" ? 5 < tenths + (0 < rounding + (amt & 1) ? 1 : 0) : round === "ceiling" && 0 < tenths + rounding) {
    amt++;
    if (options.autoscale && amt === base && exponent < POWER_LETTERS.length - 1) {
      exponent++;
      fraction = ".0";
      amt = 1;
    }
  }
  const letter = options.autoscale ? POWER_LETTERS[exponent] : "";
  return `${amt}${fraction}${base === 1000 && letter === "K" ? "k" : letter}`;
}
