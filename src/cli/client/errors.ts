/**
 * Errors of the Engine API client, worded as moby's client package words them: the
 * daemon's {"message"} becomes `Error response from daemon: <message>`.
 */

/** A non-2xx answer from dockerd. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly daemonMessage: string,
  ) {
    super(`Error response from daemon: ${daemonMessage}`);
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

/** The daemon could not be reached (client.ErrorConnectionFailed). */
export class ConnectionError extends Error {
  constructor(host: string) {
    super(`Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`);
  }
}

/** The message of an error body: JSON {"message"} or, failing that, the text itself. */
export function daemonMessage(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === "string") return parsed.message;
  } catch {
    // Not JSON: moby's client shows the body as text.
  }
  const text = body.trim();
  return text !== "" ? text : `${status}`;
}
