/**
 * How a TCP connect that never gets an answer ends (the SYN dropped on the way, as between
 * two Docker bridges): curl 8.7.1 gives up on whichever of its limits or the kernel's comes
 * first, each with its own message.
 */

/** lib/connect.h DEFAULT_CONNECT_TIMEOUT: the connect phase's limit without --connect-timeout. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 300_000;

/**
 * Linux retransmits an unanswered SYN net.ipv4.tcp_syn_retries (6) times from a 1 s
 * TCP_TIMEOUT_INIT, doubling each time, and fails connect(2) with ETIMEDOUT after the last
 * wait: 1+2+4+8+16+32+64 s.
 */
export const KERNEL_SYN_TIMEOUT_MS = 127_000;

export interface ConnectLimits {
  /** -m, the whole operation's limit, in ms; it started `elapsedMs` ago. */
  maxTime?: number;
  /** --connect-timeout, in ms. */
  connectTimeout?: number;
}

export interface ConnectTimeout {
  /** How long after the start curl reports the failure. */
  afterMs: number;
  message: string;
  /** The kernel gave up first: connect(2) failed with ETIMEDOUT. */
  kernel: boolean;
}

/**
 * The failure of an unanswered connect to host:port begun `elapsedMs` into the run.
 * - -m ends it first: multi.c multi_handle_timeout() checks the operation timeout before
 *   running the state machine, "Connection timed out after %ld milliseconds".
 * - The connect timeout (--connect-timeout or 300 s) ends it: the eyeballer's timeout in
 *   connect.c sets CURLE_OPERATION_TIMEDOUT, reported by is_connected() as "Failed to
 *   connect to %s port %u after %ld ms: " + curl_easy_strerror(28), "Timeout was reached".
 * - The kernel ends it: the socket's error is ETIMEDOUT, the eyeballer's result
 *   CURLE_COULDNT_CONNECT ("Couldn't connect to server"), and is_connected() turns the
 *   code into 28 because os_errno is ETIMEDOUT.
 * The exit status is 28 in every case.
 */
export function connectTimeout(host: string, port: number, elapsedMs: number, limits: ConnectLimits): ConnectTimeout {
  const connectLimit = limits.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const byMaxTime = limits.maxTime === undefined ? Number.POSITIVE_INFINITY : limits.maxTime;
  const byConnect = elapsedMs + connectLimit;
  const byKernel = elapsedMs + KERNEL_SYN_TIMEOUT_MS;
  if (byMaxTime <= byConnect && byMaxTime <= byKernel) {
    return { afterMs: byMaxTime, message: `Connection timed out after ${byMaxTime} milliseconds`, kernel: false };
  }
  if (byConnect <= byKernel) {
    return {
      afterMs: byConnect,
      message: `Failed to connect to ${host} port ${port} after ${byConnect} ms: Timeout was reached`,
      kernel: false,
    };
  }
  return {
    afterMs: byKernel,
    message: `Failed to connect to ${host} port ${port} after ${byKernel} ms: Couldn't connect to server`,
    kernel: true,
  };
}
