/**
 * The builders buildx knows here: only the default one, which every docker context has
 * (buildx builder.GetBuilders): driver "docker", one node named after the context, that
 * builds with the daemon's own BuildKit. What buildx loads about that node (builder/node.go
 * loadData: status, ListWorkers' platforms, labels and GC policy, Info's BuildKit version)
 * is what dockerd 29.1.3's BuildKit worker answers.
 */
import type { NetworkResource } from "../../../engine/daemon/api/types";
import { StatusError } from "../../cobra/errors";
import type { DockerCli } from "../system/dockercli";

/** One rule of BuildKit's GC policy (client.PruneInfo). */
export interface GCRule {
  all: boolean;
  filter: string[];
  /** Nanoseconds, as Go's time.Duration. */
  keepDuration: number;
  reservedSpace: number;
  maxUsedSpace: number;
  minFreeSpace: number;
}

export interface BuilderNode {
  name: string;
  endpoint: string;
  status: "running";
  /** The daemon's vendored BuildKit: moby v29.1.3 go.mod requires github.com/moby/buildkit v0.26.2. */
  version: string;
  platforms: string[];
  labels: Record<string, string>;
  gcPolicy: GCRule[];
}

export interface Builder {
  name: string;
  driver: "docker";
  nodes: BuilderNode[];
}

/**
 * What BuildKit's archutil finds on an amd64 host without QEMU: the native platform, the
 * x86-64 micro-architecture levels the CPU runs, and 386, which the kernel runs natively.
 * `docker buildx ls` on such an engine prints `linux/amd64 (+3), linux/386`.
 */
export const NODE_PLATFORMS = ["linux/amd64", "linux/amd64/v2", "linux/amd64/v3", "linux/386"];

const BUILDKIT_VERSION = "v0.26.2";

/** The label moby's worker sets (builder-next/worker/label): where host-gateway points. */
const HOST_GATEWAY_LABEL = "org.mobyproject.buildkit.worker.moby.host-gateway-ip";

/** buildx's error for a name no builder has (store/storeutil GetNodeGroup). */
export function noBuilder(name: string): StatusError {
  return new StatusError(`ERROR: no builder ${JSON.stringify(name)} found`, 1);
}

/** The playground's only docker context: the default builder's name and its node's endpoint. */
const CONTEXT = "default";

/**
 * builder.New: the named builder (--builder, BUILDX_BUILDER) or the current one, with its
 * nodes loaded from the daemon.
 */
export async function loadBuilder(cli: DockerCli, name: string): Promise<Builder> {
  const wanted = name || cli.proc.env.BUILDX_BUILDER || CONTEXT;
  if (wanted !== CONTEXT) throw noBuilder(wanted);
  return { name: CONTEXT, driver: "docker", nodes: [await loadNode(cli, CONTEXT)] };
}

async function loadNode(cli: DockerCli, context: string): Promise<BuilderNode> {
  const labels: Record<string, string> = {};
  try {
    const bridge = await cli.client.get<NetworkResource>("/networks/bridge");
    const gateway = bridge.IPAM?.Config?.[0]?.Gateway;
    if (gateway) labels[HOST_GATEWAY_LABEL] = gateway;
  } catch {
    // A daemon without the default bridge sets no host-gateway label.
  }
  return {
    name: context,
    endpoint: context,
    status: "running",
    version: BUILDKIT_VERSION,
    platforms: NODE_PLATFORMS,
    labels,
    gcPolicy: defaultGCPolicy(diskTotal(cli)),
  };
}

/** The size of the disk under /var/lib/docker, which the daemon's BuildKit sizes its GC by. */
function diskTotal(cli: DockerCli): number | undefined {
  try {
    const st = cli.proc.fs.statfs("/");
    return st.blocks * st.blockSize;
  } catch {
    return undefined;
  }
}

const HOUR_NS = 3600e9;
/** math.E * math.Pi * math.Phi: the share of the reserved space kept for easily rebuilt data. */
const TEMP_CACHE_PERCENT = Math.E * Math.PI * ((1 + Math.sqrt(5)) / 2);

/** moby builder-next/worker/gc.go diskPercentage: rounded up to whole GB. */
function diskPercentage(total: number, percentage: number): number {
  const avail = Math.floor((total * percentage) / 100);
  return (Math.floor(avail / 2 ** 30) + 1) * 1e9;
}

/** moby builder-next/worker/gc.go DefaultGCPolicy, with no builder GC settings in daemon.json. */
export function defaultGCPolicy(total: number | undefined): GCRule[] {
  const reservedSpace = total === undefined ? 2e9 : diskPercentage(total, 10);
  const maxUsedSpace = total === undefined ? 0 : diskPercentage(total, 80);
  const minFreeSpace = total === undefined ? 0 : diskPercentage(total, 20);
  const tempCache = Math.max(Math.round((reservedSpace / 100) * TEMP_CACHE_PERCENT), 512e6);
  const rule = (r: Partial<GCRule>): GCRule => ({
    all: false,
    filter: [],
    keepDuration: 0,
    reservedSpace: 0,
    maxUsedSpace: 0,
    minFreeSpace: 0,
    ...r,
  });
  const caps = { reservedSpace, maxUsedSpace, minFreeSpace };
  return [
    rule({
      filter: ["type==source.local,type==exec.cachemount,type==source.git.checkout"],
      keepDuration: 48 * HOUR_NS,
      maxUsedSpace: tempCache,
    }),
    rule({ keepDuration: 60 * 24 * HOUR_NS, ...caps }),
    rule(caps),
    rule({ all: true, ...caps }),
  ];
}
