/**
 * cp(1): copies files, and with -r (or -a) directories. Without -r, symlinks operands
 * are followed; with it they are copied as links. -a keeps modes, owners and times
 * (coreutils src/cp.c over copy.ts).
 */
import type { Program } from "../../kernel/exec";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { argmatchInvalid } from "./argmatch";
import { type CopyOptions, copy } from "./copy";
import { quotef } from "./quotearg";
import { planTargets } from "./target";
import { tryHelp } from "./tryhelp";

/** --preserve's attributes; links, context and xattr have nothing to keep in these trees. */
const PRESERVE_ATTRIBUTES = {
  mode: "mode",
  timestamps: "timestamps",
  ownership: "ownership",
  links: "links",
  context: "context",
  xattr: "xattr",
  all: "all",
} as const;

export const cp: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "adfHilLnprRst:TuvP",
      long: {
        archive: "a",
        dereference: "L",
        force: "f",
        interactive: "i",
        link: "l",
        "no-clobber": "n",
        "no-dereference": "P",
        "no-target-directory": "T",
        preserve: "preserve::",
        "no-preserve": "no-preserve:",
        recursive: "R",
        "symbolic-link": "s",
        "target-directory": "t:",
        update: "u",
        verbose: "v",
      },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  const options: CopyOptions = {
    recursive: false,
    dereference: "command-line",
    preserveMode: false,
    preserveOwnership: false,
    preserveTimestamps: false,
    noClobber: false,
    interactive: false,
    update: false,
    link: "none",
    verbose: false,
    move: false,
  };
  let dereference: CopyOptions["dereference"] | null = null;
  for (const [key, value] of opts.list) {
    switch (key) {
      case "a":
        options.recursive = true;
        dereference = "never";
        options.preserveMode = options.preserveOwnership = options.preserveTimestamps = true;
        break;
      case "d":
        dereference = "never";
        break;
      case "f":
        options.interactive = false;
        break;
      case "H":
        dereference = "command-line";
        break;
      case "i":
        options.interactive = true;
        options.noClobber = false;
        break;
      case "l":
        options.link = "hard";
        break;
      case "L":
        dereference = "always";
        break;
      case "n":
        options.noClobber = true;
        options.interactive = false;
        break;
      case "P":
        dereference = "never";
        break;
      case "p":
        options.preserveMode = options.preserveOwnership = options.preserveTimestamps = true;
        break;
      case "preserve":
      case "no-preserve": {
        const on = key === "preserve";
        for (const item of value === true ? ["mode", "ownership", "timestamps"] : String(value).split(",")) {
          if (!(item in PRESERVE_ATTRIBUTES)) {
            return tryHelp(proc, argmatchInvalid(proc, `--${key}`, item, PRESERVE_ATTRIBUTES));
          }
          if (item === "mode" || item === "all") options.preserveMode = on;
          if (item === "ownership" || item === "all") options.preserveOwnership = on;
          if (item === "timestamps" || item === "all") options.preserveTimestamps = on;
        }
        break;
      }
      case "r":
      case "R":
        options.recursive = true;
        break;
      case "s":
        options.link = "symbolic";
        break;
      case "u":
        options.update = true;
        break;
      case "v":
        options.verbose = true;
        break;
    }
  }
  // -R copies symlinks as symlinks unless told to follow them (-H, -L).
  options.dereference = dereference ?? (options.recursive ? "never" : "command-line");
  const targetOptions = opts.all("t");
  if (targetOptions.length > 1) {
    await complain(proc, "multiple target directories specified");
    return 1;
  }
  const plan = planTargets(proc, opts.operands, targetOptions[0], opts.has("T"));
  if ("message" in plan) {
    if (plan.tryHelp) return tryHelp(proc, plan.message);
    await complain(proc, plan.message);
    return 1;
  }
  let ok = true;
  for (const [src, dst] of plan.pairs) {
    const dstDir = dst.includes("/") ? dst.slice(0, dst.lastIndexOf("/")) : ".";
    if (options.link === "symbolic" && !src.startsWith("/") && dstDir !== "." && dstDir !== "") {
      // A relative target would be resolved from the link's directory, not from here.
      await complain(proc, `${quotef(proc, dst)}: can make relative symbolic links only in current directory`);
      ok = false;
      continue;
    }
    ok = (await copy(proc, src, dst, options)) && ok;
  }
  return ok ? 0 : 1;
};
