/**
 * tee(1): copies standard input to standard output and to each file, truncating them
 * (or appending with -a). A file that cannot be opened is reported and skipped; the
 * copy goes on to the others (coreutils src/tee.c).
 */
import { errorText } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import { Signal } from "../../kernel/signal";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { demandsDirectory, statName } from "./namei";
import { quotef } from "./quotearg";

export const tee: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "ai",
      long: { append: "a", "ignore-interrupts": "i" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const append = opts.has("a");
  if (opts.has("i")) proc.trap(Signal.SIGINT, "ignore");
  let ok = true;
  const outputs: Array<{ name: string; fd: number }> = [];
  for (const name of opts.operands) {
    try {
      if (demandsDirectory(name)) statName(proc, name);
      outputs.push({ name, fd: proc.open(name, append ? "a" : "w") });
    } catch (err) {
      await complain(proc, `${quotef(proc, name)}: ${errorText(err)}`);
      ok = false;
    }
  }
  try {
    for (;;) {
      const chunk = await proc.stdin.read();
      if (chunk === null) break;
      await proc.stdout.write(chunk);
      for (const out of outputs) await proc.write(out.fd, chunk);
      await proc.checkpoint();
    }
  } finally {
    for (const out of outputs) proc.close(out.fd);
  }
  return ok ? 0 : 1;
};
