import { NetNamespace } from "../../kernel/namespace";
import type { Container, Endpoint } from "../container/container";
import type { DaemonContext } from "../context";
import { ApiError, conflict, notFound } from "../errors";
import { generateId } from "../ids";

export interface NetworkRecord {
  id: string;
  name: string;
  driver: "bridge" | "host" | "null";
  subnet: string;
  gateway: string;
  created: string;
  labels: Record<string, string>;
  internal: boolean;
  /** Next host number IPAM hands out. */
  nextHost: number;
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
  private nextSubnet = 18;

  constructor(private readonly ctx: DaemonContext) {
    this.networks.push(this.record("bridge", "bridge", "172.17.0.0/16", "172.17.0.1", "docker0"));
    this.networks.push(this.record("host", "host", "", "", ""));
    this.networks.push(this.record("none", "null", "", "", ""));
    const host = ctx.kernel.initNs.net;
    host.interfaces.push({
      name: "docker0",
      ipv4: "172.17.0.1",
      prefixLength: 16,
      mac: this.mac(),
      segment: this.segment("docker0"),
    } as never);
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
      nextHost: 2,
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

  create(name: string, driver: string, labels: Record<string, string>): NetworkRecord {
    if (this.networks.some((n) => n.name === name)) throw conflict(`network with name ${name} already exists`);
    if (driver !== "bridge") throw new ApiError(404, `plugin "${driver}" not found`);
    const octet = this.nextSubnet++;
    const record = this.record(name, "bridge", `172.${octet}.0.0/16`, `172.${octet}.0.1`, "");
    record.bridge = `br-${record.id.slice(0, 12)}`;
    record.labels = labels;
    this.networks.push(record);
    this.ctx.kernel.initNs.net.interfaces.push({
      name: record.bridge,
      ipv4: record.gateway,
      prefixLength: 16,
      mac: this.mac(),
      segment: this.segment(record.bridge),
    } as never);
    this.ctx.events.emit("network", "create", record.id, { name, type: driver });
    return record;
  }

  remove(network: NetworkRecord): void {
    if (["bridge", "host", "none"].includes(network.name)) {
      throw new ApiError(403, `${network.name} is a pre-defined network and cannot be removed`);
    }
    const users = this.ctx.containers.all().filter((c) => c.endpoints.some((e) => e.networkId === network.id));
    if (users.length > 0) {
      throw new ApiError(403, `error while removing network: network ${network.name} id ${network.id} has active endpoints`);
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

  /** Creates the container's network namespace and endpoint (at start). */
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
    const base = network.subnet.split(".").slice(0, 2).join(".");
    const n = network.nextHost++;
    const ip = `${base}.${Math.floor(n / 256)}.${n % 256}`;
    const mac = `02:42:${ip
      .split(".")
      .map((o) => Number(o).toString(16).padStart(2, "0"))
      .join(":")}`;
    const ns = new NetNamespace([lo, { name: "eth0", ipv4: ip, prefixLength: 16, mac, segment: this.segment(network.bridge) } as never]);
    this.ctx.lan.register?.(ns);
    const endpoint = this.endpoint(network, ip, mac);
    endpoint.aliases = network.name === "bridge" ? [] : [container.name, container.shortId];
    container.endpoints = [endpoint];
    if (network.name !== "bridge") this.ctx.lan.setResolver?.(ns, (name) => this.resolve(network, name));
    return ns;
  }

  private endpoint(network: NetworkRecord, ip: string, mac: string): Endpoint {
    return {
      network: network.name,
      networkId: network.id,
      endpointId: ip ? generateId(this.ctx.random) : "",
      ip,
      prefixLength: ip ? 16 : 0,
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

  disconnectAll(container: Container): void {
    const ns = container.running?.netns;
    if (ns && ns !== this.ctx.kernel.initNs.net) {
      this.ctx.lan.setResolver?.(ns, null);
      this.ctx.lan.unregister?.(ns);
    }
    container.endpoints = [];
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
