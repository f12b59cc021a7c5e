import { parseIPv4, subnetOf } from "../net/ipv4";
import type { NetInterface, NetNamespace } from "./namespace";

/**
 * What the kernel reports about a network device over rtnetlink and SIOCGIF* ioctls
 * (`ip link`, `ifconfig`): its flags, MTU, queueing discipline, operational state and
 * transmit queue length, derived from how the interface is plugged in.
 */
export interface LinkState {
  index: number;
  /** IFF_* flags set, in the kernel's bit order (UP, BROADCAST, LOOPBACK, RUNNING, MULTICAST, LOWER_UP). */
  up: boolean;
  loopback: boolean;
  /** IFF_RUNNING / IFF_LOWER_UP: the link has carrier. */
  carrier: boolean;
  mtu: number;
  qdisc: string;
  /** IFLA_OPERSTATE: UNKNOWN (lo), UP, or DOWN (a bridge with no port). */
  operstate: "UNKNOWN" | "UP" | "DOWN";
  /** dev->tx_queue_len: 1000 for lo; 0 for the bridges and veths libnetwork creates (TxQLen: 0). */
  txqlen: number;
  /** IFLA_LINK's name as seen from the namespace: the peer's name there, else `if<N>`; null without a peer. */
  link: string | null;
  /** Whether that peer is absent or down in this namespace (busybox ip's `M-DOWN`). */
  linkDown: boolean;
  /** The bridge this device is a port of. */
  master: string | null;
}

export function linkState(ns: NetNamespace, iface: NetInterface): LinkState {
  const loopback = iface.name === "lo";
  // A bridge has carrier while at least one port is attached; anything else here is plugged in.
  const carrier = iface.kind === "bridge" ? ns.interfaces.some((i) => i.master === iface.name) : true;
  const peer = iface.peer === undefined ? undefined : ns.interfaces.find((i) => i.index === iface.peer);
  return {
    index: iface.index ?? 0,
    up: true,
    loopback,
    carrier,
    mtu: loopback ? 65536 : 1500,
    qdisc: "noqueue",
    operstate: loopback ? "UNKNOWN" : carrier ? "UP" : "DOWN",
    txqlen: loopback ? 1000 : 0,
    link: iface.peer === undefined ? null : (peer?.name ?? `if${iface.peer}`),
    linkDown: iface.peer !== undefined && !peer,
    master: iface.master ?? null,
  };
}

/** The namespace's interfaces in ifindex order, as a netlink dump lists them. */
export function linksOf(ns: NetNamespace): NetInterface[] {
  return [...ns.interfaces].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}

/** The IPv4 broadcast address of `address`/`prefixLength`. */
export function broadcastOf(address: string, prefixLength: number): string {
  const value = parseIPv4(address) ?? 0;
  const size = 2 ** (32 - prefixLength);
  const last = Math.floor(value / size) * size + size - 1;
  return [24, 16, 8, 0].map((shift) => Math.floor(last / 2 ** shift) % 256).join(".");
}

/** The netmask of a prefix length, dotted ("255.255.0.0"). */
export function netmaskOf(prefixLength: number): string {
  const value = prefixLength === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefixLength);
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

export interface Route {
  /** "default" or a network in CIDR form. */
  destination: string;
  gateway: string | null;
  dev: string;
  /** RT_SCOPE_LINK for a connected network, universe (null) for the default route. */
  scope: "link" | null;
  /** The preferred source of a connected route: the interface's own address. */
  source: string | null;
  /** RTNH_F_LINKDOWN: the device has no carrier (a bridge with no port). */
  linkdown: boolean;
}

/**
 * The main IPv4 routing table: a connected (proto kernel, scope link) route per addressed
 * interface and the default route via the gateway, in the FIB's dump order (by destination).
 */
export function mainRoutes(ns: NetNamespace): Route[] {
  const routes: Array<Route & { key: number }> = [];
  for (const iface of ns.interfaces) {
    if (iface.name === "lo" || !iface.ipv4) continue;
    const network = subnetOf(iface.ipv4, iface.prefixLength);
    routes.push({
      key: parseIPv4(network.split("/")[0]) ?? 0,
      destination: network,
      gateway: null,
      dev: iface.name,
      scope: "link",
      source: iface.ipv4,
      linkdown: !linkState(ns, iface).carrier,
    });
  }
  routes.sort((a, b) => a.key - b.key);
  const out: Route[] = routes.map(({ key: _key, ...route }) => route);
  const via = ns.gateway
    ? ns.interfaces.find((i) => i.ipv4 && i.name !== "lo" && subnetOf(ns.gateway, i.prefixLength) === subnetOf(i.ipv4, i.prefixLength))
    : undefined;
  if (via) out.unshift({ destination: "default", gateway: ns.gateway, dev: via.name, scope: null, source: null, linkdown: false });
  return out;
}
