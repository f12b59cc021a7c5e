import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { usageError } from "../program";

const UNIT_SECONDS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** A duration as sleep(1) and timeout(1) read it: a strtod number and an s/m/h/d suffix, in seconds. */
export function parseDuration(text: string): number | null {
  const m = /^\s*\+?(inf(?:inity)?|0x[0-9a-f]+(?:\.[0-9a-f]*)?|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)([smhd]?)$/i.exec(text);
  if (!m) return null;
  const body = m[1].toLowerCase();
  const value = body.startsWith("inf") ? Number.POSITIVE_INFINITY : body.startsWith("0x") ? hexValue(body) : Number(body);
  return value * UNIT_SECONDS[m[2]];
}

function hexValue(body: string): number {
  const [whole, fraction = ""] = body.slice(2).split(".");
  return Number.parseInt(whole || "0", 16) + (fraction ? Number.parseInt(fraction, 16) / 16 ** fraction.length : 0);
}

/**
 * sleep(1), GNU coreutils: waits for the sum of its durations on the playground's
 * virtual clock; `infinity` waits until a signal ends it.
 */
export const sleep: Program = async (proc) => {
  let operands: string[];
  try {
    operands = getopt(proc.argv.slice(1), {}).operands;
  } catch (err) {
    return usageError(proc, err);
  }
  if (operands.length === 0) {
    await proc.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let seconds = 0;
  let valid = true;
  for (const operand of operands) {
    const duration = parseDuration(operand);
    if (duration === null) {
      await proc.stderr.write(`sleep: invalid time interval '${operand}'\n`);
      valid = false;
    } else seconds += duration;
  }
  if (!valid) {
    await proc.stderr.write("Try 'sleep --help' for more information.\n");
    return 1;
  }
  if (seconds === Number.POSITIVE_INFINITY) for (;;) await proc.pause();
  await proc.sleep(seconds * 1000);
  return 0;
};
