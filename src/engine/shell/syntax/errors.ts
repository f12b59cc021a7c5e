/**
 * Parse failures, worded as bash words them. An IncompleteInput is input that ended
 * inside a construct: the interactive shell reads another line (PS2) instead of
 * reporting it, a script reports it at end of file.
 */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    /** The line bash reports. */
    readonly line: number,
    /** The source line shown after `near unexpected token` errors in scripts and -c, as `echo a; fi'. */
    readonly lineText?: string,
  ) {
    super(message);
    this.name = "ShellSyntaxError";
  }
}

export class IncompleteInput extends ShellSyntaxError {
  constructor(
    message: string,
    line: number,
    /** An unterminated quote, as opposed to an unfinished command (bash keeps a non-zero $? for those). */
    readonly quote = false,
    /** The line the input ends on, which dash blames where bash blames the one after. */
    readonly endLine = line,
    /** The reserved word that would have completed the command (dash's `expecting "fi"`). */
    readonly expecting?: string,
  ) {
    super(message, line);
    this.name = "IncompleteInput";
  }
}

export const UNEXPECTED_EOF = "syntax error: unexpected end of file";

export function unexpectedToken(token: string): string {
  return `syntax error near unexpected token \`${token}'`;
}

export function unmatched(closer: string): string {
  return `unexpected EOF while looking for matching \`${closer}'`;
}
