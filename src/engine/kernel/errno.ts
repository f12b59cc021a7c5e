/**
 * Errors as the kernel reports them: an errno code and the strerror(3) text that
 * programs print ("ls: cannot access 'x': No such file or directory").
 */
export const strerror = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  ESRCH: "No such process",
  EINTR: "Interrupted system call",
  EIO: "Input/output error",
  E2BIG: "Argument list too long",
  ENOEXEC: "Exec format error",
  EBADF: "Bad file descriptor",
  ECHILD: "No child processes",
  EAGAIN: "Resource temporarily unavailable",
  ENOMEM: "Cannot allocate memory",
  EACCES: "Permission denied",
  EBUSY: "Device or resource busy",
  EEXIST: "File exists",
  EXDEV: "Invalid cross-device link",
  ENODEV: "No such device",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EINVAL: "Invalid argument",
  ENOTTY: "Inappropriate ioctl for device",
  ENOSPC: "No space left on device",
  ESPIPE: "Illegal seek",
  EROFS: "Read-only file system",
  EPIPE: "Broken pipe",
  ENAMETOOLONG: "File name too long",
  ENOTEMPTY: "Directory not empty",
  ELOOP: "Too many levels of symbolic links",
  ENOTSUP: "Operation not supported",
  ECONNREFUSED: "Connection refused",
  EHOSTUNREACH: "No route to host",
  ETIMEDOUT: "Connection timed out",
  EADDRINUSE: "Address already in use",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ENETUNREACH: "Network is unreachable",
  ECONNRESET: "Connection reset by peer",
  ENOTCONN: "Transport endpoint is not connected",
  ENOTSOCK: "Socket operation on non-socket",
} as const;

export type Errno = keyof typeof strerror;

export class SysError extends Error {
  constructor(
    readonly code: Errno,
    readonly path?: string,
  ) {
    super(strerror[code]);
    this.name = "SysError";
  }
}

export function isSysError(err: unknown, code?: Errno): err is SysError {
  return err instanceof SysError && (code === undefined || err.code === code);
}

/** Text for an error caught from the kernel or filesystem, as strerror(3) would give it. */
export function errorText(err: unknown): string {
  if (err instanceof SysError) return err.message;
  const code = (err as { code?: string } | null)?.code;
  if (code && code in strerror) return strerror[code as Errno];
  return err instanceof Error ? err.message : String(err);
}

/**
 * Thrown through a process's stack when it exits or is killed, so its code unwinds
 * (finally blocks run) wherever it was. Programs must let it propagate.
 */
export class ProcessExit extends Error {
  constructor(readonly status: WaitStatus) {
    super(status.signal ? `killed by signal ${status.signal}` : `exit ${status.code}`);
    this.name = "ProcessExit";
  }
}

/** How a process ended, as waitpid(2) reports it. */
export interface WaitStatus {
  code: number;
  signal?: number;
}

/** The shell's view of a wait status: 128+N for a signal, as `$?` shows. */
export function exitCodeOf(status: WaitStatus): number {
  return status.signal ? 128 + status.signal : status.code;
}
