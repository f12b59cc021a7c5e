import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { AWK_USAGE, AWK_VERSION } from "./help";
import { AwkInterpreter, AwkRuntimeError, NextFile, splitText } from "./interp";
import { AwkSyntaxError, parseAwk } from "./parser";

interface Invocation {
  /** The program text, or the -f files it comes from. */
  source: string | null;
  files: string[];
  fs?: string;
  assignments: string[];
  operands: string[];
}

/** gawk's command line: -F fs, -v var=val, -f progfile (also as --field-separator, --assign, --file), --. */
function parseArgs(args: string[]): Invocation | { error: string } | "version" {
  const inv: Invocation = { source: null, files: [], assignments: [], operands: [] };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      i++;
      break;
    }
    if (arg === "--version" || arg === "-V") return "version";
    const long = /^--(field-separator|assign|file)(?:=(.*))?$/s.exec(arg);
    if (long) {
      const value = long[2] ?? args[++i];
      if (value === undefined) return { error: `awk: option '--${long[1]}' requires an argument\n${AWK_USAGE}` };
      if (long[1] === "field-separator") inv.fs = value;
      else if (long[1] === "assign") inv.assignments.push(value);
      else inv.files.push(value);
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") break;
    const letter = arg[1];
    if (!"Fvf".includes(letter)) return { error: `awk: invalid option -- '${letter}'\n${AWK_USAGE}` };
    const value = arg.length > 2 ? arg.slice(2) : args[++i];
    if (value === undefined) return { error: `awk: option requires an argument -- ${letter}\n${AWK_USAGE}` };
    if (letter === "F") inv.fs = value;
    else if (letter === "v") inv.assignments.push(value);
    else inv.files.push(value);
  }
  const rest = args.slice(i);
  if (inv.files.length === 0) {
    if (rest.length === 0) return { error: AWK_USAGE };
    inv.source = rest.shift() as string;
  }
  inv.operands = rest;
  return inv;
}

/** awk(1): POSIX awk with gawk 5.2's extensions, messages and exit statuses. */
export const awkProgram: Program = async (proc: Process) => {
  const parsed = parseArgs(proc.argv.slice(1));
  if (parsed === "version") {
    await proc.stdout.write(AWK_VERSION);
    return 0;
  }
  if ("error" in parsed) {
    await proc.stderr.write(parsed.error);
    return parsed.error === AWK_USAGE || parsed.error.includes("requires") || parsed.error.includes("invalid") ? 1 : 2;
  }
  let source = parsed.source ?? "";
  let where = "cmd. line";
  if (parsed.source === null) {
    try {
      source = parsed.files.map((f) => proc.fs.readText(proc.resolve(f))).join("\n");
      where = parsed.files[0];
    } catch (err) {
      const name = parsed.files.find((f) => !proc.fs.exists(proc.resolve(f))) ?? parsed.files[0];
      await proc.stderr.write(`awk: fatal: cannot open source file \`${name}' for reading: ${errorText(err)}\n`);
      return 2;
    }
  }
  let interp: AwkInterpreter;
  try {
    interp = new AwkInterpreter(proc, parseAwk(source));
  } catch (err) {
    if (!(err instanceof AwkSyntaxError)) throw err;
    await reportSyntaxError(proc, source, where, err);
    return 1;
  }
  // gawk reads -F t as a literal "t"; only POSIX mode makes it a tab.
  if (parsed.fs !== undefined) interp.setVar("FS", parsed.fs);
  for (const a of parsed.assignments) {
    const eq = a.indexOf("=");
    if (eq <= 0) {
      await proc.stderr.write(`awk: \`${a}' argument to \`-v' not in \`var=value' form\n${AWK_USAGE}`);
      return 1;
    }
    interp.setVar(a.slice(0, eq), a.slice(eq + 1));
  }
  interp.setArgv(["awk", ...parsed.operands]);
  const input = new MainInput(proc, interp, parsed.operands);
  interp.nextMainRecord = () => input.next();
  try {
    return await run(proc, interp, input);
  } catch (err) {
    if (!(err instanceof AwkRuntimeError)) throw err;
    const at = input.started ? "cmd. line:1: " : "";
    await proc.stderr.write(`awk: ${err.message.startsWith("cannot open file") ? at : "cmd. line:1: "}fatal: ${err.message}\n`);
    return 2;
  }
};

async function run(proc: Process, interp: AwkInterpreter, input: MainInput): Promise<number> {
  if (!(await interp.begin()) || !interp.hasMainRules) {
    await interp.end();
    return interp.exitCode;
  }
  for (;;) {
    await proc.checkpoint();
    const rec = await input.next();
    if (rec === null) break;
    input.started = true;
    try {
      if (!(await interp.record(rec, input.filename))) break;
    } catch (err) {
      if (!(err instanceof NextFile)) throw err;
      input.skipFile();
    }
  }
  await interp.end();
  return interp.exitCode;
}

/**
 * The main input: the operands in order, where `var=value` operands assign when reached
 * and `-` is standard input; with no file operands, standard input alone.
 */
class MainInput {
  private readonly queue: string[];
  private pending: string[] = [];
  private stdin: (() => Promise<string | null>) | null = null;
  filename = "";
  started = false;

  constructor(
    private readonly proc: Process,
    private readonly interp: AwkInterpreter,
    operands: string[],
  ) {
    const files = operands.filter((o) => !isAssignment(o));
    this.queue = files.length === 0 ? [...operands, "-"] : [...operands];
  }

  async next(): Promise<string | null> {
    for (;;) {
      if (this.pending.length > 0) return this.pending.shift() as string;
      if (this.stdin) {
        const rec = await this.stdin();
        if (rec !== null) return rec;
        this.stdin = null;
      }
      const operand = this.queue.shift();
      if (operand === undefined) return null;
      const assignment = isAssignment(operand);
      if (assignment) {
        this.interp.setVar(assignment[1], assignment[2]);
        continue;
      }
      this.interp.newFile();
      this.filename = operand;
      if (operand === "-" || operand === "/dev/stdin") {
        this.stdin = stdinRecords(this.proc, this.interp);
        continue;
      }
      try {
        const abs = this.proc.resolve(operand);
        if (this.proc.fs.stat(abs).type === "dir") {
          await this.proc.stderr.write(`awk: warning: command line argument \`${operand}' is a directory: skipped\n`);
          continue;
        }
        this.pending = splitText(this.proc.fs.readText(abs), this.interp.recordSeparator);
      } catch (err) {
        throw new AwkRuntimeError(`cannot open file \`${operand}' for reading: ${errorText(err)}`);
      }
    }
  }

  skipFile(): void {
    this.pending = [];
    this.stdin = null;
  }
}

function isAssignment(operand: string): RegExpExecArray | null {
  return /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(operand);
}

/** Records from standard input as they arrive (line by line with the default RS). */
function stdinRecords(proc: Process, interp: AwkInterpreter): () => Promise<string | null> {
  let buffered: string[] | null = null;
  return async () => {
    const rs = interp.recordSeparator;
    if (rs === "\n" && buffered === null) return proc.stdin.readLine();
    if (buffered === null) buffered = splitText(await proc.stdin.readAll(), rs);
    return buffered.shift() ?? null;
  };
}

/** gawk's two-line report: the source line, then a caret under the token at fault. */
async function reportSyntaxError(proc: Process, source: string, where: string, err: AwkSyntaxError): Promise<void> {
  const before = source.slice(0, err.pos);
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = source.indexOf("\n", err.pos);
  const line = source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  // At a newline gawk has already counted the next line.
  const lineNo = before.split("\n").length + (source[err.pos] === "\n" ? 1 : 0);
  const caret = " ".repeat(Math.max(0, err.pos - lineStart));
  await proc.stderr.write(`awk: ${where}:${lineNo}: ${line}\nawk: ${where}:${lineNo}: ${caret}^ ${err.message}\n`);
}
