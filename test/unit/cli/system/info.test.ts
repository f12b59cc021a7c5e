// Golden output: docker/cli v28.5.2 cli/command/system/testdata/docker-info-no-swarm.golden,
// produced from info_test.go's sampleInfoNoSwarm (reproduced here as the API's JSON).
import { describe, expect, it } from "vitest";
import { renderInfo } from "../../../../src/cli/command/system/info-render";
import type { SystemInfo } from "../../../../src/engine/daemon/api/types";

const sampleInfoNoSwarm: SystemInfo = {
  ID: "EKHL:QDUU:QZ7U:MKGD:VDXK:S27Q:GIPU:24B7:R7VT:DGN6:QCSF:2UBX",
  Containers: 0,
  ContainersRunning: 0,
  ContainersPaused: 0,
  ContainersStopped: 0,
  Images: 0,
  Driver: "overlay2",
  DriverStatus: [
    ["Backing Filesystem", "extfs"],
    ["Supports d_type", "true"],
    ["Using metacopy", "false"],
    ["Native Overlay Diff", "true"],
  ],
  SystemStatus: null,
  Plugins: {
    Volume: ["local"],
    Network: ["bridge", "host", "macvlan", "null", "overlay"],
    Authorization: null,
    Log: ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "splunk", "syslog"],
  },
  MemoryLimit: true,
  SwapLimit: true,
  CpuCfsPeriod: true,
  CpuCfsQuota: true,
  CPUShares: true,
  CPUSet: true,
  PidsLimit: true,
  IPv4Forwarding: true,
  Debug: true,
  NFd: 33,
  OomKillDisable: true,
  NGoroutines: 135,
  SystemTime: "2017-08-24T17:44:34.077811894Z",
  LoggingDriver: "json-file",
  CgroupDriver: "cgroupfs",
  CgroupVersion: "",
  NEventsListener: 0,
  KernelVersion: "4.4.0-87-generic",
  OperatingSystem: "Ubuntu 16.04.3 LTS",
  OSVersion: "",
  OSType: "linux",
  Architecture: "x86_64",
  IndexServerAddress: "https://index.docker.io/v1/",
  RegistryConfig: {
    InsecureRegistryCIDRs: ["127.0.0.0/8"],
    IndexConfigs: { "docker.io": { Name: "docker.io", Mirrors: [], Secure: true, Official: true } },
    Mirrors: null,
  },
  NCPU: 2,
  MemTotal: 2097356800,
  DockerRootDir: "/var/lib/docker",
  HttpProxy: "",
  HttpsProxy: "",
  NoProxy: "",
  Name: "system-sample",
  Labels: ["provider=digitalocean"],
  ExperimentalBuild: false,
  ServerVersion: "17.06.1-ce",
  Runtimes: { runc: { path: "docker-runc" } },
  DefaultRuntime: "runc",
  Swarm: { NodeID: "", NodeAddr: "", LocalNodeState: "inactive", ControlAvailable: false, Error: "", RemoteManagers: null },
  LiveRestoreEnabled: false,
  Isolation: "",
  InitBinary: "docker-init",
  ContainerdCommit: { ID: "6e23458c129b551d5c9871e5174f6b1b7f6d1170" },
  RuncCommit: { ID: "810190ceaa507aa2727d7ae6f4790c76ec150bd2" },
  InitCommit: { ID: "949e6fa" },
  SecurityOptions: ["name=apparmor", "name=seccomp,profile=default"],
  DefaultAddressPools: [{ Base: "10.123.0.0/16", Size: 24 }],
  CDISpecDirs: ["/etc/cdi", "/var/run/cdi"],
  Warnings: null,
};

const golden = `Client: Docker Engine - Community
 Version:    24.0.0
 Context:    default
 Debug Mode: true

Server:
 Containers: 0
  Running: 0
  Paused: 0
  Stopped: 0
 Images: 0
 Server Version: 17.06.1-ce
 Storage Driver: overlay2
  Backing Filesystem: extfs
  Supports d_type: true
  Using metacopy: false
  Native Overlay Diff: true
 Logging Driver: json-file
 Cgroup Driver: cgroupfs
 Plugins:
  Volume: local
  Network: bridge host macvlan null overlay
  Log: awslogs fluentd gcplogs gelf journald json-file splunk syslog
 CDI spec directories:
  /etc/cdi
  /var/run/cdi
 Swarm: inactive
 Runtimes: runc
 Default Runtime: runc
 Init Binary: docker-init
 containerd version: 6e23458c129b551d5c9871e5174f6b1b7f6d1170
 runc version: 810190ceaa507aa2727d7ae6f4790c76ec150bd2
 init version: 949e6fa
 Security Options:
  apparmor
  seccomp
   Profile: default
 Kernel Version: 4.4.0-87-generic
 Operating System: Ubuntu 16.04.3 LTS
 OSType: linux
 Architecture: x86_64
 CPUs: 2
 Total Memory: 1.953GiB
 Name: system-sample
 ID: EKHL:QDUU:QZ7U:MKGD:VDXK:S27Q:GIPU:24B7:R7VT:DGN6:QCSF:2UBX
 Docker Root Dir: /var/lib/docker
 Debug Mode: true
  File Descriptors: 33
  Goroutines: 135
  System Time: 2017-08-24T17:44:34.077811894Z
  EventsListeners: 0
 Labels:
  provider=digitalocean
 Experimental: false
 Insecure Registries:
  127.0.0.0/8
 Live Restore Enabled: false
 Default Address Pools:
   Base: 10.123.0.0/16, Size: 24

`;

describe("renderInfo", () => {
  it("matches docker-info-no-swarm.golden", () => {
    const client = {
      Platform: { Name: "Docker Engine - Community" },
      Version: "24.0.0",
      ApiVersion: "1.43",
      DefaultAPIVersion: "1.43",
      GitCommit: "",
      GoVersion: "",
      Os: "linux",
      Arch: "amd64",
      BuildTime: "",
      Context: "default",
      Debug: true,
      Plugins: [],
      Warnings: null,
    };
    const text = renderInfo(client, sampleInfoNoSwarm);
    expect(text.out).toBe(golden);
    expect(text.err).toBe("");
  });

  it("prints the swarm block of an active manager", () => {
    const info: SystemInfo = {
      ...sampleInfoNoSwarm,
      Swarm: {
        NodeID: "qo2dfdig9mmxqkawulggepdih",
        NodeAddr: "165.227.107.89",
        LocalNodeState: "active",
        ControlAvailable: true,
        Error: "",
        RemoteManagers: [{ NodeID: "qo2dfdig9mmxqkawulggepdih", Addr: "165.227.107.89:2377" }],
        Nodes: 1,
        Managers: 1,
        Cluster: {
          ID: "9vs5ygs0gguyyec4iqf2314c0",
          Spec: {
            Orchestration: { TaskHistoryRetentionLimit: 5 },
            Raft: { SnapshotInterval: 10000, KeepOldSnapshots: 0, ElectionTick: 10, HeartbeatTick: 1 },
            Dispatcher: { HeartbeatPeriod: 5000000000 },
            CAConfig: { NodeCertExpiry: 7776000000000000 },
            EncryptionConfig: { AutoLockManagers: true },
          },
          RootRotationInProgress: false,
          DefaultAddrPool: ["10.0.0.0/8"],
          SubnetSize: 24,
          DataPathPort: 4789,
        },
      },
    };
    const out = renderInfo({ ...clientFixture(), Debug: false }, info).out;
    // From docker-info-with-swarm.golden (v28.5.2).
    expect(out).toContain(
      ` Swarm: active
  NodeID: qo2dfdig9mmxqkawulggepdih
  Is Manager: true
  ClusterID: 9vs5ygs0gguyyec4iqf2314c0
  Managers: 1
  Nodes: 1
  Default Address Pool: 10.0.0.0/8  
  SubnetSize: 24
  Data Path Port: 4789
  Orchestration:
   Task History Retention Limit: 5
  Raft:
   Snapshot Interval: 10000
   Number of Old Snapshots to Retain: 0
   Heartbeat Tick: 1
   Election Tick: 10
  Dispatcher:
   Heartbeat Period: 5 seconds
  CA Configuration:
   Expiry Duration: 3 months
   Force Rotate: 0
  Autolock Managers: true
  Root Rotation In Progress: false
  Node Address: 165.227.107.89
  Manager Addresses:
   165.227.107.89:2377
`,
    );
  });
});

function clientFixture() {
  return {
    Version: "24.0.0",
    ApiVersion: "1.43",
    DefaultAPIVersion: "1.43",
    GitCommit: "",
    GoVersion: "",
    Os: "linux",
    Arch: "amd64",
    BuildTime: "",
    Context: "default",
    Debug: false,
    Plugins: [],
    Warnings: null,
  };
}
