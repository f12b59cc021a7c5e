/**
 * rm(1): removes files, and with -r whole trees. -f silences missing files and a missing
 * operand, -i asks before each removal, -I once before removing more than three files
 * or recursing (coreutils src/rm.c over remove.ts).
 */
import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { usageError } from "../program";
import { argmatch, argmatchInvalid } from "./argmatch";
import { ask, type RemoveOptions, removeOperand } from "./remove";
import { tryHelp } from "./tryhelp";

const INTERACTIVE = {
  never: "never",
  no: "never",
  none: "never",
  once: "once",
  always: "always",
  yes: "always",
} as const;

export const rm: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "dfirvIR",
      long: {
        dir: "d",
        force: "f",
        interactive: "interactive::",
        "one-file-system": "one-file-system",
        "no-preserve-root": "no-preserve-root",
        "preserve-root": "preserve-root::",
        recursive: "r",
        verbose: "v",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const options: RemoveOptions = {
    force: false,
    interactive: "never",
    recursive: false,
    removeEmptyDirs: false,
    verbose: false,
    preserveRoot: true,
  };
  let promptOnce = false;
  for (const [key, value] of opts.list) {
    switch (key) {
      case "d":
        options.removeEmptyDirs = true;
        break;
      case "f":
        options.force = true;
        options.interactive = "never";
        promptOnce = false;
        break;
      case "i":
        options.interactive = "always";
        promptOnce = false;
        break;
      case "I":
        options.interactive = "never";
        promptOnce = true;
        break;
      case "interactive": {
        const when = value === true ? "always" : argmatch(INTERACTIVE, String(value));
        if (!when) return tryHelp(proc, argmatchInvalid(proc, "--interactive", String(value), INTERACTIVE));
        options.interactive = when === "once" ? "never" : when;
        promptOnce = when === "once";
        if (when !== "never") options.force = false;
        break;
      }
      case "r":
      case "R":
        options.recursive = true;
        break;
      case "v":
        options.verbose = true;
        break;
      case "no-preserve-root":
        options.preserveRoot = false;
        break;
      case "preserve-root":
        options.preserveRoot = true;
        break;
    }
  }
  const names = opts.operands;
  if (names.length === 0) return options.force ? 0 : tryHelp(proc, "missing operand");
  if (promptOnce && (options.recursive || names.length > 3)) {
    const count = `${names.length} argument${names.length === 1 ? "" : "s"}`;
    if (!(await ask(proc, `remove ${count}${options.recursive ? " recursively" : ""}?`))) return 0;
  }
  let ok = true;
  for (const name of names) {
    await proc.checkpoint();
    if ((await removeOperand(proc, name, options)) === "failed") ok = false;
  }
  return ok ? 0 : 1;
};
