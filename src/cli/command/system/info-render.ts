/**
 * `docker info`'s pretty printer, line for line as cli/command/system/info.go
 * (prettyPrintClientInfo, prettyPrintServerInfo, printSwarmInfo). Values come from the
 * daemon's GET /info; the printer only decides labels, order and which lines to omit.
 */
import type { SystemInfo } from "../../../engine/daemon/api/types";
import { humanDuration } from "../../../go-units/duration";
import { bytesSize } from "../../formatter/units/size";
import type { ClientVersion } from "./version-info";

export interface ClientPlugin {
  Name: string;
  ShortDescription: string;
  Vendor: string;
  Version: string;
  Path: string;
}

export interface ClientInfo extends ClientVersion {
  Debug: boolean;
  Plugins: ClientPlugin[];
  Warnings: string[] | null;
}

export interface InfoText {
  out: string;
  err: string;
}

/** fmt.Println: operands separated by one space, then a newline. */
function println(...a: Array<string | number | boolean>): string {
  return `${a.map(String).join(" ")}\n`;
}

function printlnNonEmpty(label: string, value: string | undefined): string {
  return value ? println(label, value) : "";
}

export function renderClientInfo(info: ClientInfo): InfoText {
  let out = "";
  let err = "";
  out += printlnNonEmpty(" Version:   ", info.Version);
  out += println(" Context:   ", info.Context);
  out += println(" Debug Mode:", info.Debug);
  if (info.Plugins.length > 0) {
    out += println(" Plugins:");
    for (const p of info.Plugins) {
      out += `  ${p.Name}: ${p.ShortDescription} (${p.Vendor})\n`;
      out += printlnNonEmpty("    Version: ", p.Version);
      out += printlnNonEmpty("    Path:    ", p.Path);
    }
  }
  if (info.Warnings && info.Warnings.length > 0) err += println(info.Warnings.join("\n"));
  return { out, err };
}

/** The whole `docker info` text: Client:, a blank line, Server: and the server's lines. */
export function renderInfo(client: ClientInfo, server: SystemInfo | null, userName = ""): InfoText {
  const c = renderClientInfo(client);
  let out = client.Platform?.Name ? println("Client:", client.Platform.Name) : println("Client:");
  out += c.out;
  out += "\n";
  out += println("Server:");
  let err = c.err;
  if (server) {
    const s = renderServerInfo(server, userName);
    out += s.out;
    err += s.err;
  }
  return { out, err };
}

export function renderServerInfo(info: SystemInfo, userName = ""): InfoText {
  let o = "";
  o += println(" Containers:", info.Containers);
  o += println("  Running:", info.ContainersRunning);
  o += println("  Paused:", info.ContainersPaused);
  o += println("  Stopped:", info.ContainersStopped);
  o += println(" Images:", info.Images);
  o += printlnNonEmpty(" Server Version:", info.ServerVersion);
  o += printlnNonEmpty(" Storage Driver:", info.Driver);
  for (const [k, v] of info.DriverStatus ?? []) o += `  ${k}: ${v}\n`;
  for (const [k, v] of info.SystemStatus ?? []) o += ` ${k}: ${v}\n`;
  o += printlnNonEmpty(" Logging Driver:", info.LoggingDriver);
  o += printlnNonEmpty(" Cgroup Driver:", info.CgroupDriver);
  o += printlnNonEmpty(" Cgroup Version:", info.CgroupVersion);
  o += println(" Plugins:");
  o += println("  Volume:", (info.Plugins.Volume ?? []).join(" "));
  o += println("  Network:", (info.Plugins.Network ?? []).join(" "));
  if (info.Plugins.Authorization && info.Plugins.Authorization.length > 0) {
    o += println("  Authorization:", info.Plugins.Authorization.join(" "));
  }
  o += println("  Log:", (info.Plugins.Log ?? []).join(" "));
  if (info.CDISpecDirs && info.CDISpecDirs.length > 0) {
    o += println(" CDI spec directories:");
    for (const dir of info.CDISpecDirs) o += `  ${dir}\n`;
  }
  o += println(" Swarm:", info.Swarm.LocalNodeState);
  o += renderSwarmInfo(info);
  const runtimes = Object.keys(info.Runtimes ?? {});
  if (runtimes.length > 0) {
    o += println(" Runtimes:", runtimes.join(" "));
    o += println(" Default Runtime:", info.DefaultRuntime);
  }
  if (info.OSType === "linux") {
    o += println(" Init Binary:", info.InitBinary);
    o += println(" containerd version:", info.ContainerdCommit.ID);
    o += println(" runc version:", info.RuncCommit.ID);
    o += println(" init version:", info.InitCommit.ID);
    o += renderSecurityOptions(info.SecurityOptions ?? []);
  }
  o += printlnNonEmpty(" Kernel Version:", info.KernelVersion);
  o += printlnNonEmpty(" Operating System:", info.OperatingSystem);
  o += printlnNonEmpty(" OSType:", info.OSType);
  o += printlnNonEmpty(" Architecture:", info.Architecture);
  o += println(" CPUs:", info.NCPU);
  o += println(" Total Memory:", bytesSize(info.MemTotal));
  o += printlnNonEmpty(" Name:", info.Name);
  o += printlnNonEmpty(" ID:", info.ID);
  o += println(" Docker Root Dir:", info.DockerRootDir);
  o += println(" Debug Mode:", info.Debug);
  if (info.Debug) {
    o += println("  File Descriptors:", info.NFd);
    o += println("  Goroutines:", info.NGoroutines);
    o += println("  System Time:", info.SystemTime);
    o += println("  EventsListeners:", info.NEventsListener);
  }
  o += printlnNonEmpty(" HTTP Proxy:", info.HttpProxy);
  o += printlnNonEmpty(" HTTPS Proxy:", info.HttpsProxy);
  o += printlnNonEmpty(" No Proxy:", info.NoProxy);
  o += printlnNonEmpty(" Username:", userName);
  if (info.Labels && info.Labels.length > 0) {
    o += println(" Labels:");
    for (const l of info.Labels) o += println(`  ${l}`);
  }
  o += println(" Experimental:", info.ExperimentalBuild);
  o += renderRegistryConfig(info);
  o += println(" Live Restore Enabled:", info.LiveRestoreEnabled);
  if (info.ProductLicense) o += println(" Product License:", info.ProductLicense);
  if (info.DefaultAddressPools && info.DefaultAddressPools.length > 0) {
    o += println(" Default Address Pools:");
    for (const pool of info.DefaultAddressPools) o += `   Base: ${pool.Base}, Size: ${pool.Size}\n`;
  }
  if (info.FirewallBackend) {
    o += println(" Firewall Backend:", info.FirewallBackend.Driver);
    for (const [k, v] of info.FirewallBackend.Info ?? []) o += `  ${k}: ${v}\n`;
  }
  o += "\n";
  const err = (info.Warnings ?? []).map((w) => `${w}\n`).join("");
  return { out: o, err };
}

/** security.DecodeOptions: "name=seccomp,profile=builtin" => `  seccomp` / `   Profile: builtin`. */
function renderSecurityOptions(opts: string[]): string {
  if (opts.length === 0) return "";
  let o = println(" Security Options:");
  for (const raw of opts) {
    const fields = new Map(raw.split(",").map((kv) => kv.split("=", 2) as [string, string]));
    o += println(`  ${fields.get("name") ?? raw}`);
    const profile = fields.get("profile");
    if (profile !== undefined) o += println("   Profile:", profile);
  }
  return o;
}

function renderRegistryConfig(info: SystemInfo): string {
  const rc = info.RegistryConfig;
  if (!rc) return "";
  let o = "";
  const indexes = Object.values(rc.IndexConfigs ?? {});
  const cidrs = rc.InsecureRegistryCIDRs ?? [];
  if (cidrs.length > 0 || indexes.length > 0) {
    o += println(" Insecure Registries:");
    for (const ic of indexes) if (!ic.Secure) o += println(`  ${ic.Name}`);
    for (const cidr of cidrs) o += `  ${cidr}\n`;
  }
  if (rc.Mirrors && rc.Mirrors.length > 0) {
    o += println(" Registry Mirrors:");
    for (const m of rc.Mirrors) o += println(`  ${m}`);
  }
  return o;
}

function renderSwarmInfo(info: SystemInfo): string {
  const sw = info.Swarm;
  if (sw.LocalNodeState === "inactive" || sw.LocalNodeState === "locked") return "";
  let o = println("  NodeID:", sw.NodeID);
  if (sw.Error) o += println("  Error:", sw.Error);
  o += println("  Is Manager:", sw.ControlAvailable);
  const cl = sw.Cluster;
  if (cl && sw.ControlAvailable && !sw.Error && sw.LocalNodeState !== "error") {
    o += println("  ClusterID:", cl.ID);
    o += println("  Managers:", sw.Managers ?? 0);
    o += println("  Nodes:", sw.Nodes ?? 0);
    if (cl.DefaultAddrPool) {
      o += println("  Default Address Pool:", cl.DefaultAddrPool.map((p) => `${p}  `).join(""));
      o += println("  SubnetSize:", cl.SubnetSize ?? 0);
    }
    if ((cl.DataPathPort ?? 0) > 0) o += println("  Data Path Port:", cl.DataPathPort ?? 0);
    const spec = cl.Spec;
    o += println("  Orchestration:");
    o += println("   Task History Retention Limit:", spec.Orchestration?.TaskHistoryRetentionLimit ?? 0);
    o += println("  Raft:");
    o += println("   Snapshot Interval:", spec.Raft.SnapshotInterval);
    if (spec.Raft.KeepOldSnapshots !== undefined) {
      o += `   Number of Old Snapshots to Retain: ${spec.Raft.KeepOldSnapshots}\n`;
    }
    o += println("   Heartbeat Tick:", spec.Raft.HeartbeatTick);
    o += println("   Election Tick:", spec.Raft.ElectionTick);
    o += println("  Dispatcher:");
    // HeartbeatPeriod and NodeCertExpiry are Go durations in nanoseconds.
    o += println("   Heartbeat Period:", humanDuration((spec.Dispatcher?.HeartbeatPeriod ?? 0) / 1e6));
    o += println("  CA Configuration:");
    o += println("   Expiry Duration:", humanDuration((spec.CAConfig?.NodeCertExpiry ?? 0) / 1e6));
    o += println("   Force Rotate:", spec.CAConfig?.ForceRotate ?? 0);
    const external = spec.CAConfig?.ExternalCAs ?? [];
    if (external.length > 0) {
      o += println("   External CAs:");
      for (const e of external) o += `     ${e.Protocol}: ${e.URL}\n`;
    }
    o += println("  Autolock Managers:", spec.EncryptionConfig?.AutoLockManagers ?? false);
    o += println("  Root Rotation In Progress:", cl.RootRotationInProgress ?? false);
  }
  o += println("  Node Address:", sw.NodeAddr);
  const managers = (sw.RemoteManagers ?? []).map((m) => m.Addr).sort();
  if (managers.length > 0) {
    o += println("  Manager Addresses:");
    for (const m of managers) o += `   ${m}\n`;
  }
  return o;
}
