/**
 * mktemp(1): creates a uniquely named file (mode 0600) or directory (-d, 0700) from a
 * template whose trailing X's (at least three) become random letters and digits, drawn
 * from the playground's seeded generator, and prints its name (coreutils src/mktemp.c).
 */
import { errorText, SysError } from "../../kernel/errno";
import type { Program } from "../../kernel/exec";
import type { Process } from "../../kernel/process";
import { getopt } from "../getopt";
import { complain, usageError } from "../program";
import { quote } from "./quotearg";
import { tryHelp } from "./tryhelp";

const DEFAULT_TEMPLATE = "tmp.XXXXXXXXXX";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
/** How many names gen_tempname tries before giving up with EEXIST. */
const ATTEMPTS = 62 * 62 * 62;

export const mktemp: Program = async (proc) => {
  let opts: ReturnType<typeof getopt>;
  try {
    opts = getopt(proc.argv.slice(1), {
      short: "dp:qtu",
      long: { directory: "d", tmpdir: "p::", quiet: "q", "dry-run": "u", suffix: "suffix:" },
    });
  } catch (err) {
    return usageError(proc, err);
  }
  if (opts.operands.length >= 2) return tryHelp(proc, "too many templates");
  const fatal = async (message: string) => {
    await complain(proc, message);
    return 1;
  };
  let useDestDir = opts.has("p") || opts.has("t");
  let template = opts.operands[0];
  if (template === undefined) {
    useDestDir = true;
    template = DEFAULT_TEMPLATE;
  }
  let suffix = opts.get("suffix");
  if (suffix !== undefined) {
    if (!template.endsWith("X")) return fatal(`with --suffix, template ${quote(proc, template)} must end in X`);
    template += suffix;
  } else {
    suffix = template.slice(template.lastIndexOf("X") + 1);
  }
  if (suffix.includes("/")) return fatal(`invalid suffix ${quote(proc, suffix)}, contains directory separator`);
  const stem = template.slice(0, template.length - suffix.length);
  const xCount = stem.length - stem.replace(/X+$/, "").length;
  if (xCount < 3) return fatal(`too few X's in template ${quote(proc, template)}`);
  if (useDestDir) {
    let destDirArg = "";
    for (const [key, value] of opts.list) if (key === "p") destDirArg = value === true ? "" : value;
    const tmpdir = proc.env.TMPDIR || "";
    let dir: string;
    if (opts.has("t")) {
      // The deprecated -t prefers $TMPDIR over -p's directory.
      dir = tmpdir || destDirArg || "/tmp";
      if (template.includes("/")) return fatal(`invalid template, ${quote(proc, template)}, contains directory separator`);
    } else {
      dir = destDirArg || tmpdir || "/tmp";
      if (template.startsWith("/")) return fatal(`invalid template, ${quote(proc, template)}; with --tmpdir, it may not be absolute`);
    }
    template = dir.endsWith("/") ? `${dir}${template}` : `${dir}/${template}`;
  }
  const directory = opts.has("d");
  try {
    const name = create(proc, template, suffix.length, xCount, directory, opts.has("u"));
    await proc.stdout.write(`${name}\n`);
    return 0;
  } catch (err) {
    if (!opts.has("q"))
      await complain(proc, `failed to create ${directory ? "directory" : "file"} via template ${quote(proc, template)}: ${errorText(err)}`);
    return 1;
  }
};

/** gen_tempname(): tries random names until one is free, then creates it (unless dry-run). */
function create(proc: Process, template: string, suffixLength: number, xCount: number, directory: boolean, dryRun: boolean): string {
  const end = template.length - suffixLength;
  const parent = template.includes("/") ? template.slice(0, template.lastIndexOf("/")) || "/" : ".";
  const parentStats = proc.fs.stat(proc.resolve(parent));
  if (parentStats.type !== "dir") throw new SysError("ENOTDIR", parent);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let random = "";
    for (let i = 0; i < xCount; i++) random += LETTERS[proc.random.int(LETTERS.length)];
    const name = template.slice(0, end - xCount) + random + template.slice(end);
    const abs = proc.resolve(name);
    if (exists(proc, abs)) continue;
    if (!dryRun) {
      if (directory) proc.fs.mkdir(abs);
      else proc.fs.writeFile(abs, "");
      proc.fs.chmod(abs, directory ? 0o700 : 0o600);
    }
    return name;
  }
  throw new SysError("EEXIST", template);
}

function exists(proc: Process, abs: string): boolean {
  try {
    proc.fs.lstat(abs);
    return true;
  } catch {
    return false;
  }
}
