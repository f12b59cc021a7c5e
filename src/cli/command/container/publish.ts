/**
 * `-p/--publish` and `--expose` as go-connections/nat.ParsePortSpecs reads them:
 * `[ip:][hostPort:]containerPort[/proto]`, with ranges (`8000-8002:80-82`).
 */
import type { PortBinding, PortMap } from "../../../engine/daemon/api/types";

export interface PublishedPorts {
  exposed: Record<string, Record<string, never>>;
  bindings: PortMap;
}

function parseRange(text: string, what: string, raw: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new Error(`invalid ${what}: ${raw}`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535 || end < start) throw new Error(`invalid ${what}: ${raw}`);
  return [start, end];
}

/** Splits `ip:host:container/proto`, allowing a bracketed IPv6 address. */
function splitSpec(raw: string): { ip: string; host: string; container: string; proto: string } {
  const slash = raw.lastIndexOf("/");
  const proto = slash >= 0 ? raw.slice(slash + 1).toLowerCase() : "tcp";
  const spec = slash >= 0 ? raw.slice(0, slash) : raw;
  const colon = spec.lastIndexOf(":");
  const container = spec.slice(colon + 1);
  const rest = colon >= 0 ? spec.slice(0, colon) : "";
  const hostColon = rest.lastIndexOf(":");
  const host = rest.slice(hostColon + 1);
  const ip = hostColon >= 0 ? rest.slice(0, hostColon).replace(/^\[(.*)\]$/, "$1") : "";
  return { ip, host, container, proto };
}

export function parsePublish(specs: string[]): PublishedPorts {
  const exposed: Record<string, Record<string, never>> = {};
  const bindings: PortMap = {};
  for (const raw of specs) {
    const { ip, host, container, proto } = splitSpec(raw);
    if (container === "") throw new Error(`no port specified: ${raw}<empty>`);
    if (!["tcp", "udp", "sctp"].includes(proto)) throw new Error(`invalid proto: ${proto}`);
    const [cStart, cEnd] = parseRange(container, "containerPort", container);
    const [hStart, hEnd] = host === "" ? [0, 0] : parseRange(host, "hostPort", host);
    if (host !== "" && hEnd - hStart !== cEnd - cStart && hStart !== hEnd) {
      throw new Error(`invalid ranges specified for container and host Ports: ${container} and ${host}`);
    }
    for (let port = cStart; port <= cEnd; port++) {
      const key = `${port}/${proto}`;
      exposed[key] = {};
      let hostPort = "";
      if (host !== "") hostPort = hEnd === hStart && cEnd !== cStart ? `${hStart}-${hEnd}` : String(hStart + port - cStart);
      const binding: PortBinding = { HostIp: ip, HostPort: hostPort };
      bindings[key] = [...(bindings[key] ?? []), binding];
    }
  }
  return { exposed, bindings };
}

/** `--expose 80`, `--expose 7000-7002/udp`. */
export function parseExpose(specs: string[]): Record<string, Record<string, never>> {
  const exposed: Record<string, Record<string, never>> = {};
  for (const raw of specs) {
    const slash = raw.indexOf("/");
    const proto = slash >= 0 ? raw.slice(slash + 1) : "tcp";
    const [start, end] = parseRange(slash >= 0 ? raw.slice(0, slash) : raw, "range format for --expose", raw);
    for (let port = start; port <= end; port++) exposed[`${port}/${proto}`] = {};
  }
  return exposed;
}
