/**
 * Which registry a reference's domain names, and how dockerd reaches it: docker.io is the
 * playground's Docker Hub; any other domain is host[:port] on the virtual network, spoken
 * to over plain HTTP only when it is insecure: loopback (the default InsecureRegistryCIDRs,
 * 127.0.0.0/8 and ::1) or listed in daemon.json's "insecure-registries". Anything else is
 * tried over HTTPS, which the playground's registries do not speak.
 */
import type { FileSystem } from "../fs/filesystem";
import { isSysError } from "../kernel/errno";
import type { NetNamespace } from "../kernel/namespace";
import type { Socket } from "../kernel/socket";
import { httpTransport, hubTransport, RegistryClient, RegistryError } from "./client";
import { dockerHub, type HubRuntime } from "./hub";

export interface EndpointHost {
  runtime: HubRuntime;
  hostFs: FileSystem;
  ns: NetNamespace;
  connect(ns: NetNamespace, address: string, port: number): Socket;
}

const DEFAULT_DOMAIN = "docker.io";

export function registryClient(domain: string, host: EndpointHost): RegistryClient {
  if (domain === DEFAULT_DOMAIN) return new RegistryClient(hubTransport(dockerHub(host.runtime)));
  const colon = domain.lastIndexOf(":");
  const name = colon >= 0 ? domain.slice(0, colon) : domain;
  const port = colon >= 0 ? Number(domain.slice(colon + 1)) : 443;
  const address = resolveHost(host.hostFs, name);
  const insecure = address?.startsWith("127.") || insecureRegistries(host.hostFs).includes(domain);
  const url = `${insecure ? "http" : "https"}://${domain}/v2/`;
  const dial = () => {
    // Go's resolver answers localhost with ::1 first, the address dial errors name.
    const shown = name === "localhost" ? `[::1]:${port}` : `${address}:${port}`;
    if (!address) throw new RegistryError(`Get "${url}": dial tcp: lookup ${name}: no such host`);
    try {
      const socket = host.connect(host.ns, address, port);
      if (!insecure) {
        socket.close();
        throw new RegistryError(`Get "${url}": http: server gave HTTP response to HTTPS client`);
      }
      return socket;
    } catch (err) {
      if (isSysError(err, "ECONNREFUSED")) throw new RegistryError(`Get "${url}": dial tcp ${shown}: connect: connection refused`);
      if (isSysError(err, "EHOSTUNREACH")) throw new RegistryError(`Get "${url}": dial tcp ${shown}: connect: no route to host`);
      if (isSysError(err, "ENETUNREACH")) throw new RegistryError(`Get "${url}": dial tcp ${shown}: connect: network is unreachable`);
      throw err;
    }
  };
  return new RegistryClient(httpTransport(dial, domain));
}

function resolveHost(fs: FileSystem, name: string): string | undefined {
  if (name === "localhost") return "127.0.0.1";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
  if (!fs.exists("/etc/hosts")) return undefined;
  for (const line of fs.readText("/etc/hosts").split("\n")) {
    const [ip, ...names] = line.replace(/#.*/, "").trim().split(/\s+/);
    if (ip && /^\d+\.\d+\.\d+\.\d+$/.test(ip) && names.includes(name)) return ip;
  }
  return undefined;
}

/** daemon.json's "insecure-registries" (host:port entries). */
function insecureRegistries(fs: FileSystem): string[] {
  const path = "/etc/docker/daemon.json";
  if (!fs.exists(path)) return [];
  try {
    const doc = JSON.parse(fs.readText(path)) as { "insecure-registries"?: unknown };
    const list = doc["insecure-registries"];
    return Array.isArray(list) ? list.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
