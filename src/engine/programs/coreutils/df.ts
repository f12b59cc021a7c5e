/**
 * df(1): the space (or with -i, the inodes) of each mounted filesystem, as the mount
 * table in /proc/mounts lists them, with pseudo filesystems (proc, devpts, ...) and
 * repeated devices left out unless -a; or of the filesystems holding the files named
 * (coreutils src/df.c and gnulib's mountlist).
 */
import type { StatFs } from "../../fs/filesystem";
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { canonicalize } from "./canonicalize";
import { type HumanOptions, humanReadable } from "./human";
import { quote, quotef } from "./quotearg";
import { tryHelp } from "./tryhelp";
import { xdectoumax } from "./xdectoumax";

interface Mount {
  source: string;
  target: string;
  type: string;
}

interface DfOptions {
  all: boolean;
  inodes: boolean;
  printType: boolean;
  posix: boolean;
  human: HumanOptions | null;
  blockSize: number;
  onlyTypes: string[];
  excludeTypes: string[];
  total: boolean;
}

/** Filesystems with nothing to store (gnulib's ME_DUMMY), hidden unless -a. */
const DUMMY_TYPES = new Set([
  "autofs",
  "binfmt_misc",
  "bpf",
  "cgroup",
  "cgroup2",
  "configfs",
  "debugfs",
  "devpts",
  "fusectl",
  "hugetlbfs",
  "mqueue",
  "none",
  "nsfs",
  "proc",
  "pstore",
  "rpc_pipefs",
  "securityfs",
  "sysfs",
  "tracefs",
]);

/** One table cell per column, and how each column aligns. */
interface Column {
  header: string;
  minWidth: number;
  align: "left" | "right";
}

export const df: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "aB:hHiklmPTt:x:",
      long: {
        all: "a",
        "block-size": "B:",
        "human-readable": "h",
        si: "H",
        inodes: "i",
        local: "l",
        portability: "P",
        "print-type": "T",
        type: "t:",
        "exclude-type": "x:",
        total: "total",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const options: DfOptions = {
    all: opts.has("a"),
    inodes: opts.has("i"),
    printType: opts.has("T"),
    posix: opts.has("P"),
    human: null,
    blockSize: blockSizeFromEnv(proc.env),
    onlyTypes: opts.all("t"),
    excludeTypes: opts.all("x"),
    total: opts.has("total"),
  };
  for (const [key, value] of opts.list) {
    if (key === "h") options.human = { autoscale: true, base: 1024 };
    if (key === "H") options.human = { autoscale: true, base: 1000 };
    if (key === "k") [options.human, options.blockSize] = [null, 1024];
    if (key === "m") [options.human, options.blockSize] = [null, 1024 * 1024];
    if (key === "B") {
      const size = xdectoumax(String(value).replace(/^(?=[KMGTPEZY])/i, "1"));
      if (!size) return tryHelp(proc, `invalid --block-size argument ${quote(proc, String(value))}`);
      [options.human, options.blockSize] = [null, size];
    }
  }
  const mounts = mountTable(proc);
  const rows: Array<{ mount: Mount; fs: StatFs }> = [];
  let ok = true;
  if (opts.operands.length > 0) {
    for (const name of opts.operands) {
      try {
        const path = canonicalize(proc, name, "existing");
        const mount = mountOf(mounts, path);
        rows.push({ mount, fs: proc.fs.statfs(mount.target) });
      } catch (err) {
        await complain(proc, `${quotef(proc, name)}: ${errorText(err)}`);
        ok = false;
      }
    }
  } else {
    for (const mount of selectMounts(proc, mounts, options)) rows.push(mount);
  }
  if (rows.length === 0) {
    if (ok) await complain(proc, "no file systems processed");
    return 1;
  }
  await proc.stdout.write(renderTable(rows, options));
  return ok ? 0 : 1;
};

/** /proc/mounts, or the root alone when there is no procfs to read it from. */
function mountTable(proc: Process): Mount[] {
  try {
    const text = proc.fs.readText("/proc/mounts");
    const mounts: Mount[] = [];
    for (const line of text.split("\n")) {
      const [source, target, type] = line.split(" ").map(unescapeMountField);
      if (source && target && type) mounts.push({ source, target, type });
    }
    if (mounts.length > 0) return mounts;
  } catch {
    // No /proc: the root filesystem describes itself.
  }
  const root = proc.fs.statfs("/");
  return [{ source: root.source, target: "/", type: root.type }];
}

/** /proc/mounts writes space, tab, newline and backslash as \040, \011, \012, \134. */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}

/** The mount holding `path`: the one mounted last at the longest matching target. */
function mountOf(mounts: Mount[], path: string): Mount {
  let best = mounts[0];
  for (const mount of mounts) {
    const inside = mount.target === "/" || path === mount.target || path.startsWith(`${mount.target}/`);
    if (inside && mount.target.length >= best.target.length) best = mount;
  }
  return best;
}

/** The rows df shows with no operand: real, selected filesystems, each device once. */
function selectMounts(proc: Process, mounts: Mount[], options: DfOptions): Array<{ mount: Mount; fs: StatFs }> {
  const rows: Array<{ mount: Mount; fs: StatFs }> = [];
  for (const [i, mount] of mounts.entries()) {
    if (options.onlyTypes.length > 0 && !options.onlyTypes.includes(mount.type)) continue;
    if (options.excludeTypes.includes(mount.type)) continue;
    // A later mount on the same point hides this one.
    if (mounts.slice(i + 1).some((m) => m.target === mount.target)) continue;
    let fs: StatFs;
    try {
      fs = proc.fs.statfs(mount.target);
    } catch {
      continue;
    }
    if (!options.all && (DUMMY_TYPES.has(mount.type) || fs.blocks === 0)) continue;
    if (!options.all && mount.source.startsWith("/")) {
      // The same device mounted twice (a bind mount) shows once, at its shortest mount point.
      const twin = rows.findIndex((r) => r.mount.source === mount.source);
      if (twin >= 0) {
        if (mount.target.length < rows[twin].mount.target.length) rows[twin] = { mount, fs };
        continue;
      }
    }
    rows.push({ mount, fs });
  }
  return rows;
}

function renderTable(rows: Array<{ mount: Mount; fs: StatFs }>, options: DfOptions): string {
  const columns: Column[] = [{ header: "Filesystem", minWidth: 14, align: "left" }];
  if (options.printType) columns.push({ header: "Type", minWidth: 4, align: "left" });
  if (options.inodes) {
    columns.push(
      { header: "Inodes", minWidth: 5, align: "right" },
      { header: "IUsed", minWidth: 5, align: "right" },
      { header: "IFree", minWidth: 5, align: "right" },
      { header: "IUse%", minWidth: 4, align: "right" },
    );
  } else {
    const sizeHeader = options.human
      ? "Size"
      : options.posix
        ? `${options.blockSize}-blocks`
        : `${blockSizeName(options.blockSize)}-blocks`;
    columns.push(
      { header: sizeHeader, minWidth: 5, align: "right" },
      { header: "Used", minWidth: 5, align: "right" },
      { header: options.human ? "Avail" : "Available", minWidth: 5, align: "right" },
      { header: options.posix ? "Capacity" : "Use%", minWidth: 4, align: "right" },
    );
  }
  columns.push({ header: "Mounted on", minWidth: 0, align: "left" });
  const table = [columns.map((c) => c.header)];
  const sums = { total: 0, used: 0, avail: 0, files: 0, ifree: 0 };
  for (const { mount, fs } of rows) {
    const cells = [mount.source];
    if (options.printType) cells.push(mount.type);
    if (options.inodes) {
      const used = fs.files - fs.filesFree;
      sums.files += fs.files;
      sums.ifree += fs.filesFree;
      cells.push(...countCells(fs.files, used, fs.filesFree, 1, options, true));
    } else {
      const used = fs.blocks - fs.blocksFree;
      sums.total += fs.blocks * fs.blockSize;
      sums.used += used * fs.blockSize;
      sums.avail += fs.blocksFree * fs.blockSize;
      cells.push(...countCells(fs.blocks, used, fs.blocksFree, fs.blockSize, options, false));
    }
    cells.push(mount.target);
    table.push(cells);
  }
  if (options.total) {
    const cells = ["total"];
    if (options.printType) cells.push("-");
    if (options.inodes) cells.push(...countCells(sums.files, sums.files - sums.ifree, sums.ifree, 1, options, true));
    else cells.push(...countCells(sums.total, sums.used, sums.avail, 1, options, false));
    cells.push("-");
    table.push(cells);
  }
  const widths = columns.map((c, i) => Math.max(c.minWidth, ...table.map((row) => row[i].length)));
  return table
    .map((row) =>
      row
        .map((cell, i) => {
          if (i === row.length - 1) return cell;
          return columns[i].align === "left" ? cell.padEnd(widths[i]) : cell.padStart(widths[i]);
        })
        .join(" "),
    )
    .join("\n")
    .concat("\n");
}

/** Size, used, available and use% cells; counts are in units of `unit` bytes (1 for inodes). */
function countCells(total: number, used: number, avail: number, unit: number, options: DfOptions, inodes: boolean): string[] {
  const show = (n: number) => {
    if (inodes) return options.human ? humanReadable(n, options.human, 1, 1) : String(n);
    return options.human ? humanReadable(n, options.human, unit, 1) : humanReadable(n, {}, unit, options.blockSize);
  };
  const base = used + avail;
  const percent = base === 0 ? "-" : `${Math.ceil((used * 100) / base)}%`;
  return [show(total), show(used), show(avail), percent];
}

/** The `1K` of `1K-blocks`: the block size in the power of 1024 or 1000 that divides it. */
function blockSizeName(size: number): string {
  for (const [base, letters, suffix] of [
    [1024, "KMGTPEZY", ""],
    [1000, "kMGTPEZY", "B"],
  ] as const) {
    let n = size;
    let power = 0;
    while (n % base === 0 && power < letters.length) {
      n /= base;
      power++;
    }
    if (power > 0) return `${n}${letters[power - 1]}${suffix}`;
  }
  return `${size}B`;
}

/** DF_BLOCK_SIZE, BLOCK_SIZE: a plain byte count; 1024 when unset. */
function blockSizeFromEnv(env: Record<string, string>): number {
  const value = env.DF_BLOCK_SIZE ?? env.BLOCK_SIZE;
  if (value && /^\d+$/.test(value) && Number(value) > 0) return Number(value);
  return env.POSIXLY_CORRECT !== undefined ? 512 : 1024;
}
