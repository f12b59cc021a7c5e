import type { Stats } from "../../fs/filesystem";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { TREE_HELP, TREE_USAGE, TREE_VERSION } from "./help";

/**
 * tree(1) 2.1: lists directories as an indented drawing, then "N directories, M files".
 * Follows tree's list.c: the directories and files named on the command line count in
 * the totals (new in 2.1.0), an empty top directory does not, a symbolic link to a
 * directory counts as a directory but is not descended into, and a directory that
 * cannot be read is marked `[error opening dir]` and makes the exit status 2.
 *
 * Names are sorted with strcoll(3), which in the playground's C.UTF-8 locale (musl)
 * is code point order: "B" before "a". The drawing uses tree's UTF-8 line set.
 */
interface Options {
  all: boolean;
  dirsOnly: boolean;
  fullPath: boolean;
  classify: boolean;
  noIndent: boolean;
  noReport: boolean;
  reverse: boolean;
  order: "name" | "dirsfirst" | "filesfirst";
  /** -L: the deepest level listed (1 is the top directory's own entries). */
  maxLevel: number;
}

interface TreeEntry {
  name: string;
  /** lstat of the entry; `isDir` follows symbolic links as tree's stat() does. */
  stats: Stats;
  isDir: boolean;
  link?: string;
  /** What a symbolic link points to, when it resolves. */
  target?: Stats;
}

interface Totals {
  dirs: number;
  files: number;
}

class TreeUsage extends Error {}

export const tree: Program = async (proc) => {
  let options: Options;
  let paths: string[];
  try {
    const parsed = parseArgs(proc.argv.slice(1));
    if (parsed === "help" || parsed === "version") {
      await proc.stdout.write(parsed === "help" ? TREE_HELP : TREE_VERSION);
      return 0;
    }
    ({ options, paths } = parsed);
  } catch (err) {
    if (!(err instanceof TreeUsage)) throw err;
    await proc.stderr.write(err.message);
    return 1;
  }
  const lister = new Lister(proc, options);
  const totals: Totals = { dirs: 0, files: 0 };
  for (const path of paths) {
    const sub = await lister.top(path);
    totals.dirs += sub.dirs;
    totals.files += sub.files;
  }
  if (!options.noReport) {
    const dirs = `${totals.dirs} director${totals.dirs === 1 ? "y" : "ies"}`;
    await lister.write(options.dirsOnly ? `\n${dirs}\n` : `\n${dirs}, ${totals.files} file${totals.files === 1 ? "" : "s"}\n`);
  }
  await lister.flush();
  return lister.errors > 0 ? 2 : 0;
};

/** tree's own option parser: clustered letters, -L taking the next word, a few long options. */
function parseArgs(args: string[]): { options: Options; paths: string[] } | "help" | "version" {
  const options: Options = {
    all: false,
    dirsOnly: false,
    fullPath: false,
    classify: false,
    noIndent: false,
    noReport: false,
    reverse: false,
    order: "name",
    maxLevel: Number.POSITIVE_INFINITY,
  };
  const paths: string[] = [];
  let optionsDone = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (optionsDone || !arg.startsWith("-") || arg === "-") {
      paths.push(arg);
      continue;
    }
    if (arg.startsWith("--")) {
      const long = arg.slice(2);
      if (long === "") optionsDone = true;
      else if (long === "help" || long === "version") return long;
      else if (long === "noreport") options.noReport = true;
      else if (long === "dirsfirst") options.order = "dirsfirst";
      else if (long === "filesfirst") options.order = "filesfirst";
      else throw new TreeUsage(`tree: Invalid argument \`${arg}'.\n${TREE_USAGE}`);
      continue;
    }
    for (const letter of arg.slice(1)) {
      if (letter === "L") {
        const value = args[++i];
        if (value === undefined) throw new TreeUsage("tree: Missing argument to -L option.\n");
        if (!/^\d+$/.test(value) || Number(value) < 1) throw new TreeUsage("tree: Invalid level, must be greater than 0.\n");
        options.maxLevel = Number(value);
      } else if (letter === "a") options.all = true;
      else if (letter === "d") options.dirsOnly = true;
      else if (letter === "f") options.fullPath = true;
      else if (letter === "F") options.classify = true;
      else if (letter === "i") options.noIndent = true;
      else if (letter === "r") options.reverse = true;
      else if (letter === "n" || letter === "C") continue;
      else throw new TreeUsage(`tree: Invalid argument -\`${letter}'.\n${TREE_USAGE}`);
    }
  }
  if (paths.length === 0) paths.push(".");
  return { options, paths };
}

class Lister {
  errors = 0;
  private out = "";
  /** Per level: whether more entries follow at that level (tree's dirs[] array). */
  private readonly more: boolean[] = [];

  constructor(
    private readonly proc: Process,
    private readonly options: Options,
  ) {}

  async write(text: string): Promise<void> {
    this.out += text;
    if (this.out.length >= 4096) await this.flush();
  }

  async flush(): Promise<void> {
    const text = this.out;
    this.out = "";
    await this.proc.stdout.write(text);
  }

  /** One command-line argument: its name, its listing, and what it adds to the totals. */
  async top(path: string): Promise<Totals> {
    const fs = this.proc.fs;
    const abs = this.proc.resolve(path);
    const name = this.options.fullPath && path.length > 1 ? path.replace(/(.)\/+$/, "$1") : path;
    let stats: Stats | null = null;
    try {
      stats = fs.lstat(abs);
    } catch {
      stats = null;
    }
    // tree stats the arguments without reading their links: `tree link` shows no arrow.
    await this.write(this.label(name, stats));
    const entries = stats ? this.readDir(abs) : null;
    if (entries === null) {
      await this.write("  [error opening dir]\n");
      if (!stats) {
        this.errors++;
        return { dirs: 0, files: 0 };
      }
      return { dirs: 0, files: 1 };
    }
    await this.write("\n");
    if (entries.length === 0) return { dirs: 0, files: 0 };
    const totals = await this.list(name, abs, entries, 1);
    return { dirs: totals.dirs + 1, files: totals.files };
  }

  private async list(dirName: string, dirAbs: string, entries: TreeEntry[], level: number): Promise<Totals> {
    const totals: Totals = { dirs: 0, files: 0 };
    for (let i = 0; i < entries.length; i++) {
      await this.proc.checkpoint();
      const entry = entries[i];
      this.more[level] = i < entries.length - 1;
      const path = dirName.endsWith("/") ? `${dirName}${entry.name}` : `${dirName}/${entry.name}`;
      const abs = dirAbs === "/" ? `/${entry.name}` : `${dirAbs}/${entry.name}`;
      await this.write(this.indent(level) + this.label(this.options.fullPath ? path : entry.name, entry.stats, entry.link, entry.target));
      if (!entry.isDir) {
        totals.files++;
        await this.write("\n");
        continue;
      }
      totals.dirs++;
      let children: TreeEntry[] | null = [];
      if (!entry.link && level < this.options.maxLevel) {
        children = this.readDir(abs);
        if (children === null) {
          this.errors++;
          await this.write("  [error opening dir]");
        }
      }
      await this.write("\n");
      if (children && children.length > 0) {
        const sub = await this.list(path, abs, children, level + 1);
        totals.dirs += sub.dirs;
        totals.files += sub.files;
      }
    }
    this.more[level] = false;
    return totals;
  }

  /**
   * "│" for levels with entries still to come, spaces for finished ones, then the branch.
   * tree's UTF-8 line set pads the vertical bar with two no-break spaces (U+00A0).
   */
  private indent(level: number): string {
    if (this.options.noIndent) return "";
    let out = "";
    for (let i = 1; i < level; i++) out += this.more[i] ? "│\u00a0\u00a0 " : "    ";
    return out + (this.more[level] ? "├── " : "└── ");
  }

  /** The name, ` -> target` for a link, and with -F the type mark of the file (or of the link's target). */
  private label(name: string, stats: Stats | null, link?: string, target?: Stats): string {
    const mark = (s?: Stats | null) => (this.options.classify && s ? classify(s) : "");
    return link === undefined ? `${name}${mark(stats)}` : `${name} -> ${link}${mark(target)}`;
  }

  private readlink(abs: string): string {
    try {
      return this.proc.fs.readlink(abs);
    } catch {
      return "";
    }
  }

  /** The listed entries of a directory, sorted; null when it cannot be read (or is not one). */
  private readDir(abs: string): TreeEntry[] | null {
    const fs = this.proc.fs;
    let names: string[];
    try {
      names = fs.readdir(abs);
    } catch {
      return null;
    }
    const entries: TreeEntry[] = [];
    for (const name of names) {
      if (!this.options.all && name.startsWith(".")) continue;
      const path = abs === "/" ? `/${name}` : `${abs}/${name}`;
      let stats: Stats;
      try {
        stats = fs.lstat(path);
      } catch {
        continue;
      }
      const link = stats.type === "symlink" ? this.readlink(path) : undefined;
      let target: Stats | undefined;
      if (link !== undefined) {
        try {
          target = fs.stat(path);
        } catch {
          target = undefined;
        }
      }
      const isDir = (target ?? stats).type === "dir";
      if (this.options.dirsOnly && !isDir) continue;
      entries.push({ name, stats, isDir, link, target });
    }
    return this.sort(entries);
  }

  private sort(entries: TreeEntry[]): TreeEntry[] {
    const byName = (a: TreeEntry, b: TreeEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) * (this.options.reverse ? -1 : 1);
    const { order } = this.options;
    return entries.sort((a, b) => {
      if (order !== "name" && a.isDir !== b.isDir) return a.isDir === (order === "dirsfirst") ? -1 : 1;
      return byName(a, b);
    });
  }
}

/** -F: the type marks ls -F uses. */
function classify(stats: Stats): string {
  if (stats.type === "dir") return "/";
  if (stats.type === "fifo") return "|";
  if (stats.type === "socket") return "=";
  if (stats.type === "file" && (stats.mode & 0o111) !== 0) return "*";
  return "";
}
