/**
 * busybox ip (networking/ip.c, networking/libiproute/ipaddress.c, iproute.c): `ip addr`,
 * `ip link` and `ip route` reading the process's network namespace, printed as busybox
 * prints them (its formats differ from iproute2's: no `group default`, no `link-netnsid`,
 * `M-DOWN` on a veth whose peer lives in another namespace).
 */
import type { NetInterface, NetNamespace } from "../../kernel/namespace";
import { broadcastOf, linkState, linksOf, mainRoutes } from "../../kernel/netdevice";
import type { Process } from "../../kernel/process";
import { inSubnet, isIPv4, isLoopback } from "../../net/ipv4";

type Family = "any" | "inet" | "inet6" | "link";

export interface Options {
  family: Family;
  oneline: boolean;
}

const USAGE = `BusyBox v1.37.0 (2025-01-17 18:12:01 UTC) multi-call binary.

Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]

OPTIONS := -f[amily] inet|inet6|link | -o[neline]

ip addr add|del IFADDR dev IFACE | show|flush [dev IFACE] [to PREFIX]
ip route list|flush|add|del|change|append|replace|test ROUTE
ip link set IFACE [up|down] [arp on|off] [multicast on|off]
	[promisc on|off] [mtu NUM] [name NAME] [qlen NUM] [address MAC]
	[master IFACE | nomaster] [netns PID]
ip tunnel add|change|del|show [NAME]
	[mode ipip|gre|sit] [remote ADDR] [local ADDR] [ttl TTL]
ip neigh show|flush [to PREFIX] [dev DEV] [nud STATE]
ip rule [list] | add|del SELECTOR ACTION
`;
class IpError extends Error {}

/** index_in_substrings: the first keyword `word` is a prefix of. */
function keyword(words: string[], word: string): number {
  if (word === "") return -1;
  return words.findIndex((w) => w.startsWith(word));
}

export async function ip(proc: Process): Promise<number> {
  const args = proc.argv.slice(1);
  const opts: Options = { family: "any", oneline: false };
  try {
    while (args[0]?.startsWith("-")) {
      let opt = (args.shift() ?? "").slice(1);
      if (opt.startsWith("-")) opt = opt.slice(1);
      if (opt === "") break;
      const key = keyword(["oneline", "family", "4", "6", "0"], opt);
      if (key < 0) return usage(proc);
      if (key === 0) opts.oneline = true;
      else if (key === 1) {
        const family = args.shift();
        if (family === undefined) return usage(proc);
        if (!["inet", "inet6", "link"].includes(family)) throw new IpError(`invalid argument '${family}' to 'family'`);
        opts.family = family as Family;
      } else opts.family = (["inet", "inet6", "link"] as const)[key - 2];
    }
    const object = args.shift();
    if (object === undefined) return usage(proc);
    switch (keyword(["address", "route", "r", "link", "tunnel", "tunl", "rule", "neigh"], object)) {
      case 0:
        return await address(proc, args, opts);
      case 1:
      case 2:
        return await route(proc, args, opts);
      case 3:
        return await link(proc, args, opts);
      default:
        return usage(proc);
    }
  } catch (err) {
    if (!(err instanceof IpError)) throw err;
    await proc.stderr.write(`ip: ${err.message}\n`);
    return 1;
  }
}

async function usage(proc: Process): Promise<number> {
  await proc.stderr.write(USAGE);
  return 1;
}

/** `ip addr`: do_ipaddr; add/del need CAP_NET_ADMIN, which containers do not have. */
async function address(proc: Process, args: string[], opts: Options): Promise<number> {
  const commands = ["add", "change", "chg", "replace", "delete", "list", "show", "lst", "flush"];
  if (args.length > 0) {
    const cmd = keyword(commands, args[0]);
    if (cmd < 0) throw new IpError(`invalid argument '${args[0]}' to 'ip'`);
    args.shift();
    if (cmd <= 4 || cmd === 8) throw new IpError("RTNETLINK answers: Operation not permitted");
  }
  await proc.stdout.write(listAddresses(proc.netns, filterDev(proc.netns, args), opts));
  return 0;
}

/** `ip link`: the address listing restricted to link information (AF_PACKET). */
async function link(proc: Process, args: string[], opts: Options): Promise<number> {
  if (args.length > 0) {
    const cmd = keyword(["add", "delete", "set", "show", "lst", "list"], args[0]);
    if (cmd < 0) throw new IpError(`invalid argument '${args[0]}' to 'ip'`);
    args.shift();
    if (cmd <= 2) throw new IpError(cmd === 2 ? "SIOCSIFFLAGS: Operation not permitted" : "RTNETLINK answers: Operation not permitted");
  }
  await proc.stdout.write(listAddresses(proc.netns, filterDev(proc.netns, args), { ...opts, family: "link" }));
  return 0;
}

/** The `[dev] IFNAME` argument of a listing: xll_name_to_index dies on an unknown name. */
function filterDev(ns: NetNamespace, args: string[]): NetInterface | null {
  let name: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "up" || arg === "to" || arg === "scope" || arg === "label") {
      if (arg !== "up") i++;
      continue;
    }
    const value = arg === "dev" ? args[++i] : arg;
    if (value === undefined) throw new IpError('command line is not complete, try "help"');
    if (name !== null) throw new IpError(`duplicate "dev": "${value}" is the second value`);
    name = value;
  }
  if (name === null) return null;
  const iface = ns.interfaces.find((i) => i.name === name);
  if (!iface) throw new IpError(`can't find device '${name}'`);
  return iface;
}

/** ipaddr_list_or_flush: each link (print_linkinfo), then its addresses (print_addrinfo). */
export function listAddresses(ns: NetNamespace, only: NetInterface | null, opts: Options): string {
  let out = "";
  for (const iface of linksOf(ns)) {
    if (only && iface !== only) continue;
    const addrs = addressesOf(iface, opts.family);
    // With -4 or -6, links without an address of that family are left out.
    if ((opts.family === "inet" || opts.family === "inet6") && addrs.length === 0) continue;
    if (!(opts.oneline && opts.family !== "link")) out += linkInfo(ns, iface, opts);
    for (const addr of addrs) {
      const head = opts.oneline ? `${iface.index}: ${iface.name}` : "";
      const sep = opts.oneline ? "\\" : "\n";
      out += `${head}${addr.replace("\n", sep)}`;
    }
  }
  return out;
}

function linkInfo(ns: NetNamespace, iface: NetInterface, opts: Options): string {
  const state = linkState(ns, iface);
  const flags = [
    state.loopback ? "LOOPBACK" : "",
    state.loopback ? "" : "BROADCAST",
    state.loopback ? "" : "MULTICAST",
    state.up ? "UP" : "",
    state.carrier ? "LOWER_UP" : "",
  ].filter(Boolean);
  let line = `${state.index}: ${iface.name}${state.link === null ? "" : `@${state.link}`}: <`;
  if (state.up && !state.carrier) line += "NO-CARRIER,";
  line += flags.join(",");
  if (state.linkDown) line += ",M-DOWN";
  line += `> mtu ${state.mtu} qdisc ${state.qdisc} `;
  if (state.master) line += `master ${state.master} `;
  line += `state ${state.operstate} `;
  if (state.txqlen) line += `qlen ${state.txqlen}`;
  if (opts.family === "any" || opts.family === "link") {
    const sep = opts.oneline ? "\\" : "\n";
    line += state.loopback
      ? `${sep}    link/loopback ${iface.mac} brd 00:00:00:00:00:00`
      : `${sep}    link/ether ${iface.mac} brd ff:ff:ff:ff:ff:ff`;
  }
  return `${line}\n`;
}

/**
 * print_addrinfo lines of an interface: its IPv4 address (with broadcast and label), and
 * ::1 on lo. libnetwork disables IPv6 on a container's eth0 when its network has none
 * (osl setIPv6), so no link-local address shows there.
 */
function addressesOf(iface: NetInterface, family: Family): string[] {
  const lifetime = "       valid_lft forever preferred_lft forever\n";
  const out: string[] = [];
  if (family === "link") return out;
  if (iface.ipv4 && family !== "inet6") {
    const scope = iface.name === "lo" ? "host" : "global";
    const brd = iface.name === "lo" ? "" : `brd ${broadcastOf(iface.ipv4, iface.prefixLength)} `;
    out.push(`    inet ${iface.ipv4}/${iface.prefixLength} ${brd}scope ${scope} ${iface.name}\n${lifetime}`);
  }
  // Since Linux 6.3 the kernel marks ::1 noprefixroute.
  if (iface.name === "lo" && family !== "inet") out.push(`    inet6 ::1/128 scope host noprefixroute \n${lifetime}`);
  return out;
}

/** `ip route`: iproute_list_or_flush over the main table (print_route). */
async function route(proc: Process, args: string[], opts: Options): Promise<number> {
  if (args.length > 0) {
    const cmd = keyword(["add", "append", "change", "chg", "delete", "get", "list", "show", "flush", "replace"], args[0]);
    if (cmd < 0) throw new IpError(`invalid argument '${args[0]}' to 'ip'`);
    if (cmd === 5) return routeGet(proc, args.slice(1));
    if (cmd <= 4 || cmd >= 8) throw new IpError("RTNETLINK answers: Operation not permitted");
  }
  if (opts.family !== "inet6") await proc.stdout.write(listRoutes(proc.netns));
  return 0;
}

/** print_route for each route of the main table. */
export function listRoutes(ns: NetNamespace): string {
  let out = "";
  for (const r of mainRoutes(ns)) {
    let line = r.destination === "default" ? "default " : `${r.destination} `;
    if (r.gateway) line += `via ${r.gateway} `;
    line += `dev ${r.dev} `;
    if (r.scope) line += `scope ${r.scope} `;
    if (r.source) line += ` src ${r.source} `;
    out += `${line}\n`;
  }
  return out;
}

/** `ip route get ADDR`: the route the kernel picks, printed as a cloned route (no scope). */
async function routeGet(proc: Process, args: string[]): Promise<number> {
  const target = args.filter((a) => a !== "to")[0];
  if (target === undefined) throw new IpError("need at least a destination address");
  if (!isIPv4(target)) throw new IpError(`an inet prefix is expected rather than "${target}"`);
  const ns = proc.netns;
  const lo = ns.interfaces.find((i) => i.name === "lo");
  const own = ns.interfaces.find((i) => i.ipv4 === target);
  if (isLoopback(target) || own) {
    await proc.stdout.write(`local ${target} dev lo table local  src ${own ? target : (lo?.ipv4 ?? "127.0.0.1")} \n`);
    return 0;
  }
  const routes = mainRoutes(ns);
  const onLink = routes.find(
    (r) => r.destination !== "default" && inSubnet(target, r.destination.split("/")[0], Number(r.destination.split("/")[1])),
  );
  const chosen = onLink ?? routes.find((r) => r.destination === "default");
  if (!chosen) throw new IpError("RTNETLINK answers: Network unreachable");
  const source = ns.interfaces.find((i) => i.name === chosen.dev)?.ipv4 ?? "";
  const via = onLink ? "" : `via ${chosen.gateway} `;
  await proc.stdout.write(`${target} ${via}dev ${chosen.dev}  src ${source} \n`);
  return 0;
}
