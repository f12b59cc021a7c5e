import type { ContainerConfig, ContainerCreateRequest, HostConfig } from "../api/types";
import type { Image } from "../image/image";

/** HostConfig with every field dockerd fills in when the client left it out. */
export function defaultHostConfig(request: Partial<HostConfig> = {}): HostConfig {
  return {
    Binds: null,
    ContainerIDFile: "",
    LogConfig: { Type: "json-file", Config: {} },
    NetworkMode: "bridge",
    PortBindings: {},
    AutoRemove: false,
    VolumeDriver: "",
    VolumesFrom: null,
    ConsoleSize: [0, 0],
    CapAdd: null,
    CapDrop: null,
    CgroupnsMode: "private",
    Dns: [],
    DnsOptions: [],
    DnsSearch: [],
    ExtraHosts: null,
    GroupAdd: null,
    IpcMode: "private",
    Cgroup: "",
    Links: null,
    OomScoreAdj: 0,
    PidMode: "",
    Privileged: false,
    PublishAllPorts: false,
    ReadonlyRootfs: false,
    SecurityOpt: null,
    UTSMode: "",
    UsernsMode: "",
    ShmSize: 67108864,
    Runtime: "runc",
    Isolation: "",
    CpuShares: 0,
    Memory: 0,
    NanoCpus: 0,
    CgroupParent: "",
    BlkioWeight: 0,
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: "",
    CpusetMems: "",
    Devices: [],
    MemoryReservation: 0,
    MemorySwap: 0,
    MemorySwappiness: null,
    OomKillDisable: null,
    PidsLimit: null,
    Ulimits: [],
    MaskedPaths: [
      "/proc/asound",
      "/proc/acpi",
      "/proc/interrupts",
      "/proc/kcore",
      "/proc/keys",
      "/proc/latency_stats",
      "/proc/timer_list",
      "/proc/timer_stats",
      "/proc/sched_debug",
      "/proc/scsi",
      "/sys/firmware",
      "/sys/devices/virtual/powercap",
    ],
    ReadonlyPaths: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    ...stripUndefined(request),
    RestartPolicy: { Name: "no", MaximumRetryCount: 0, ...request.RestartPolicy },
  } as HostConfig;
}

/**
 * The container's Config: the request merged over the image's config, as moby's
 * daemon.mergeAndVerifyConfig does (Env merged by variable, Cmd from the image only when
 * neither Cmd nor Entrypoint was given).
 */
export function mergeConfig(request: ContainerCreateRequest, image: Image, imageName: string, id: string): ContainerConfig {
  const ic = image.config;
  const entrypointGiven = request.Entrypoint !== undefined && request.Entrypoint !== null;
  const cmdGiven = request.Cmd !== undefined && request.Cmd !== null && request.Cmd.length > 0;
  const entrypoint = entrypointGiven ? (request.Entrypoint as string[]) : (ic.Entrypoint ?? null);
  const cmd = cmdGiven ? (request.Cmd as string[]) : entrypointGiven ? null : (ic.Cmd ?? null);
  return {
    Hostname: request.Hostname || id.slice(0, 12),
    Domainname: request.Domainname ?? "",
    User: request.User || ic.User || "",
    AttachStdin: request.AttachStdin ?? false,
    AttachStdout: request.AttachStdout ?? false,
    AttachStderr: request.AttachStderr ?? false,
    ExposedPorts: mergeRecords(ic.ExposedPorts, request.ExposedPorts),
    Tty: request.Tty ?? false,
    OpenStdin: request.OpenStdin ?? false,
    StdinOnce: request.StdinOnce ?? false,
    Env: mergeEnv(ic.Env ?? [], request.Env ?? []),
    Cmd: cmd && cmd.length > 0 ? cmd : null,
    Image: imageName,
    Volumes: mergeRecords(ic.Volumes ?? undefined, request.Volumes ?? undefined) ?? null,
    WorkingDir: request.WorkingDir || ic.WorkingDir || "",
    Entrypoint: entrypoint && entrypoint.length > 0 ? entrypoint : null,
    Labels: { ...(ic.Labels ?? {}), ...(request.Labels ?? {}) },
    ...(request.StopSignal || ic.StopSignal ? { StopSignal: request.StopSignal || ic.StopSignal } : {}),
    ...(request.StopTimeout !== undefined ? { StopTimeout: request.StopTimeout } : {}),
  };
}

function mergeEnv(image: string[], request: string[]): string[] {
  const out = [...image];
  for (const entry of request) {
    const key = entry.split("=")[0];
    const idx = out.findIndex((e) => e.split("=")[0] === key);
    if (idx >= 0) out[idx] = entry;
    else out.push(entry);
  }
  return out;
}

function mergeRecords<T>(a?: Record<string, T>, b?: Record<string, T>): Record<string, T> | undefined {
  if (!a && !b) return undefined;
  return { ...(a ?? {}), ...(b ?? {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
