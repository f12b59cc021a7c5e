import { errorText, strerror } from "../../../kernel/errno";
import type { Program } from "../../../kernel/exec";
import { InputStream, type Process } from "../../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../../getopt";
import { complain, usageError } from "../../program";
import { runCommand } from "../command";
import { XARGS_HELP, XARGS_VERSION } from "../help";
import { type Item, ItemReader, type Splitting, UnmatchedQuote } from "./input";
import { shellQuote } from "./quote";

/**
 * xargs(1), GNU findutils 4.9: builds command lines from the initial arguments and the
 * items read from standard input, runs each (stdin on /dev/null) and waits for it.
 * Exit status: 123 if a command exited 1-125, 124 if one exited 255 (xargs stops), 125
 * if one was killed, 126 if it could not run, 127 if it was not found.
 *
 * -P is accepted but commands run one at a time: the output is the same as GNU's for a
 * single slot, without the interleaving parallel runs give.
 */
const OPTIONS = {
  short: "0a:d:E:e::I:i::L:l::n:oP:prs:tx",
  long: {
    null: "0",
    "arg-file": "a:",
    delimiter: "d:",
    eof: "e::",
    replace: "i::",
    "max-lines": "L:",
    "max-args": "n:",
    "open-tty": "o",
    "max-procs": "P:",
    interactive: "p",
    "no-run-if-empty": "r",
    "max-chars": "s:",
    verbose: "t",
    exit: "x",
    help: "help",
    version: "version",
  },
  stopAtOperand: true,
};

/** Linux fails open("/dev/tty") with ENXIO in a process without a controlling terminal. */
const NO_TTY = "failed to open /dev/tty for reading: No such device or address";

/** The size of command line GNU xargs uses by default (xargs --show-limits). */
const DEFAULT_MAX_CHARS = 131_072;

interface Settings {
  command: string[];
  splitting: Splitting;
  maxArgs?: number;
  maxLines?: number;
  maxChars: number;
  replace?: string;
  noRunIfEmpty: boolean;
  verbose: boolean;
  interactive: boolean;
  exitIfTooLong: boolean;
  /** -o: the commands get the terminal as standard input instead of /dev/null. */
  openTty: boolean;
  argFile?: string;
}

class XargsError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export const xargs: Program = async (proc) => {
  let options: ParsedOptions;
  try {
    options = getopt(proc.argv.slice(1), OPTIONS);
  } catch (err) {
    return usageError(proc, err, 1);
  }
  if (options.has("help")) {
    await proc.stdout.write(XARGS_HELP);
    return 0;
  }
  if (options.has("version")) {
    await proc.stdout.write(XARGS_VERSION);
    return 0;
  }
  let settings: Settings;
  try {
    settings = await configure(proc, options);
  } catch (err) {
    if (err instanceof UsageError) return usageError(proc, err, 1);
    if (err instanceof XargsError) return complain(proc, err.message, err.status);
    throw err;
  }
  try {
    return await new Runner(proc, settings).run(await openInput(proc, settings));
  } catch (err) {
    if (err instanceof XargsError) return complain(proc, err.message, err.status);
    throw err;
  }
};

function count(options: ParsedOptions, key: string, min: number): number | undefined {
  const value = options.get(key);
  if (value === undefined) return undefined;
  if (!/^\+?\d+$/.test(value.trim())) throw new UsageError(`invalid number "${value}" for -${key} option`);
  const n = Number(value);
  if (n < min) throw new UsageError(`value ${n} for -${key} option should be >= ${min}`);
  return n;
}

async function configure(proc: Process, options: ParsedOptions): Promise<Settings> {
  let maxArgs: number | undefined;
  let maxLines: number | undefined;
  let replace: string | undefined;
  for (const [key, value] of options.list) {
    if (key === "n") {
      maxArgs = count(options, "n", 1);
      if (maxLines !== undefined) {
        await complain(proc, "warning: options --max-lines and --max-args/-n are mutually exclusive, ignoring previous --max-lines value");
      }
      maxLines = undefined;
    } else if (key === "L" || key === "l") {
      maxLines = key === "L" ? count(options, "L", 1) : value === true ? 1 : count(options, "l", 1);
      if (maxArgs !== undefined) {
        await complain(proc, "warning: options --max-args and -L are mutually exclusive, ignoring previous --max-args value");
      }
      maxArgs = undefined;
    } else if (key === "I" || key === "i") replace = value === true ? "{}" : value;
  }
  count(options, "P", 0);
  const delimiter = options.has("0") ? "\0" : options.has("d") ? parseDelimiter(options.get("d") ?? "") : undefined;
  // The last of -E END and -e[END] wins; a bare -e means no end-of-file string.
  const eofOption = options.list.filter(([key]) => key === "E" || key === "e").pop();
  const eof = eofOption === undefined || eofOption[1] === true ? undefined : eofOption[1];
  const command = options.operands.length > 0 ? options.operands : ["echo"];
  return {
    command,
    splitting: delimiter !== undefined ? { kind: "delimiter", delimiter } : { kind: "blanks", eof, wholeLines: replace !== undefined },
    maxArgs: replace !== undefined ? undefined : maxArgs,
    maxLines: replace !== undefined ? 1 : maxLines,
    maxChars: count(options, "s", 1) ?? DEFAULT_MAX_CHARS,
    replace,
    noRunIfEmpty: options.has("r"),
    verbose: options.has("t") || options.has("p"),
    interactive: options.has("p"),
    exitIfTooLong: options.has("x") || replace !== undefined,
    openTty: options.has("o"),
    argFile: options.get("a"),
  };
}

const ESCAPES: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };

/** -d: one character, or a C escape (\n, \t, \0, \x41, \101). */
function parseDelimiter(spec: string): string {
  if ([...spec].length === 1) return spec;
  const sequence = /^\\(?:([abfnrtv\\])|x([0-9a-fA-F]{1,2})|([0-7]{1,3}))$/.exec(spec);
  if (sequence?.[1]) return ESCAPES[sequence[1]];
  if (sequence?.[2]) return String.fromCharCode(Number.parseInt(sequence[2], 16));
  if (sequence?.[3]) return String.fromCharCode(Number.parseInt(sequence[3], 8));
  throw new XargsError(
    `Invalid input delimiter specification ${spec}: the delimiter must be either a single character or an escape sequence starting with \\.`,
    1,
  );
}

/** Standard input, or the -a file (then the commands' stdin stays /dev/null as well). */
async function openInput(proc: Process, settings: Settings): Promise<ItemReader> {
  if (settings.argFile === undefined) return new ItemReader(proc.stdin, settings.splitting);
  let fd: number;
  try {
    fd = proc.open(settings.argFile, "r");
  } catch (err) {
    throw new XargsError(`Cannot open input file '${settings.argFile}': ${errorText(err)}`, 1);
  }
  return new ItemReader(new InputStream(proc, fd), settings.splitting);
}

/** The bytes a command line takes in the kernel's argument space: each word and its NUL. */
function argSize(args: string[]): number {
  let n = 0;
  for (const arg of args) {
    for (const ch of arg) {
      const code = ch.codePointAt(0) ?? 0;
      n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    }
    n++;
  }
  return n;
}

class Runner {
  private status = 0;
  private ran = false;
  private tty: InputStream | null = null;

  constructor(
    private readonly proc: Process,
    private readonly settings: Settings,
  ) {}

  async run(reader: ItemReader): Promise<number> {
    const { settings } = this;
    let batch: string[] = [];
    let lines = 0;
    const baseSize = argSize(settings.command);
    if (baseSize > settings.maxChars) throw new XargsError("argument line too long", 1);
    let size = baseSize;
    for (;;) {
      await this.proc.checkpoint();
      let item: Item | null;
      try {
        item = await reader.next();
      } catch (err) {
        if (!(err instanceof UnmatchedQuote)) throw err;
        if (batch.length > 0) await this.execute(batch);
        await complain(this.proc, err.message);
        return 1;
      }
      if (item === null) break;
      if (settings.replace !== undefined) {
        await this.execute(
          settings.command.map((word) => word.replaceAll(settings.replace as string, item.text)),
          true,
        );
        continue;
      }
      const itemSize = argSize([item.text]);
      if (baseSize + itemSize > settings.maxChars) throw new XargsError("argument line too long", 1);
      if (size + itemSize > settings.maxChars) {
        if (settings.exitIfTooLong) throw new XargsError("argument line too long", 1);
        await this.execute(batch);
        batch = [];
        size = baseSize;
        lines = 0;
      }
      batch.push(item.text);
      size += itemSize;
      if (item.endsLine) lines++;
      const full =
        (settings.maxArgs !== undefined && batch.length >= settings.maxArgs) ||
        (settings.maxLines !== undefined && lines >= settings.maxLines);
      if (full) {
        await this.execute(batch);
        batch = [];
        size = baseSize;
        lines = 0;
      }
    }
    if (batch.length > 0 || (!this.ran && !settings.noRunIfEmpty && settings.replace === undefined)) await this.execute(batch);
    return this.status;
  }

  /** Runs the command with `items` appended (or `argv` as it is, for -I). */
  private async execute(items: string[], complete = false): Promise<void> {
    this.ran = true;
    const argv = complete ? items : [...this.settings.command, ...items];
    if (this.settings.verbose && !(await this.confirm(argv))) return;
    const result = await runCommand(this.proc, argv, this.commandStdin());
    const name = argv[0];
    if ("errno" in result) {
      throw new XargsError(`${name}: ${strerror[result.errno]}`, result.errno === "ENOENT" ? 127 : 126);
    }
    const { code, signal } = result.status;
    if (signal) throw new XargsError(`${name}: terminated by signal ${signal}`, 125);
    if (code === 255) throw new XargsError(`${name}: exited with status 255; aborting`, 124);
    if (code !== 0) this.status = 123;
  }

  private ttyFd: number | null = null;

  /** /dev/null, or the terminal for -o (opened once, as GNU reopens it for each child). */
  private commandStdin(): number {
    if (!this.settings.openTty) return -1;
    if (this.ttyFd === null) {
      try {
        this.ttyFd = this.proc.open("/dev/tty", "r");
      } catch {
        throw new XargsError(NO_TTY, 1);
      }
    }
    return this.ttyFd;
  }

  /** -t shows the command on stderr; -p also asks on /dev/tty and runs it only on a yes. */
  private async confirm(argv: string[]): Promise<boolean> {
    const line = argv.map(shellQuote).join(" ");
    if (!this.settings.interactive) {
      await this.proc.stderr.write(`${line}\n`);
      return true;
    }
    await this.proc.stderr.write(`${line} ?...`);
    if (!this.tty) {
      try {
        const fd = this.proc.open("/dev/tty", "r");
        this.tty = new InputStream(this.proc, fd);
      } catch {
        throw new XargsError(NO_TTY, 1);
      }
    }
    const answer = await this.tty.readLine();
    return answer !== null && /^[yY]/.test(answer);
  }
}
