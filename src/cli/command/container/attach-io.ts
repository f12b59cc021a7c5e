/**
 * The attach half of run, start -a and attach: POST /containers/{id}/attach hijacked,
 * then the streams copied both ways (streams/hijack.ts), with sig-proxy forwarding
 * signals through the kill API meanwhile.
 */
import type { Conn } from "../../client/conn";
import { DEFAULT_DETACH_KEYS, parseDetachKeys } from "../../streams/escape";
import { type StreamEnd, streamHijacked } from "../../streams/hijack";
import { SignalProxy } from "../../streams/sigproxy";
import type { DockerCli } from "../system/dockercli";

export interface AttachStreams {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  detachKeys: string;
}

/** validateDetachKeys: `invalid detach keys (x): Unknown character: 'x'`. */
export function detachKeyBytes(keys: string): string {
  try {
    return parseDetachKeys(keys || DEFAULT_DETACH_KEYS);
  } catch (err) {
    throw new Error(`invalid detach keys (${keys}): ${(err as Error).message}`);
  }
}

export function attachContainer(cli: DockerCli, id: string, s: AttachStreams): Promise<Conn> {
  return cli.client.hijack(`/containers/${encodeURIComponent(id)}/attach`, {
    query: { stream: true, stdin: s.stdin, stdout: s.stdout, stderr: s.stderr, detachKeys: s.detachKeys || undefined },
  });
}

/** ForwardAllSignals for container `id`, started now. */
export function startSignalProxy(cli: DockerCli, id: string): SignalProxy {
  const proxy = new SignalProxy(cli.proc, async (signal) => {
    await cli.client.post(`/containers/${encodeURIComponent(id)}/kill`, { signal });
  });
  proxy.start();
  return proxy;
}

/** resizeTTY: the container's terminal takes the size of the CLI's. */
export async function resizeTty(cli: DockerCli, path: string): Promise<void> {
  const tty = cli.proc.ttyOf(1);
  if (!tty) return;
  try {
    await cli.client.post(path, { h: tty.rows, w: tty.cols });
  } catch {
    // Resizing is best effort, as in docker/cli.
  }
}

export function streamAttached(
  cli: DockerCli,
  conn: Conn,
  opts: { tty: boolean; stdin: boolean; detachKeys: string; signals?: SignalProxy },
): Promise<StreamEnd> {
  return streamHijacked(cli.proc, {
    conn,
    tty: opts.tty,
    stdin: opts.stdin,
    detachKeys: detachKeyBytes(opts.detachKeys),
    signals: opts.signals,
  });
}
