/**
 * opts.go's parse: the run/create flags turned into the POST /containers/create body
 * (Config, HostConfig, NetworkingConfig) exactly as docker/cli fills it.
 */
import type { ContainerCreateRequest, EndpointSettings, HostConfig, RestartPolicy } from "../../../engine/daemon/api/types";
import type { FlagValues } from "../../cobra/command";
import { parseMount, parseVolumes } from "./mounts";
import { parseExpose, parsePublish } from "./publish";

export interface ParseContext {
  /** The CLI's environment, for `-e NAME` without a value. */
  env: Record<string, string>;
  cwd: string;
  /** Reads --env-file / --label-file files. */
  readFile(path: string): string;
}

/** opts.ParseRestartPolicy. */
export function parseRestartPolicy(policy: string): RestartPolicy {
  if (policy === "") return { Name: "no", MaximumRetryCount: 0 };
  const [name, count] = policy.split(":");
  switch (name) {
    case "no":
    case "always":
    case "unless-stopped":
      if (count !== undefined) throw new Error(`invalid restart policy format: maximum retry count can only be used with 'on-failure'`);
      return { Name: name, MaximumRetryCount: 0 };
    case "on-failure": {
      const n = count === undefined ? 0 : Number(count);
      if (!Number.isInteger(n)) throw new Error(`invalid restart policy format: maximum retry count must be an integer`);
      return { Name: "on-failure", MaximumRetryCount: n };
    }
    default:
      throw new Error(
        `invalid restart policy format: unknown policy '${name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`,
      );
  }
}

/** opts.ValidateEnv: `NAME` alone takes the CLI's value, when it has one. */
function expandEnv(values: string[], env: Record<string, string>): string[] {
  return values.flatMap((v) => {
    if (v.includes("=")) return [v];
    if (v === "") throw new Error("invalid environment variable: ");
    return env[v] !== undefined ? [`${v}=${env[v]}`] : [v];
  });
}

/** Lines of an env or label file: comments and blank lines skipped (opts.ParseEnvFile). */
function readKvFile(ctx: ParseContext, path: string): string[] {
  let text: string;
  try {
    text = ctx.readFile(path);
  } catch {
    throw new Error(`open ${path}: no such file or directory`);
  }
  return text
    .split("\n")
    .map((l) => l.replace(/^\s+/, ""))
    .filter((l) => l !== "" && !l.startsWith("#"));
}

function labelsOf(values: string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    labels[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? "" : v.slice(eq + 1);
  }
  return labels;
}

/** --cpus: opts.NanoCPUs. */
export function nanoCpus(text: string): number {
  if (text === "") return 0;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`invalid argument "${text}" for "--cpus" flag: failed to parse ${text} as a rational number`);
  return Math.round(n * 1e9);
}

export function parseContainerFlags(flags: FlagValues, image: string, args: string[], ctx: ParseContext): ContainerCreateRequest {
  const attach = flags.list("attach").map((s) => s.toLowerCase());
  for (const a of attach) {
    if (!["stdin", "stdout", "stderr"].includes(a)) throw new Error(`valid streams are STDIN, STDOUT and STDERR`);
  }
  const interactive = flags.bool("interactive");
  const attachStdin = attach.includes("stdin") || interactive;
  const attachStdout = attach.length === 0 || attach.includes("stdout");
  const attachStderr = attach.length === 0 || attach.includes("stderr");

  const swappiness = flags.number("memory-swappiness");
  if (swappiness !== -1 && (swappiness < 0 || swappiness > 100)) {
    throw new Error(`invalid value: ${swappiness}. Valid memory swappiness range is 0-100`);
  }
  const { binds, volumes } = parseVolumes(flags.list("volume"), ctx.cwd);
  const published = parsePublish(flags.list("publish"));
  const exposed = { ...parseExpose(flags.list("expose")), ...published.exposed };
  const env = expandEnv([...flags.list("env-file").flatMap((f) => readKvFile(ctx, f)), ...flags.list("env")], ctx.env);
  const labels = labelsOf([...flags.list("label-file").flatMap((f) => readKvFile(ctx, f)), ...flags.list("label")]);
  const restart = parseRestartPolicy(flags.string("restart"));
  const autoRemove = flags.bool("rm");
  if (autoRemove && restart.Name !== "no") throw new Error("conflicting options: cannot specify both --restart and --rm");

  let entrypoint: string[] | null = null;
  if (flags.string("entrypoint") !== "") entrypoint = [flags.string("entrypoint")];
  else if (flags.changed("entrypoint")) entrypoint = [""];

  const tmpfs: Record<string, string> = {};
  for (const t of flags.list("tmpfs")) {
    const colon = t.indexOf(":");
    tmpfs[colon < 0 ? t : t.slice(0, colon)] = colon < 0 ? "" : t.slice(colon + 1);
  }
  const networks = [...flags.list("net"), ...flags.list("network")];
  const aliases = [...flags.list("net-alias"), ...flags.list("network-alias")];
  const networkMode = networks[0] ?? "default";

  const hostConfig: Partial<HostConfig> = {
    Binds: binds.length > 0 ? binds : null,
    ContainerIDFile: flags.string("cidfile"),
    OomScoreAdj: flags.number("oom-score-adj"),
    AutoRemove: autoRemove,
    Privileged: flags.bool("privileged"),
    PortBindings: published.bindings,
    Links: flags.list("link").length > 0 ? flags.list("link") : null,
    PublishAllPorts: flags.bool("publish-all"),
    Dns: flags.list("dns"),
    DnsSearch: flags.list("dns-search"),
    DnsOptions: [...flags.list("dns-opt"), ...flags.list("dns-option")],
    ExtraHosts: flags.list("add-host").length > 0 ? flags.list("add-host") : null,
    VolumesFrom: flags.list("volumes-from").length > 0 ? flags.list("volumes-from") : null,
    IpcMode: flags.string("ipc"),
    NetworkMode: networkMode,
    PidMode: flags.string("pid"),
    UTSMode: flags.string("uts"),
    UsernsMode: flags.string("userns"),
    CgroupnsMode: flags.string("cgroupns"),
    CapAdd: flags.list("cap-add").length > 0 ? flags.list("cap-add") : null,
    CapDrop: flags.list("cap-drop").length > 0 ? flags.list("cap-drop") : null,
    GroupAdd: flags.list("group-add").length > 0 ? flags.list("group-add") : null,
    RestartPolicy: restart,
    SecurityOpt: flags.list("security-opt").length > 0 ? flags.list("security-opt") : null,
    ReadonlyRootfs: flags.bool("read-only"),
    LogConfig: { Type: flags.string("log-driver"), Config: labelsOf(flags.list("log-opt")) },
    VolumeDriver: flags.string("volume-driver"),
    Isolation: flags.string("isolation"),
    ShmSize: flags.number("shm-size"),
    Runtime: flags.string("runtime"),
    Tmpfs: Object.keys(tmpfs).length > 0 ? tmpfs : undefined,
    Mounts: flags.list("mount").map(parseMount),
    // Resources
    CpuShares: flags.number("cpu-shares"),
    Memory: flags.number("memory"),
    NanoCpus: nanoCpus(flags.string("cpus")),
    CgroupParent: flags.string("cgroup-parent"),
    BlkioWeight: flags.number("blkio-weight"),
    CpuPeriod: flags.number("cpu-period"),
    CpuQuota: flags.number("cpu-quota"),
    CpuRealtimePeriod: flags.number("cpu-rt-period"),
    CpuRealtimeRuntime: flags.number("cpu-rt-runtime"),
    CpusetCpus: flags.string("cpuset-cpus"),
    CpusetMems: flags.string("cpuset-mems"),
    MemoryReservation: flags.number("memory-reservation"),
    MemorySwap: flags.number("memory-swap"),
    MemorySwappiness: swappiness === -1 ? null : swappiness,
    OomKillDisable: flags.bool("oom-kill-disable"),
    PidsLimit: flags.changed("pids-limit") ? flags.number("pids-limit") : null,
  };
  if (flags.changed("init")) hostConfig.Init = flags.bool("init");

  const endpoint: Partial<EndpointSettings> = {};
  if (aliases.length > 0) endpoint.Aliases = aliases;
  if (flags.string("ip") !== "") endpoint.IPAMConfig = { IPv4Address: flags.string("ip") };
  const request: ContainerCreateRequest = {
    Hostname: flags.string("hostname"),
    Domainname: flags.string("domainname"),
    User: flags.string("user"),
    AttachStdin: attachStdin,
    AttachStdout: attachStdout,
    AttachStderr: attachStderr,
    ExposedPorts: exposed,
    Tty: flags.bool("tty"),
    OpenStdin: interactive,
    // When allocating stdin in attached mode, close stdin at client disconnect.
    StdinOnce: interactive && attachStdin,
    Env: env,
    Cmd: args.length > 0 ? args : null,
    Image: image,
    Volumes: volumes,
    WorkingDir: flags.string("workdir"),
    Entrypoint: entrypoint,
    Labels: labels,
    HostConfig: hostConfig,
    NetworkingConfig: { EndpointsConfig: { [networkMode]: endpoint } },
  };
  if (flags.string("stop-signal") !== "") request.StopSignal = flags.string("stop-signal");
  if (flags.changed("stop-timeout")) request.StopTimeout = flags.number("stop-timeout");
  if (flags.string("mac-address") !== "") endpoint.MacAddress = flags.string("mac-address");
  return request;
}
