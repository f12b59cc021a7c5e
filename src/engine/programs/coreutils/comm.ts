import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { complain, describe, usageError } from "../program";
import { compareBytes } from "./collate";
import { TextInput } from "./textinput";

const OPTIONS = {
  short: "123z",
  long: {
    "check-order": "check-order",
    "nocheck-order": "nocheck-order",
    "output-delimiter": "output-delimiter:",
    total: "total",
    "zero-terminated": "z",
  },
};

interface CommJob {
  show: [boolean, boolean, boolean];
  delimiter: string;
  check: "default" | "enabled" | "disabled";
  total: boolean;
}

/**
 * comm(1), GNU coreutils: lines only in FILE1, only in FILE2, and in both, in three
 * tab-indented columns. The inputs must be sorted in the C locale's order; GNU warns
 * once per file when they are not and then fails.
 */
export const comm: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    const n = opts.operands.length;
    if (n === 0) throw new UsageError("missing operand");
    if (n === 1) throw new UsageError(`missing operand after '${opts.operands[0]}'`);
    if (n > 2) throw new UsageError(`extra operand '${opts.operands[2]}'`);
  } catch (err) {
    return usageError(proc, err);
  }
  const job: CommJob = {
    show: [!opts.has("1"), !opts.has("2"), !opts.has("3")],
    delimiter: opts.get("output-delimiter") ?? "\t",
    check: opts.has("check-order") ? "enabled" : opts.has("nocheck-order") ? "disabled" : "default",
    total: opts.has("total"),
  };
  const inputs: TextInput[] = [];
  for (const name of opts.operands) {
    try {
      inputs.push(TextInput.open(proc, name));
    } catch (err) {
      if (!isSysError(err)) throw err;
      for (const input of inputs) input.close();
      return complain(proc, `${name}: ${describe(err)}`);
    }
  }
  try {
    return await compare(proc, inputs as [TextInput, TextInput], job);
  } catch (err) {
    if (!isSysError(err)) throw err;
    return complain(proc, describe(err));
  } finally {
    for (const input of inputs) input.close();
  }
};

async function compare(proc: Process, inputs: [TextInput, TextInput], job: CommJob): Promise<number> {
  const current: [string | null, string | null] = [await inputs[0].readLine(), await inputs[1].readLine()];
  const totals = [0, 0, 0];
  const warned = [false, false];
  let seenUnpairable = false;
  const column = (n: 0 | 1 | 2, line: string) => {
    if (!job.show[n]) return "";
    const indent = job.show.slice(0, n).filter(Boolean).length;
    return `${job.delimiter.repeat(indent)}${line}\n`;
  };
  while (current[0] !== null || current[1] !== null) {
    const order = current[0] === null ? 1 : current[1] === null ? -1 : compareBytes(current[0], current[1]);
    if (order === 0) totals[2]++;
    else {
      seenUnpairable = true;
      totals[order < 0 ? 0 : 1]++;
    }
    const text =
      order === 0 ? column(2, current[1] as string) : order < 0 ? column(0, current[0] as string) : column(1, current[1] as string);
    if (text !== "") await proc.stdout.write(text);
    for (const i of [0, 1] as const) {
      if ((i === 0 && order > 0) || (i === 1 && order < 0)) continue;
      const previous = current[i] as string;
      current[i] = await inputs[i].readLine();
      const next = current[i];
      const checking = job.check === "enabled" || (job.check === "default" && seenUnpairable);
      if (next === null || !checking || warned[i] || compareBytes(previous, next) <= 0) continue;
      await proc.stderr.write(`comm: file ${i + 1} is not in sorted order\n`);
      if (job.check === "enabled") return 1;
      warned[i] = true;
    }
  }
  if (job.total) await proc.stdout.write(`${totals.join(job.delimiter)}${job.delimiter}total\n`);
  if (warned[0] || warned[1]) return complain(proc, "input is not in sorted order");
  return 0;
}
