import type { FileSystem } from "../fs/filesystem";
import { SysError } from "./errno";
import type { Process } from "./process";

/** A program model: what runs when a process executes a binary. Returns the exit status. */
export type Program = (proc: Process) => Promise<number>;

/** Looks up a program model by the name stamped into its binary. */
export type ProgramTable = ReadonlyMap<string, Program>;

/**
 * Binaries in Stevedore's trees are tiny ELF-looking files naming the program model that
 * implements them, so `ls -l /bin`, `cp /bin/ls /tmp/x` and symlinks behave as on Linux.
 */
const ELF_MAGIC = "\x7fELF\x02\x01\x01\x00";

export function binaryContent(programName: string): string {
  return `${ELF_MAGIC}${programName}\n`;
}

export interface Executable {
  program: Program;
  /** argv after #! rewriting: the interpreter, its argument, the script, then the rest. */
  argv: string[];
}

/**
 * What execve(2) would run for `path` (absolute): a program model for a binary, or the
 * interpreter named by a `#!` line. Throws ENOENT, EACCES or ENOEXEC as execve does.
 */
export function resolveExecutable(fs: FileSystem, programs: ProgramTable, path: string, argv: string[], depth = 0): Executable {
  const stats = fs.stat(path);
  if (stats.type === "dir") throw new SysError("EACCES", path);
  if ((stats.mode & 0o111) === 0) throw new SysError("EACCES", path);
  const head = fs.readText(path).slice(0, 256);
  if (head.startsWith(ELF_MAGIC)) {
    const name = head.slice(ELF_MAGIC.length).split("\n")[0];
    const program = programs.get(name);
    if (!program) throw new SysError("ENOEXEC", path);
    return { program, argv };
  }
  if (head.startsWith("#!") && depth < 4) {
    const line = head.slice(2).split("\n")[0].trim();
    const [interpreter, ...rest] = line.split(/\s+/);
    const optional = rest.length > 0 ? [rest.join(" ")] : [];
    if (!interpreter) throw new SysError("ENOEXEC", path);
    return resolveExecutable(fs, programs, interpreter, [interpreter, ...optional, path, ...argv.slice(1)], depth + 1);
  }
  throw new SysError("ENOEXEC", path);
}
