import { FORMATS, type FormatSpec, MACROS } from "./format";

/**
 * ps's command line, parsed as procps-ng 4.0.2 does (ps/parser.c, ps/sortformat.c):
 * UNIX options (-ef), BSD options (aux), GNU long options (--sort), trailing PIDs, and a
 * second attempt reading everything as BSD when the first fails (`ps -aux`).
 */

/** One kind of explicit selection (-p, -u, -C, -t...) and its values. */
export type Selection =
  | { type: "pid" | "ppid" | "sess" | "pgrp" | "euid" | "ruid" | "egid" | "rgid"; values: number[] }
  | { type: "tty"; values: string[] }
  | { type: "comm"; values: string[] };

export interface Column {
  /** Header text ("" prints no header for it). */
  name: string;
  width: number;
  spec: FormatSpec;
}

export interface SortKey {
  spec: FormatSpec;
  descending: boolean;
}

export interface PsOptions {
  /** -e, -A, or BSD ax. */
  all: boolean;
  /** The select_bits table of select.c for -a, -d, a, x and the defaults. */
  selectBits: number;
  /** Whether the table applies: a simple selection was given, or no list was. */
  useTable: boolean;
  selections: Selection[];
  negate: boolean;
  runningOnly: boolean;
  columns: Column[];
  sort: SortKey[];
  /** "" none, "b" BSD f, "g" --forest, "u" -H. */
  forest: "" | "b" | "g" | "u";
  header: "normal" | "none" | "multi";
  /** Output width from --cols, COLUMNS or w; undefined to use the terminal. */
  cols?: number;
  wide: number;
  rows?: number;
  userIsNumber: boolean;
  unixF: boolean;
  bsdC: boolean;
  /** --help [section] or -V asked for instead of a listing. */
  help?: string;
  version?: boolean;
}

/** Thrown with procps's wording; ps prints "error: <message>" and its usage. */
export class PsError extends Error {}

/** Resolves names to ids and terminals to tty names, through the caller's files. */
export interface Lookups {
  uid(name: string): number | undefined;
  gid(name: string): number | undefined;
  /** The tty name ("pts/0") for a -t argument, undefined when no such terminal. */
  tty(arg: string): string | undefined | null;
  /** The caller's own terminal, for T and bare t. */
  ownTty: string;
}

const SS_U_a = 1;
const SS_U_d = 2;
const SS_B_x = 4;
const SS_B_g = 8;
const SS_B_a = 16;

const FF_Uf = 0x1;
const FF_Ul = 0x2;
const FF_Bj = 0x10;
const FF_Bl = 0x20;
const FF_Bs = 0x40;
const FF_Bu = 0x80;

const FM_j = 0x1;
const FM_y = 0x2;
const FM_c = 0x4;
const FM_F = 0x8;
const FM_P = 0x10;
const FM_M = 0x20;

const TF_U_L = 0x1;
const TF_U_T = 0x2;

type SfCode = "o" | "O-unix" | "O-bsd" | "format" | "sort";

/** The parser's state, as the globals of parser.c. */
class ParseState {
  all = false;
  simpleSelect = 0;
  selections: Selection[] = [];
  negate = false;
  runningOnly = false;
  preferBsd = false;
  formatFlags = 0;
  formatModifiers = 0;
  threadFlags = 0;
  sf: Array<{ arg: string; code: SfCode }> = [];
  forest: PsOptions["forest"] = "";
  header: PsOptions["header"] | "" = "";
  wCount = 0;
  cols?: number;
  rows?: number;
  userIsNumber = false;
  unixF = false;
  bsdC = false;
  help?: string;
  version = false;
}

/** `pidWidth` is the digits of pid_max, the width of PID columns (procps_pid_length). */
export function parsePs(args: string[], lookups: Lookups, env: Record<string, string>, pidWidth: number): PsOptions {
  let firstError: PsError | null = null;
  for (const forceBsd of [false, true]) {
    try {
      const state = new ParseState();
      if (forceBsd) state.preferBsd = true;
      parseAll(args, state, lookups, forceBsd);
      if (state.help !== undefined || state.version) return finish(state, [], [], 0);
      const { columns, sort } = formats(state, env, pidWidth);
      const selectBits = selectBitsSetup(state);
      return finish(state, columns, sort, selectBits);
    } catch (err) {
      if (!(err instanceof PsError)) throw err;
      firstError ??= err;
    }
  }
  throw firstError as PsError;
}

function finish(state: ParseState, columns: Column[], sort: SortKey[], selectBits: number): PsOptions {
  return {
    all: state.all,
    selectBits,
    useTable: state.simpleSelect !== 0 || state.selections.length === 0,
    selections: state.selections,
    negate: state.negate,
    runningOnly: state.runningOnly,
    columns,
    sort,
    forest: state.forest,
    header: state.header || "normal",
    cols: state.cols,
    wide: state.wCount,
    rows: state.rows,
    userIsNumber: state.userIsNumber,
    unixF: state.unixF,
    bsdC: state.bsdC,
    help: state.help,
    version: state.version,
  };
}

// --- option parsing ----------------------------------------------------------

function argType(arg: string): "gnu" | "end" | "sysv" | "bsd" | "pid" | "pgrp" | "sess" | "fail" {
  const a = arg[0] ?? "";
  if (/[a-zA-Z]/.test(a)) return "bsd";
  if (/[0-9]/.test(a)) return "pid";
  if (a === "+") return "sess";
  if (a !== "-") return "fail";
  const b = arg[1] ?? "";
  if (/[a-zA-Z]/.test(b)) return "sysv";
  if (/[0-9]/.test(b)) return "pgrp";
  if (b !== "-") return "fail";
  const c = arg[2] ?? "";
  if (/[a-zA-Z]/.test(c)) return "gnu";
  if (c === "") return "end";
  return "fail";
}

/** Walks argv; each option parser advances `at` past what it consumed. */
function parseAll(args: string[], state: ParseState, lookups: Lookups, forceBsd: boolean): void {
  const cursor = { at: 0 };
  while (cursor.at < args.length) {
    const arg = args[cursor.at];
    switch (argType(arg)) {
      case "gnu":
        parseGnu(args, cursor, state, lookups);
        break;
      case "sysv":
        if (!forceBsd) {
          parseSysv(args, cursor, state, lookups);
          break;
        }
        state.preferBsd = true;
        parseBsd(args, cursor, state, lookups, true);
        break;
      case "bsd":
        state.preferBsd = true;
        parseBsd(args, cursor, state, lookups, false);
        break;
      case "pid":
      case "pgrp":
      case "sess":
        state.preferBsd = true;
        parseTrailingPids(args.slice(cursor.at), state);
        return;
      default:
        throw new PsError("garbage option");
    }
    cursor.at++;
  }
}

/** The argument of a flag: the rest of this word, or the next word. */
function optArg(args: string[], cursor: { at: number }, rest: string): string | null {
  if (rest !== "") return rest;
  if (cursor.at + 1 >= args.length || args[cursor.at + 1] === "") return null;
  return args[++cursor.at];
}

function parseSysv(args: string[], cursor: { at: number }, state: ParseState, lookups: Lookups): void {
  const word = args[cursor.at];
  for (let i = 1; i < word.length; i++) {
    const flag = word[i];
    const rest = word.slice(i + 1);
    const list = (message: string) => {
      const arg = optArg(args, cursor, rest);
      if (arg === null) throw new PsError(message);
      return arg;
    };
    switch (flag) {
      case "A":
      case "e":
        state.all = true;
        break;
      case "C":
        state.selections.push({ type: "comm", values: parseList(list("list of command names must follow -C"), (s) => s) });
        return;
      case "F":
        state.formatModifiers |= FM_F;
        state.formatFlags |= FF_Uf;
        state.unixF = true;
        break;
      case "G":
        state.selections.push({
          type: "rgid",
          values: parseList(list("list of real groups must follow -G"), (s) => parseGid(s, lookups, state)),
        });
        return;
      case "H":
        state.forest = "u";
        break;
      case "L":
        state.threadFlags |= TF_U_L;
        break;
      case "M":
      case "Z":
        state.formatModifiers |= FM_M;
        break;
      case "N":
        state.negate = true;
        break;
      case "O":
        state.sf.push({ arg: list("format or sort specification must follow -O"), code: "O-unix" });
        return;
      case "P":
        state.formatModifiers |= FM_P;
        break;
      case "T":
        state.threadFlags |= TF_U_T;
        break;
      case "U":
        state.selections.push({
          type: "ruid",
          values: parseList(list("list of real users must follow -U"), (s) => parseUid(s, lookups, state)),
        });
        return;
      case "V":
        exclusive(args, "-V");
        state.version = true;
        return;
      case "a":
        state.simpleSelect |= SS_U_a;
        break;
      case "c":
        state.formatModifiers |= FM_c;
        break;
      case "d":
        state.simpleSelect |= SS_U_d;
        break;
      case "f":
        state.formatFlags |= FF_Uf;
        state.unixF = true;
        break;
      case "g": {
        const arg = list("list of session leaders OR effective group names must follow -g");
        try {
          state.selections.push({ type: "sess", values: parseList(arg, parsePid) });
        } catch {
          try {
            state.selections.push({ type: "egid", values: parseList(arg, (s) => parseGid(s, lookups, state)) });
          } catch {
            throw new PsError("list of session leaders OR effective group IDs was invalid");
          }
        }
        return;
      }
      case "j":
        state.formatModifiers |= FM_j;
        break;
      case "l":
        state.formatFlags |= FF_Ul;
        break;
      case "o":
        state.sf.push({ arg: list("format specification must follow -o"), code: "o" });
        return;
      case "p":
        state.selections.push({ type: "pid", values: parseList(list("list of process IDs must follow -p"), parsePid) });
        return;
      case "q":
        state.selections.push({ type: "pid", values: parseList(list("List of process IDs must follow -q."), parsePid) });
        return;
      case "s":
        state.selections.push({ type: "sess", values: parseList(list("list of session IDs must follow -s"), parsePid) });
        return;
      case "t":
        state.selections.push({
          type: "tty",
          values: parseList(list("list of terminals (pty, tty...) must follow -t"), (s) => parseTty(s, lookups)),
        });
        return;
      case "u":
        state.selections.push({
          type: "euid",
          values: parseList(list("list of users must follow -u"), (s) => parseUid(s, lookups, state)),
        });
        return;
      case "w":
        state.wCount++;
        break;
      case "x":
        throw new PsError("must set personality to get -x option");
      case "y":
        state.formatModifiers |= FM_y;
        break;
      case "-":
        throw new PsError("embedded '-' among SysV options makes no sense");
      default:
        throw new PsError("unsupported SysV option");
    }
  }
}

function parseBsd(args: string[], cursor: { at: number }, state: ParseState, lookups: Lookups, dashed: boolean): void {
  const word = args[cursor.at];
  for (let i = dashed ? 1 : 0; i < word.length; i++) {
    const flag = word[i];
    const rest = word.slice(i + 1);
    const list = (message: string) => {
      const arg = optArg(args, cursor, rest);
      if (arg === null) throw new PsError(message);
      return arg;
    };
    if (/[0-9]/.test(flag)) {
      state.selections.push({ type: "pid", values: parseList(word.slice(i), parsePid) });
      return;
    }
    switch (flag) {
      case "H":
        // Threads as processes: every playground process has one thread.
        break;
      case "L":
        exclusive(args, "L");
        state.help = "L";
        return;
      case "O":
        state.sf.push({ arg: list("format or sort specification must follow O"), code: "O-bsd" });
        return;
      case "S":
        break;
      case "T":
        state.selections.push({ type: "tty", values: [lookups.ownTty] });
        break;
      case "U":
        state.selections.push({ type: "euid", values: parseList(list("list of users must follow U"), (s) => parseUid(s, lookups, state)) });
        return;
      case "V":
        exclusive(args, "V");
        state.version = true;
        return;
      case "W":
        throw new PsError("obsolete W option not supported (you have a /dev/drum?)");
      case "Z":
        state.formatModifiers |= FM_M;
        break;
      case "a":
        state.simpleSelect |= SS_B_a;
        break;
      case "c":
        state.bsdC = true;
        break;
      case "f":
        state.forest = "b";
        break;
      case "g":
        state.simpleSelect |= SS_B_g;
        break;
      case "h":
        if (state.header) throw new PsError("only one heading option may be specified");
        state.header = "none";
        break;
      case "j":
        state.formatFlags |= FF_Bj;
        break;
      case "k":
        state.sf.push({ arg: list("long sort specification must follow 'k'"), code: "sort" });
        return;
      case "l":
        state.formatFlags |= FF_Bl;
        break;
      case "n":
        state.userIsNumber = true;
        break;
      case "o":
        state.sf.push({ arg: list("format specification must follow o"), code: "o" });
        return;
      case "p":
        state.selections.push({ type: "pid", values: parseList(list("list of process IDs must follow p"), parsePid) });
        return;
      case "q":
        state.selections.push({ type: "pid", values: parseList(list("List of process IDs must follow q."), parsePid) });
        return;
      case "r":
        state.runningOnly = true;
        break;
      case "s":
        state.formatFlags |= FF_Bs;
        break;
      case "t": {
        const arg = optArg(args, cursor, rest);
        // Bare t is the obsolete BSD way to say "my terminal".
        state.selections.push({ type: "tty", values: arg === null ? [lookups.ownTty] : parseList(arg, (s) => parseTty(s, lookups)) });
        return;
      }
      case "u":
        state.formatFlags |= FF_Bu;
        break;
      case "w":
        state.wCount++;
        break;
      case "x":
        state.simpleSelect |= SS_B_x;
        break;
      case "-":
        throw new PsError("embedded '-' among BSD options makes no sense");
      default:
        throw new PsError("unsupported option (BSD syntax)");
    }
  }
}

const GNU_OPTIONS = [
  "Group",
  "User",
  "cols",
  "columns",
  "cumulative",
  "deselect",
  "forest",
  "format",
  "group",
  "header",
  "headers",
  "heading",
  "headings",
  "help",
  "lines",
  "no-header",
  "no-headers",
  "no-heading",
  "no-headings",
  "noheader",
  "noheaders",
  "noheading",
  "noheadings",
  "pid",
  "ppid",
  "quick-pid",
  "rows",
  "sid",
  "sort",
  "tty",
  "user",
  "version",
  "width",
];

function parseGnu(args: string[], cursor: { at: number }, state: ParseState, lookups: Lookups): void {
  const body = args[cursor.at].slice(2);
  const sep = body.search(/[:=]/);
  const name = sep < 0 ? body : body.slice(0, sep);
  const attached = sep < 0 ? null : body.slice(sep + 1);
  if (name.length > 15 || !GNU_OPTIONS.includes(name)) throw new PsError("unknown gnu long option");
  // grab_gnu_arg: after = or :, else the next word.
  const arg = (): string | null => {
    if (attached !== null) return attached === "" ? null : attached;
    if (cursor.at + 1 >= args.length || args[cursor.at + 1] === "") return null;
    return args[++cursor.at];
  };
  const need = (message: string) => {
    const value = arg();
    if (value === null) throw new PsError(message);
    return value;
  };
  const noArg = (message: string) => {
    if (attached !== null) throw new PsError(message);
  };
  switch (name) {
    case "Group":
      state.selections.push({
        type: "rgid",
        values: parseList(need("list of real groups must follow --Group"), (s) => parseGid(s, lookups, state)),
      });
      return;
    case "User":
      state.selections.push({
        type: "ruid",
        values: parseList(need("list of real users must follow --User"), (s) => parseUid(s, lookups, state)),
      });
      return;
    case "cols":
    case "columns":
    case "width": {
      const value = arg();
      const n = value === null ? Number.NaN : Number(value);
      if (!Number.isInteger(n) || n <= 0 || n >= 2_000_000_000)
        throw new PsError("number of columns must follow --cols, --width, or --columns");
      state.cols = n;
      return;
    }
    case "rows":
    case "lines": {
      const value = arg();
      const n = value === null ? Number.NaN : Number(value);
      if (!Number.isInteger(n) || n <= 0 || n >= 2_000_000_000) throw new PsError("number of rows must follow --rows or --lines");
      state.rows = n;
      return;
    }
    case "cumulative":
      noArg("option --cumulative does not take an argument");
      return;
    case "deselect":
      noArg("option --deselect does not take an argument");
      state.negate = true;
      return;
    case "forest":
      noArg("option --forest does not take an argument");
      state.forest = "g";
      return;
    case "format":
      state.sf.push({ arg: need("format specification must follow --format"), code: "format" });
      return;
    case "group":
      state.selections.push({
        type: "egid",
        values: parseList(need("list of effective groups must follow --group"), (s) => parseGid(s, lookups, state)),
      });
      return;
    case "help":
      state.help = arg() ?? "";
      return;
    case "pid":
    case "quick-pid":
      state.selections.push({ type: "pid", values: parseList(need("list of process IDs must follow --pid"), parsePid) });
      return;
    case "ppid":
      state.selections.push({ type: "ppid", values: parseList(need("list of process IDs must follow --ppid"), parsePid) });
      return;
    case "sid":
      state.selections.push({ type: "sess", values: parseList(need("some sid thing(s) must follow --sid"), parsePid) });
      return;
    case "sort":
      state.sf.push({ arg: need("long sort specification must follow --sort"), code: "sort" });
      return;
    case "tty":
      state.selections.push({ type: "tty", values: parseList(need("list of ttys must follow --tty"), (s) => parseTty(s, lookups)) });
      return;
    case "user":
      state.selections.push({
        type: "euid",
        values: parseList(need("list of effective users must follow --user"), (s) => parseUid(s, lookups, state)),
      });
      return;
    case "version":
      exclusive(args, "--version");
      state.version = true;
      return;
    default:
      if (name.startsWith("no")) {
        noArg("option --no-heading does not take an argument");
        if (state.header) throw new PsError("only one heading option may be specified");
        state.header = "none";
      } else {
        noArg("option --heading does not take an argument");
        if (state.header) throw new PsError("only one heading option may be specified");
        state.header = "multi";
      }
  }
}

/** Trailing operands: PIDs, -PGRPs and +SIDs (ps 123 -45 +6). */
function parseTrailingPids(rest: string[], state: ParseState): void {
  const pids: number[] = [];
  const pgrps: number[] = [];
  const sids: number[] = [];
  for (const arg of rest) {
    if (arg.startsWith("-")) pgrps.push(parsePid(arg.slice(1)));
    else if (arg.startsWith("+")) sids.push(parsePid(arg.slice(1)));
    else pids.push(parsePid(arg));
  }
  if (pids.length) state.selections.push({ type: "pid", values: pids });
  if (pgrps.length) state.selections.push({ type: "pgrp", values: pgrps });
  if (sids.length) state.selections.push({ type: "sess", values: sids });
}

function exclusive(args: string[], option: string): void {
  if (args.length !== 1 || args[0] !== option) throw new PsError(`the option is exclusive: ${option}`);
}

/** A comma-, blank- or tab-separated list; an empty item is an error. */
function parseList<T>(text: string, each: (item: string) => T): T[] {
  const items = text.split(/[ ,\t]/);
  if (items.some((item) => item === "")) throw new PsError("improper list");
  return items.map(each);
}

function parsePid(text: string): number {
  if (!/^(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.test(text)) throw new PsError("process ID list syntax error");
  const n = Number(text.startsWith("0") && !/^0x/i.test(text) && text.length > 1 ? Number.parseInt(text, 8) : text);
  if (n < 1 || n > 0x7fffffff) throw new PsError("process ID out of range");
  return n;
}

function parseUid(text: string, lookups: Lookups, state: ParseState): number {
  if (/^\d+$/.test(text)) return Number(text);
  const uid = lookups.uid(text);
  if (uid === undefined) {
    if (!state.negate) throw new PsError("user name does not exist");
    return -1;
  }
  return uid;
}

function parseGid(text: string, lookups: Lookups, state: ParseState): number {
  if (/^\d+$/.test(text)) return Number(text);
  const gid = lookups.gid(text);
  if (gid === undefined) {
    if (!state.negate) throw new PsError("group name does not exist");
    return -1;
  }
  return gid;
}

function parseTty(text: string, lookups: Lookups): string {
  const tty = lookups.tty(text);
  if (tty === undefined) throw new PsError("TTY could not be found");
  if (tty === null) throw new PsError("list member was not a TTY");
  return tty;
}

// --- formats and sorting ----------------------------------------------------

/** do_one_spec: a column, or the columns of a macro, with an optional header override. */
function spec(name: string, override: string | null, pidWidth: number): Column[] | null {
  const format = FORMATS[name];
  if (format) {
    const w = format.pidmax ? Math.max(pidWidth, format.head.length) : format.width;
    if (override !== null) return [{ name: override, width: Math.max(w, override.length), spec: format }];
    return [{ name: format.head, width: w, spec: format }];
  }
  const macro = MACROS[name];
  if (!macro) return null;
  return macro.split(/[, ]/).flatMap((part) => spec(part, override, pidWidth) ?? []);
}

/** format_parse: "pid,user=WHO,args:40" (one trailing separator is allowed). */
function parseFormat(text: string, pidWidth: number): Column[] {
  const items = text.replace(/[ ,\t\n]$/, "").split(/[ ,\t\n]/);
  if (items.length === 1 && items[0] === "") throw new PsError("empty format list");
  if (items.some((i) => i === "")) throw new PsError("improper format list");
  const out: Column[] = [];
  for (const item of items) {
    const eqAt = item.indexOf("=");
    let name = eqAt >= 0 ? item.slice(0, eqAt) : item;
    const override = eqAt >= 0 ? item.slice(eqAt + 1) : null;
    let width: number | null = null;
    const colon = name.indexOf(":");
    if (colon >= 0) {
      const w = name.slice(colon + 1);
      if (!/^[1-9][0-9]*$/.test(w)) throw new PsError("column widths must be unsigned decimal numbers");
      width = Number(w);
      name = name.slice(0, colon);
    }
    const columns = spec(name, override, pidWidth);
    if (!columns) throw new PsError(`unknown user-defined format specifier "${name}"`);
    if (width !== null) {
      if (columns.length > 1) throw new PsError("can not set width for a macro (multi-column) format specifier");
      columns[0].width = width;
    }
    out.push(...columns);
  }
  return out;
}

function parseSort(text: string): SortKey[] {
  const items = text.replace(/[ ,\t\n]$/, "").split(/[ ,\t\n]/);
  if (items.length === 1 && items[0] === "") throw new PsError("empty sort list");
  if (items.some((i) => i === "")) throw new PsError("improper sort list");
  return items.map((item) => {
    const descending = item.startsWith("-");
    const name = item.replace(/^[-+]/, "");
    const format = FORMATS[name];
    if (!format) throw new PsError("unknown sort specifier");
    return { spec: format, descending };
  });
}

/** process_sf_options + generate_sysv_list: the columns to print and the sort order. */
function formats(state: ParseState, env: Record<string, string>, pidWidth: number): { columns: Column[]; sort: SortKey[] } {
  let columns: Column[] = [];
  let sort: SortKey[] = [];
  let parsedFormat = false;
  for (const { arg, code } of state.sf) {
    if (code === "sort") {
      if (sort.length) throw new PsError("multiple sort options");
      sort = parseSort(arg);
      continue;
    }
    if (code === "O-unix" || code === "O-bsd") {
      if (parsedFormat)
        throw new PsError(
          code === "O-unix" ? "option -O can not follow other format options" : "option O is neither first format nor sort order",
        );
      const trailer = code === "O-bsd" ? "END_BSD" : "END_SYS5";
      columns = [...(spec("pid", null, pidWidth) ?? []), ...parseFormat(arg, pidWidth), ...(spec(trailer, null, pidWidth) ?? [])];
      parsedFormat = true;
      continue;
    }
    columns.push(...parseFormat(arg, pidWidth));
    parsedFormat = true;
  }
  if (!state.formatFlags && !state.formatModifiers && !columns.length && env.PS_FORMAT) {
    try {
      return { columns: parseFormat(env.PS_FORMAT, pidWidth), sort };
    } catch {
      // procps warns and carries on with the default
    }
  }
  if (columns.length) {
    if (state.formatFlags) throw new PsError("conflicting format options");
    if (state.formatModifiers) throw new PsError("can not use output modifiers with user-defined output");
    return { columns, sort };
  }
  const bsd: Record<number, string> = { [FF_Bj]: "OL_j", [FF_Bl]: "OL_l", [FF_Bs]: "OL_s", [FF_Bu]: "OL_u" };
  const flags = state.formatFlags;
  if (flags === 0 || flags === FF_Uf || flags === FF_Ul || flags === (FF_Uf | FF_Ul)) {
    return { columns: sysvList(state, pidWidth), sort };
  }
  const macro = bsd[flags];
  if (!macro) throw new PsError("conflicting format options");
  columns = spec(macro, null, pidWidth) ?? [];
  if (state.formatModifiers & FM_j) {
    const at = columns.findIndex((c) => c.name === "PPID" || c.name === "PID");
    columns.splice(at + 1, 0, ...(spec("pgid", null, pidWidth) ?? []), ...(spec("sid", null, pidWidth) ?? []));
  }
  return { columns, sort };
}

/** generate_sysv_list: the columns of -f, -l, -F, -j, -L and the plain and BSD defaults. */
function sysvList(state: ParseState, pidWidth: number): Column[] {
  const f = state.formatFlags;
  const m = state.formatModifiers;
  if (m & FM_y && !(f & FF_Ul)) throw new PsError("modifier -y without format -l makes no sense");
  const names: string[] = [];
  const push = (name: string) => names.unshift(name);
  if (state.preferBsd) {
    push(f ? "cmd" : "args");
    push("bsdtime");
    if (!(f & FF_Ul)) push("stat");
  } else {
    push(f & FF_Uf ? "cmd" : "ucmd");
    push("time");
  }
  push("tname");
  if (f & FF_Uf) push("stime");
  if (m & FM_F) {
    if (!(m & FM_P)) push("psr");
    if (!(f & FF_Ul && m & FM_y)) push("rss");
  }
  if (f & FF_Ul) push("wchan");
  if (m & FM_F || f & FF_Ul) push("sz");
  if (f & FF_Ul) push(m & FM_y ? "rss" : "addr_1");
  if (m & FM_c) {
    push("pri");
    push("class");
  } else if (f & FF_Ul) {
    push("ni");
    push("opri");
  }
  if (state.threadFlags & TF_U_L && f & FF_Uf) push("nlwp");
  if (f & (FF_Uf | FF_Ul) && !(m & FM_c)) push("c");
  if (m & FM_P) push("psr");
  if (state.threadFlags & TF_U_L) push("lwp");
  if (m & FM_j) {
    push("sid");
    push("pgid");
  }
  if (f & (FF_Uf | FF_Ul)) push("ppid");
  if (state.threadFlags & TF_U_T) push("spid");
  push("pid");
  if (f & FF_Uf) push("uid_hack");
  else if (f & FF_Ul) push("uid");
  if (f & FF_Ul) {
    push("s");
    if (!(m & FM_y)) push("f");
  }
  if (m & FM_M) push("label");
  return names.flatMap((name) => spec(name, null, pidWidth) ?? []);
}

/** select_bits_setup: the table of select.c, indexed by euid, session leader, no tty, our tty. */
function selectBitsSetup(state: ParseState): number {
  if (!state.simpleSelect && !state.preferBsd) return 0xaa00;
  const value = state.simpleSelect & (SS_U_a | SS_U_d) ? state.simpleSelect : state.simpleSelect | SS_B_g;
  switch (value) {
    case SS_U_a | SS_U_d:
      return 0x3f3f;
    case SS_U_a:
      return 0x0303;
    case SS_U_d:
      return 0x3333;
    case SS_B_g:
      return 0x0a0a;
    case SS_B_g | SS_B_a:
      return 0x0f0f;
    case SS_B_g | SS_B_x:
      return 0xaaaa;
    case SS_B_g | SS_B_x | SS_B_a:
      state.all = true;
      state.simpleSelect = 0;
      return 0;
    default:
      throw new PsError("process selection options conflict");
  }
}
