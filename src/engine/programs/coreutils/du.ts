/**
 * du(1): the disk space of each file and directory tree, in 1K blocks (-h, -m, -b and
 * friends change the unit), each directory after its contents, files too with -a, and
 * only down to -d levels (-s: the operands alone). A file seen twice (a hard link, or an
 * operand inside another) counts once (coreutils src/du.c).
 */
import type { Stats } from "../../fs/filesystem";
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { type HumanOptions, humanReadable } from "./human";
import { lstatName, statName } from "./namei";
import { quote, quoteaf } from "./quotearg";
import { ST_NBLOCKSIZE, stBlocks } from "./stblocks";
import { tryHelp } from "./tryhelp";

interface DuOptions {
  all: boolean;
  apparent: boolean;
  maxDepth: number;
  separateDirs: boolean;
  countLinks: boolean;
  dereference: "never" | "args" | "always";
  human: HumanOptions;
  unit: number;
  end: string;
  /** Remember every inode, not only hard-linked files (several operands, or -L). */
  hashAll: boolean;
}

export const du: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "0abd:chHklmsxDLPS",
      long: {
        all: "a",
        "apparent-size": "apparent-size",
        bytes: "b",
        "count-links": "l",
        dereference: "L",
        "dereference-args": "D",
        "human-readable": "h",
        si: "si",
        "max-depth": "d:",
        null: "0",
        "no-dereference": "P",
        "separate-dirs": "S",
        summarize: "s",
        total: "c",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const options: DuOptions = {
    all: false,
    apparent: false,
    maxDepth: Number.POSITIVE_INFINITY,
    separateDirs: false,
    countLinks: false,
    dereference: "never",
    human: {},
    unit: blockSizeFromEnv(proc.env),
    end: "\n",
    hashAll: false,
  };
  let summarize = false;
  let depthGiven: number | null = null;
  for (const [key, value] of opts.list) {
    switch (key) {
      case "0":
        options.end = "\0";
        break;
      case "a":
        options.all = true;
        break;
      case "apparent-size":
        options.apparent = true;
        break;
      case "b":
        options.apparent = true;
        options.human = {};
        options.unit = 1;
        break;
      case "d": {
        const text = String(value);
        if (!/^\d+$/.test(text)) return tryHelp(proc, `invalid maximum depth ${quote(proc, text)}`);
        depthGiven = Number(text);
        break;
      }
      case "h":
        options.human = { autoscale: true, base: 1024 };
        options.unit = 1;
        break;
      case "si":
        options.human = { autoscale: true, base: 1000 };
        options.unit = 1;
        break;
      case "k":
        options.human = {};
        options.unit = 1024;
        break;
      case "m":
        options.human = {};
        options.unit = 1024 * 1024;
        break;
      case "l":
        options.countLinks = true;
        break;
      case "s":
        summarize = true;
        break;
      case "S":
        options.separateDirs = true;
        break;
      case "H":
      case "D":
        options.dereference = "args";
        break;
      case "L":
        options.dereference = "always";
        break;
      case "P":
        options.dereference = "never";
        break;
    }
  }
  if (summarize && options.all) return tryHelp(proc, "cannot both summarize and show all entries");
  if (summarize && depthGiven !== null && depthGiven !== 0) {
    return tryHelp(proc, `warning: summarizing conflicts with --max-depth=${depthGiven}`);
  }
  options.maxDepth = summarize ? 0 : (depthGiven ?? Number.POSITIVE_INFINITY);
  const names = opts.operands.length > 0 ? opts.operands : ["."];
  options.hashAll = names.length > 1 || options.dereference === "always";
  const walk: Walk = { seen: new Set<number>(), ok: true };
  let total = 0;
  for (const name of names) total += (await visit(proc, name, 0, options, walk)) ?? 0;
  if (opts.has("c")) await proc.stdout.write(`${format(total, options)}\ttotal${options.end}`);
  return walk.ok ? 0 : 1;
};

/** What one du run remembers: the inodes counted, and whether anything failed. */
interface Walk {
  seen: Set<number>;
  ok: boolean;
}

/** The size of `path` and everything under it, printing as it goes; null when it cannot be reached. */
async function visit(proc: Process, path: string, depth: number, options: DuOptions, walk: Walk): Promise<number | null> {
  await proc.checkpoint();
  let stats: Stats;
  try {
    const follow = options.dereference === "always" || (options.dereference === "args" && depth === 0);
    stats = follow ? statName(proc, path) : lstatName(proc, path);
  } catch (err) {
    await complain(proc, `cannot access ${quoteaf(proc, path)}: ${errorText(err)}`);
    walk.ok = false;
    return null;
  }
  if (!options.countLinks && (options.hashAll || (stats.type !== "dir" && stats.nlink > 1))) {
    if (walk.seen.has(stats.ino)) return 0;
    walk.seen.add(stats.ino);
  }
  let size = options.apparent ? stats.size : stBlocks(stats);
  if (stats.type === "dir") {
    let entries: string[] = [];
    try {
      entries = proc.fs.readdir(proc.resolve(path));
    } catch (err) {
      await complain(proc, `cannot read directory ${quoteaf(proc, path)}: ${errorText(err)}`);
      walk.ok = false;
    }
    for (const entry of entries) {
      const child = path.endsWith("/") ? `${path}${entry}` : `${path}/${entry}`;
      const childSize = await visit(proc, child, depth + 1, options, walk);
      if (childSize === null) continue;
      if (options.separateDirs && isDirectory(proc, child)) continue;
      size += childSize;
    }
  }
  if (depth <= options.maxDepth && (depth === 0 || stats.type === "dir" || options.all)) {
    await proc.stdout.write(`${format(size, options)}\t${path}${options.end}`);
  }
  return size;
}

function isDirectory(proc: Process, path: string): boolean {
  try {
    return proc.fs.lstat(proc.resolve(path)).type === "dir";
  } catch {
    return false;
  }
}

function format(size: number, options: DuOptions): string {
  return humanReadable(size, options.human, options.apparent ? 1 : ST_NBLOCKSIZE, options.unit);
}

/** DU_BLOCK_SIZE, BLOCK_SIZE: a plain byte count; 1024 when unset. */
function blockSizeFromEnv(env: Record<string, string>): number {
  const value = env.DU_BLOCK_SIZE ?? env.BLOCK_SIZE;
  if (value && /^\d+$/.test(value) && Number(value) > 0) return Number(value);
  return env.POSIXLY_CORRECT !== undefined ? 512 : 1024;
}
