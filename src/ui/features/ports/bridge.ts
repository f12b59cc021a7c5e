import type { PlaygroundLink, WorkerEvent } from "../../../worker/protocol";

/** What the port worker (public/port-worker.js) asks for: a request under /port/<host>/<port>/. */
interface PortRequest {
  type: "port-request";
  host: string;
  port: number;
  method: string;
  path: string;
  headers: Array<[string, string]>;
  body: string;
}

type HttpResponse = Extract<WorkerEvent, { type: "http-response" }>;

/**
 * The page's part in serving /port/<host>/<port>/...: the service worker cannot reach the
 * playground's worker, so it hands each request to a playground tab over a MessageChannel;
 * this tab passes it to its worker as an `http` command and sends the answer back on the
 * channel's port.
 */
export class PortBridge {
  private nextId = 1;
  private readonly waiting = new Map<number, MessagePort>();

  constructor(private readonly link: PlaygroundLink) {}

  /** Registers the port worker for the whole app and starts taking its requests. */
  start(): void {
    const container = typeof navigator === "undefined" ? undefined : navigator.serviceWorker;
    if (!container) return;
    container.addEventListener("message", (event: MessageEvent) => this.take(event));
    container.startMessages();
    const base = import.meta.env.BASE_URL;
    container.register(`${base}port-worker.js`, { scope: base }).catch((err: unknown) => {
      console.warn("published ports cannot open in a tab: the port worker did not register", err);
    });
  }

  /** An `http-response` from the worker goes back to the service worker that asked. */
  answer(event: HttpResponse): void {
    const port = this.waiting.get(event.id);
    if (!port) return;
    this.waiting.delete(event.id);
    const { status, statusText, headers, body } = event;
    port.postMessage({ status, statusText, headers, body });
    port.close();
  }

  private take(event: MessageEvent): void {
    const data = event.data as PortRequest | null;
    const reply = event.ports[0];
    if (data?.type !== "port-request" || !reply) return;
    const id = this.nextId++;
    this.waiting.set(id, reply);
    const { host, port, method, path, headers, body } = data;
    this.link.send({ type: "http", id, host, port, method, path, headers, body });
  }
}
