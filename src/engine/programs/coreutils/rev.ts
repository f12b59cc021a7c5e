import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { complain, describe, usageError } from "../program";
import { inputNames, TextInput } from "./textinput";

/**
 * rev(1), util-linux: reverses the characters of every line. A last line without a
 * newline stays without one.
 */
export const rev: Program = async (proc) => {
  let operands: string[];
  try {
    operands = getopt(proc.argv.slice(1), { short: "0", long: { zero: "0" } }).operands;
  } catch (err) {
    return usageError(proc, err);
  }
  let status = 0;
  for (const name of inputNames(operands)) {
    let input: TextInput;
    try {
      input = TextInput.open(proc, name);
    } catch (err) {
      if (!isSysError(err)) throw err;
      status = await complain(proc, `cannot open ${name}: ${describe(err)}`);
      continue;
    }
    try {
      let pending = "";
      for (;;) {
        const chunk = await input.stream.read();
        if (chunk === null) break;
        const lines = (pending + chunk).split("\n");
        pending = lines.pop() ?? "";
        if (lines.length > 0) await proc.stdout.write(lines.map((l) => `${reverse(l)}\n`).join(""));
      }
      if (pending !== "") await proc.stdout.write(reverse(pending));
    } catch (err) {
      if (!isSysError(err)) throw err;
      // util-linux reports the line number where reading failed.
      status = await complain(proc, `${name}: 0: ${describe(err)}`);
    } finally {
      input.close();
    }
  }
  return status;
};

function reverse(line: string): string {
  return [...line].reverse().join("");
}
