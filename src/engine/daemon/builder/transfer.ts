/** What BuildKit reports of the files the client transfers: the Dockerfile, .dockerignore, the context. */
import type { FileSystem } from "../../fs/filesystem";

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** go-units' HumanSize as BuildKit's progress shows transfer sizes: `140B`, `2.05kB`. */
export function byteSize(text: string | number): string {
  const n = typeof text === "number" ? text : byteLength(text);
  if (n < 1000) return `${n}B`;
  const units = ["kB", "MB", "GB"];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(3))}${units[unit]}`;
}

/** The size of the files of the context (what the client transfers). */
export function contextBytes(fs: FileSystem, path: string): number {
  const stats = fs.lstat(path);
  if (stats.type !== "dir") return stats.size;
  let total = 0;
  for (const child of fs.readdir(path)) total += contextBytes(fs, path === "/" ? `/${child}` : `${path}/${child}`);
  return total;
}
