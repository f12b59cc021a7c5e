/**
 * The Docker Engine API's JSON shapes (API v1.52, docs.docker.com/reference/api/engine),
 * typed once: dockerd answers with them and the CLI's API client reads them. Field names
 * and nesting are the API's own, so `curl --unix-socket /var/run/docker.sock` shows the
 * same documents as real Docker.
 */

export const API_VERSION = "1.52";
export const MIN_API_VERSION = "1.44";

export type Labels = Record<string, string>;

export interface Port {
  IP?: string;
  PrivatePort: number;
  PublicPort?: number;
  Type: "tcp" | "udp" | "sctp";
}

export interface MountPoint {
  Type: "bind" | "volume" | "tmpfs" | "npipe" | "cluster";
  Name?: string;
  Source: string;
  Destination: string;
  Driver?: string;
  Mode: string;
  RW: boolean;
  Propagation: string;
}

export interface EndpointSettings {
  IPAMConfig: { IPv4Address?: string } | null;
  Links: string[] | null;
  MacAddress: string;
  Aliases: string[] | null;
  DriverOpts: Record<string, string> | null;
  GwPriority: number;
  NetworkID: string;
  EndpointID: string;
  Gateway: string;
  IPAddress: string;
  IPPrefixLen: number;
  IPv6Gateway: string;
  GlobalIPv6Address: string;
  GlobalIPv6PrefixLen: number;
  DNSNames: string[] | null;
}

/** GET /containers/json */
export interface ContainerSummary {
  Id: string;
  Names: string[];
  Image: string;
  ImageID: string;
  Command: string;
  Created: number;
  Ports: Port[];
  SizeRw?: number;
  SizeRootFs?: number;
  Labels: Labels;
  State: ContainerStateName;
  Status: string;
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, EndpointSettings> };
  Mounts: MountPoint[];
}

export type ContainerStateName = "created" | "running" | "paused" | "restarting" | "removing" | "exited" | "dead";

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}
export type PortMap = Record<string, PortBinding[] | null>;

export interface RestartPolicy {
  Name: "" | "no" | "always" | "unless-stopped" | "on-failure";
  MaximumRetryCount: number;
}

export interface MountSpec {
  Type: "bind" | "volume" | "tmpfs";
  Source?: string;
  Target: string;
  ReadOnly?: boolean;
  VolumeOptions?: { NoCopy?: boolean; Labels?: Labels };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
  BindOptions?: { Propagation?: string };
}

export interface Resources {
  CpuShares: number;
  Memory: number;
  NanoCpus: number;
  CgroupParent: string;
  BlkioWeight: number;
  CpuPeriod: number;
  CpuQuota: number;
  CpuRealtimePeriod: number;
  CpuRealtimeRuntime: number;
  CpusetCpus: string;
  CpusetMems: string;
  Devices: unknown[];
  MemoryReservation: number;
  MemorySwap: number;
  MemorySwappiness: number | null;
  OomKillDisable: boolean | null;
  PidsLimit: number | null;
  Ulimits: unknown[];
}

export interface HostConfig extends Resources {
  Binds: string[] | null;
  ContainerIDFile: string;
  LogConfig: { Type: string; Config: Record<string, string> };
  NetworkMode: string;
  PortBindings: PortMap;
  RestartPolicy: RestartPolicy;
  AutoRemove: boolean;
  VolumeDriver: string;
  VolumesFrom: string[] | null;
  ConsoleSize: [number, number];
  CapAdd: string[] | null;
  CapDrop: string[] | null;
  CgroupnsMode: string;
  Dns: string[];
  DnsOptions: string[];
  DnsSearch: string[];
  ExtraHosts: string[] | null;
  GroupAdd: string[] | null;
  IpcMode: string;
  Cgroup: string;
  Links: string[] | null;
  OomScoreAdj: number;
  PidMode: string;
  Privileged: boolean;
  PublishAllPorts: boolean;
  ReadonlyRootfs: boolean;
  SecurityOpt: string[] | null;
  UTSMode: string;
  UsernsMode: string;
  ShmSize: number;
  Runtime: string;
  Isolation: string;
  Mounts?: MountSpec[];
  Tmpfs?: Record<string, string>;
  Init?: boolean | null;
  MaskedPaths: string[];
  ReadonlyPaths: string[];
}

/** The container's configuration as `docker inspect` shows it under "Config". */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  /** Omitted when empty since API v1.52. */
  OnBuild?: string[] | null;
  Labels: Labels;
  StopSignal?: string;
  StopTimeout?: number;
  Healthcheck?: unknown;
}

/** POST /containers/create body: Config plus HostConfig and NetworkingConfig. */
export interface ContainerCreateRequest extends Partial<ContainerConfig> {
  HostConfig?: Partial<HostConfig>;
  NetworkingConfig?: { EndpointsConfig?: Record<string, Partial<EndpointSettings>> };
}

export interface ContainerState {
  Status: ContainerStateName;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  StartedAt: string;
  FinishedAt: string;
}

/** GET /containers/{id}/json */
export interface ContainerInspect {
  Id: string;
  Created: string;
  Path: string;
  Args: string[];
  State: ContainerState;
  Image: string;
  ResolvConfPath: string;
  HostnamePath: string;
  HostsPath: string;
  LogPath: string;
  Name: string;
  RestartCount: number;
  Driver: string;
  Platform: string;
  MountLabel: string;
  ProcessLabel: string;
  AppArmorProfile: string;
  ExecIDs: string[] | null;
  HostConfig: HostConfig;
  GraphDriver: { Data: Record<string, string> | null; Name: string };
  SizeRw?: number;
  SizeRootFs?: number;
  Mounts: MountPoint[];
  Config: ContainerConfig;
  /** API v1.52 dropped the deprecated top-level fields (Bridge, IPAddress, ...): only these remain. */
  NetworkSettings: {
    SandboxID: string;
    SandboxKey: string;
    Ports: PortMap;
    Networks: Record<string, EndpointSettings>;
  };
}

export interface ContainerWaitResponse {
  StatusCode: number;
  Error?: { Message: string } | null;
}

export interface ContainerTopResponse {
  Titles: string[];
  Processes: string[][];
}

export interface ContainerChange {
  /** 0: modified, 1: added, 2: deleted. */
  Kind: 0 | 1 | 2;
  Path: string;
}

export interface ContainerStats {
  read: string;
  preread: string;
  pids_stats: { current: number; limit?: number };
  blkio_stats: { io_service_bytes_recursive: Array<{ major: number; minor: number; op: string; value: number }> | null };
  num_procs: number;
  cpu_stats: CpuStats;
  precpu_stats: CpuStats;
  memory_stats: { usage: number; limit: number; stats?: Record<string, number> };
  name: string;
  id: string;
  /** Since API v1.52. */
  os_type?: string;
  networks?: Record<
    string,
    {
      rx_bytes: number;
      tx_bytes: number;
      rx_packets: number;
      tx_packets: number;
      rx_errors: number;
      tx_errors: number;
      rx_dropped: number;
      tx_dropped: number;
    }
  >;
}

export interface CpuStats {
  cpu_usage: { total_usage: number; usage_in_kernelmode: number; usage_in_usermode: number };
  system_cpu_usage: number;
  online_cpus: number;
  throttling_data: { periods: number; throttled_periods: number; throttled_time: number };
}

export interface ExecCreateRequest {
  AttachStdin?: boolean;
  AttachStdout?: boolean;
  AttachStderr?: boolean;
  DetachKeys?: string;
  Tty?: boolean;
  Env?: string[];
  Cmd: string[];
  Privileged?: boolean;
  User?: string;
  WorkingDir?: string;
  ConsoleSize?: [number, number] | null;
}

export interface ExecInspect {
  CanRemove: boolean;
  ContainerID: string;
  DetachKeys: string;
  ExitCode: number | null;
  ID: string;
  OpenStderr: boolean;
  OpenStdin: boolean;
  OpenStdout: boolean;
  ProcessConfig: { arguments: string[]; entrypoint: string; privileged: boolean; tty: boolean; user?: string };
  Running: boolean;
  Pid: number;
}

/** GET /images/json */
export interface ImageSummary {
  Id: string;
  ParentId: string;
  RepoTags: string[];
  RepoDigests: string[];
  Created: number;
  Size: number;
  SharedSize: number;
  Labels: Labels | null;
  Containers: number;
}

/** The image's runtime config (a subset of ContainerConfig) as the image config stores it. */
export interface ImageConfig {
  Cmd?: string[] | null;
  Entrypoint?: string[] | null;
  Env?: string[] | null;
  ExposedPorts?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Volumes?: Record<string, Record<string, never>> | null;
  Labels?: Labels | null;
  User?: string;
  StopSignal?: string;
  Shell?: string[];
  OnBuild?: string[] | null;
  Healthcheck?: unknown;
}

/** GET /images/{name}/json */
export interface ImageInspect {
  Id: string;
  RepoTags: string[];
  RepoDigests: string[];
  /** Parent, Comment, DockerVersion and Author are omitted when empty since API v1.52. */
  Parent?: string;
  Comment?: string;
  Created: string;
  DockerVersion?: string;
  Author?: string;
  Config: ImageConfig & Partial<ContainerConfig>;
  Architecture: string;
  Os: string;
  Size: number;
  GraphDriver: { Data: Record<string, string> | null; Name: string };
  RootFS: { Type: "layers"; Layers: string[] };
  Metadata: { LastTagTime: string };
}

/** GET /images/{name}/history */
export interface ImageHistoryItem {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

export interface ImageDeleteItem {
  Untagged?: string;
  Deleted?: string;
}

export interface Volume {
  CreatedAt: string;
  Driver: string;
  Labels: Labels | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: "local" | "global";
  UsageData?: { Size: number; RefCount: number } | null;
}

export interface VolumeListResponse {
  Volumes: Volume[];
  Warnings: string[] | null;
}

export interface PruneReport {
  ContainersDeleted?: string[] | null;
  ImagesDeleted?: ImageDeleteItem[] | null;
  VolumesDeleted?: string[] | null;
  NetworksDeleted?: string[] | null;
  SpaceReclaimed?: number;
}

/** One message of the JSON stream POST /images/create and push answer with. */
export interface JsonMessage {
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message: string };
  aux?: unknown;
}

export interface EventMessage {
  Type: "container" | "image" | "volume" | "network" | "daemon" | "plugin" | "node" | "service" | "secret" | "config";
  Action: string;
  Actor: { ID: string; Attributes: Record<string, string> };
  scope: "local" | "swarm";
  time: number;
  timeNano: number;
}

/** Error bodies: {"message": "..."} with the HTTP status Docker uses. */
export interface ErrorResponse {
  message: string;
}

/** GET /info (system.Info); the fields `docker info` prints. */
export interface SystemInfo {
  ID: string;
  Containers: number;
  ContainersRunning: number;
  ContainersPaused: number;
  ContainersStopped: number;
  Images: number;
  Driver: string;
  DriverStatus: Array<[string, string]> | null;
  SystemStatus?: Array<[string, string]> | null;
  Plugins: { Volume: string[] | null; Network: string[] | null; Authorization: string[] | null; Log: string[] | null };
  MemoryLimit: boolean;
  SwapLimit: boolean;
  CpuCfsPeriod: boolean;
  CpuCfsQuota: boolean;
  CPUShares: boolean;
  CPUSet: boolean;
  PidsLimit: boolean;
  IPv4Forwarding: boolean;
  Debug: boolean;
  NFd: number;
  OomKillDisable: boolean;
  NGoroutines: number;
  SystemTime: string;
  LoggingDriver: string;
  CgroupDriver: string;
  CgroupVersion: string;
  NEventsListener: number;
  KernelVersion: string;
  OperatingSystem: string;
  OSVersion: string;
  OSType: string;
  Architecture: string;
  IndexServerAddress: string;
  RegistryConfig: {
    InsecureRegistryCIDRs: string[] | null;
    IndexConfigs: Record<string, { Name: string; Mirrors: string[]; Secure: boolean; Official: boolean }> | null;
    Mirrors: string[] | null;
  } | null;
  NCPU: number;
  MemTotal: number;
  DockerRootDir: string;
  HttpProxy: string;
  HttpsProxy: string;
  NoProxy: string;
  Name: string;
  Labels: string[] | null;
  ExperimentalBuild: boolean;
  ServerVersion: string;
  Runtimes: Record<string, { path: string }> | null;
  DefaultRuntime: string;
  Swarm: SwarmInfo;
  LiveRestoreEnabled: boolean;
  Isolation: string;
  InitBinary: string;
  ContainerdCommit: { ID: string };
  RuncCommit: { ID: string };
  InitCommit: { ID: string };
  SecurityOptions: string[] | null;
  ProductLicense?: string;
  DefaultAddressPools?: Array<{ Base: string; Size: number }> | null;
  FirewallBackend?: { Driver: string; Info?: Array<[string, string]> | null } | null;
  CDISpecDirs?: string[] | null;
  Warnings: string[] | null;
}

/** The Swarm part of GET /info (swarm.Info). */
export interface SwarmInfo {
  NodeID: string;
  NodeAddr: string;
  LocalNodeState: "" | "inactive" | "pending" | "active" | "error" | "locked";
  ControlAvailable: boolean;
  Error: string;
  RemoteManagers: Array<{ NodeID: string; Addr: string }> | null;
  Nodes?: number;
  Managers?: number;
  Cluster?: {
    ID: string;
    Spec: {
      Orchestration?: { TaskHistoryRetentionLimit?: number };
      Raft: {
        SnapshotInterval: number;
        KeepOldSnapshots?: number;
        LogEntriesForSlowFollowers?: number;
        ElectionTick: number;
        HeartbeatTick: number;
      };
      Dispatcher?: { HeartbeatPeriod?: number };
      CAConfig?: { NodeCertExpiry?: number; ExternalCAs?: Array<{ Protocol: string; URL: string }>; ForceRotate?: number };
      EncryptionConfig?: { AutoLockManagers: boolean };
    };
    RootRotationInProgress?: boolean;
    DefaultAddrPool?: string[] | null;
    SubnetSize?: number;
    DataPathPort?: number;
  } | null;
}

/** GET /version (types.Version). */
export interface SystemVersion {
  Platform: { Name: string };
  Components: Array<{ Name: string; Version: string; Details?: Record<string, string> }>;
  Version: string;
  ApiVersion: string;
  MinAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  KernelVersion: string;
  Experimental?: boolean;
  BuildTime: string;
}

export interface BuildCacheRecord {
  ID: string;
  Parents: string[] | null;
  Type: string;
  Description: string;
  InUse: boolean;
  Shared: boolean;
  Size: number;
  CreatedAt: string;
  LastUsedAt: string | null;
  UsageCount: number;
}

/** GET /system/df (types.DiskUsage). */
export interface DiskUsage {
  LayersSize: number;
  Images: ImageSummary[] | null;
  Containers: ContainerSummary[] | null;
  Volumes: Volume[] | null;
  BuildCache: BuildCacheRecord[] | null;
}

export interface IpamConfig {
  Subnet?: string;
  IPRange?: string;
  Gateway?: string;
  AuxiliaryAddresses?: Record<string, string>;
}

/** GET /networks and /networks/{id} (network.Inspect). */
export interface NetworkResource {
  Name: string;
  Id: string;
  Created: string;
  Scope: "local" | "swarm" | "global";
  Driver: string;
  EnableIPv4: boolean;
  EnableIPv6: boolean;
  IPAM: { Driver: string; Options: Record<string, string> | null; Config: IpamConfig[] | null };
  Internal: boolean;
  Attachable: boolean;
  Ingress: boolean;
  ConfigFrom: { Network: string };
  ConfigOnly: boolean;
  Containers?: Record<string, { Name: string; EndpointID: string; MacAddress: string; IPv4Address: string; IPv6Address: string }>;
  Options: Record<string, string> | null;
  Labels: Labels | null;
  Peers?: Array<{ Name: string; IP: string }>;
  Services?: Record<string, unknown>;
}

/** POST /networks/create body. */
export interface NetworkCreateRequest {
  Name: string;
  Driver?: string;
  Scope?: string;
  Internal?: boolean;
  Attachable?: boolean;
  Ingress?: boolean;
  ConfigOnly?: boolean;
  ConfigFrom?: { Network: string } | null;
  EnableIPv4?: boolean;
  EnableIPv6?: boolean;
  IPAM?: { Driver: string; Config: IpamConfig[]; Options: Record<string, string> };
  Options?: Record<string, string>;
  Labels?: Labels;
}

/** GET /images/search item. */
export interface ImageSearchResult {
  name: string;
  description: string;
  star_count: number;
  is_official: boolean;
  is_automated: boolean;
}

/** POST /auth answer. */
export interface AuthResponse {
  Status: string;
  IdentityToken?: string;
}

/**
 * The `moby.buildkit.trace` aux payload of POST /build: BuildKit's client.SolveStatus
 * (vertices with their statuses and logs), times in ms. The builder sends it, the CLI
 * draws BuildKit's progress from it.
 */
export interface SolveStatus {
  vertexes?: TraceVertex[];
  statuses?: TraceStatus[];
  logs?: TraceLog[];
  warnings?: TraceWarning[];
}

/** A build check's warning on a vertex (client.VertexWarning): Short is `Rule: message (line n)`. */
export interface TraceWarning {
  Vertex: string;
  Level: number;
  Short: string;
  Detail: string[];
  URL: string;
  /** The instruction's lines in the Dockerfile, 1-based. */
  Range?: [number, number];
}

export interface TraceVertex {
  Digest: string;
  Name: string;
  Started?: number;
  Completed?: number;
  Cached?: boolean;
  Error?: string;
}

export interface TraceStatus {
  ID: string;
  Vertex: string;
  Current?: number;
  Total?: number;
  Started?: number;
  Completed?: number;
}

export interface TraceLog {
  Vertex: string;
  Stream: number;
  Data: string;
  Timestamp: number;
}
