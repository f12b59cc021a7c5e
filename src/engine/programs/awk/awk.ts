import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { AwkInterpreter, AwkRuntimeError } from "./interp";
import { AwkSyntaxError, parseAwk } from "./parser";

const USAGE =
  "Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\n";

interface Invocation {
  source: string;
  fs?: string;
  assignments: string[];
  operands: string[];
}

function parseArgs(args: string[]): Invocation | string {
  const inv: Invocation = { source: "", assignments: [], operands: [] };
  let programFromFile = false;
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      i++;
      break;
    }
    if (!arg.startsWith("-") || arg === "-") break;
    const take = (flag: string) => (arg.length > flag.length ? arg.slice(flag.length) : args[++i]);
    if (arg.startsWith("-F")) inv.fs = take("-F");
    else if (arg.startsWith("-v")) inv.assignments.push(take("-v") ?? "");
    else if (arg.startsWith("-f")) {
      inv.source += `${take("-f")}\u0000`;
      programFromFile = true;
    } else return `awk: invalid option -- '${arg.slice(1, 2)}'\n${USAGE}`;
  }
  const rest = args.slice(i);
  if (!programFromFile) {
    if (rest.length === 0) return USAGE;
    inv.source = rest.shift() as string;
  }
  inv.operands = rest;
  return inv;
}

/** awk(1), POSIX awk with the gawk messages a learner is likely to meet. */
export const awkProgram: Program = async (proc: Process) => {
  const parsed = parseArgs(proc.argv.slice(1));
  if (typeof parsed === "string") {
    await proc.stderr.write(parsed);
    return 2;
  }
  let source = parsed.source;
  if (source.includes("\u0000")) {
    try {
      source = source
        .split("\u0000")
        .filter((f) => f !== "")
        .map((f) => proc.fs.readText(proc.resolve(f)))
        .join("\n");
    } catch (err) {
      await proc.stderr.write(`awk: fatal: can't open source file: ${errorText(err)}\n`);
      return 2;
    }
  }
  let interp: AwkInterpreter;
  try {
    interp = new AwkInterpreter(proc, parseAwk(source));
  } catch (err) {
    if (!(err instanceof AwkSyntaxError)) throw err;
    await reportSyntaxError(proc, source, err);
    return 1;
  }
  if (parsed.fs !== undefined) interp.setVar("FS", parsed.fs === "t" ? "\t" : parsed.fs);
  for (const a of parsed.assignments) {
    const eq = a.indexOf("=");
    if (eq <= 0) {
      await proc.stderr.write(`awk: fatal: \`${a}' argument to \`-v' not in \`var=value' form\n`);
      return 2;
    }
    interp.setVar(a.slice(0, eq), a.slice(eq + 1));
  }
  interp.setArgv(["awk", ...parsed.operands]);
  try {
    return await run(proc, interp, parsed.operands);
  } catch (err) {
    if (!(err instanceof AwkRuntimeError)) throw err;
    await proc.stderr.write(`awk: cmd. line:1: fatal: ${err.message}\n`);
    return 2;
  }
};

async function run(proc: Process, interp: AwkInterpreter, operands: string[]): Promise<number> {
  if (!(await interp.begin()) || !interp.hasMainRules) {
    await interp.end();
    return interp.exitCode;
  }
  const files = operands.filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o));
  const inputs = files.length === 0 ? ["-"] : operands;
  let status = 0;
  let pending: string[] = [];
  let source: { name: string; next: () => Promise<string | null> } | null = null;
  const queue = [...inputs];
  const nextRecord = async (): Promise<string | null> => {
    for (;;) {
      if (pending.length > 0) return pending.shift() as string;
      if (source) {
        const rec = await source.next();
        if (rec !== null) return rec;
        source = null;
      }
      const operand = queue.shift();
      if (operand === undefined) return null;
      const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(operand);
      if (assignment) {
        interp.setVar(assignment[1], assignment[2]);
        continue;
      }
      interp.newFile();
      if (operand === "-" || operand === "/dev/stdin") {
        source = { name: operand === "-" && files.length === 0 ? "" : operand, next: stdinRecords(proc, interp) };
        continue;
      }
      try {
        const text = proc.fs.readText(proc.resolve(operand));
        pending = splitRecords(text, interp.recordSeparator);
        currentName = operand;
      } catch (err) {
        await proc.stderr.write(`awk: fatal: cannot open file \`${operand}' for reading: ${errorText(err)}\n`);
        status = 2;
        return null;
      }
    }
  };
  let currentName = "";
  interp.nextMainRecord = nextRecord;
  for (;;) {
    await proc.checkpoint();
    const rec = await nextRecord();
    if (rec === null) break;
    const reading = source as { name: string } | null;
    const name = reading ? reading.name : currentName;
    if (!(await interp.record(rec, name))) break;
  }
  await interp.end();
  return status || interp.exitCode;
}

function stdinRecords(proc: Process, interp: AwkInterpreter): () => Promise<string | null> {
  let buffered: string[] | null = null;
  return async () => {
    const rs = interp.recordSeparator;
    if (rs === "\n") return proc.stdin.readLine();
    if (buffered === null) buffered = splitRecords(await proc.stdin.readAll(), rs);
    return buffered.shift() ?? null;
  };
}

/** Records by RS: newline, a single character, or paragraphs when RS is empty. */
export function splitRecords(text: string, rs: string): string[] {
  if (text === "") return [];
  if (rs === "") {
    return text
      .replace(/^\n+/, "")
      .split(/\n\n+/)
      .map((r) => r.replace(/\n+$/, ""))
      .filter((r) => r !== "");
  }
  const sep = rs.length === 1 ? rs : rs[0];
  const records = text.split(sep);
  if (records.at(-1) === "") records.pop();
  return records;
}

async function reportSyntaxError(proc: Process, source: string, err: AwkSyntaxError): Promise<void> {
  const before = source.slice(0, err.pos);
  const lineNo = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = source.indexOf("\n", err.pos);
  const line = source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const caret = " ".repeat(Math.max(0, err.pos - lineStart));
  await proc.stderr.write(`awk: cmd. line:${lineNo}: ${line}\nawk: cmd. line:${lineNo}: ${caret}^ ${err.message}\n`);
}
