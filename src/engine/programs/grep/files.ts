import type { FileType } from "../../fs/filesystem";
import type { Process } from "../../kernel/process";
import type { GrepOptions } from "./options";

/** A file grep will read, or an error to report for it (`grep: x: Permission denied`). */
export type Found = { kind: "file"; path: string; name: string } | { kind: "error"; name: string; err: unknown };

/**
 * The files under a directory as `grep -r` visits them: depth first, skipping symlinks
 * met on the way (followed with -R), devices and FIFOs, and --include/--exclude/--exclude-dir
 * matches. `prefix` is how names are printed: `dir/x`, or `x` when grep -r searches `.` implicitly.
 */
export function* walk(proc: Process, opts: GrepOptions, dir: string, prefix: string): Generator<Found> {
  let entries: string[];
  try {
    entries = proc.fs.readdir(proc.resolve(dir));
  } catch (err) {
    yield { kind: "error", name: prefix || ".", err };
    return;
  }
  for (const entry of entries) {
    const path = `${dir.replace(/\/$/, "")}/${entry}`;
    const name = prefix === "" ? entry : `${prefix.replace(/\/$/, "")}/${entry}`;
    let type: FileType;
    try {
      type = proc.fs.lstat(proc.resolve(path)).type;
      if (type === "symlink") {
        if (!opts.dereference) continue;
        type = proc.fs.stat(proc.resolve(path)).type;
      }
    } catch (err) {
      yield { kind: "error", name, err };
      continue;
    }
    if (type === "dir") {
      if (opts.excludeDir.some((glob) => fnmatch(glob, entry))) continue;
      yield* walk(proc, opts, path, name);
    } else if (type === "file" && wanted(opts, entry)) yield { kind: "file", path, name };
  }
}

/** --include and --exclude, matched against a file's base name. */
export function wanted(opts: GrepOptions, name: string): boolean {
  const base = name.slice(name.lastIndexOf("/") + 1);
  if (opts.exclude.some((glob) => fnmatch(glob, base))) return false;
  if (opts.include.length > 0 && !opts.include.some((glob) => fnmatch(glob, base))) return false;
  return true;
}

/** fnmatch(3) without flags: `*`, `?`, `[...]` and backslash quoting. */
export function fnmatch(glob: string, name: string): boolean {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*") source += "[^]*";
    else if (ch === "?") source += "[^]";
    else if (ch === "\\" && i + 1 < glob.length) source += escapeChar(glob[++i]);
    else if (ch === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) {
        source += "\\[";
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negate = body.startsWith("!") || body.startsWith("^");
      if (negate) body = body.slice(1);
      source += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
      i = close;
    } else source += escapeChar(ch);
  }
  try {
    return new RegExp(`^${source}$`, "u").test(name);
  } catch {
    return glob === name;
  }
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}
