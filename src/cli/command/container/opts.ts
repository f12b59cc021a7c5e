/**
 * The flags `docker run` and `docker create` share (docker/cli cli/command/container/opts.go
 * addFlags), with docker's help texts and value types as `docker run --help` shows them.
 */
import type { FlagSpec } from "../../flags/value";
import { ramInBytes } from "../../formatter/units/size";

const list = (name: string, usage: string, short?: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  name,
  short,
  kind: "list",
  usage,
  ...extra,
});
const str = (name: string, usage: string, short?: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  name,
  short,
  kind: "string",
  usage,
  ...extra,
});
const bool = (name: string, usage: string, short?: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({
  name,
  short,
  kind: "bool",
  usage,
  ...extra,
});
const int = (name: string, usage: string, extra: Partial<FlagSpec> = {}): FlagSpec => ({ name, kind: "int", usage, ...extra });
const bytes = (name: string, usage: string, short?: string): FlagSpec => ({ name, short, kind: "bytes", usage });
const duration = (name: string, usage: string): FlagSpec => ({ name, kind: "duration", usage });

/** opts.go addFlags: everything that ends up in Config, HostConfig or NetworkingConfig. */
export const containerFlags: FlagSpec[] = [
  // General purpose flags
  list("attach", "Attach to STDIN, STDOUT or STDERR", "a"),
  list("device-cgroup-rule", "Add a rule to the cgroup allowed devices list"),
  list("device", "Add a host device to the container"),
  str("gpus", "GPU devices to add to the container ('all' to pass all GPUs)", undefined, { valueName: "gpu-request" }),
  list("env", "Set environment variables", "e"),
  list("env-file", "Read in a file of environment variables"),
  str("entrypoint", "Overwrite the default ENTRYPOINT of the image"),
  list("group-add", "Add additional groups to join"),
  str("hostname", "Container host name", "h"),
  str("domainname", "Container NIS domain name"),
  bool("interactive", "Keep STDIN open even if not attached", "i"),
  list("label", "Set meta data on a container", "l"),
  list("label-file", "Read in a line delimited file of labels"),
  bool("read-only", "Mount the container's root filesystem as read only"),
  str("restart", "Restart policy to apply when a container exits", undefined, { default: "no" }),
  str("stop-signal", "Signal to stop the container"),
  int("stop-timeout", "Timeout (in seconds) to stop a container"),
  list("sysctl", "Sysctl options", undefined, { valueName: "map" }),
  bool("tty", "Allocate a pseudo-TTY", "t"),
  list("ulimit", "Ulimit options", undefined, { valueName: "ulimit" }),
  str("user", "Username or UID (format: <name|uid>[:<group|gid>])", "u"),
  str("workdir", "Working directory inside the container", "w"),
  bool("rm", "Automatically remove the container and its associated anonymous volumes when it exits"),
  // Security
  list("cap-add", "Add Linux capabilities"),
  list("cap-drop", "Drop Linux capabilities"),
  bool("privileged", "Give extended privileges to this container"),
  list("security-opt", "Security Options"),
  str("userns", "User namespace to use"),
  str(
    "cgroupns",
    "Cgroup namespace to use (host|private)\n'host':    Run the container in the Docker host's cgroup namespace\n'private': Run the container in its own private cgroup namespace\n'':        Use the cgroup namespace as configured by the\n           default-cgroupns-mode option on the daemon (default)",
  ),
  // Network and port publishing flags
  list("add-host", "Add a custom host-to-IP mapping (host:ip)"),
  list("dns", "Set custom DNS servers"),
  list("dns-opt", "Set DNS options", undefined, { hidden: true }),
  list("dns-option", "Set DNS options"),
  list("dns-search", "Set custom DNS search domains"),
  list("expose", "Expose a port or a range of ports"),
  str("ip", "IPv4 address (e.g., 172.30.100.104)"),
  str("ip6", "IPv6 address (e.g., 2001:db8::33)"),
  list("link", "Add link to another container"),
  list("link-local-ip", "Container IPv4/IPv6 link-local addresses"),
  str("mac-address", "Container MAC address (e.g., 92:d0:c6:0a:29:33)"),
  list("publish", "Publish a container's port(s) to the host", "p"),
  bool("publish-all", "Publish all exposed ports to random ports", "P"),
  list("net", "Connect a container to a network", undefined, { valueName: "network", hidden: true }),
  list("network", "Connect a container to a network", undefined, { valueName: "network" }),
  list("net-alias", "Add network-scoped alias for the container", undefined, { hidden: true }),
  list("network-alias", "Add network-scoped alias for the container"),
  // Logging and storage
  str("log-driver", "Logging driver for the container"),
  str("volume-driver", "Optional volume driver for the container"),
  list("log-opt", "Log driver options"),
  list("storage-opt", "Storage driver options for the container"),
  list("tmpfs", "Mount a tmpfs directory"),
  list("volumes-from", "Mount volumes from the specified container(s)"),
  list("volume", "Bind mount a volume", "v"),
  list("mount", "Attach a filesystem mount to the container", undefined, { valueName: "mount" }),
  // Health-checking
  str("health-cmd", "Command to run to check health"),
  duration("health-interval", "Time between running the check (ms|s|m|h) (default 0s)"),
  int("health-retries", "Consecutive failures needed to report unhealthy"),
  duration("health-timeout", "Maximum time to allow one check to run (ms|s|m|h) (default 0s)"),
  duration(
    "health-start-period",
    "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h) (default 0s)",
  ),
  duration("health-start-interval", "Time between running the check during the start period (ms|s|m|h) (default 0s)"),
  bool("no-healthcheck", "Disable any container-specified HEALTHCHECK"),
  // Resource management
  { name: "blkio-weight", kind: "uint16", usage: "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)" },
  list("blkio-weight-device", "Block IO weight (relative device weight)"),
  str("cidfile", "Write the container ID to the file"),
  str("cpuset-cpus", "CPUs in which to allow execution (0-3, 0,1)"),
  str("cpuset-mems", "MEMs in which to allow execution (0-3, 0,1)"),
  { name: "cpu-period", kind: "int64", usage: "Limit CPU CFS (Completely Fair Scheduler) period" },
  { name: "cpu-quota", kind: "int64", usage: "Limit CPU CFS (Completely Fair Scheduler) quota" },
  { name: "cpu-rt-period", kind: "int64", usage: "Limit CPU real-time period in microseconds" },
  { name: "cpu-rt-runtime", kind: "int64", usage: "Limit CPU real-time runtime in microseconds" },
  { name: "cpu-shares", short: "c", kind: "int64", usage: "CPU shares (relative weight)" },
  { name: "cpus", kind: "string", valueName: "decimal", usage: "Number of CPUs" },
  list("device-read-bps", "Limit read rate (bytes per second) from a device"),
  list("device-read-iops", "Limit read rate (IO per second) from a device"),
  list("device-write-bps", "Limit write rate (bytes per second) to a device"),
  list("device-write-iops", "Limit write rate (IO per second) to a device"),
  bytes("memory", "Memory limit", "m"),
  bytes("memory-reservation", "Memory soft limit"),
  {
    name: "memory-swap",
    kind: "value",
    valueName: "bytes",
    usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap",
    // opts.MemSwapBytes: -1 means unlimited, anything else is a size.
    set: (raw) => (raw === "-1" ? -1 : ramInBytes(raw)),
  },
  { name: "memory-swappiness", kind: "int64", default: -1, usage: "Tune container memory swappiness (0 to 100)" },
  bool("oom-kill-disable", "Disable OOM Killer"),
  int("oom-score-adj", "Tune host's OOM preferences (-1000 to 1000)"),
  { name: "pids-limit", kind: "int64", usage: "Tune container pids limit (set -1 for unlimited)" },
  // Low-level execution (cgroups, namespaces, ...)
  str("cgroup-parent", "Optional parent cgroup for the container"),
  str("ipc", "IPC mode to use"),
  str("isolation", "Container isolation technology"),
  str("pid", "PID namespace to use"),
  bytes("shm-size", "Size of /dev/shm"),
  str("uts", "UTS namespace to use"),
  str("runtime", "Runtime to use for this container"),
  bool("init", "Run an init inside the container that forwards signals and reaps processes"),
  list("annotation", "Add an annotation to the container (passed through to the OCI runtime)", undefined, { valueName: "map" }),
];

/** Flags of create.go (and run.go) that are not container configuration. */
export const createOnlyFlags: FlagSpec[] = [
  str("name", "Assign a name to the container"),
  str("pull", 'Pull image before creating ("always", "missing", "never")', undefined, { default: "missing" }),
  bool("quiet", "Suppress the pull output", "q"),
  bool("use-api-socket", "Bind mount Docker API socket and required auth"),
  // An explicit help without -h, which is --hostname's.
  bool("help", "Print usage"),
  str("platform", "Set platform if server is multi-platform capable"),
  bool("disable-content-trust", "Skip image verification (deprecated)", undefined, {
    default: true,
    deprecated: "support for docker content trust was removed",
  }),
];
