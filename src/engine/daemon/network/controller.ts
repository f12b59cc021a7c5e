import { type NetInterface, NetNamespace } from "../../kernel/namespace";
import { formatIPv4, inSubnet, parseCidr, parseIPv4, subnetOf } from "../../net/ipv4";
import type { EndpointSettings } from "../api/types";
import type { Container, Endpoint } from "../container/container";
import type { DaemonContext } from "../context";
import { ApiError, conflict, notFound } from "../errors";
import { generateId } from "../ids";
import { containerResolvConf } from "./resolvconf";

export interface NetworkRecord {
  id: string;
  name: string;
  driver: "bridge" | "host" | "null";
  subnet: string;
  gateway: string;
  /** --ip-range: the part of the subnet IPAM hands out addresses from ("" for all of it). */
  ipRange: string;
  prefixLength: number;
  created: string;
  labels: Record<string, string>;
  internal: boolean;
  /** Where IPAM looks for the next free address (as a 32-bit number). */
  nextHost: number;
  /** Addresses IPAM has handed out to endpoints. */
  allocated: Set<string>;
  /** Bridge name on the host: docker0 for the default network, br-<id> for the others. */
  bridge: string;
}

/**
 * libnetwork's part for a single host: the default bridge (172.17.0.0/16 on docker0),
 * host and none, user-defined bridges with their own subnet and the embedded DNS that
 * resolves container names on them, IPAM, and port publishing.
 */
export class NetworkController {
  readonly networks: NetworkRecord[] = [];
  /** Endpoint settings per container ID and network ID, kept across restarts (NetworkSettings.Networks). */
  private readonly settings = new Map<string, Map<string, EndpointConfig>>();
  private nextSubnet = 18;

  constructor(private readonly ctx: DaemonContext) {
    this.networks.push(this.record("bridge", "bridge", "172.17.0.0/16", "172.17.0.1", "docker0"));
    this.networks.push(this.record("host", "host", "", "", ""));
    this.networks.push(this.record("none", "null", "", "", ""));
    const host = ctx.kernel.initNs.net;
    host.add({
      name: "docker0",
      kind: "bridge",
      ipv4: "172.17.0.1",
      prefixLength: 16,
      mac: this.mac(),
      segment: this.segment("docker0"),
    });
  }

  private record(name: string, driver: NetworkRecord["driver"], subnet: string, gateway: string, bridge: string): NetworkRecord {
    return {
      id: generateId(this.ctx.random),
      name,
      driver,
      subnet,
      gateway,
      created: this.ctx.isoNow(),
      labels: {},
      internal: false,
      ipRange: "",
      prefixLength: Number(subnet.split("/")[1] ?? 0),
      nextHost: ipv4Value(gateway || "0.0.0.0") + 1,
      allocated: new Set(gateway ? [gateway] : []),
      bridge,
    };
  }

  private segment(bridge: string): string {
    return `${this.ctx.kernel.initNs.uts.hostname}/${bridge}`;
  }

  private mac(): string {
    return `02:42:${this.ctx.random.hex(4).match(/../g)?.join(":")}`;
  }

  find(ref: string): NetworkRecord | undefined {
    return (
      this.networks.find((n) => n.id === ref || n.name === ref) ??
      (/^[0-9a-f]+$/.test(ref) ? this.networks.find((n) => n.id.startsWith(ref)) : undefined)
    );
  }

  get(ref: string): NetworkRecord {
    const network = this.find(ref);
    if (!network) throw notFound(`network ${ref} not found`);
    return network;
  }

  create(name: string, driver: string, labels: Record<string, string>, ipam: IpamConfig[] = []): NetworkRecord {
    if (this.networks.some((n) => n.name === name)) throw conflict(`network with name ${name} already exists`);
    if (driver !== "bridge") throw new ApiError(404, `plugin "${driver}" not found`);
    const pool = ipam.find((c) => parseCidr(c.Subnet ?? "") !== null);
    let subnet: string;
    let gateway: string;
    if (pool?.Subnet) {
      const cidr = parseCidr(pool.Subnet) as { base: string; prefixLength: number };
      // The API route has refused host bits (ipam-config.ts); subnetOf only normalises the text.
      subnet = subnetOf(cidr.base, cidr.prefixLength);
      gateway = pool.Gateway || formatIPv4(ipv4Value(subnet.split("/")[0] ?? "") + 1);
      if (!inSubnet(gateway, cidr.base, cidr.prefixLength)) throw new ApiError(400, `no matching subnet for gateway ${gateway}`);
      if (pool.IPRange) {
        const range = parseCidr(pool.IPRange);
        if (!range || !inSubnet(range.base, cidr.base, cidr.prefixLength) || range.prefixLength < cidr.prefixLength) {
          throw new ApiError(400, `invalid pool request: Pool overlaps with other one on this address space`);
        }
      }
    } else {
      const octet = this.nextSubnet++;
      subnet = `172.${octet}.0.0/16`;
      gateway = `172.${octet}.0.1`;
    }
    const record = this.record(name, "bridge", subnet, gateway, "");
    record.ipRange = pool?.IPRange ?? "";
    if (record.ipRange) record.nextHost = ipv4Value(record.ipRange.split("/")[0] ?? "");
    record.bridge = `br-${record.id.slice(0, 12)}`;
    record.labels = labels;
    this.networks.push(record);
    this.ctx.kernel.initNs.net.add({
      name: record.bridge,
      kind: "bridge",
      ipv4: record.gateway,
      prefixLength: record.prefixLength,
      mac: this.mac(),
      segment: this.segment(record.bridge),
    });
    this.ctx.events.emit("network", "create", record.id, { name, type: driver });
    return record;
  }

  remove(network: NetworkRecord): void {
    if (["bridge", "host", "none"].includes(network.name)) {
      throw new ApiError(403, `${network.name} is a pre-defined network and cannot be removed`);
    }
    // libnetwork's ActiveEndpointsError, wrapped by daemon/network.go deleteNetwork.
    const active = this.ctx.containers
      .all()
      .flatMap((c) =>
        c.endpoints.filter((e) => e.networkId === network.id).map((e) => `name:"${c.name}" id:"${e.endpointId.slice(0, 12)}"`),
      );
    if (active.length > 0) {
      throw new ApiError(403, `error while removing network: network ${network.name} has active endpoints (${active.join(", ")})`);
    }
    this.networks.splice(this.networks.indexOf(network), 1);
    const host = this.ctx.kernel.initNs.net;
    host.interfaces = host.interfaces.filter((i) => i.name !== network.bridge);
    this.ctx.events.emit("network", "destroy", network.id, { name: network.name, type: network.driver });
  }

  /** The network a container is configured for (`--network`, default bridge). */
  private networkOf(container: Container): NetworkRecord {
    const mode = container.hostConfig.NetworkMode || "bridge";
    return this.get(mode === "default" ? "bridge" : mode);
  }

  /**
   * Records the endpoint settings a container asks for (`--network-alias`, `--ip`, or
   * `docker network connect` while it is stopped): moby keeps them in
   * NetworkSettings.Networks and applies them at start.
   */
  configure(container: Container, endpoints: Record<string, Partial<EndpointSettings>> | undefined): void {
    for (const [ref, settings] of Object.entries(endpoints ?? {})) {
      const network = this.find(ref === "default" ? "bridge" : ref);
      if (network) this.settingsOf(container).set(network.id, toConfig(settings));
    }
  }

  private settingsOf(container: Container): Map<string, EndpointConfig> {
    let map = this.settings.get(container.id);
    if (!map) {
      map = new Map();
      this.settings.set(container.id, map);
    }
    return map;
  }

  /** Creates the container's network namespace and its endpoints (at start): eth0 on its own network, eth1... on connected ones. */
  connectAll(container: Container): NetNamespace {
    const network = this.networkOf(container);
    if (network.driver === "host") {
      container.endpoints = [this.endpoint(network, "", "")];
      return this.ctx.kernel.initNs.net;
    }
    const lo = { name: "lo", ipv4: "127.0.0.1", prefixLength: 8, mac: "00:00:00:00:00:00" };
    if (network.driver === "null") {
      container.endpoints = [this.endpoint(network, "", "")];
      const ns = new NetNamespace([lo]);
      this.ctx.lan.register?.(ns);
      return ns;
    }
    const ns = new NetNamespace([lo]);
    ns.gateway = network.gateway;
    this.ctx.lan.register?.(ns);
    // An internal network has no default route out (moby bridge driver, --internal).
    if (!network.internal) this.ctx.lan.setGateway?.(ns, this.ctx.kernel.initNs.net);
    this.writeResolvConf(container, network.name !== "bridge");
    container.endpoints = [];
    const settings = this.settingsOf(container);
    try {
      this.attach(container, ns, network, settings.get(network.id));
      for (const [id, config] of settings) {
        const extra = this.networks.find((n) => n.id === id);
        if (extra && extra !== network && extra.driver === "bridge") this.attach(container, ns, extra, config);
      }
    } catch (err) {
      this.disconnectAll(container, ns);
      throw err;
    }
    return ns;
  }

  /** libnetwork writes resolv.conf when the sandbox is set up: the embedded DNS server on user-defined networks. */
  private writeResolvConf(container: Container, internalResolver: boolean): void {
    const fs = this.ctx.hostFs;
    const path = `/var/lib/docker/containers/${container.id}/resolv.conf`;
    if (!fs.exists(`/var/lib/docker/containers/${container.id}`)) return;
    const host = fs.exists("/etc/resolv.conf") ? fs.readText("/etc/resolv.conf") : "";
    fs.writeFile(path, containerResolvConf(host, internalResolver));
  }

  /** POST /networks/{id}/connect (moby daemon.ConnectToNetwork): now when it runs, at its next start otherwise. */
  connect(container: Container, network: NetworkRecord, settings: Partial<EndpointSettings>): void {
    const config = toConfig(settings);
    if (container.hostConfig.NetworkMode === "host" || network.driver !== "bridge") {
      throw new ApiError(
        400,
        "container sharing network namespace with another container or host cannot be connected to any other network",
      );
    }
    if (network.name === "bridge" && config.ipv4)
      throw new ApiError(400, "user-specified IP address is supported on user-defined networks only");
    if (network.name === "bridge" && config.aliases.length) {
      throw new ApiError(400, "network-scoped aliases are only supported for user-defined networks");
    }
    const ns = container.running?.netns;
    if (!ns) {
      this.settingsOf(container).set(network.id, config);
      return;
    }
    if (ns === this.ctx.kernel.initNs.net || container.endpoints.some((e) => e.network === "none")) {
      throw new ApiError(
        400,
        "container sharing network namespace with another container or host cannot be connected to any other network",
      );
    }
    // libnetwork's Network.CreateEndpoint: one endpoint per container name and network.
    if (container.endpoints.some((e) => e.networkId === network.id)) {
      throw new ApiError(403, `endpoint with name ${container.name} already exists in network ${network.name}`);
    }
    this.attach(container, ns, network, config);
    this.settingsOf(container).set(network.id, config);
  }

  /** POST /networks/{id}/disconnect (moby daemon.DisconnectFromNetwork): removes the endpoint and its interface. */
  disconnect(container: Container, network: NetworkRecord): void {
    const settings = this.settingsOf(container);
    const ns = container.running?.netns;
    if (!ns) {
      if (!settings.has(network.id) && this.networkOf(container) !== network) {
        throw new ApiError(500, `container ${container.id} is not connected to the network ${network.name}`);
      }
      settings.delete(network.id);
      return;
    }
    if (network.driver === "host" && container.hostConfig.NetworkMode === "host") {
      throw new ApiError(400, "cannot disconnect container from host network - container was created in host network mode");
    }
    const endpoint = container.endpoints.find((e) => e.networkId === network.id);
    if (!endpoint) throw new ApiError(500, `container ${container.id} is not connected to network ${network.name}`);
    settings.delete(network.id);
    container.endpoints.splice(container.endpoints.indexOf(endpoint), 1);
    if (endpoint.ip) network.allocated.delete(endpoint.ip);
    const iface = ns.interfaces.find((i) => i.ipv4 === endpoint.ip && i.name !== "lo");
    if (iface) this.removeVeth(ns, [iface]);
    this.updateResolver(container, ns);
  }

  /** One endpoint: an address from the network's IPAM and a veth pair whose host end joins the bridge. */
  private attach(container: Container, ns: NetNamespace, network: NetworkRecord, config: EndpointConfig | undefined): void {
    if (network.name === "bridge" && config?.ipv4)
      throw new ApiError(400, "user-specified IP address is supported on user-defined networks only");
    const ip = this.allocate(network, config?.ipv4 ?? "");
    const mac = `02:42:${ip
      .split(".")
      .map((o) => Number(o).toString(16).padStart(2, "0"))
      .join(":")}`;
    // The veth pair is created in the host's namespace (the container end registered first,
    // so it has the lower index), then one end moves into the container as eth<n> and keeps
    // its index; the host end is enslaved to the bridge.
    const host = this.ctx.kernel.initNs.net;
    const inner = host.allocIndex();
    const outer = host.allocIndex();
    const taken = new Set(ns.interfaces.map((i) => i.name));
    let n = 0;
    while (taken.has(`eth${n}`)) n++;
    ns.add({
      name: `eth${n}`,
      kind: "veth" as const,
      index: inner,
      peer: outer,
      ipv4: ip,
      prefixLength: network.prefixLength,
      mac,
      segment: this.segment(network.bridge),
    });
    const endpoint = this.endpoint(network, ip, mac);
    // libnetwork names the host end veth + 7 random hex digits; the endpoint ID supplies them.
    const hex = endpoint.endpointId;
    // The kernel gives the veth a random locally administered unicast MAC (eth_hw_addr_random).
    const octets = hex.slice(7, 19).match(/../g) ?? [];
    octets[0] = ((Number.parseInt(octets[0] ?? "0", 16) & 0xfe) | 0x02).toString(16).padStart(2, "0");
    host.add({
      name: `veth${hex.slice(0, 7)}`,
      kind: "veth",
      index: outer,
      peer: inner,
      master: network.bridge,
      ipv4: "",
      prefixLength: 0,
      mac: octets.join(":"),
    });
    // moby buildEndpointDNSNames: name, aliases, short ID, hostname; the default bridge has no service discovery.
    endpoint.aliases =
      network.name === "bridge"
        ? []
        : [...new Set([container.name, ...(config?.aliases ?? []), container.shortId, container.config.Hostname ?? ""])].filter(Boolean);
    container.endpoints.push(endpoint);
    this.updateResolver(container, ns);
  }

  /** The embedded DNS server answers for every user-defined network the container is on. */
  private updateResolver(container: Container, ns: NetNamespace): void {
    const networks = container.endpoints
      .map((e) => this.networks.find((n) => n.id === e.networkId))
      .filter((n) => n && n.name !== "bridge");
    if (networks.length === 0) {
      this.ctx.lan.setResolver?.(ns, null);
      return;
    }
    this.ctx.lan.setResolver?.(ns, (name) => {
      for (const network of networks) {
        const ip = network ? this.resolve(network, name) : null;
        if (ip) return ip;
      }
      return null;
    });
  }

  /**
   * libnetwork's default IPAM: the requested address when it is free and in the subnet,
   * else the next free one after the last handed out, within --ip-range when given.
   */
  private allocate(network: NetworkRecord, requested: string): string {
    const subnet = parseCidr(network.subnet);
    if (requested) {
      const value = parseIPv4(requested);
      if (value === null || !subnet || !inSubnet(requested, subnet.base, subnet.prefixLength)) {
        throw new ApiError(400, `no configured subnet contains IP address ${requested}`);
      }
      if (network.allocated.has(requested)) throw new ApiError(403, "Address already in use");
      network.allocated.add(requested);
      return requested;
    }
    const range = parseCidr(network.ipRange || network.subnet);
    if (!subnet || !range) throw new ApiError(500, `no available IPv4 addresses on network ${network.name}`);
    const first = ipv4Value(range.base);
    const size = 2 ** (32 - range.prefixLength);
    const subnetFirst = ipv4Value(subnet.base);
    const subnetLast = subnetFirst + 2 ** (32 - subnet.prefixLength) - 1;
    for (let i = 0; i < size; i++) {
      const value = first + ((((network.nextHost - first + i) % size) + size) % size);
      if (value <= subnetFirst || value >= subnetLast) continue;
      const ip = formatIPv4(value);
      if (network.allocated.has(ip)) continue;
      network.allocated.add(ip);
      network.nextHost = value + 1;
      return ip;
    }
    throw new ApiError(500, `no available IPv4 addresses on network ${network.name}`);
  }

  private endpoint(network: NetworkRecord, ip: string, mac: string): Endpoint {
    return {
      network: network.name,
      networkId: network.id,
      endpointId: ip ? generateId(this.ctx.random) : "",
      ip,
      prefixLength: ip ? network.prefixLength : 0,
      gateway: ip ? network.gateway : "",
      mac,
      aliases: [],
    };
  }

  /** The embedded DNS server (127.0.0.11): container names and aliases on the same network. */
  private resolve(network: NetworkRecord, name: string): string | null {
    for (const c of this.ctx.containers.all()) {
      const ep = c.endpoints.find((e) => e.networkId === network.id);
      if (ep?.ip && c.isRunning && (c.name === name || ep.aliases.includes(name))) return ep.ip;
    }
    return null;
  }

  disconnectAll(container: Container, netns?: NetNamespace): void {
    const ns = netns ?? container.running?.netns;
    if (ns && ns !== this.ctx.kernel.initNs.net) {
      this.ctx.lan.setResolver?.(ns, null);
      this.ctx.lan.setGateway?.(ns, null);
      this.ctx.lan.unregister?.(ns);
      this.removeVeth(ns, ns.interfaces);
    }
    for (const ep of container.endpoints) this.networks.find((n) => n.id === ep.networkId)?.allocated.delete(ep.ip);
    container.endpoints = [];
  }

  /** Deleting a veth end deletes its peer on the host too. */
  private removeVeth(ns: NetNamespace, ends: NetInterface[]): void {
    const host = this.ctx.kernel.initNs.net;
    const peers = new Set(ends.map((i) => i.peer).filter((p) => p !== undefined));
    host.interfaces = host.interfaces.filter((i) => !(i.master && i.index !== undefined && peers.has(i.index)));
    if (ends !== ns.interfaces) ns.interfaces = ns.interfaces.filter((i) => !ends.includes(i));
  }

  /** Forgets a removed container's endpoint settings. */
  forget(container: Container): void {
    this.settings.delete(container.id);
  }

  /** -p/-P: forwards host ports to the container, failing as docker-proxy does when one is taken. */
  publishPorts(container: Container, ns: NetNamespace): Array<() => void> {
    const ip = container.endpoints[0]?.ip;
    const undo: Array<() => void> = [];
    if (!ip) return undo;
    const bindings = container.hostConfig.PortBindings ?? {};
    const all = container.hostConfig.PublishAllPorts ? Object.keys(container.config.ExposedPorts ?? {}) : [];
    const ports = new Set([...Object.keys(bindings), ...all]);
    try {
      for (const key of ports) {
        const [port, proto = "tcp"] = key.split("/");
        if (proto !== "tcp") continue;
        const list = bindings[key]?.length ? (bindings[key] ?? []) : [{ HostIp: "", HostPort: "" }];
        for (const binding of list) {
          const hostIp = binding.HostIp || "0.0.0.0";
          const hostPort = binding.HostPort ? Number(binding.HostPort) : this.ephemeralPort();
          binding.HostPort = String(hostPort);
          try {
            undo.push(this.ctx.lan.publish(this.ctx.kernel.initNs.net, hostIp, hostPort, { ns, address: ip, port: Number(port) }));
          } catch {
            throw new ApiError(
              500,
              `driver failed programming external connectivity on endpoint ${container.name} (${generateId(this.ctx.random)}): Bind for ${hostIp}:${hostPort} failed: port is already allocated`,
            );
          }
          container.publishedPorts.push({ hostIp, hostPort, port: Number(port), proto });
        }
      }
    } catch (err) {
      for (const u of undo) u();
      container.publishedPorts = [];
      throw err;
    }
    const all2 = undo.slice();
    return [
      () => {
        for (const u of all2) u();
        container.publishedPorts = [];
      },
    ];
  }

  private nextEphemeral = 32768;
  private ephemeralPort(): number {
    return this.nextEphemeral++;
  }
}

/** The subnet's pool as `docker network create --subnet --gateway --ip-range` sends it. */
export interface IpamConfig {
  Subnet?: string;
  Gateway?: string;
  IPRange?: string;
}

/** What a container asks of one of its networks: --network-alias/--alias and --ip. */
interface EndpointConfig {
  aliases: string[];
  ipv4: string;
}

function toConfig(settings: Partial<EndpointSettings>): EndpointConfig {
  return { aliases: settings.Aliases ?? [], ipv4: settings.IPAMConfig?.IPv4Address ?? "" };
}

function ipv4Value(text: string): number {
  return parseIPv4(text) ?? 0;
}
