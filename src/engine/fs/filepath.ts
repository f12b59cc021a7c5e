/**
 * Go's path/filepath on Linux (Clean, Dir, Base, Join) and os.PathError's wording, for
 * code that mirrors Go sources line by line (moby/go-archive, docker cp): their results
 * differ from the shell's dirname/basename on relative and empty paths.
 */
import { type Errno, errorText, SysError } from "../kernel/errno";

export function clean(path: string): string {
  const rooted = path.startsWith("/");
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
      else if (!rooted) parts.push(part);
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join("/");
  if (rooted) return `/${joined}`;
  return joined === "" ? "." : joined;
}

export function dir(path: string): string {
  return clean(path.slice(0, path.lastIndexOf("/") + 1));
}

export function base(path: string): string {
  if (path === "") return ".";
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

export function join(...elems: string[]): string {
  const nonEmpty = elems.filter((e) => e !== "");
  return nonEmpty.length === 0 ? "" : clean(nonEmpty.join("/"));
}

export function isAbs(path: string): boolean {
  return path.startsWith("/");
}

/** os.PathError: `lstat /root/nope: no such file or directory` (Go's errno texts are lower case). */
export class PathError extends Error {
  /** The errno underneath, so callers can still tell ENOENT (os.IsNotExist). */
  readonly code: Errno | undefined;

  constructor(op: string, path: string, err: unknown) {
    const text = errorText(err);
    super(`${op} ${path}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`);
    this.code = err instanceof SysError ? err.code : undefined;
  }
}
