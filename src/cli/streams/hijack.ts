/**
 * docker/cli's hijackedIOStreamer: after attach or exec start the connection carries the
 * container's output one way and the user's input the other. Output is copied as is with
 * a TTY and demultiplexed (stdcopy) without one; input goes through the detach-key proxy.
 * The `docker` process is one task, so instead of goroutines it polls its terminal and the
 * connection, and forwards signals caught meanwhile (sig-proxy) between polls.
 */
import { SysError } from "../../engine/kernel/errno";
import type { Process } from "../../engine/kernel/process";
import type { Conn } from "../client/conn";
import { EscapeProxy } from "./escape";
import type { SignalProxy } from "./sigproxy";
import { Demuxer, STDERR, SYSTEMERR } from "./stdcopy";
import { setRawTerminal } from "./terminal";

export interface HijackOptions {
  conn: Conn;
  tty: boolean;
  /** Forward the CLI's stdin to the connection. */
  stdin: boolean;
  /** Copy stderr frames to the CLI's stderr (with a TTY everything is stdout). */
  stderr?: boolean;
  /** Detach key bytes (parseDetachKeys), checked only with a TTY as docker does. */
  detachKeys: string;
  signals?: SignalProxy;
}

export type StreamEnd = "eof" | "detached";

export async function streamHijacked(proc: Process, opts: HijackOptions): Promise<StreamEnd> {
  const useInput = opts.stdin;
  const restore = useInput && opts.tty && proc.isatty(0) ? setRawTerminal(proc, 0) : () => {};
  const escapeProxy = useInput && opts.tty ? new EscapeProxy(opts.detachKeys) : null;
  const demux = opts.tty ? null : new Demuxer();
  let inputOpen = useInput;
  try {
    for (;;) {
      await opts.signals?.flush();
      let ready: number[];
      if (opts.conn.buffered) ready = [opts.conn.fd];
      else if (!inputOpen) ready = [opts.conn.fd];
      else {
        try {
          ready = await proc.poll([0, opts.conn.fd]);
        } catch (err) {
          if (err instanceof SysError && err.code === "EINTR") continue;
          throw err;
        }
      }
      if (inputOpen && ready.includes(0)) {
        const input = await proc.read(0);
        if (input === null) {
          inputOpen = false;
          opts.conn.closeWrite();
        } else {
          const { pass, detached } = escapeProxy ? escapeProxy.filter(input) : { pass: input, detached: false };
          if (pass !== "") await opts.conn.write(pass);
          if (detached) return "detached";
        }
      }
      if (!ready.includes(opts.conn.fd)) continue;
      let chunk: string | null;
      try {
        chunk = await opts.conn.read();
      } catch (err) {
        if (err instanceof SysError && err.code === "EINTR") continue;
        throw err;
      }
      if (chunk === null) {
        restore();
        return "eof";
      }
      await writeOutput(proc, chunk, demux, opts.stderr ?? true);
    }
  } finally {
    restore();
  }
}

async function writeOutput(proc: Process, chunk: string, demux: Demuxer | null, stderr: boolean): Promise<void> {
  if (!demux) {
    await proc.stdout.write(chunk);
    return;
  }
  for (const frame of demux.push(chunk)) {
    if (frame.stream === STDERR || frame.stream === SYSTEMERR) {
      if (stderr) await proc.stderr.write(frame.text);
    } else await proc.stdout.write(frame.text);
  }
}
