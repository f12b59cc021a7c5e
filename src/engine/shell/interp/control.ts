/**
 * Non-local control flow in the interpreter, thrown through the AST walk: loops catch
 * break and continue, function calls catch return, the top level catches exit and
 * interrupts. They are not errors, so they carry no stack trace.
 */
export class BreakLoop {
  constructor(
    public levels: number,
    /** The loop's status: break's own (1 after `break 0`). */
    readonly status = 0,
  ) {}
}

export class ContinueLoop {
  constructor(public levels: number) {}
}

export class ReturnFromFunction {
  constructor(readonly status: number) {}
}

/** `exit`, set -e, and fatal errors of a non-interactive shell. */
export class ExitShell {
  constructor(readonly status: number) {}
}

/**
 * Abandons the current command line of an interactive shell: Ctrl-C while the shell
 * itself runs (or a foreground job died of SIGINT), or an expansion error.
 */
export class AbortCommandLine {
  constructor(readonly status: number) {}
}
