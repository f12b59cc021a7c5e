import type { Stats } from "../../../fs/filesystem";
import { errorText, isSysError, SysError } from "../../../kernel/errno";
import type { Program } from "../../../kernel/exec";
import type { Process } from "../../../kernel/process";
import { FIND_HELP, FIND_VERSION } from "../help";
import { type Entry, evaluate, primariesOf, type Search } from "./expression";
import { type FindCommand, parseCommandLine } from "./parser";
import { FindError, type ParseContext } from "./primary";

/**
 * find(1), GNU findutils 4.9: walks each starting point depth-first, evaluating the
 * expression on every file between -mindepth and -maxdepth.
 *
 * GNU lists a directory in readdir(3) order, which on ext4 is the order of a hash of the
 * names and looks random; Stevedore's filesystem has no such order, so find lists names
 * in byte order (what `find | sort` would give within one directory).
 */
export const find: Program = async (proc) => {
  const warnings: string[] = [];
  const context: ParseContext = {
    proc,
    warnings: proc.isatty(0),
    warn: (message) => warnings.push(message),
    regexType: "emacs",
  };
  let command: FindCommand;
  try {
    command = parseCommandLine(proc.argv.slice(1), context);
  } catch (err) {
    if (!(err instanceof FindError)) throw err;
    await writeWarnings(proc, warnings);
    await proc.stderr.write(`find: ${err.message}\n`);
    return 1;
  }
  await writeWarnings(proc, warnings);
  if (command.info) {
    await proc.stdout.write(command.info === "help" ? FIND_HELP : FIND_VERSION);
    return 0;
  }
  const search = new Walk(proc, command);
  for (const path of command.paths) {
    await search.start(path);
    if (search.quit) break;
  }
  for (const primary of primariesOf(command.expression)) await primary.finish?.(search);
  await search.flush();
  return search.status;
};

async function writeWarnings(proc: Process, warnings: string[]): Promise<void> {
  for (const message of warnings.splice(0)) await proc.stderr.write(`find: ${message}\n`);
}

/** A directory above the one being read, for -L's loop check. */
interface Ancestor {
  ino: number;
  path: string;
}

/** Output is buffered as stdio buffers it, and line by line on a terminal. */
const BUFFER_SIZE = 4096;

class Walk implements Search {
  readonly startTime: number;
  status = 0;
  prune = false;
  quit = false;
  private buffer = "";
  private readonly lineBuffered: boolean;

  constructor(
    readonly proc: Process,
    private readonly command: FindCommand,
  ) {
    this.startTime = proc.now();
    this.lineBuffered = proc.isatty(1);
  }

  async print(text: string): Promise<void> {
    this.buffer += text;
    if (this.lineBuffered || this.buffer.length >= BUFFER_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = "";
    await this.proc.stdout.write(text);
  }

  async warn(message: string): Promise<void> {
    await this.flush();
    await this.proc.stderr.write(`find: ${message}\n`);
  }

  async start(path: string): Promise<void> {
    const abs = this.proc.resolve(path);
    let stats: Stats;
    try {
      if (path === "") throw new SysError("ENOENT", path);
      stats = this.statStart(abs, path);
    } catch (err) {
      await this.fail(path, err);
      return;
    }
    await this.visit({ path, abs, name: startName(path), depth: 0, stats }, []);
  }

  /** Evaluates one file and, unless pruned or too deep, everything under it. */
  private async visit(entry: Entry, ancestors: Ancestor[]): Promise<void> {
    await this.proc.checkpoint();
    const { depthFirst, maxDepth } = this.command;
    let pruned = false;
    if (!depthFirst) {
      pruned = await this.consider(entry);
      if (this.quit) return;
    }
    if (entry.stats.type === "dir" && entry.depth < maxDepth && !pruned) {
      await this.descend(entry, [...ancestors, { ino: entry.stats.ino, path: entry.path }]);
      if (this.quit) return;
    }
    if (depthFirst) await this.consider(entry);
  }

  private async descend(dir: Entry, ancestors: Ancestor[]): Promise<void> {
    let names: string[];
    try {
      names = this.proc.fs.readdir(dir.abs);
    } catch (err) {
      await this.fail(dir.path, err);
      return;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const name of names) {
      const path = dir.path.endsWith("/") ? `${dir.path}${name}` : `${dir.path}/${name}`;
      const abs = dir.abs === "/" ? `/${name}` : `${dir.abs}/${name}`;
      let stats: Stats;
      try {
        stats = this.command.follow === "always" ? this.statFollowing(abs) : this.proc.fs.lstat(abs);
      } catch (err) {
        await this.fail(path, err);
        continue;
      }
      // Under -L a link back up the tree would never end; fts reports it instead of visiting it.
      const loop = stats.type === "dir" ? ancestors.find((a) => a.ino === stats.ino) : undefined;
      if (loop) {
        await this.warn(`File system loop detected; '${path}' is part of the same file system loop as '${loop.path}'.`);
        this.status = 1;
        continue;
      }
      await this.visit({ path, abs, name, depth: dir.depth + 1, stats }, ancestors);
      if (this.quit) return;
    }
  }

  /** Runs the expression on an entry deep enough for -mindepth; true when it was pruned. */
  private async consider(entry: Entry): Promise<boolean> {
    if (entry.depth < this.command.minDepth) return false;
    this.prune = false;
    await evaluate(this.command.expression, entry, this);
    return this.prune;
  }

  /** A starting point is followed under -H and -L, and when named with a trailing slash. */
  private statStart(abs: string, path: string): Stats {
    if (this.command.follow !== "never" || (path.endsWith("/") && path !== "/")) return this.statFollowing(abs);
    return this.proc.fs.lstat(abs);
  }

  /** stat(2), or lstat(2) for a dangling link, as fts does under FTS_LOGICAL. */
  private statFollowing(abs: string): Stats {
    try {
      return this.proc.fs.stat(abs);
    } catch (err) {
      if (isSysError(err, "ENOENT") || isSysError(err, "ELOOP")) return this.proc.fs.lstat(abs);
      throw err;
    }
  }

  private async fail(path: string, err: unknown): Promise<void> {
    await this.warn(`'${path}': ${errorText(err)}`);
    this.status = 1;
  }
}

/** The name -name matches for a starting point: its last component, trailing slashes aside. */
function startName(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return path === "" ? "" : "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}
