/**
 * stat(2) and lstat(2) on a name as a program got it, with the kernel's path-walk rule
 * that proc.resolve() normalises away: a trailing slash (`a/`, `a/.`) demands a
 * directory, so `cat file/` fails with ENOTDIR and `lstat("link/")` follows the link
 * (path_resolution(7)).
 */
import type { Stats } from "../../fs/filesystem";
import { SysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";

/** Whether `name` ends in a way that makes the kernel look up a directory. */
export function demandsDirectory(name: string): boolean {
  return /\/\.?$/.test(name) && name !== "/";
}

export function statName(proc: Process, name: string): Stats {
  if (name === "") throw new SysError("ENOENT", name);
  const stats = proc.fs.stat(proc.resolve(name));
  if (demandsDirectory(name) && stats.type !== "dir") throw new SysError("ENOTDIR", name);
  return stats;
}

export function lstatName(proc: Process, name: string): Stats {
  if (demandsDirectory(name)) return statName(proc, name);
  if (name === "") throw new SysError("ENOENT", name);
  return proc.fs.lstat(proc.resolve(name));
}

/** Whether `name` exists without following a final symlink. */
export function existsName(proc: Process, name: string): boolean {
  try {
    lstatName(proc, name);
    return true;
  } catch {
    return false;
  }
}

/** open(2) for reading, failing with ENOTDIR for `file/` as the kernel does. */
export function openRead(proc: Process, name: string): number {
  if (demandsDirectory(name)) statName(proc, name);
  if (name === "") throw new SysError("ENOENT", name);
  return proc.open(name, "r");
}
