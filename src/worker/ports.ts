import type { Port } from "../engine/daemon/api/types";
import { DOCKER_TCP_PORT } from "../engine/daemon/dockerd";
import type { Host } from "../engine/playground/host";
import { exchange, type LanBrowser, request } from "./lan-http";
import type { PublishedPort } from "./protocol";

/** The Engine API version the watcher speaks, as a client pinned to it would. */
const API = "/v1.44";

/** Container events after which `docker ps` may show other ports: the container started, stopped or went away. */
const PORT_EVENTS = ["start", "die", "destroy"];

/** The subset of GET /containers/json the badges need. */
interface ContainerSummary {
  Id: string;
  Names: string[];
  Ports: Port[];
}

/**
 * What `docker ps` shows in its PORTS column, as badges: one per published host port and
 * protocol (the IPv4 and IPv6 bindings of one port are one badge), ordered by port.
 */
export function publishedPorts(containers: ContainerSummary[]): PublishedPort[] {
  const seen = new Map<string, PublishedPort>();
  for (const c of containers) {
    for (const p of c.Ports ?? []) {
      if (p.PublicPort === undefined) continue;
      const key = `${p.PublicPort}/${p.Type}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        hostPort: p.PublicPort,
        protocol: p.Type,
        hostIp: p.IP ?? "0.0.0.0",
        containerPort: p.PrivatePort,
        containerId: c.Id,
        containerName: (c.Names[0] ?? "").replace(/^\//, ""),
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.hostPort - b.hostPort || a.protocol.localeCompare(b.protocol));
}

interface Watched {
  host: Host;
  /** Ends the GET /events stream. */
  close: () => void;
  /** The list last told to the page, as JSON, so only changes are posted. */
  posted: string;
  /** An event came in: the list is read again once the current batch of work is done. */
  dirty: boolean;
  /** A GET /containers/json is on its way. */
  reading: boolean;
}

/**
 * Each host's published ports, learnt as Play-With-Docker learnt them: from outside the
 * host, over its Engine API on tcp 2375. A GET /events stream says when a container
 * started, stopped or was removed; after the batch of work in which that happened, the
 * watcher reads GET /containers/json again and tells the page if the ports changed.
 */
export class PortWatcher {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly browser: LanBrowser,
    private readonly post: (host: string, ports: PublishedPort[]) => void,
    /** Asks the driver for a batch of work, at whose end `refresh` runs. */
    private readonly wake: () => void,
  ) {}

  watch(host: Host): void {
    if (this.watched.has(host.name)) return;
    const entry: Watched = { host, close: () => {}, posted: "[]", dirty: true, reading: false };
    this.watched.set(host.name, entry);
    const filters = encodeURIComponent(JSON.stringify({ type: ["container"], event: PORT_EVENTS }));
    try {
      entry.close = exchange(
        this.browser.connect(host, DOCKER_TCP_PORT),
        { method: "GET", target: `${API}/events?filters=${filters}`, headers: { Host: `${host.ip}:${DOCKER_TCP_PORT}` } },
        {
          head: () => {},
          data: () => {
            entry.dirty = true;
            this.wake();
          },
          end: () => {},
          fail: () => {},
        },
      );
    } catch {
      // No daemon answers on 2375: the host shows no ports.
    }
    this.wake();
  }

  forget(name: string): void {
    this.watched.get(name)?.close();
    this.watched.delete(name);
  }

  /** Reads the container list of every host that had an event since the last look. */
  refresh(): void {
    for (const entry of this.watched.values()) {
      if (!entry.dirty || entry.reading) continue;
      entry.dirty = false;
      entry.reading = true;
      void this.read(entry).finally(() => {
        entry.reading = false;
        if (entry.dirty) this.wake();
      });
    }
  }

  private async read(entry: Watched): Promise<void> {
    const { host } = entry;
    try {
      const { head, body } = await request(this.browser.connect(host, DOCKER_TCP_PORT), {
        method: "GET",
        target: `${API}/containers/json`,
        headers: { Host: `${host.ip}:${DOCKER_TCP_PORT}` },
      });
      if (head.status !== 200 || this.watched.get(host.name) !== entry) return;
      const ports = publishedPorts(JSON.parse(body) as ContainerSummary[]);
      const json = JSON.stringify(ports);
      if (json === entry.posted) return;
      entry.posted = json;
      this.post(host.name, ports);
    } catch {
      // The host went away mid-request: it has no ports to show.
    }
  }
}
