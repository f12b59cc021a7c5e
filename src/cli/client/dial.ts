/**
 * Connecting to dockerd from the `docker` process: its unix socket or a TCP address,
 * through the process's socket system calls.
 */
import { SysError } from "../../engine/kernel/errno";
import type { Process } from "../../engine/kernel/process";
import { ApiClient } from "./client";
import { FdConn } from "./conn";
import { ConnectionError } from "./errors";
import { type DaemonHost, parseDaemonHost } from "./host";

export function dialer(proc: Process, host: DaemonHost): () => Promise<FdConn> {
  return async () => {
    try {
      const fd = host.proto === "unix" ? proc.connectUnix(host.path) : proc.connect(host.host, host.port);
      return new FdConn(proc, fd);
    } catch (err) {
      if (err instanceof SysError) throw new ConnectionError(host.url);
      throw err;
    }
  };
}

/** The client for `-H` when given, else DOCKER_HOST, else the default socket. */
export function newClient(proc: Process, hostFlag?: string): ApiClient {
  const host = parseDaemonHost(hostFlag || proc.env.DOCKER_HOST);
  return new ApiClient(host, dialer(proc, host));
}
