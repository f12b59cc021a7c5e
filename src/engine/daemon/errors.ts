/**
 * Errors the Engine API answers with: an HTTP status and {"message": ...}, as moby's
 * errdefs map them (NotFound 404, Conflict 409, InvalidParameter 400, NotModified 304,
 * Forbidden 403, System 500).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new ApiError(404, message);
export const conflict = (message: string) => new ApiError(409, message);
export const invalidParameter = (message: string) => new ApiError(400, message);
export const notModified = () => new ApiError(304, "");
export const forbidden = (message: string) => new ApiError(403, message);
export const systemError = (message: string) => new ApiError(500, message);
