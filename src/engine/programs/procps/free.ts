import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { programName } from "../program";
import { readMeminfo } from "./readproc";

const USAGE = `
Usage:
 free [options]

Options:
 -b, --bytes         show output in bytes
     --kilo          show output in kilobytes
     --mega          show output in megabytes
     --giga          show output in gigabytes
     --tera          show output in terabytes
     --peta          show output in petabytes
 -k, --kibi          show output in kibibytes
 -m, --mebi          show output in mebibytes
 -g, --gibi          show output in gibibytes
     --tebi          show output in tebibytes
     --pebi          show output in pebibytes
 -h, --human         show human-readable output
     --si            use powers of 1000 not 1024
 -l, --lohi          show detailed low and high memory statistics
 -t, --total         show total for RAM + swap
 -v, --committed     show committed memory and commit limit
 -s N, --seconds N   repeat printing every N seconds
 -c N, --count N     repeat printing N times, then exit
 -w, --wide          wide output

     --help     display this help and exit
 -V, --version  output version information and exit

For more details see free(1).
`;

const LONG = {
  bytes: "b",
  kilo: "kilo",
  mega: "mega",
  giga: "giga",
  tera: "tera",
  peta: "peta",
  kibi: "k",
  mebi: "m",
  gibi: "g",
  tebi: "tebi",
  pebi: "pebi",
  human: "h",
  si: "si",
  lohi: "l",
  total: "t",
  committed: "v",
  seconds: "s:",
  count: "c:",
  wide: "w",
  help: "help",
  version: "V",
};

/** Unit options: the power of the base they print in, and whether the base is 1000. */
const UNITS: Record<string, { exponent: number; si: boolean }> = {
  b: { exponent: 1, si: false },
  k: { exponent: 2, si: false },
  m: { exponent: 3, si: false },
  g: { exponent: 4, si: false },
  tebi: { exponent: 5, si: false },
  pebi: { exponent: 6, si: false },
  kilo: { exponent: 2, si: true },
  mega: { exponent: 3, si: true },
  giga: { exponent: 4, si: true },
  tera: { exponent: 5, si: true },
  peta: { exponent: 6, si: true },
};

interface Scale {
  exponent: number;
  si: boolean;
  human: boolean;
}

/** free(1), procps-ng 4.0.2: memory and swap from /proc/meminfo. */
export const free: Program = async (proc) => {
  const name = programName(proc);
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { short: "bkmghltvc:ws:V", long: LONG });
    if (opts.operands.length > 0) throw new UsageError("");
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    if (err.message) await proc.stderr.write(`${name}: ${err.message}\n`);
    await proc.stderr.write(USAGE);
    return 1;
  }
  const scale: Scale = { exponent: 0, si: false, human: false };
  let unitSet = false;
  let interval: number | null = null;
  let count: number | null = null;
  for (const [opt, value] of opts.list) {
    const unit = UNITS[opt];
    if (unit) {
      if (unitSet) {
        await proc.stderr.write(`${name}: Multiple unit options don't make sense.\n`);
        return 1;
      }
      unitSet = true;
      scale.exponent = unit.exponent;
      if (unit.si) scale.si = true;
      continue;
    }
    switch (opt) {
      case "h":
        scale.human = true;
        break;
      case "si":
        scale.si = true;
        break;
      case "s": {
        const seconds = Number(value);
        if (String(value).trim() === "" || !Number.isFinite(seconds)) {
          await proc.stderr.write(`${name}: seconds argument failed: '${value}': Invalid argument\n`);
          return 1;
        }
        if (seconds * 1_000_000 < 1) {
          await proc.stderr.write(`${name}: seconds argument \`${value}' is not positive number\n`);
          return 1;
        }
        interval = seconds * 1000;
        break;
      }
      case "c": {
        if (!/^\s*[+-]?\d+$/.test(String(value))) {
          await proc.stderr.write(`${name}: failed to parse count argument: '${value}'\n`);
          return 1;
        }
        count = Number(value);
        if (count < 1) {
          await proc.stderr.write(`${name}: failed to parse count argument: '${value}': Numerical result out of range\n`);
          return 1;
        }
        interval ??= 1000;
        break;
      }
      case "help":
        await proc.stdout.write(USAGE);
        return 0;
      case "V":
        await proc.stdout.write("free from procps-ng 4.0.2\n");
        return 0;
    }
  }
  for (;;) {
    await proc.stdout.write(report(readMeminfo(proc), scale, opts));
    if (count !== null && --count < 1) return 0;
    if (interval === null) return 0;
    await proc.stdout.write("\n");
    await proc.sleep(interval);
  }
};

function report(mem: Map<string, number>, scale: Scale, opts: ParsedOptions): string {
  const kb = (key: string) => mem.get(key) ?? 0;
  const total = kb("MemTotal");
  const available = kb("MemAvailable");
  // procps 4.0.2 counts as used whatever is not available.
  const used = total - available < 0 ? total - kb("MemFree") : total - available;
  const cache = kb("Cached") + kb("SReclaimable");
  const swapUsed = kb("SwapTotal") - kb("SwapFree");
  const n = (value: number) => scaleSize(value, scale).padStart(11);
  const wide = opts.has("w");
  let out = wide
    ? "               total        used        free      shared     buffers       cache   available\n"
    : "               total        used        free      shared  buff/cache   available\n";
  out += `Mem:     ${n(total)} ${n(used)} ${n(kb("MemFree"))} ${n(kb("Shmem"))}`;
  out += wide ? ` ${n(kb("Buffers"))} ${n(cache)}` : ` ${n(kb("Buffers") + cache)}`;
  out += ` ${n(available)}\n`;
  if (opts.has("l")) {
    // Without highmem, all memory is low memory: its "used" is simply total minus free.
    out += `Low:     ${n(total)} ${n(total - kb("MemFree"))} ${n(kb("MemFree"))}\n`;
    out += `High:    ${n(0)} ${n(0)} ${n(0)}\n`;
  }
  out += `Swap:    ${n(kb("SwapTotal"))} ${n(swapUsed)} ${n(kb("SwapFree"))}\n`;
  if (opts.has("t")) out += `Total:   ${n(total + kb("SwapTotal"))} ${n(used + swapUsed)} ${n(kb("MemFree") + kb("SwapFree"))}\n`;
  if (opts.has("v")) {
    const limit = kb("CommitLimit");
    const committed = kb("Committed_AS");
    out += `Comm:    ${n(limit)} ${n(committed)} ${n(limit - committed)}\n`;
  }
  return out;
}

/** scale_size: a KiB figure in the chosen unit, or human-readable in at most 4 or 5 characters. */
export function scaleSize(kib: number, scale: Scale): string {
  const base = scale.si ? 1000 : 1024;
  const bytes = kib * 1024;
  if (!scale.human) {
    if (scale.exponent === 0) return String(Math.floor(bytes / base));
    if (scale.exponent === 1) return String(bytes);
    return String(Math.trunc(bytes / base ** (scale.exponent - 1)));
  }
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const units = "KMGTP";
  let text = "";
  for (let i = 1; i <= units.length; i++) {
    const value = Math.fround(bytes / base ** i);
    const suffix = units[i - 1] + (scale.si ? "" : "i");
    const limit = scale.si ? 4 : 5;
    text = `${cFixed1(value)}${suffix}`;
    if (text.length <= limit) return text;
    text = `${Math.trunc(bytes / base ** i)}${suffix}`;
    if (text.length <= limit) return text;
  }
  return text;
}

/** printf's %.1f: round to nearest, ties to even (JavaScript's toFixed rounds ties up). */
function cFixed1(value: number): string {
  const scaled = value * 10;
  if (Math.abs(scaled - Math.trunc(scaled)) === 0.5) {
    const down = Math.trunc(scaled);
    const even = down % 2 === 0 ? down : down + Math.sign(scaled);
    return (even / 10).toFixed(1);
  }
  return value.toFixed(1);
}
