import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { InputStream, type Process } from "../../kernel/process";
import { UsageError } from "../getopt";
import { Painter, parseGrepColors } from "./color";
import { type Found, walk, wanted } from "./files";
import { GREP_HELP, GREP_VERSION } from "./help";
import { LineReader } from "./input";
import { Matcher } from "./matcher";
import { GrepError, type GrepOptions, type PatternSyntax, parseGrepArgs } from "./options";
import { RegexError } from "./regex";
import { type SearchRun, searchFile } from "./search";

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/** grep(1), GNU grep 3.8: exit 0 when a line was selected, 1 when none, 2 on error. */
export function grepProgram(syntax: PatternSyntax): Program {
  return async (proc) => {
    let opts: GrepOptions;
    let matcher: Matcher;
    try {
      const parsed = await parseGrepArgs(proc, proc.argv.slice(1), syntax);
      if (parsed === "help") return write(proc, GREP_HELP, 0);
      if (parsed === "version") return write(proc, GREP_VERSION, 0);
      opts = parsed;
      matcher = Matcher.compile(opts);
    } catch (err) {
      if (err instanceof UsageError) {
        await proc.stderr.write(`${err.message ? `grep: ${err.message}\n` : ""}${USAGE}`);
        return 2;
      }
      if (err instanceof GrepError || err instanceof RegexError) {
        await proc.stderr.write(`grep: ${err.message}\n`);
        return 2;
      }
      throw err;
    }
    for (const warning of matcher.warnings) await proc.stderr.write(`grep: warning: ${warning}\n`);
    if (opts.maxCount === 0) return 1;
    return new GrepRun(proc, opts, matcher).run();
  };
}

async function write(proc: Process, text: string, status: number): Promise<number> {
  await proc.stdout.write(text);
  return status;
}

/** One invocation: walks the operands, searches each input, and keeps the exit status. */
class GrepRun {
  private readonly search: SearchRun;
  private selected = false;
  private failed = false;

  constructor(
    private readonly proc: Process,
    private readonly opts: GrepOptions,
    matcher: Matcher,
  ) {
    const colored = opts.color === "always" || (opts.color === "auto" && proc.isatty(1) && proc.env.TERM !== "dumb");
    const painter = new Painter(colored ? parseGrepColors(proc.env.GREP_COLORS) : null);
    this.search = { proc, opts, matcher, painter, printedAny: false };
  }

  async run(): Promise<number> {
    const recursive = this.opts.directories === "recurse";
    const operands = this.opts.files.length > 0 ? this.opts.files : [recursive ? "" : "-"];
    for (const operand of operands) {
      const done = await this.operand(operand, operands.length > 1);
      if (done) return 0;
    }
    if (this.failed && !(this.opts.mode === "quiet" && this.selected)) return 2;
    return this.selected ? 0 : 1;
  }

  /** Searches one operand (recursing into a directory with -r); true once -q has its answer. */
  private async operand(operand: string, several: boolean): Promise<boolean> {
    const showName = this.opts.withFilename ?? several;
    if (operand === "-") return this.input(null, this.opts.label, showName);
    const dir = this.isDirectory(operand === "" ? "." : operand);
    if (dir && this.opts.directories === "skip") return false;
    if (dir && this.opts.directories === "recurse") {
      // `grep -r x` searches `.` but names files without the `./` GNU would otherwise print.
      for (const found of walk(this.proc, this.opts, operand === "" ? "." : operand, operand)) {
        if (await this.found(found, this.opts.withFilename ?? true)) return true;
      }
      return false;
    }
    if (!dir && !wanted(this.opts, operand)) return false;
    return this.input(operand, operand, showName);
  }

  private isDirectory(path: string): boolean {
    try {
      return this.proc.fs.stat(this.proc.resolve(path)).type === "dir";
    } catch {
      return false;
    }
  }

  private async found(found: Found, showName: boolean): Promise<boolean> {
    if (found.kind === "error") {
      await this.error(found.name, found.err);
      return false;
    }
    return this.input(found.path, found.name, showName);
  }

  /** Opens and searches one file (null: standard input). */
  private async input(path: string | null, name: string, showName: boolean): Promise<boolean> {
    let fd: number | null = null;
    try {
      if (path !== null) fd = this.proc.open(path, "r");
      const stream = fd === null ? this.proc.stdin : new InputStream(this.proc, fd);
      const count = await searchFile(this.search, { name, showName, reader: new LineReader(stream) });
      if (count > 0) this.selected = true;
      return count > 0 && this.opts.mode === "quiet";
    } catch (err) {
      if (!(err instanceof Error) || !("code" in err)) throw err;
      await this.error(name, err);
      return false;
    } finally {
      if (fd !== null) this.proc.close(fd);
    }
  }

  private async error(name: string, err: unknown): Promise<void> {
    this.failed = true;
    if (!this.opts.noMessages) await this.proc.stderr.write(`grep: ${name}: ${errorText(err)}\n`);
  }
}
