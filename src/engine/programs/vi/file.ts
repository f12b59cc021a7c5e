import { errorText, isSysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";

/** What opening a file gave: its text, or null for a file that does not exist yet, and any message for the status line. */
export interface Loaded {
  content: string | null;
  error: string | null;
}

/**
 * Reads the file to edit, as busybox vi's file_insert does: a missing file is a new,
 * empty buffer with no message; anything else that fails is reported in bold.
 */
export async function loadFile(proc: Process, name: string): Promise<Loaded> {
  let fd: number;
  try {
    if (proc.fs.stat(proc.resolve(name)).type !== "file") return { content: "", error: `'${name}' is not a regular file` };
    fd = proc.open(name, "r");
  } catch (err) {
    if (isSysError(err, "ENOENT")) return { content: null, error: null };
    if (isSysError(err)) return { content: "", error: `'${name}' ${errorText(err)}` };
    throw err;
  }
  let content = "";
  try {
    for (let chunk = await proc.read(fd); chunk !== null; chunk = await proc.read(fd)) content += chunk;
  } finally {
    proc.close(fd);
  }
  return { content, error: null };
}

/** Writes the whole buffer (file_write: open O_WRONLY|O_CREAT with 0666 less the umask). Returns the characters written, or the error text. */
export async function saveFile(proc: Process, name: string, text: string): Promise<number | string> {
  let fd: number;
  try {
    fd = proc.open(name, "w", undefined, { createMode: 0o666 & ~0o022 });
  } catch (err) {
    if (isSysError(err)) return `'${name}' ${errorText(err)}`;
    throw err;
  }
  try {
    await proc.write(fd, text);
  } finally {
    proc.close(fd);
  }
  // The count busybox shows is of bytes ("3L, 96C").
  return new TextEncoder().encode(text).length;
}
