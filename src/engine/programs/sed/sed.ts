import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { InputStream, type Process } from "../../kernel/process";
import { getopt, type OptionTable, UsageError } from "../getopt";
import { SedExecutor, type SedRunOptions } from "./execute";
import { SED_HELP, SED_USAGE, SED_VERSION } from "./help";
import { SedPanic } from "./input";
import { compileScript, type ScriptPiece, SedSyntaxError } from "./parse";

/** GNU sed 4.9's options. */
const TABLE: OptionTable = {
  short: "nrsuzEe:f:i::l:",
  long: {
    quiet: "n",
    silent: "n",
    expression: "e:",
    file: "f:",
    "in-place": "i::",
    "line-length": "l:",
    "regexp-extended": "E",
    separate: "s",
    "null-data": "z",
    "zero-terminated": "z",
    unbuffered: "u",
    posix: "posix",
    debug: "debug",
    sandbox: "sandbox",
    "follow-symlinks": "follow-symlinks",
    help: "help",
    version: "version",
  },
};

/** sed(1), GNU sed 4.9: 0 on success, 1 for a bad script, 2 for unreadable input, 4 for I/O panics. */
export const sedProgram: Program = async (proc) => {
  let parsed: ReturnType<typeof getopt>;
  try {
    parsed = getopt(proc.argv.slice(1), TABLE);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await proc.stderr.write(`sed: ${err.message}\n${SED_USAGE}`);
    return 1;
  }
  if (parsed.has("help")) {
    await proc.stdout.write(SED_HELP);
    return 0;
  }
  if (parsed.has("version")) {
    await proc.stdout.write(SED_VERSION);
    return 0;
  }
  const operands = [...parsed.operands];
  let pieces: ScriptPiece[];
  try {
    pieces = await scriptPieces(proc, parsed.list, operands);
  } catch (err) {
    if (!(err instanceof SedPanic)) throw err;
    await proc.stderr.write(`sed: ${err.message}\n`);
    return 4;
  }
  if (pieces.length === 0) {
    await proc.stderr.write(SED_USAGE);
    return 1;
  }
  const inPlace = parsed.has("i") ? (parsed.get("i") === "true" ? "" : (parsed.get("i") ?? "")) : null;
  const opts: SedRunOptions = {
    quiet: parsed.has("n"),
    separate: parsed.has("s"),
    inPlace,
    nullData: parsed.has("z"),
    lineWrap: parsed.has("l") ? Number.parseInt(parsed.get("l") ?? "70", 10) || 0 : 70,
  };
  try {
    const program = compileScript(pieces, parsed.has("E") || parsed.has("r"));
    if (inPlace !== null && operands.length === 0) throw new SedPanic("no input files");
    return await new SedExecutor(proc, program, operands.length > 0 ? operands : ["-"], opts).run();
  } catch (err) {
    if (err instanceof SedSyntaxError) {
      await proc.stderr.write(`sed: ${err.message}\n`);
      return err.status;
    }
    if (err instanceof SedPanic) {
      await proc.stderr.write(`sed: ${err.message}\n`);
      return 4;
    }
    throw err;
  }
};

/** The script: -e and -f pieces in order, or else the first operand (taken off `operands`). */
async function scriptPieces(proc: Process, list: Array<[string, string | true]>, operands: string[]): Promise<ScriptPiece[]> {
  const pieces: ScriptPiece[] = [];
  let expressions = 0;
  for (const [key, value] of list) {
    if (key === "e") pieces.push({ text: String(value), origin: { kind: "expression", index: ++expressions } });
    if (key === "f") {
      const name = String(value);
      let text: string;
      try {
        if (name === "-") text = await proc.stdin.readAll();
        else {
          const fd = proc.open(name, "r");
          text = await new InputStream(proc, fd).readAll();
          proc.close(fd);
        }
      } catch (err) {
        throw new SedPanic(`couldn't open file ${name}: ${errorText(err)}`);
      }
      pieces.push({ text: text.endsWith("\n") ? text.slice(0, -1) : text, origin: { kind: "file", name } });
    }
  }
  if (pieces.length === 0 && operands.length > 0) {
    pieces.push({ text: operands.shift() as string, origin: { kind: "expression", index: 1 } });
  }
  return pieces;
}
