/** POSIX path arithmetic on absolute and relative paths, without Node's path module. */

/** Resolves `path` against `cwd` and removes `.`, `..` and repeated slashes. */
export function resolvePath(cwd: string, path: string): string {
  const joined = path.startsWith("/") ? path : `${cwd}/${path}`;
  return normalizePath(joined);
}

export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

/** basename(1): the last component, trailing slashes ignored. */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return path.startsWith("/") ? "/" : "";
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** dirname(1): everything before the last component. */
export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return path.startsWith("/") ? "/" : ".";
  const idx = trimmed.lastIndexOf("/");
  if (idx < 0) return ".";
  const dir = trimmed.slice(0, idx).replace(/\/+$/, "");
  return dir === "" ? "/" : dir;
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`;
}
