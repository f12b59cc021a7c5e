/** The directory a path is in: "/root" for "/root/app.py", "/" for "/etc". */
export function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf("/")) || "/";
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function join(dir: string, name: string): string {
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}

/** Whether `path` is `dir` itself or somewhere under it. */
export function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir === "/" ? "/" : `${dir}/`);
}

/** `path` with its `from` prefix replaced by `to`, after a rename of `from`. */
export function moved(path: string, from: string, to: string): string {
  return within(path, from) ? to + path.slice(from.length) : path;
}
