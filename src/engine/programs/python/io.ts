import { isSysError } from "../../kernel/errno";
import type { Process } from "../../kernel/process";
import { httpRequest } from "../../net/http";
import { encodeCommand, parseReply } from "../redis/resp";

/**
 * Blocking network calls for Python code that cannot await (the interpreter runs
 * synchronously and a plain function cannot be suspended). A call is answered from this
 * log when it was already performed; otherwise it is recorded and Python unwinds with
 * `_stevedore_io.NeedIO` (a BaseException, which `except Exception` does not catch). The
 * runner then performs it over the kernel's sockets and runs the same code again from its
 * start, replaying the answers in order: a Flask view, or one statement of the script.
 * Output of an attempt that unwound is dropped, so only the completed run is seen.
 */
export class IoLog {
  private answers: string[] = [];
  private cursor = 0;
  pending: { kind: string; payload: string } | null = null;
  private redis = new Map<string, { fd: number; buffer: string }>();

  constructor(private proc: Process) {}

  /** Starts a new unit of work (a request, a statement): nothing to replay. */
  begin(): void {
    this.answers = [];
    this.cursor = 0;
    this.pending = null;
  }

  /** Runs the unit again from its start, replaying what was answered. */
  rewind(): void {
    this.cursor = 0;
    this.pending = null;
  }

  /** The sandbox's `io`: the recorded answer (JSON), or null after recording the request. */
  call(kind: string, payload: string): string | null {
    if (this.cursor < this.answers.length) return this.answers[this.cursor++] as string;
    this.pending = { kind, payload };
    return null;
  }

  /** Performs the pending request and records its answer. */
  async perform(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const payload = JSON.parse(pending.payload);
    const answer = pending.kind === "http" ? await this.http(payload) : await this.redisCommand(payload);
    this.answers.push(JSON.stringify(answer));
  }

  /** Closes the connections the program kept (redis clients reuse theirs). */
  close(): void {
    for (const { fd } of this.redis.values()) {
      try {
        this.proc.close(fd);
      } catch {}
    }
    this.redis.clear();
  }

  private connect(host: string, port: number): number | string {
    try {
      return this.proc.connect(host, port);
    } catch (err) {
      if (isSysError(err, "ECONNREFUSED")) return "ECONNREFUSED";
      if (isSysError(err, "ETIMEDOUT") || isSysError(err, "EHOSTUNREACH")) return "ETIMEDOUT";
      return "ENOTFOUND";
    }
  }

  private async http(p: { method: string; url: string; headers: Record<string, string>; body: string | null }) {
    const m = /^(https?):\/\/([^/:?#]+)(?::(\d+))?([^#]*)/.exec(p.url);
    if (!m) return { error: `Invalid URL '${p.url}': No scheme supplied. Perhaps you meant https://${p.url}?` };
    const host = m[2] as string;
    const port = Number(m[3] ?? (m[1] === "https" ? 443 : 80));
    const target = m[4] || "/";
    const url = `${m[1]}://${host}${m[3] ? `:${m[3]}` : ""}${target}`;
    const fd = this.connect(host, port);
    if (typeof fd === "string") {
      const why =
        fd === "ECONNREFUSED"
          ? "[Errno 111] Connection refused"
          : fd === "ETIMEDOUT"
            ? "[Errno 110] Connection timed out"
            : "[Errno -2] Name or service not known";
      return {
        error: `HTTPConnectionPool(host='${host}', port=${port}): Max retries exceeded with url: ${target} (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f3c2a1b5d30>: Failed to establish a new connection: ${why}'))`,
      };
    }
    try {
      const headers: Array<[string, string]> = [
        ["Host", m[3] ? `${host}:${port}` : host],
        ["User-Agent", "python-requests/2.32.3"],
        ["Accept-Encoding", "gzip, deflate"],
        ["Accept", "*/*"],
        ["Connection", "close"],
      ];
      for (const [k, v] of Object.entries(p.headers)) headers.push([k, v]);
      if (p.body !== null) headers.push(["Content-Length", String(new TextEncoder().encode(p.body).length)]);
      const res = await httpRequest(this.proc, fd, { method: p.method, target, headers, body: p.body ?? undefined });
      const text = await res.readAll();
      return { url, status: res.status, reason: res.statusText, headers: [...res.headers.entries()], text };
    } catch (err) {
      return { error: `('Connection aborted.', RemoteDisconnected('Remote end closed connection without response')) ${String(err)}` };
    } finally {
      this.proc.close(fd);
    }
  }

  private async redisCommand(p: { host: string; port: number; setup: string[][]; args: string[] }) {
    const key = `${p.host}:${p.port}`;
    let conn = this.redis.get(key);
    if (!conn) {
      const fd = this.connect(p.host, p.port);
      if (typeof fd === "string") {
        const why =
          fd === "ECONNREFUSED"
            ? `Error 111 connecting to ${p.host}:${p.port}. Connection refused.`
            : fd === "ETIMEDOUT"
              ? `Timeout connecting to server`
              : `Error -2 connecting to ${p.host}:${p.port}. Name or service not known.`;
        return { error: why };
      }
      conn = { fd, buffer: "" };
      this.redis.set(key, conn);
      for (const command of p.setup) {
        const reply = await this.exchange(conn, command);
        if (reply === null) break;
      }
    }
    const reply = await this.exchange(conn, p.args);
    if (reply === null) {
      this.redis.delete(key);
      return { error: "Connection closed by server." };
    }
    return { reply };
  }

  private async exchange(conn: { fd: number; buffer: string }, args: string[]) {
    await this.proc.write(conn.fd, encodeCommand(args));
    for (;;) {
      const parsed = parseReply(conn.buffer);
      if (parsed) {
        conn.buffer = conn.buffer.slice(parsed.next);
        return parsed.value;
      }
      const chunk = await this.proc.read(conn.fd);
      if (chunk === null) return null;
      conn.buffer += chunk;
    }
  }
}

/** The Python side (`_stevedore_io`, in the interpreter's stdlib directory). */
export const IO_MODULE = `import js as _js
import json as _json


class NeedIO(BaseException):
    pass


def call(kind, payload):
    out = _js.io(kind, _json.dumps(payload))
    if out is None:
        raise NeedIO()
    return _json.loads(out)
`;
