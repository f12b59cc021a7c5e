import type { Stats } from "../../fs/filesystem";
import type { Process } from "../../kernel/process";
import type { IoContext } from "./context";

/**
 * test and [ (bash's test.c): POSIX's rules by number of arguments, then a general
 * parser for -a, -o, ! and parentheses. The file and integer primaries are shared with
 * [[ ]]. Status 0 true, 1 false, 2 for a usage error.
 */
export async function testBuiltin(ctx: IoContext): Promise<number> {
  let args = ctx.args;
  const bracket = ctx.name === "[";
  if (bracket) {
    if (args[args.length - 1] !== "]") return fail(ctx, ctx.gnu ? "missing ']'" : "missing `]'");
    args = args.slice(0, -1);
  }
  try {
    return new TestParser(args, ctx).evaluate() ? 0 : 1;
  } catch (err) {
    if (err instanceof TestError) return fail(ctx, err.message);
    throw err;
  }
}

async function fail(ctx: IoContext, message: string): Promise<number> {
  await ctx.error(message);
  return 2;
}

class TestError extends Error {}

const UNARY = new Set("abcdefghkprstuwxzGLNOSnvo".split("").map((c) => `-${c}`));
const BINARY = new Set(["=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"]);

class TestParser {
  private pos = 0;

  constructor(
    private readonly args: string[],
    private readonly ctx: IoContext,
  ) {}

  evaluate(): boolean {
    const n = this.args.length;
    if (n === 0) return false;
    if (n <= 4) {
      const result = this.posix(0, n);
      if (result !== null) return result;
    }
    const value = this.or();
    if (this.pos < n) throw new TestError(this.ctx.gnu ? `extra argument '${this.args[this.pos]}'` : "too many arguments");
    return value;
  }

  /** The POSIX rules for 1 to 4 arguments; null when they do not decide. */
  private posix(from: number, count: number): boolean | null {
    const a = this.args.slice(from, from + count);
    switch (count) {
      case 1:
        return a[0] !== "";
      case 2:
        if (a[0] === "!") return a[1] === "";
        if (UNARY.has(a[0])) return this.unary(a[0], a[1]);
        throw new TestError(`${a[0]}: unary operator expected`);
      case 3:
        if (BINARY.has(a[1])) return this.binary(a[0], a[1], a[2]);
        if (a[1] === "-a") return a[0] !== "" && a[2] !== "";
        if (a[1] === "-o") return a[0] !== "" || a[2] !== "";
        if (a[0] === "!") return !(this.posix(from + 1, 2) as boolean);
        if (a[0] === "(" && a[2] === ")") return a[1] !== "";
        throw new TestError(`${a[1]}: binary operator expected`);
      case 4:
        if (a[0] === "!") return !(this.posix(from + 1, 3) as boolean);
        if (a[0] === "(" && a[3] === ")") return this.posix(from + 1, 2);
        return null;
      default:
        return null;
    }
  }

  private or(): boolean {
    let value = this.and();
    while (this.args[this.pos] === "-o") {
      this.pos++;
      const right = this.and();
      value = value || right;
    }
    return value;
  }

  private and(): boolean {
    let value = this.not();
    while (this.args[this.pos] === "-a") {
      this.pos++;
      const right = this.not();
      value = value && right;
    }
    return value;
  }

  private not(): boolean {
    if (this.args[this.pos] === "!") {
      this.pos++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const args = this.args;
    const word = args[this.pos];
    if (word === undefined) throw new TestError("argument expected");
    if (word === "(") {
      this.pos++;
      const value = this.or();
      if (args[this.pos] !== ")") throw new TestError("`)' expected");
      this.pos++;
      return value;
    }
    if (BINARY.has(args[this.pos + 1] ?? "")) {
      this.pos += 3;
      if (args[this.pos - 1] === undefined) throw new TestError(`${args[this.pos - 2]}: binary operator expected`);
      return this.binary(word, args[this.pos - 2], args[this.pos - 1]);
    }
    if (UNARY.has(word) && args[this.pos + 1] !== undefined) {
      this.pos += 2;
      return this.unary(word, args[this.pos - 1]);
    }
    this.pos++;
    return word !== "";
  }

  private unary(op: string, arg: string): boolean {
    return unaryTest(this.ctx.proc, op, arg, this.ctx.isSet, this.ctx.optionSet);
  }

  private binary(left: string, op: string, right: string): boolean {
    const result = binaryTest(this.ctx.proc, op, left, right, (text) => {
      const n = parseInteger(text);
      if (n === null) throw new TestError(this.ctx.gnu ? `invalid integer '${text}'` : `${text}: integer expression expected`);
      return n;
    });
    return result;
  }
}

/** An integer operand of -eq and friends: blanks around, an optional sign, 64 bits. */
export function parseInteger(text: string): bigint | null {
  const trimmed = text.trim();
  if (!/^[-+]?[0-9]+$/.test(trimmed)) return null;
  const n = BigInt(trimmed);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return null;
  return n;
}

/** The unary primaries: -z -n, file tests, -v (variable set), -o (option on), -t (terminal). */
export function unaryTest(
  proc: Process,
  op: string,
  arg: string,
  isSet?: (name: string) => boolean,
  optionSet?: (name: string) => boolean,
): boolean {
  switch (op) {
    case "-z":
      return arg === "";
    case "-n":
      return arg !== "";
    case "-v":
      return isSet?.(arg) ?? false;
    case "-o":
      return optionSet?.(arg) ?? false;
    case "-t":
      return /^\d+$/.test(arg) && proc.isatty(Number(arg));
    case "-h":
    case "-L":
      return lstat(proc, arg)?.type === "symlink";
  }
  const stats = stat(proc, arg);
  if (!stats) return false;
  switch (op) {
    case "-e":
    case "-a":
      return true;
    case "-f":
      return stats.type === "file";
    case "-d":
      return stats.type === "dir";
    case "-b":
      return stats.type === "blockdev";
    case "-c":
      return stats.type === "chardev";
    case "-p":
      return stats.type === "fifo";
    case "-S":
      return stats.type === "socket";
    case "-s":
      return stats.size > 0;
    case "-g":
      return (stats.mode & 0o2000) !== 0;
    case "-u":
      return (stats.mode & 0o4000) !== 0;
    case "-k":
      return (stats.mode & 0o1000) !== 0;
    case "-O":
      return stats.uid === proc.uid;
    case "-G":
      return stats.gid === proc.gid;
    case "-N":
      return stats.mtimeMs > stats.atimeMs;
    case "-r":
      return access(proc, stats, 4);
    case "-w":
      return access(proc, stats, 2);
    case "-x":
      return access(proc, stats, 1);
    default:
      return false;
  }
}

/** The binary primaries; `integer` parses the operands of -eq and friends (or throws). */
export function binaryTest(proc: Process, op: string, left: string, right: string, integer: (text: string) => bigint): boolean {
  switch (op) {
    case "=":
    case "==":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case ">":
      return left > right;
    case "-nt":
    case "-ot": {
      const a = stat(proc, left);
      const b = stat(proc, right);
      if (op === "-nt") return a !== null && (b === null || a.mtimeMs > b.mtimeMs);
      return b !== null && (a === null || a.mtimeMs < b.mtimeMs);
    }
    case "-ef": {
      const a = stat(proc, left);
      const b = stat(proc, right);
      return a !== null && b !== null && a.ino === b.ino;
    }
  }
  const a = integer(left);
  const b = integer(right);
  switch (op) {
    case "-eq":
      return a === b;
    case "-ne":
      return a !== b;
    case "-lt":
      return a < b;
    case "-le":
      return a <= b;
    case "-gt":
      return a > b;
    case "-ge":
      return a >= b;
    default:
      return false;
  }
}

function stat(proc: Process, path: string): Stats | null {
  if (path === "") return null;
  try {
    return proc.fs.stat(proc.resolve(path));
  } catch {
    return null;
  }
}

function lstat(proc: Process, path: string): Stats | null {
  if (path === "") return null;
  try {
    return proc.fs.lstat(proc.resolve(path));
  } catch {
    return null;
  }
}

/** access(2) for the process's user: root reads and writes anything, and executes what has an x bit. */
function access(proc: Process, stats: Stats, bit: number): boolean {
  if (proc.uid === 0) return bit !== 1 || stats.type === "dir" || (stats.mode & 0o111) !== 0;
  if (stats.uid === proc.uid) return ((stats.mode >> 6) & bit) !== 0;
  if (stats.gid === proc.gid) return ((stats.mode >> 3) & bit) !== 0;
  return (stats.mode & bit) !== 0;
}
