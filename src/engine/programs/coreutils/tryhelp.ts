import type { Process } from "../../kernel/process";
import { programName } from "../program";

/**
 * A usage mistake other than a bad option (a missing or extra operand): the message and
 * GNU's pointer to --help, as emit_try_help() prints them. Returns `status`.
 */
export async function tryHelp(proc: Process, message: string, status = 1): Promise<number> {
  const name = programName(proc);
  await proc.stderr.write(`${name}: ${message}\nTry '${name} --help' for more information.\n`);
  return status;
}
