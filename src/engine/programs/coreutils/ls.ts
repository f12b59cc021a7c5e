/**
 * ls(1), GNU coreutils 9.1: the operands that are files are listed first, then each
 * directory (with a `dir:` header when there are several, or with -R, which descends
 * depth-first through a stack of pending directories as ls.c does).
 * Exit status: 0, 1 for a minor problem (an entry that vanished), 2 for a serious one
 * (an operand that cannot be accessed, a bad option).
 */
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { complain, isBusyboxApplet, usageError } from "../program";
import { humanReadable } from "./human";
import { IdCache } from "./idcache";
import { shortFormat } from "./ls-columns";
import { type FileInfo, GobbleError, gobbleFile, sortFiles } from "./ls-fileinfo";
import { longFormat } from "./ls-long";
import { blockCount, type Listing, nameWidth } from "./ls-name";
import { LsFatal, type LsSettings, parseLsOptions } from "./ls-options";
import { quoteaf, quotearg } from "./quotearg";
import { ST_NBLOCKSIZE, stBlocks } from "./stblocks";

const LS_MINOR_PROBLEM = 1;
const LS_FAILURE = 2;

interface PendingDir {
  name: string;
  /** The name to print in the header (a symlink's own name), if not `name`. */
  realName?: string;
  commandLine: boolean;
}

export const ls: Program = async (proc) => {
  let parsed: ReturnType<typeof parseLsOptions>;
  try {
    parsed = parseLsOptions(proc);
  } catch (err) {
    if (!(err instanceof LsFatal)) return usageError(proc, err, LS_FAILURE);
    await complain(proc, err.message);
    if (err.tryHelp) await proc.stderr.write("Try 'ls --help' for more information.\n");
    return err.status;
  }
  return new LsRun(proc, parsed.settings).run(parsed.operands);
};

class LsRun {
  private status = 0;
  private out = "";
  private first = true;
  private printDirName = true;
  private readonly pending: PendingDir[] = [];
  private readonly ids: IdCache;
  private readonly now: number;

  constructor(
    private readonly proc: Process,
    private readonly settings: LsSettings,
  ) {
    this.ids = new IdCache(proc);
    this.now = proc.now();
  }

  async run(operands: string[]): Promise<number> {
    const gobbled: FileInfo[] = [];
    if (operands.length === 0) {
      if (this.settings.immediateDirs) await this.gobble(gobbled, ".", ".", true);
      else this.pending.push({ name: ".", commandLine: true });
    }
    for (const operand of operands) await this.gobble(gobbled, operand, operand, true);
    const sorted = this.sort(gobbled);
    const files = this.settings.immediateDirs ? sorted : this.extractDirs(sorted, null);
    if (files.length > 0) {
      this.printFiles(files, gobbled);
      if (this.pending.length > 0) this.out += "\n";
    } else if (operands.length <= 1 && this.pending.length === 1) {
      this.printDirName = false;
    }
    while (this.pending.length > 0) {
      const dir = this.pending.pop() as PendingDir;
      await this.printDir(dir);
      this.printDirName = true;
      await this.flush();
    }
    await this.flush();
    return this.status;
  }

  /** gobble_file() for one name, reporting what cannot be accessed. */
  private async gobble(into: FileInfo[], name: string, path: string, commandLine: boolean): Promise<void> {
    await this.proc.checkpoint();
    try {
      into.push(gobbleFile(this.proc, this.settings, name, path, commandLine));
    } catch (err) {
      if (!(err instanceof GobbleError)) throw err;
      // busybox ls.c: bb_simple_perror_msg(fullname).
      const text = isBusyboxApplet(this.proc)
        ? `${path}: ${errorText(err.reason)}`
        : `cannot access ${quoteaf(this.proc, path)}: ${errorText(err.reason)}`;
      await this.fail(commandLine, text);
    }
  }

  /** print_dir(): a directory's header, `total` line and entries. */
  private async printDir(dir: PendingDir): Promise<void> {
    const { proc, settings } = this;
    let names: string[];
    try {
      const abs = proc.resolve(dir.name);
      if (proc.fs.stat(abs).type !== "dir") throw Object.assign(new Error("Not a directory"), { code: "ENOTDIR" });
      names = proc.fs.readdir(abs);
    } catch (err) {
      await this.fail(dir.commandLine, `cannot open directory ${quoteaf(proc, dir.name)}: ${errorText(err)}`);
      return;
    }
    if (settings.recursive || this.printDirName) {
      if (!this.first) this.out += "\n";
      this.first = false;
      this.out += `${quotearg(dir.realName ?? dir.name, { ...settings.quoting, quoteThese: ":" })}:\n`;
    }
    if (settings.ignore === "minimal") names = [".", "..", ...names];
    const entries: FileInfo[] = [];
    for (const name of names) {
      if (this.ignored(name)) continue;
      await this.gobble(entries, name, attach(dir.name, name), false);
    }
    const sorted = this.sort(entries);
    if (settings.recursive) this.extractDirs(sorted, dir.name);
    if (settings.format === "long" || settings.printBlockSize) {
      const total = entries.reduce((sum, f) => sum + stBlocks(f.stats), 0);
      this.out += `total ${humanReadable(total, settings.blocks.human, ST_NBLOCKSIZE, settings.blocks.unit)}\n`;
    }
    this.printFiles(sorted, sorted);
  }

  /** file_ignored(): dotfiles unless -a/-A, `.` and `..` unless -a, backups with -B. */
  private ignored(name: string): boolean {
    const { ignore, ignoreBackups } = this.settings;
    if (ignore === "dotfiles" && name.startsWith(".")) return true;
    if (ignore === "dot-and-dotdot" && (name === "." || name === "..")) return true;
    return ignoreBackups && name.endsWith("~");
  }

  /**
   * extract_dirs_from_files(): queues the directories among `files` (the operands when
   * `dirname` is null, else the subdirectories for -R) and returns what stays listed.
   */
  private extractDirs(files: FileInfo[], dirname: string | null): FileInfo[] {
    for (let i = files.length - 1; i >= 0; i--) {
      const f = files[i];
      if (f.stats.type !== "dir") continue;
      if (dirname !== null && (f.name === "." || f.name === "..")) continue;
      const name = dirname === null || f.name.startsWith("/") ? f.name : fileNameConcat(dirname, f.name);
      this.pending.push({ name, realName: f.linkName, commandLine: dirname === null });
    }
    return files.filter((f) => !f.argDirectory);
  }

  private sort(files: FileInfo[]): FileInfo[] {
    const listing = this.listing(files);
    return sortFiles(this.settings, files, (f) => nameWidth(listing, f.name));
  }

  /** print_current_files(): `files` in the chosen format, sized over `measured`. */
  private printFiles(files: FileInfo[], measured: FileInfo[]): void {
    const listing = this.listing(measured);
    this.out += this.settings.format === "long" ? longFormat(listing, files, this.ids, this.now, measured) : shortFormat(listing, files);
  }

  private listing(files: FileInfo[]): Listing {
    const { settings } = this;
    return {
      settings,
      someQuoted: settings.alignVariableOuterQuotes && files.some((f) => f.quoted),
      inodeWidth: settings.printInode ? Math.max(0, ...files.map((f) => String(f.stats.ino).length)) : 0,
      blockWidth: settings.printBlockSize ? Math.max(0, ...files.map((f) => blockCount(settings, f.stats).length)) : 0,
    };
  }

  /** file_failure(): the message, and status 2 for an operand, 1 for anything else. */
  private async fail(serious: boolean, message: string): Promise<void> {
    await this.flush();
    await complain(this.proc, message);
    if (serious) this.status = LS_FAILURE;
    else if (this.status === 0) this.status = LS_MINOR_PROBLEM;
  }

  private async flush(): Promise<void> {
    if (this.out === "") return;
    const text = this.out;
    this.out = "";
    await this.proc.stdout.write(text);
  }
}

/** attach(): `dir/name`, or just `name` inside `.`. */
function attach(dirname: string, name: string): string {
  if (dirname === ".") return name;
  return dirname.endsWith("/") ? `${dirname}${name}` : `${dirname}/${name}`;
}

/** file_name_concat(): `dir/name` with one slash, `./name` inside `.` (ls -R's headers). */
function fileNameConcat(dirname: string, name: string): string {
  return dirname.endsWith("/") ? `${dirname}${name}` : `${dirname}/${name}`;
}
