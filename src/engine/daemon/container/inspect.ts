import { humanDuration } from "../../../go-units/duration";
import type { ContainerInspect, ContainerSummary, EndpointSettings, Port, PortMap } from "../api/types";
import type { Container, Endpoint } from "./container";

/** The Status column of `docker ps`, as moby's container.State.String() words it. */
export function statusText(container: Container, now: number): string {
  switch (container.status) {
    case "running":
      return `Up ${humanDuration(now - Date.parse(container.startedAt))}`;
    case "paused":
      return `Up ${humanDuration(now - Date.parse(container.startedAt))} (Paused)`;
    case "restarting":
      return `Restarting (${container.exitCode}) ${humanDuration(now - Date.parse(container.finishedAt))} ago`;
    case "created":
      return "Created";
    case "dead":
      return "Dead";
    case "removing":
      return "Removal In Progress";
    default:
      if (container.finishedAt.startsWith("0001")) return "Created";
      return `Exited (${container.exitCode}) ${humanDuration(now - Date.parse(container.finishedAt))} ago`;
  }
}

/**
 * NetworkSettings.Ports: filled when the container joins its networks at start
 * (getPortMapInfo) and cleared when it releases them, so a created or stopped
 * container shows none (moby daemon/container_operations.go).
 */
function portMap(container: Container): PortMap {
  const map: PortMap = {};
  if (!container.running) return map;
  for (const key of Object.keys(container.config.ExposedPorts ?? {})) map[key] = null;
  for (const p of container.publishedPorts) {
    const key = `${p.port}/${p.proto}`;
    const list = map[key] ?? [];
    list.push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
    if (p.hostIp === "0.0.0.0") list.push({ HostIp: "::", HostPort: String(p.hostPort) });
    map[key] = list;
  }
  return map;
}

function summaryPorts(container: Container): Port[] {
  const ports: Port[] = [];
  if (!container.running) return ports;
  const published = new Set(container.publishedPorts.map((p) => `${p.port}/${p.proto}`));
  for (const p of container.publishedPorts) {
    ports.push({ IP: p.hostIp, PrivatePort: p.port, PublicPort: p.hostPort, Type: p.proto as Port["Type"] });
    if (p.hostIp === "0.0.0.0") ports.push({ IP: "::", PrivatePort: p.port, PublicPort: p.hostPort, Type: p.proto as Port["Type"] });
  }
  for (const key of Object.keys(container.config.ExposedPorts ?? {})) {
    if (published.has(key)) continue;
    const [port, proto = "tcp"] = key.split("/");
    ports.push({ PrivatePort: Number(port), Type: proto as Port["Type"] });
  }
  return ports;
}

function endpointSettings(ep: Endpoint): EndpointSettings {
  return {
    IPAMConfig: null,
    Links: null,
    MacAddress: ep.mac,
    Aliases: ep.aliases.length ? ep.aliases : null,
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: ep.networkId,
    EndpointID: ep.endpointId,
    Gateway: ep.gateway,
    IPAddress: ep.ip,
    IPPrefixLen: ep.prefixLength,
    IPv6Gateway: "",
    GlobalIPv6Address: "",
    GlobalIPv6PrefixLen: 0,
    DNSNames: ep.aliases.length ? ep.aliases : null,
  };
}

function networks(container: Container): Record<string, EndpointSettings> {
  const out: Record<string, EndpointSettings> = {};
  if (container.endpoints.length === 0) {
    const name = container.hostConfig.NetworkMode === "default" ? "bridge" : container.hostConfig.NetworkMode || "bridge";
    out[name] = endpointSettings({
      network: name,
      networkId: "",
      endpointId: "",
      ip: "",
      prefixLength: 0,
      gateway: "",
      mac: "",
      aliases: [],
    });
    return out;
  }
  for (const ep of container.endpoints) out[ep.network] = endpointSettings(ep);
  return out;
}

/**
 * The Command of GET /containers/json: the path and the arguments, those with a space
 * wrapped in single quotes (moby daemon/container/view.go), so `docker ps` shows
 * `"/bin/sh -c 'while d…"`.
 */
export function summaryCommand(path: string, args: string[]): string {
  if (args.length === 0) return path;
  return `${path} ${args.map((arg) => (arg.includes(" ") ? `'${arg}'` : arg)).join(" ")}`;
}

export function summarize(container: Container, imageRef: string, now: number): ContainerSummary {
  return {
    Id: container.id,
    Names: [`/${container.name}`],
    Image: imageRef,
    ImageID: container.imageId,
    Command: summaryCommand(container.path, container.args),
    Created: Math.floor(Date.parse(container.created) / 1000),
    Ports: summaryPorts(container),
    Labels: container.config.Labels,
    State: container.status,
    Status: statusText(container, now),
    HostConfig: { NetworkMode: container.hostConfig.NetworkMode },
    NetworkSettings: { Networks: networks(container) },
    Mounts: container.mounts,
  };
}

/** SizeRw and SizeRootFs, which GET /containers/{id}/json adds only when asked (?size=1). */
export interface ContainerSizes {
  SizeRw: number;
  SizeRootFs: number;
}

export function inspect(container: Container, sizes?: ContainerSizes): ContainerInspect {
  const dir = `/var/lib/docker/containers/${container.id}`;
  return {
    Id: container.id,
    Created: container.created,
    Path: container.path,
    Args: container.args,
    State: {
      Status: container.status,
      Running: container.isRunning,
      Paused: container.status === "paused",
      Restarting: container.status === "restarting",
      OOMKilled: container.oomKilled,
      Dead: container.status === "dead",
      Pid: container.pid,
      ExitCode: container.exitCode,
      Error: container.error,
      StartedAt: container.startedAt,
      FinishedAt: container.finishedAt,
    },
    Image: container.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${container.id}-json.log`,
    Name: `/${container.name}`,
    RestartCount: container.restartCount,
    Driver: "overlay2",
    Platform: "linux",
    MountLabel: "",
    ProcessLabel: "",
    AppArmorProfile: "",
    ExecIDs: container.execIds.size ? [...container.execIds] : null,
    HostConfig: container.hostConfig,
    GraphDriver: {
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${container.id}-init/diff`,
        MergedDir: `/var/lib/docker/overlay2/${container.id}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${container.id}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${container.id}/work`,
      },
      Name: "overlay2",
    },
    ...sizes,
    Mounts: container.mounts,
    Config: container.config,
    NetworkSettings: {
      SandboxID: container.running ? container.id.split("").reverse().join("") : "",
      SandboxKey: container.running ? `/var/run/docker/netns/${container.id.slice(-12)}` : "",
      Ports: portMap(container),
      Networks: networks(container),
    },
  };
}
