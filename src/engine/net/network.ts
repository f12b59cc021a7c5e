import { SysError } from "../kernel/errno";
import type { NetInterface, NetNamespace } from "../kernel/namespace";
import type { Random } from "../kernel/random";
import type { Scheduler } from "../kernel/scheduler";
import { type Endpoint, Listener, Socket } from "../kernel/socket";
import { ANY_ADDRESS, inSubnet, isLoopback, subnetOf } from "./ipv4";

export type { Endpoint } from "../kernel/socket";

/** Where a published port leads: a container's namespace, address and port. */
export interface PublishTarget {
  ns: NetNamespace;
  address: string;
  port: number;
}

interface Publication {
  hostIp: string;
  hostPort: number;
  target: PublishTarget;
}

/** Linux's default net.ipv4.ip_local_port_range: where ephemeral ports come from. */
const EPHEMERAL_LOW = 32768;
const EPHEMERAL_HIGH = 60999;

/**
 * The playground's virtual network: TCP over IPv4 between network namespaces, Unix
 * domain sockets, port publishing and the name-resolution hook of Docker's embedded DNS.
 *
 * Delivery follows L2 reachability: a connection to address A reaches the namespace that
 * owns A when the caller has an interface on the same segment as A's interface
 * (127.0.0.0/8 is always the caller's own namespace). A namespace with a gateway (a
 * container behind its host's NAT) reaches what the gateway reaches, seen from there.
 */
export class Network {
  private readonly known = new Set<NetNamespace>();
  private readonly listeners = new WeakMap<NetNamespace, Listener[]>();
  private readonly publications = new WeakMap<NetNamespace, Publication[]>();
  private readonly unix = new WeakMap<object, Map<string, Listener>>();
  private readonly resolvers = new WeakMap<NetNamespace, (name: string) => string | null>();
  private readonly gateways = new WeakMap<NetNamespace, NetNamespace>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly random: Random,
  ) {}

  // --- namespaces ----------------------------------------------------------

  /** Makes `ns` reachable by others (a host on the LAN, a container on its networks). */
  register(ns: NetNamespace): void {
    this.known.add(ns);
  }

  unregister(ns: NetNamespace): void {
    this.known.delete(ns);
  }

  /**
   * Outbound NAT (iptables MASQUERADE): connections from `ns` that no segment of its own
   * carries leave through `via` (the host), with the host's address as their source.
   */
  setGateway(ns: NetNamespace, via: NetNamespace | null): void {
    if (via) this.gateways.set(ns, via);
    else this.gateways.delete(ns);
  }

  // --- TCP -----------------------------------------------------------------

  /** bind(2) + listen(2). Port 0 picks an ephemeral port. */
  listen(ns: NetNamespace, address: string, port: number): Listener {
    if (address !== ANY_ADDRESS && !isLoopback(address) && !owns(ns, address)) throw new SysError("EADDRNOTAVAIL");
    const bound = port === 0 ? this.freePort(ns) : port;
    if (this.portTaken(ns, address, bound)) throw new SysError("EADDRINUSE");
    const list = this.listenersOf(ns);
    const listener = new Listener(this.scheduler, { address, port: bound }, () => {
      const idx = list.indexOf(listener);
      if (idx >= 0) list.splice(idx, 1);
    });
    list.push(listener);
    return listener;
  }

  /**
   * connect(2): the connected client end, or ECONNREFUSED, EHOSTUNREACH, ENETUNREACH; or
   * ETIMEDOUT when the host would forward the SYN from one Docker bridge to another, which
   * the DOCKER-ISOLATION chains drop (no answer comes: the caller waits out its timeout).
   */
  connect(ns: NetNamespace, address: string, port: number, forwarded = false): Socket {
    if (isLoopback(address) || owns(ns, address)) return this.deliver(ns, address, port, address, ns);
    for (const local of ns.interfaces) {
      if (local.name === "lo" || !local.ipv4) continue;
      const dest = this.ownerOn(address, segmentOf(local), ns);
      if (dest && forwarded && local.kind === "bridge") throw new SysError("ETIMEDOUT");
      if (dest) return this.deliver(dest, address, port, local.ipv4, ns);
    }
    const via = this.gateways.get(ns);
    if (via) return this.connect(via, address, port, true);
    const onLink = ns.interfaces.some((i) => i.name !== "lo" && i.ipv4 && inSubnet(address, i.ipv4, i.prefixLength));
    throw new SysError(onLink ? "EHOSTUNREACH" : "ENETUNREACH");
  }

  /**
   * An ICMP echo to `address` from `ns`: the number of routers that forward it (each takes
   * one from the reply's TTL), or null when it is lost: no one owns the address on the
   * segment, or the host would forward it from one Docker bridge to another, which the
   * DOCKER-ISOLATION chains drop. Throws ENETUNREACH when no route leads there (sendto fails).
   */
  echo(ns: NetNamespace, address: string, forwarded = false): number | null {
    if (isLoopback(address) || owns(ns, address)) return 0;
    for (const local of ns.interfaces) {
      if (local.name === "lo" || !local.ipv4) continue;
      if (!this.ownerOn(address, segmentOf(local), ns)) continue;
      if (!forwarded) return 0;
      return local.kind === "bridge" ? null : 1;
    }
    const via = this.gateways.get(ns);
    if (via) return this.echo(via, address, true);
    // A default route (a container's gateway) or an on-link address: sent, and lost.
    if (forwarded || ns.gateway || ns.interfaces.some((i) => i.name !== "lo" && i.ipv4 && inSubnet(address, i.ipv4, i.prefixLength))) {
      return null;
    }
    throw new SysError("ENETUNREACH");
  }

  /** Addresses and ports listening in `ns`, published ports included (ss -ltn, netstat). */
  listening(ns: NetNamespace): Endpoint[] {
    const out = this.listenersOf(ns).map((l) => ({ ...l.local }));
    for (const p of this.publicationsOf(ns)) out.push({ address: p.hostIp, port: p.hostPort });
    return out;
  }

  // --- port publishing -----------------------------------------------------

  /**
   * `-p hostIp:hostPort:port`: connections to `hostPort` on `hostIp` of `hostNs` ("0.0.0.0"
   * for every address, loopback included) are forwarded to `target`, as docker-proxy does.
   */
  publish(hostNs: NetNamespace, hostIp: string, hostPort: number, target: PublishTarget): () => void {
    if (this.portTaken(hostNs, hostIp, hostPort)) throw new SysError("EADDRINUSE");
    const list = this.publicationsOf(hostNs);
    const publication: Publication = { hostIp, hostPort, target };
    list.push(publication);
    return () => {
      const idx = list.indexOf(publication);
      if (idx >= 0) list.splice(idx, 1);
    };
  }

  // --- Unix domain sockets -------------------------------------------------

  listenUnix(owner: object, path: string): Listener {
    let paths = this.unix.get(owner);
    if (!paths) {
      paths = new Map();
      this.unix.set(owner, paths);
    }
    const table = paths;
    if (table.has(path)) throw new SysError("EADDRINUSE");
    const listener = new Listener(this.scheduler, { address: path, port: 0 }, () => {
      if (table.get(path) === listener) table.delete(path);
    });
    table.set(path, listener);
    return listener;
  }

  connectUnix(owner: object, path: string): Socket {
    const listener = this.unix.get(owner)?.get(path);
    if (!listener) throw new SysError("ENOENT", path);
    if (listener.isClosed) throw new SysError("ECONNREFUSED");
    // The client of a Unix socket is unnamed, as getsockname(2) reports it.
    const [client, server] = Socket.pair(this.scheduler, { address: "", port: 0 }, { address: path, port: 0 });
    listener.deliver(server);
    return client;
  }

  // --- names ---------------------------------------------------------------

  /** Installs (or removes, with null) the resolver behind 127.0.0.11 for `ns`. */
  setResolver(ns: NetNamespace, resolve: ((name: string) => string | null) | null): void {
    if (resolve) this.resolvers.set(ns, resolve);
    else this.resolvers.delete(ns);
  }

  resolve(ns: NetNamespace, name: string): string | null {
    return this.resolvers.get(ns)?.(name) ?? null;
  }

  // --- delivery ------------------------------------------------------------

  private deliver(dest: NetNamespace, address: string, port: number, source: string, from: NetNamespace): Socket {
    const client: Endpoint = { address: source, port: this.ephemeralPort() };
    const published = this.publicationsOf(dest).find((p) => p.hostPort === port && matches(p.hostIp, address));
    if (published) return this.forward(client, { address, port }, dest, published.target, from === dest);
    const listener = this.findListener(dest, address, port);
    if (!listener) throw new SysError("ECONNREFUSED");
    const [end, server] = Socket.pair(this.scheduler, client, { address, port });
    listener.deliver(server);
    return end;
  }

  /**
   * A connection from the host itself (docker-proxy for localhost, or the OUTPUT chain's
   * DNAT routed out of the bridge) reaches the container from the host side of the
   * container's segment: the bridge gateway. One from elsewhere is DNAT'ed in PREROUTING,
   * which rewrites only the destination: the container sees the remote address.
   * When nothing listens in the container the client reads "Connection reset by peer".
   */
  private forward(client: Endpoint, published: Endpoint, hostNs: NetNamespace, target: PublishTarget, fromHost: boolean): Socket {
    const listener = this.findListener(target.ns, target.address, target.port);
    if (!listener) {
      const [end, proxy] = Socket.pair(this.scheduler, client, published);
      proxy.abort();
      return end;
    }
    const gateway = fromHost ? this.sourceToward(hostNs, target) : null;
    const proxySource: Endpoint = gateway ? { address: gateway, port: this.ephemeralPort() } : client;
    const [end, proxyIn] = Socket.pair(this.scheduler, client, published);
    const [proxyOut, server] = Socket.pair(this.scheduler, proxySource, { address: target.address, port: target.port });
    splice(proxyIn, proxyOut);
    splice(proxyOut, proxyIn);
    listener.deliver(server);
    return end;
  }

  /** The host's address on the segment of the target's interface (the bridge gateway). */
  private sourceToward(hostNs: NetNamespace, target: PublishTarget): string | null {
    const targetIf = target.ns.interfaces.find((i) => i.ipv4 === target.address);
    if (!targetIf) return null;
    const segment = segmentOf(targetIf);
    return hostNs.interfaces.find((i) => i.name !== "lo" && i.ipv4 && segmentOf(i) === segment)?.ipv4 ?? null;
  }

  private findListener(ns: NetNamespace, address: string, port: number): Listener | null {
    const onPort = this.listenersOf(ns).filter((l) => l.local.port === port);
    return onPort.find((l) => l.local.address === address) ?? onPort.find((l) => l.local.address === ANY_ADDRESS) ?? null;
  }

  /** The namespace (other than `self`) that owns `address` on `segment`. */
  private ownerOn(address: string, segment: string, self: NetNamespace): NetNamespace | null {
    for (const ns of this.known) {
      if (ns === self) continue;
      if (ns.interfaces.some((i) => i.ipv4 === address && segmentOf(i) === segment)) return ns;
    }
    return null;
  }

  private portTaken(ns: NetNamespace, address: string, port: number): boolean {
    const overlaps = (other: string) => other === address || other === ANY_ADDRESS || address === ANY_ADDRESS;
    return (
      this.listenersOf(ns).some((l) => l.local.port === port && overlaps(l.local.address)) ||
      this.publicationsOf(ns).some((p) => p.hostPort === port && overlaps(p.hostIp))
    );
  }

  private freePort(ns: NetNamespace): number {
    for (;;) {
      const port = this.ephemeralPort();
      if (!this.portTaken(ns, ANY_ADDRESS, port)) return port;
    }
  }

  private ephemeralPort(): number {
    return EPHEMERAL_LOW + this.random.int(EPHEMERAL_HIGH - EPHEMERAL_LOW + 1);
  }

  private listenersOf(ns: NetNamespace): Listener[] {
    let list = this.listeners.get(ns);
    if (!list) {
      list = [];
      this.listeners.set(ns, list);
    }
    return list;
  }

  private publicationsOf(ns: NetNamespace): Publication[] {
    let list = this.publications.get(ns);
    if (!list) {
      list = [];
      this.publications.set(ns, list);
    }
    return list;
  }
}

function owns(ns: NetNamespace, address: string): boolean {
  return ns.interfaces.some((i) => i.ipv4 === address);
}

/** A published host IP matches its own address, and 0.0.0.0 matches every address. */
function matches(hostIp: string, address: string): boolean {
  return hostIp === ANY_ADDRESS || hostIp === address;
}

function segmentOf(iface: NetInterface): string {
  return iface.segment ?? subnetOf(iface.ipv4, iface.prefixLength);
}

/** Copies everything `from` receives to `to`'s peer, end of stream and reset included (the proxy's relay). */
function splice(from: Socket, to: Socket): void {
  const pump = () => {
    if (from.isClosed) return;
    let chunk: string | null | undefined;
    try {
      chunk = from.tryRead();
    } catch {
      to.abort();
      from.close();
      return;
    }
    if (chunk === undefined) {
      from.onReadable(pump);
      return;
    }
    if (chunk === null) {
      to.shutdownWrite();
      if (to.peerClosed) {
        from.close();
        to.close();
      }
      return;
    }
    try {
      to.send(chunk);
    } catch {
      from.abort();
      return;
    }
    from.onReadable(pump);
  };
  from.onReadable(pump);
}
