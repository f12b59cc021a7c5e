import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt, type ParsedOptions, UsageError } from "../getopt";
import { loadFont, render } from "./fonts";

const USAGE =
  "Usage: figlet [ -cklnoprstvxDELNRSWX ] [ -d fontdirectory ]\n              [ -f fontfile ] [ -m smushmode ] [ -w outputwidth ]\n              [ -C controlfile ] [ -I infocode ] [ message ]\n";

/**
 * figlet 2.2.5: big letters from ordinary text. The message is the operands joined by
 * spaces, or each line of standard input. Lines longer than the output width (80, or
 * -w) break between words, as figlet does, and -c/-r/-l justify within that width.
 */
export const figletProgram: Program = async (proc) => {
  let opts: ParsedOptions;
  try {
    opts = getopt(proc.argv.slice(1), { short: "cklnoprstvxDELNRSWXd:f:m:w:C:I:", stopAtOperand: true });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    await proc.stderr.write(`figlet: ${err.message}\n${USAGE}`);
    return 1;
  }
  if (opts.has("v")) {
    await proc.stdout.write(
      "FIGlet Copyright (C) 1991-2012 Glenn Chappell, Ian Chai, John Cowan,\nChristiaan Keet and Claudio Matsuoka\nInternet: <info@figlet.org> Version: 2.2.5, date: 31 May 2012\n\nFIGlet, along with the various FIGlet fonts and documentation, may be\nfreely copied and distributed.\n\nIf you use FIGlet, please send an e-mail message to <info@figlet.org>.\n\nThe latest version of FIGlet is available from the web site,\n\thttp://www.figlet.org/\n\nUsage: figlet [ -cklnoprstvxDELNRSWX ] [ -d fontdirectory ]\n              [ -f fontfile ] [ -m smushmode ] [ -w outputwidth ]\n              [ -C controlfile ] [ -I infocode ] [ message ]\n\n",
    );
    return 0;
  }
  const fontArg = opts.get("f") ?? "standard";
  const font = await loadFont(fontArg);
  if (!font) {
    await proc.stderr.write(`figlet: ${fontArg}: Unable to open font file\n`);
    return 1;
  }
  const width = outputWidth(proc, opts);
  const justify = lastOf(opts, ["c", "l", "r", "x"]);
  const messages = opts.operands.length > 0 ? [opts.operands.join(" ")] : await inputLines(proc);
  for (const message of messages) {
    for (const row of wrap(message, font, width - 1)) await proc.stdout.write(justified(row, justify, width - 1));
  }
  return 0;
};

function outputWidth(proc: Process, opts: ParsedOptions): number {
  if (opts.has("t")) return proc.ttyOf(1)?.cols ?? 80;
  const w = Number.parseInt(opts.get("w") ?? "80", 10);
  return Number.isFinite(w) && w > 1 ? w : 80;
}

function lastOf(opts: ParsedOptions, keys: string[]): string {
  return [...opts.list].reverse().find(([k]) => keys.includes(k))?.[0] ?? "l";
}

async function inputLines(proc: Process): Promise<string[]> {
  const out: string[] = [];
  for (let line = await proc.stdin.readLine(); line !== null; line = await proc.stdin.readLine()) out.push(line);
  return out;
}

function widthOf(rows: string[]): number {
  return Math.max(0, ...rows.map((r) => r.length));
}

/** Breaks `message` into FIGlet blocks no wider than `limit`: at spaces, or inside a word that alone is too wide. */
function wrap(message: string, font: string, limit: number): string[][] {
  const blocks: string[][] = [];
  let line = "";
  const flush = () => {
    if (line !== "") blocks.push(render(line, font));
    line = "";
  };
  for (const word of message.split(" ")) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (widthOf(render(candidate, font)) <= limit) {
      line = candidate;
      continue;
    }
    flush();
    for (const ch of word) {
      const next = line + ch;
      if (line !== "" && widthOf(render(next, font)) > limit) flush();
      line += ch;
    }
  }
  flush();
  if (blocks.length === 0) blocks.push(render("", font));
  return blocks;
}

function justified(rows: string[], justify: string, limit: number): string {
  const width = widthOf(rows);
  const pad = justify === "c" ? Math.floor((limit - width) / 2) : justify === "r" ? limit - width : 0;
  const prefix = " ".repeat(Math.max(0, pad));
  return rows.map((r) => `${prefix}${r}\n`).join("");
}
