import { NetNamespace } from "../engine/kernel/namespace";
import type { Socket } from "../engine/kernel/socket";
import type { HttpRequestInit, HttpResponseHead } from "../engine/net/http";
import { BodyDecoder, formatRequest, takeResponseHead } from "../engine/net/http";
import { responseFraming } from "../engine/net/http/parser";
import type { Network } from "../engine/net/network";
import type { Host } from "../engine/playground/host";

/**
 * The learner's browser as a machine on the instances' LAN, as Play-With-Docker's proxy
 * was: it reaches a host's published ports and its Engine API on tcp 2375 the way any
 * other machine on that LAN would. It is not registered with the network, so nothing in
 * the playground can reach it back (no process sees it in `ping` or `curl`).
 */
export class LanBrowser {
  private readonly namespaces = new Map<string, NetNamespace>();

  constructor(private readonly network: Network) {}

  /** connect(2) to `port` on `host`'s LAN address: ECONNREFUSED and the like are thrown as SysError. */
  connect(host: Host, port: number): Socket {
    return this.network.connect(this.namespaceToward(host), host.ip, port);
  }

  /** One namespace per LAN segment, with an address the playground never gives a host (its gateway's). */
  private namespaceToward(host: Host): NetNamespace {
    const eth0 = host.kernel.initNs.net.interfaces.find((i) => i.name !== "lo" && i.ipv4);
    const segment = eth0?.segment ?? "";
    let ns = this.namespaces.get(segment);
    if (!ns) {
      const gateway = (eth0?.ipv4 ?? "192.168.0.18").replace(/\.\d+$/, ".1");
      ns = new NetNamespace([
        { name: "lo", ipv4: "127.0.0.1", prefixLength: 8, mac: "00:00:00:00:00:00" },
        { name: "eth0", ipv4: gateway, prefixLength: eth0?.prefixLength ?? 23, mac: "02:42:c0:a8:00:01", segment: eth0?.segment },
      ]);
      this.namespaces.set(segment, ns);
    }
    return ns;
  }
}

/** What one exchange reports as the response arrives. */
export interface ExchangeHandlers {
  head(head: HttpResponseHead): void;
  /** A piece of the decoded body (chunked framing removed). */
  data(text: string): void;
  end(): void;
  /** The connection failed (reset, malformed response, closed before the head). */
  fail(err: unknown): void;
}

/**
 * One HTTP/1.1 request on a connected socket, read the way a kernel service reads (the
 * socket's non-blocking side), so no process of any host runs on the browser's behalf.
 * Returns a function that closes the connection (for streams such as GET /events).
 */
export function exchange(socket: Socket, init: HttpRequestInit, on: ExchangeHandlers): () => void {
  let buffer = "";
  let decoder: BodyDecoder | null = null;
  let finished = false;
  const finish = (err?: unknown) => {
    if (finished) return;
    finished = true;
    socket.close();
    if (err === undefined) on.end();
    else on.fail(err);
  };
  const take = (chunk: string) => {
    if (!decoder) {
      buffer += chunk;
      const taken = takeResponseHead(buffer);
      if (!taken) return;
      const { head, rest } = taken;
      // Interim answers (100 Continue) are skipped, as curl does.
      if (head.status >= 100 && head.status < 200 && head.status !== 101) {
        buffer = "";
        take(rest);
        return;
      }
      decoder = new BodyDecoder(responseFraming(init.method, head));
      on.head(head);
      chunk = rest;
    }
    const body = decoder.push(chunk);
    if (body !== "") on.data(body);
    if (decoder.done) finish();
  };
  const pump = () => {
    if (finished) return;
    try {
      for (;;) {
        const chunk = socket.tryRead();
        if (chunk === undefined) {
          socket.onReadable(pump);
          return;
        }
        if (chunk === null) {
          if (!decoder) throw new Error(buffer === "" ? "empty reply from server" : "connection closed in the response head");
          decoder.end();
          finish();
          return;
        }
        take(chunk);
        if (finished) return;
      }
    } catch (err) {
      finish(err);
    }
  };
  try {
    socket.send(formatRequest(init));
  } catch (err) {
    finish(err);
    return () => {};
  }
  pump();
  return () => {
    if (finished) return;
    finished = true;
    socket.close();
  };
}

/** A whole response, body read to its end. */
export interface LanResponse {
  head: HttpResponseHead;
  body: string;
}

/** Sends `init` on `socket` and resolves with the whole response. */
export function request(socket: Socket, init: HttpRequestInit): Promise<LanResponse> {
  return new Promise((resolve, reject) => {
    let head: HttpResponseHead | null = null;
    let body = "";
    exchange(socket, init, {
      head: (h) => {
        head = h;
      },
      data: (text) => {
        body += text;
      },
      end: () => (head ? resolve({ head, body }) : reject(new Error("empty reply from server"))),
      fail: reject,
    });
  });
}
