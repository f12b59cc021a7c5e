/**
 * ls's command line and environment turned into one settings object, following
 * decode_switches() in coreutils src/ls.c: which format, sort, quoting, colors, line
 * width and time style apply once every option and variable has had its say.
 */
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { argmatch, argmatchInvalid } from "./argmatch";
import type { HumanOptions } from "./human";
import { LsColors } from "./ls-color";
import { QUOTING_STYLES, type QuotingOptions, type QuotingStyle, quote } from "./quotearg";
import { utf8Locale } from "./utf8";

export type Format = "long" | "one-per-line" | "many-per-line" | "horizontal" | "with-commas";
export type SortType = "name" | "none" | "time" | "size" | "extension" | "version" | "width";
export type TimeType = "mtime" | "ctime" | "atime";
export type IndicatorStyle = "none" | "slash" | "file-type" | "classify";
export type Dereference = "never" | "command-line" | "command-line-symlink-to-dir" | "always";

export interface LsSettings {
  format: Format;
  /** Which names to skip: dotfiles (default), only . and .. (-A), none (-a). */
  ignore: "dotfiles" | "dot-and-dotdot" | "minimal";
  ignoreBackups: boolean;
  immediateDirs: boolean;
  recursive: boolean;
  sort: SortType;
  reverse: boolean;
  groupDirectoriesFirst: boolean;
  timeType: TimeType;
  printOwner: boolean;
  printGroup: boolean;
  numericIds: boolean;
  printInode: boolean;
  printBlockSize: boolean;
  /** How -s and `total` show block counts: human options and the unit. */
  blocks: { human: HumanOptions; unit: number };
  /** How -l shows sizes. */
  sizes: { human: HumanOptions; unit: number };
  indicator: IndicatorStyle;
  dereference: Dereference;
  quoting: QuotingOptions;
  /** Replace unprintable characters with `?` (-q, the default on a terminal). */
  qmarkFunnyChars: boolean;
  /** Pad unquoted names by a space when others in the listing are quoted. */
  alignVariableOuterQuotes: boolean;
  colors: LsColors | null;
  /** Check symlink targets (for -F, --group-directories-first, or orphan colors). */
  checkSymlinkMode: boolean;
  lineLength: number;
  tabsize: number;
  /** strftime formats for [old, recent] times in -l. */
  timeFormats: [string, string];
  utf8: boolean;
}

const LONG_OPTIONS: Record<string, string> = {
  all: "a",
  escape: "b",
  directory: "d",
  "full-time": "full-time",
  "group-directories-first": "group-directories-first",
  "human-readable": "h",
  inode: "i",
  kibibytes: "k",
  "numeric-uid-gid": "n",
  "no-group": "G",
  "hide-control-chars": "q",
  reverse: "r",
  size: "s",
  width: "w:",
  "almost-all": "A",
  "ignore-backups": "B",
  classify: "F::",
  "file-type": "file-type",
  si: "si",
  "dereference-command-line": "H",
  "dereference-command-line-symlink-to-dir": "dereference-command-line-symlink-to-dir",
  "indicator-style": "indicator-style:",
  dereference: "L",
  literal: "N",
  "quote-name": "Q",
  "quoting-style": "quoting-style:",
  recursive: "R",
  format: "format:",
  "show-control-chars": "show-control-chars",
  sort: "sort:",
  tabsize: "T:",
  time: "time:",
  "time-style": "time-style:",
  color: "color::",
};

const FORMATS: Record<string, Format> = {
  verbose: "long",
  long: "long",
  commas: "with-commas",
  horizontal: "horizontal",
  across: "horizontal",
  vertical: "many-per-line",
  "single-column": "one-per-line",
};
const SORTS: Record<string, SortType> = {
  none: "none",
  time: "time",
  size: "size",
  extension: "extension",
  version: "version",
  width: "width",
};
const TIMES: Record<string, TimeType> = {
  atime: "atime",
  access: "atime",
  use: "atime",
  ctime: "ctime",
  status: "ctime",
  mtime: "mtime",
  modification: "mtime",
};
const INDICATORS: Record<string, IndicatorStyle> = {
  none: "none",
  slash: "slash",
  "file-type": "file-type",
  classify: "classify",
};
const WHEN: Record<string, "always" | "never" | "auto"> = {
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
const TIME_STYLES: Record<string, [string, string]> = {
  "full-iso": ["%Y-%m-%d %H:%M:%S.%N %z", "%Y-%m-%d %H:%M:%S.%N %z"],
  "long-iso": ["%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M"],
  iso: ["%Y-%m-%d ", "%m-%d %H:%M"],
  locale: ["%b %e  %Y", "%b %e %H:%M"],
};

/** A fatal complaint: the message (without `ls: `) and whether to add the --help hint. */
export class LsFatal extends Error {
  constructor(
    message: string,
    readonly tryHelp = false,
    /** A bad argument to a long option exits 1 (argmatch's usage(EXIT_FAILURE)); the rest 2. */
    readonly status = 2,
  ) {
    super(message);
  }
}

/** Parses argv; returns the settings and the operands, or throws UsageError / LsFatal. */
export function parseLsOptions(proc: Process): { settings: LsSettings; operands: string[] } {
  const opts = getopt(proc.argv.slice(1), { short: "abcdfghiklmnopqrstuvw:xABCDFGHLNQRST:UX1", long: LONG_OPTIONS });
  const isatty = proc.isatty(1);
  const utf8 = utf8Locale(proc.env);
  let format: Format | null = null;
  let ignore: LsSettings["ignore"] = "dotfiles";
  let sort: SortType | null = null;
  let timeType: TimeType = "mtime";
  let indicator: IndicatorStyle = "none";
  let dereference: Dereference | null = null;
  let quotingStyle: QuotingStyle | null = null;
  let hideControl: boolean | null = null;
  let color = false;
  let timeStyle: string | null = null;
  let width: number | null = null;
  let tabsize: number | null = null;
  let human: HumanOptions | null = null;
  const flags = {
    ignoreBackups: false,
    immediateDirs: false,
    recursive: false,
    reverse: false,
    groupDirectoriesFirst: false,
    printOwner: true,
    printGroup: true,
    numericIds: false,
    printInode: false,
    printBlockSize: false,
  };
  const q = (text: string) => quote(proc, text);
  const choose = <T>(table: Record<string, T>, option: string, value: string): T => {
    const hit = argmatch(table, value);
    if (hit === undefined) throw new LsFatal(argmatchInvalid(proc, option, value, table), true, 1);
    return hit;
  };
  for (const [key, value] of opts.list) {
    const arg = String(value);
    switch (key) {
      case "a":
        ignore = "minimal";
        break;
      case "A":
        ignore = "dot-and-dotdot";
        break;
      case "b":
        quotingStyle = "escape";
        break;
      case "B":
        flags.ignoreBackups = true;
        break;
      case "c":
        timeType = "ctime";
        break;
      case "u":
        timeType = "atime";
        break;
      case "d":
        flags.immediateDirs = true;
        break;
      case "f":
        ignore = "minimal";
        sort = "none";
        if (format === "long") format = null;
        color = false;
        flags.printBlockSize = false;
        break;
      case "file-type":
        indicator = "file-type";
        break;
      case "F":
        if (value === true || WHEN[arg] === "always" || (WHEN[arg] === "auto" && isatty)) indicator = "classify";
        else if (WHEN[arg] === undefined) throw new LsFatal(argmatchInvalid(proc, "--classify", arg, WHEN), true, 1);
        break;
      case "p":
        indicator = "slash";
        break;
      case "indicator-style":
        indicator = choose(INDICATORS, "--indicator-style", arg);
        break;
      case "g":
        format = "long";
        flags.printOwner = false;
        break;
      case "o":
        format = "long";
        flags.printGroup = false;
        break;
      case "G":
        flags.printGroup = false;
        break;
      case "n":
        flags.numericIds = true;
        format = "long";
        break;
      case "l":
        format = "long";
        break;
      case "full-time":
        format = "long";
        timeStyle = "full-iso";
        break;
      case "m":
        format = "with-commas";
        break;
      case "x":
        format = "horizontal";
        break;
      case "C":
        format = "many-per-line";
        break;
      case "1":
        if (format !== "long") format = "one-per-line";
        break;
      case "format":
        format = choose(FORMATS, "--format", arg);
        break;
      case "h":
        human = { autoscale: true, base: 1024 };
        break;
      case "si":
        human = { autoscale: true, base: 1000 };
        break;
      case "k":
        break;
      case "i":
        flags.printInode = true;
        break;
      case "s":
        flags.printBlockSize = true;
        break;
      case "q":
        hideControl = true;
        break;
      case "show-control-chars":
        hideControl = false;
        break;
      case "N":
        quotingStyle = "literal";
        break;
      case "Q":
        quotingStyle = "c";
        break;
      case "quoting-style":
        quotingStyle = choose(Object.fromEntries(QUOTING_STYLES.map((s) => [s, s])), "--quoting-style", arg);
        break;
      case "r":
        flags.reverse = true;
        break;
      case "R":
        flags.recursive = true;
        break;
      case "t":
        sort = "time";
        break;
      case "S":
        sort = "size";
        break;
      case "U":
        sort = "none";
        break;
      case "X":
        sort = "extension";
        break;
      case "v":
        sort = "version";
        break;
      case "sort":
        sort = choose(SORTS, "--sort", arg);
        break;
      case "time":
        timeType = choose(TIMES, "--time", arg);
        break;
      case "time-style":
        timeStyle = arg;
        break;
      case "group-directories-first":
        flags.groupDirectoriesFirst = true;
        break;
      case "L":
        dereference = "always";
        break;
      case "H":
        dereference = "command-line";
        break;
      case "dereference-command-line-symlink-to-dir":
        dereference = "command-line-symlink-to-dir";
        break;
      case "color": {
        const when = value === true ? "always" : choose(WHEN, "--color", arg);
        color = when === "always" || (when === "auto" && isatty);
        break;
      }
      case "w":
        width = decodeLineLength(arg);
        if (width === null) throw new LsFatal(`invalid line width: ${q(arg)}`);
        break;
      case "T":
        if (!/^\d+$/.test(arg)) throw new LsFatal(`invalid tab size: ${q(arg)}`);
        tabsize = Number(arg);
        break;
    }
  }

  const finalFormat: Format = format ?? (isatty ? "many-per-line" : "one-per-line");
  let colors: LsColors | null = null;
  if (color) {
    const parsed = LsColors.fromEnv(proc.env);
    if (parsed && "error" in parsed) throw new LsFatal(parsed.error);
    colors = parsed;
  }
  const lineLength = width ?? lineLengthFromEnv(proc, finalFormat, colors !== null);
  const style: QuotingStyle = quotingStyle ?? quotingStyleFromEnv(proc.env) ?? (isatty ? "shell-escape" : "literal");
  const blockUnit = blockSizeFromEnv(proc.env);
  return {
    settings: {
      format: finalFormat,
      ignore,
      ...flags,
      sort: sort ?? (finalFormat !== "long" && timeType !== "mtime" ? "time" : "name"),
      timeType,
      blocks: human ? { human, unit: 1 } : { human: {}, unit: blockUnit },
      sizes: human ? { human, unit: 1 } : { human: {}, unit: 1 },
      indicator,
      dereference:
        dereference ??
        (flags.immediateDirs || indicator === "classify" || finalFormat === "long" ? "never" : "command-line-symlink-to-dir"),
      quoting: { style, utf8, quoteThese: quoteTheseFor(style, indicator) },
      qmarkFunnyChars: hideControl ?? isatty,
      alignVariableOuterQuotes:
        (finalFormat === "long" || ((finalFormat === "many-per-line" || finalFormat === "horizontal") && lineLength > 0)) &&
        (style === "shell" || style === "shell-escape" || style === "c-maybe"),
      colors,
      checkSymlinkMode: flags.groupDirectoriesFirst || (colors?.checksTargets ?? false),
      lineLength,
      // Tabs and color sequences do not mix in every terminal, so colored output uses spaces.
      tabsize: colors ? 0 : (tabsize ?? tabsizeFromEnv(proc.env)),
      // The time style matters, and is checked, only for -l.
      timeFormats: finalFormat === "long" ? timeFormats(q, timeStyle ?? proc.env.TIME_STYLE ?? "locale") : TIME_STYLES.locale,
      utf8,
    },
    operands: opts.operands,
  };
}

function decodeLineLength(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  return Number(text);
}

function lineLengthFromEnv(proc: Process, format: Format, colored: boolean): number {
  if (format === "many-per-line" || format === "horizontal" || format === "with-commas" || colored) {
    const cols = proc.ttyOf(1)?.cols;
    if (cols && cols > 0) return cols;
    const env = proc.env.COLUMNS;
    if (env && /^\d+$/.test(env)) return Number(env);
  }
  return 80;
}

function quotingStyleFromEnv(env: Record<string, string>): QuotingStyle | null {
  const value = env.QUOTING_STYLE;
  return value && (QUOTING_STYLES as readonly string[]).includes(value) ? (value as QuotingStyle) : null;
}

function quoteTheseFor(style: QuotingStyle, indicator: IndicatorStyle): string {
  let chars = style === "escape" ? " " : "";
  // With indicators on, a name ending in one of them must not look like it has one.
  const indicators: Record<IndicatorStyle, string> = { none: "", slash: "", "file-type": "=>@|", classify: "*=>@|" };
  chars += indicators[indicator];
  return chars;
}

function tabsizeFromEnv(env: Record<string, string>): number {
  const value = env.TABSIZE;
  return value && /^\d+$/.test(value) ? Number(value) : 8;
}

/** LS_BLOCK_SIZE / BLOCK_SIZE as a plain number of bytes; 1024 when unset. */
function blockSizeFromEnv(env: Record<string, string>): number {
  const value = env.LS_BLOCK_SIZE ?? env.BLOCK_SIZE;
  if (value && /^\d+$/.test(value) && Number(value) > 0) return Number(value);
  return env.POSIXLY_CORRECT !== undefined ? 512 : 1024;
}

function timeFormats(q: (s: string) => string, style: string): [string, string] {
  // posix- styles apply only in a locale with its own time format; C has none.
  if (style.startsWith("posix-")) return TIME_STYLES.locale;
  if (style.startsWith("+")) {
    const [old, recent] = style.slice(1).split("\n");
    return [old, recent ?? old];
  }
  const hit = argmatch(TIME_STYLES, style);
  if (hit) return hit;
  const lines = [`invalid argument ${q(style)} for ${q("time style")}`, "Valid arguments are:"];
  for (const name of Object.keys(TIME_STYLES)) lines.push(`  - [posix-]${name}`);
  lines.push("  - +FORMAT (e.g., +%H:%M) for a 'date'-style format");
  throw new LsFatal(lines.join("\n"), true);
}
