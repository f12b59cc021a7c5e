/** How a build fails: the error the API streams as `errorDetail`, with the step that failed. */

/** A failed build: `message` is what follows "failed to solve: " (or the classic text). */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly code = 1,
    readonly step?: { name: string; file: string; lines: [number, number] },
  ) {
    super(message);
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
