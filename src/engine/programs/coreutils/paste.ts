import { isSysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions } from "../getopt";
import { complain, describe, usageError } from "../program";
import { inputNames, TextInput } from "./textinput";

const OPTIONS = {
  short: "d:sz",
  long: { delimiters: "d:", serial: "s", "zero-terminated": "z" },
};

class DelimiterError extends Error {}

/**
 * paste(1), GNU coreutils: joins corresponding lines of its inputs side by side, or each
 * input's lines into one (-s), separated by the -d list used in turn.
 */
export const paste: Program = async (proc) => {
  let opts: ParsedOptions;
  let delimiters: string[];
  try {
    opts = getopt(proc.argv.slice(1), OPTIONS);
    delimiters = parseDelimiters(opts.get("d") ?? "\t");
  } catch (err) {
    if (err instanceof DelimiterError) return complain(proc, err.message);
    return usageError(proc, err);
  }
  // GNU opens every input first: a missing one is fatal before anything is printed.
  const inputs: TextInput[] = [];
  for (const name of inputNames(opts.operands)) {
    try {
      inputs.push(TextInput.open(proc, name));
    } catch (err) {
      if (!isSysError(err)) throw err;
      for (const input of inputs) input.close();
      return complain(proc, `${name}: ${describe(err)}`);
    }
  }
  try {
    if (opts.has("s")) await pasteSerial(proc, inputs, delimiters);
    else await pasteParallel(proc, inputs, delimiters);
  } catch (err) {
    if (!isSysError(err)) throw err;
    return complain(proc, describe(err));
  } finally {
    for (const input of inputs) input.close();
  }
  return 0;
};

/** The -d list: \n, \t, \\ and \0 (no delimiter) escapes; a trailing backslash is an error. */
function parseDelimiters(list: string): string[] {
  const out: string[] = [];
  const escapes: Record<string, string> = { n: "\n", t: "\t", "\\": "\\", "0": "", b: "\b", f: "\f", r: "\r", v: "\v" };
  const chars = [...list];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== "\\") {
      out.push(chars[i]);
      continue;
    }
    if (i + 1 >= chars.length) throw new DelimiterError(`delimiter list ends with an unescaped backslash: ${list}`);
    const next = chars[++i];
    out.push(escapes[next] ?? next);
  }
  return out.length > 0 ? out : [""];
}

async function pasteParallel(proc: Process, inputs: TextInput[], delimiters: string[]): Promise<void> {
  const done = inputs.map(() => false);
  for (;;) {
    let row = "";
    let any = false;
    for (let i = 0; i < inputs.length; i++) {
      const line = done[i] ? null : await inputs[i].readLine();
      if (line === null) done[i] = true;
      else {
        any = true;
        row += line;
      }
      if (i < inputs.length - 1) row += delimiters[i % delimiters.length];
    }
    if (!any) return;
    await proc.stdout.write(`${row}\n`);
  }
}

async function pasteSerial(proc: Process, inputs: TextInput[], delimiters: string[]): Promise<void> {
  for (const input of inputs) {
    let row = "";
    let count = 0;
    for (;;) {
      const line = await input.readLine();
      if (line === null) break;
      await proc.checkpoint();
      if (count > 0) row += delimiters[(count - 1) % delimiters.length];
      row += line;
      count++;
    }
    await proc.stdout.write(`${row}\n`);
  }
}
