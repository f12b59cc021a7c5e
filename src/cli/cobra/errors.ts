// docker/cli cli/error.go StatusError: an error carrying the exit status;
// cmd/docker prints its text (when any) and exits with its code.
export class StatusError extends Error {
  constructor(
    readonly status: string,
    readonly statusCode: number,
  ) {
    super(status);
    this.name = "StatusError";
  }
}

/** docker's getExitCode: a StatusError's code, else 1. */
export function exitCodeOf(e: unknown): number {
  return e instanceof StatusError && e.statusCode !== 0 ? e.statusCode : 1;
}
