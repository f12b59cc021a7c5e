/**
 * Absolute names with every symlink, `.` and `..` resolved, as gnulib's
 * canonicalize_filename_mode() gives them to realpath, readlink -f and pwd -P. The modes
 * say how much of the name must exist: all of it (readlink -e, realpath -e), all but the
 * last component (readlink -f, realpath's default), or none (-m).
 */
import { SysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";

export type CanonicalizeMode = "existing" | "all-but-last" | "missing";

/** Linux's limit on symlinks followed while resolving one name (MAXSYMLINKS). */
const MAX_SYMLINKS = 40;

/** The canonical name of `name`; throws SysError (ENOENT, ENOTDIR, ELOOP) as the mode requires. */
export function canonicalize(proc: Process, name: string, mode: CanonicalizeMode): string {
  if (name === "") throw new SysError("ENOENT", name);
  const pending = splitComponents(name);
  let resolved: string[] = name.startsWith("/") ? [] : splitComponents(proc.cwd);
  let links = 0;
  while (pending.length > 0) {
    const component = pending.shift() as string;
    if (component === ".") continue;
    if (component === "..") {
      resolved.pop();
      continue;
    }
    const path = `/${[...resolved, component].join("/")}`;
    let stats: ReturnType<typeof proc.fs.lstat>;
    try {
      stats = proc.fs.lstat(path);
    } catch (err) {
      const last = pending.every((c) => c === "." || c === "");
      if (mode === "missing" || (mode === "all-but-last" && last && err instanceof SysError && err.code === "ENOENT")) {
        resolved.push(component);
        continue;
      }
      throw err;
    }
    if (stats.type === "symlink") {
      if (++links > MAX_SYMLINKS) throw new SysError("ELOOP", name);
      const target = proc.fs.readlink(path);
      if (target.startsWith("/")) resolved = [];
      pending.unshift(...splitComponents(target));
      continue;
    }
    resolved.push(component);
    if (stats.type !== "dir" && pending.length > 0 && mode !== "missing") throw new SysError("ENOTDIR", name);
  }
  return `/${resolved.join("/")}`;
}

function splitComponents(path: string): string[] {
  return path.split("/").filter((c) => c !== "");
}
