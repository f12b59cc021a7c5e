import { errorText } from "../../kernel/errno";
import { InputStream, type Process } from "../../kernel/process";
import { getopt, type OptionTable, type ParsedOptions, UsageError } from "../getopt";

/** Which regex dialect PATTERNS are in: -G (default), -E, -F or -P. */
export type PatternSyntax = "basic" | "extended" | "fixed" | "perl";

/** What grep prints for each file: matching lines, a count, or file names (-l/-L). */
export type OutputMode = "lines" | "count" | "files-with-matches" | "files-without-match" | "quiet";

export interface GrepOptions {
  syntax: PatternSyntax;
  /** -e and -f patterns, or the first operand; not yet split on newlines. */
  patterns: string[];
  ignoreCase: boolean;
  wordRegexp: boolean;
  lineRegexp: boolean;
  invert: boolean;
  mode: OutputMode;
  onlyMatching: boolean;
  lineNumber: boolean;
  byteOffset: boolean;
  /** -H / -h; undefined lets the number of operands decide. */
  withFilename: boolean | undefined;
  label: string;
  noMessages: boolean;
  maxCount: number;
  before: number;
  after: number;
  /** Any of -A, -B, -C or -NUM was given, even 0: GNU then prints group separators. */
  context: boolean;
  groupSeparator: string | null;
  color: "always" | "never" | "auto";
  directories: "read" | "skip" | "recurse";
  /** -R: follow every symlink met while recursing, not only operands. */
  dereference: boolean;
  include: string[];
  exclude: string[];
  excludeDir: string[];
  nullAfterName: boolean;
  binaryFiles: "binary" | "text" | "without-match";
  files: string[];
}

/** GNU grep's option table (grep 3.8). */
const TABLE: OptionTable = {
  short: "0123456789A:B:C:D:EFGHIPTUVZabcd:e:f:hiLlm:noqRrsuvwxyz",
  long: {
    "extended-regexp": "E",
    "fixed-strings": "F",
    "basic-regexp": "G",
    "perl-regexp": "P",
    regexp: "e:",
    file: "f:",
    "ignore-case": "i",
    "no-ignore-case": "no-ignore-case",
    "word-regexp": "w",
    "line-regexp": "x",
    "null-data": "z",
    "no-messages": "s",
    "invert-match": "v",
    version: "V",
    help: "help",
    "max-count": "m:",
    "byte-offset": "b",
    "line-number": "n",
    "line-buffered": "line-buffered",
    "with-filename": "H",
    "no-filename": "h",
    label: "label:",
    "only-matching": "o",
    quiet: "q",
    silent: "q",
    "binary-files": "binary-files:",
    text: "a",
    directories: "d:",
    devices: "D:",
    recursive: "r",
    "dereference-recursive": "R",
    include: "include:",
    exclude: "exclude:",
    "exclude-from": "exclude-from:",
    "exclude-dir": "exclude-dir:",
    "files-without-match": "L",
    "files-with-matches": "l",
    count: "c",
    "initial-tab": "T",
    null: "Z",
    "before-context": "B:",
    "after-context": "A:",
    context: "C:",
    "group-separator": "group-separator:",
    "no-group-separator": "no-group-separator",
    color: "color::",
    colour: "color::",
    binary: "U",
  },
};

/** A usage problem GNU grep reports as `grep: message` (status 2), without the usage lines. */
export class GrepError extends Error {}

/** What the command line asked for, or "help"/"version". */
export type ParsedCommandLine = GrepOptions | "help" | "version";

/** Parses grep's arguments; `syntax` is preset by egrep (-E) and fgrep (-F). Throws UsageError or GrepError. */
export async function parseGrepArgs(proc: Process, args: string[], syntax: PatternSyntax): Promise<ParsedCommandLine> {
  const parsed = getopt(args, TABLE);
  if (parsed.has("help")) return "help";
  if (parsed.has("V")) return "version";
  const opts = defaults(syntax);
  let digits = "";
  let lastDigitIndex = -2;
  for (const [index, [key, value]] of parsed.list.entries()) {
    if (/^[0-9]$/.test(key)) {
      // -NUM is --context=NUM; GNU reads the digits of one cluster as one number.
      digits = lastDigitIndex === index - 1 ? digits + key : key;
      lastDigitIndex = index;
      setContext(opts, "C", digits);
    } else if (key === "f") opts.patterns.push(...(await patternFile(proc, String(value))));
    else if (key === "exclude-from") opts.exclude.push(...(await patternFile(proc, String(value))));
    else apply(opts, key, value);
  }
  const operands = [...parsed.operands];
  if (!parsed.has("e") && !parsed.has("f")) {
    const pattern = operands.shift();
    if (pattern === undefined) throw new UsageError("");
    opts.patterns.push(pattern);
  }
  opts.files = operands;
  if (parsed.has("color") && !colorArgument(opts, parsed)) return "help";
  return opts;
}

function defaults(syntax: PatternSyntax): GrepOptions {
  return {
    syntax,
    patterns: [],
    ignoreCase: false,
    wordRegexp: false,
    lineRegexp: false,
    invert: false,
    mode: "lines",
    onlyMatching: false,
    lineNumber: false,
    byteOffset: false,
    withFilename: undefined,
    label: "(standard input)",
    noMessages: false,
    maxCount: Number.POSITIVE_INFINITY,
    before: 0,
    after: 0,
    context: false,
    groupSeparator: "--",
    color: "never",
    directories: "read",
    dereference: false,
    include: [],
    exclude: [],
    excludeDir: [],
    nullAfterName: false,
    binaryFiles: "binary",
    files: [],
  };
}

/** --color's argument: GNU shows the help (and succeeds) for one it does not know. */
function colorArgument(opts: GrepOptions, parsed: ParsedOptions): boolean {
  const value = parsed.get("color");
  const when = value === "true" || value === undefined ? "auto" : value;
  const map: Record<string, GrepOptions["color"]> = {
    always: "always",
    yes: "always",
    force: "always",
    never: "never",
    no: "never",
    none: "never",
    auto: "auto",
    tty: "auto",
    "if-tty": "auto",
  };
  if (!(when in map)) return false;
  opts.color = map[when];
  return true;
}

function apply(opts: GrepOptions, key: string, value: string | true): void {
  const arg = String(value);
  switch (key) {
    case "E":
    case "F":
    case "G":
    case "P":
      opts.syntax = ({ E: "extended", F: "fixed", G: "basic", P: "perl" } as const)[key];
      return;
    case "e":
      opts.patterns.push(arg);
      return;
    case "i":
    case "y":
      opts.ignoreCase = true;
      return;
    case "no-ignore-case":
      opts.ignoreCase = false;
      return;
    case "w":
      opts.wordRegexp = true;
      return;
    case "x":
      opts.lineRegexp = true;
      return;
    case "v":
      opts.invert = true;
      return;
    case "s":
      opts.noMessages = true;
      return;
    case "m":
      opts.maxCount = count(arg, "invalid max count");
      return;
    case "b":
      opts.byteOffset = true;
      return;
    case "n":
      opts.lineNumber = true;
      return;
    case "H":
      opts.withFilename = true;
      return;
    case "h":
      opts.withFilename = false;
      return;
    case "label":
      opts.label = arg;
      return;
    case "o":
      opts.onlyMatching = true;
      return;
    case "q":
      opts.mode = "quiet";
      return;
    case "l":
    case "L":
    case "c":
      if (opts.mode !== "quiet") opts.mode = key === "l" ? "files-with-matches" : key === "L" ? "files-without-match" : "count";
      return;
    case "a":
      opts.binaryFiles = "text";
      return;
    case "I":
      opts.binaryFiles = "without-match";
      return;
    case "binary-files":
      if (arg !== "binary" && arg !== "text" && arg !== "without-match") throw new GrepError("unknown binary-files type");
      opts.binaryFiles = arg;
      return;
    case "d":
      if (arg !== "read" && arg !== "skip" && arg !== "recurse") throw new GrepError(`invalid argument '${arg}' for '--directories'`);
      opts.directories = arg;
      return;
    case "r":
    case "R":
      opts.directories = "recurse";
      opts.dereference = key === "R";
      return;
    case "include":
      opts.include.push(arg);
      return;
    case "exclude":
      opts.exclude.push(arg);
      return;
    case "exclude-dir":
      opts.excludeDir.push(arg);
      return;
    case "Z":
      opts.nullAfterName = true;
      return;
    case "A":
    case "B":
    case "C":
      setContext(opts, key, arg);
      return;
    case "group-separator":
      opts.groupSeparator = arg;
      return;
    case "no-group-separator":
      opts.groupSeparator = null;
      return;
  }
  // -D, -T, -U, -u, -z, --line-buffered: accepted; they change nothing a learner sees here.
}

function setContext(opts: GrepOptions, key: "A" | "B" | "C", arg: string): void {
  const n = count(arg, `${arg}: invalid context length argument`);
  if (key !== "B") opts.after = n;
  if (key !== "A") opts.before = n;
  opts.context = true;
}

function count(arg: string, message: string): number {
  if (!/^\s*\+?\d+$/.test(arg)) throw new GrepError(message);
  return Number(arg);
}

/** -f FILE: one pattern per line; an empty file gives no pattern at all (matching nothing). */
async function patternFile(proc: Process, name: string): Promise<string[]> {
  let text: string;
  try {
    if (name === "-") text = await proc.stdin.readAll();
    else {
      const fd = proc.open(name, "r");
      text = await new InputStream(proc, fd).readAll();
      proc.close(fd);
    }
  } catch (err) {
    throw new GrepError(`${name}: ${errorText(err)}`);
  }
  if (text === "") return [];
  return [text.endsWith("\n") ? text.slice(0, -1) : text];
}
