import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { getopt, type ParsedOptions } from "../getopt";
import { complain, describe, usageError } from "../program";
import { inputNames, TextInput } from "./textinput";

const OPTIONS = { short: "bsw:", long: { bytes: "b", spaces: "s", width: "w:" } };

/** GNU fold's adjust_column: tabs go to the next multiple of 8, backspace and CR move back. */
function advance(column: number, ch: string, bytes: boolean): number {
  if (bytes) return column + 1;
  if (ch === "\b") return column > 0 ? column - 1 : 0;
  if (ch === "\r") return 0;
  if (ch === "\t") return column + 8 - (column % 8);
  return column + 1;
}

/** fold(1), GNU coreutils: wraps lines at a width (80), at the last blank with -s. */
export const fold: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
  } catch (err) {
    return usageError(proc, err);
  }
  const widthText = opts.get("w") ?? "80";
  if (!/^\s*\+?\d+$/.test(widthText)) return complain(proc, `invalid number of columns: '${widthText}'`);
  const width = Number(widthText);
  if (width < 1) return complain(proc, `invalid number of columns: '${widthText}': Numerical result out of range`);
  let status = 0;
  for (const name of inputNames(opts.operands)) {
    let input: TextInput;
    try {
      input = TextInput.open(proc, name);
    } catch (err) {
      if (!isSysError(err)) throw err;
      status = await complain(proc, `${name}: ${describe(err)}`);
      continue;
    }
    try {
      const folded = foldText(await input.readAll(), width, opts.has("s"), opts.has("b"));
      await proc.stdout.write(folded);
    } catch (err) {
      if (!isSysError(err)) throw err;
      status = await complain(proc, `${name}: ${describe(err)}`);
    } finally {
      input.close();
    }
  }
  return status;
};

/** GNU fold.c's loop: break before the character that would pass `width`. */
export function foldText(text: string, width: number, atSpaces: boolean, bytes: boolean): string {
  let out = "";
  let line: string[] = [];
  let column = 0;
  for (const ch of text) {
    if (ch === "\n") {
      out += `${line.join("")}\n`;
      line = [];
      column = 0;
      continue;
    }
    for (;;) {
      column = advance(column, ch, bytes);
      if (column <= width) break;
      const blank = atSpaces ? Math.max(line.lastIndexOf(" "), line.lastIndexOf("\t")) : -1;
      if (blank >= 0) {
        out += `${line.slice(0, blank + 1).join("")}\n`;
        line = line.slice(blank + 1);
        column = line.reduce((c, x) => advance(c, x, bytes), 0);
        continue;
      }
      if (line.length === 0) break;
      out += `${line.join("")}\n`;
      line = [];
      column = 0;
    }
    line.push(ch);
  }
  return out + line.join("");
}
