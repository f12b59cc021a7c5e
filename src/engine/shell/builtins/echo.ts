import { decodeEscapes } from "../escapes";
import type { IoContext } from "./context";

/**
 * echo [-neE] [arg ...]: the arguments joined by spaces, then a newline (-n: none).
 * -e interprets backslash escapes, \c ending the output. Option letters come first and
 * only -n, -e and -E count; anything else is printed as is.
 */
export async function echoBuiltin(ctx: IoContext): Promise<number> {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    if (!/^-[neE]+$/.test(arg)) break;
    for (const flag of arg.slice(1)) {
      if (flag === "n") newline = false;
      else escapes = flag === "e";
    }
  }
  let text = ctx.args.slice(i).join(" ");
  if (escapes) {
    const decoded = decodeEscapes(text, "echo");
    text = decoded.text;
    if (decoded.stop) newline = false;
  }
  await ctx.out(newline ? `${text}\n` : text);
  return 0;
}
