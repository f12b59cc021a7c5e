import type { ArithError } from "./arith";

/**
 * An expansion that bash refuses (bad substitution, ${x:?}, set -u, arithmetic errors).
 * The message is printed with the usual `bash: line N: ` prefix, then the command
 * line is abandoned with `status` (a fatal error ends a non-interactive shell).
 */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly status = 1,
    /** ${x:?} and set -u end a non-interactive shell; other errors only abandon the command. */
    readonly fatal = false,
    /** The arithmetic error this one reports, for shells that word those their own way. */
    readonly arith?: ArithError,
  ) {
    super(message);
    this.name = "ExpansionError";
  }
}
