import { RegistryError } from "../../registry/client";
import { buildCacheRecords } from "../builder/cache";
import type { DaemonContext } from "../context";
import { imageSize } from "../image/image";
import { registryFor } from "../image/push";
import { ENGINE } from "../version";
import { parseFilters } from "./filters";
import type { Route } from "./router";

/** GET /version: the Server half of `docker version`. */
function version(ctx: DaemonContext) {
  const u = ctx.kernel.uname;
  return {
    Platform: { Name: "Docker Engine - Community" },
    Components: [
      {
        Name: "Engine",
        Version: ENGINE.version,
        Details: {
          ApiVersion: ENGINE.apiVersion,
          Arch: "amd64",
          BuildTime: ENGINE.buildTime,
          Experimental: "false",
          GitCommit: ENGINE.gitCommit,
          GoVersion: ENGINE.goVersion,
          KernelVersion: u.release,
          MinAPIVersion: ENGINE.minApiVersion,
          Os: "linux",
        },
      },
      { Name: "containerd", Version: ENGINE.containerd.version, Details: { GitCommit: ENGINE.containerd.gitCommit } },
      { Name: "runc", Version: ENGINE.runc.version, Details: { GitCommit: ENGINE.runc.gitCommit } },
      { Name: "docker-init", Version: ENGINE.dockerInit.version, Details: { GitCommit: ENGINE.dockerInit.gitCommit } },
    ],
    Version: ENGINE.version,
    ApiVersion: ENGINE.apiVersion,
    MinAPIVersion: ENGINE.minApiVersion,
    GitCommit: ENGINE.gitCommit,
    GoVersion: ENGINE.goVersion,
    Os: "linux",
    Arch: "amd64",
    KernelVersion: u.release,
    BuildTime: ENGINE.buildTime,
  };
}

/** GET /info: the Server half of `docker info`, with counts from the daemon's own state. */
function info(ctx: DaemonContext, daemonId: string) {
  const containers = ctx.containers.all();
  const count = (status: string) => containers.filter((c) => c.status === status).length;
  return {
    ID: daemonId,
    Containers: containers.length,
    ContainersRunning: count("running"),
    ContainersPaused: count("paused"),
    ContainersStopped: containers.length - count("running") - count("paused"),
    Images: ctx.images.store.all().length,
    Driver: "overlay2",
    DriverStatus: [
      ["Backing Filesystem", "extfs"],
      ["Supports d_type", "true"],
      ["Using metacopy", "false"],
      ["Native Overlay Diff", "true"],
      ["userxattr", "false"],
    ],
    Plugins: {
      Volume: ["local"],
      Network: ["bridge", "host", "ipvlan", "macvlan", "null", "overlay"],
      Authorization: null,
      Log: ["awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"],
    },
    MemoryLimit: true,
    SwapLimit: false,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    Debug: false,
    NFd: 30 + containers.length * 4,
    OomKillDisable: false,
    NGoroutines: 40 + containers.length * 6,
    SystemTime: ctx.isoNow(),
    LoggingDriver: "json-file",
    CgroupDriver: "cgroupfs",
    CgroupVersion: "2",
    NEventsListener: 0,
    KernelVersion: ctx.kernel.uname.release,
    OperatingSystem: "Alpine Linux v3.21",
    OSVersion: "3.21.3",
    OSType: "linux",
    Architecture: "x86_64",
    IndexServerAddress: "https://index.docker.io/v1/",
    RegistryConfig: {
      InsecureRegistryCIDRs: ["::1/128", "127.0.0.0/8"],
      IndexConfigs: { "docker.io": { Name: "docker.io", Mirrors: [], Secure: true, Official: true } },
      Mirrors: [],
    },
    NCPU: 8,
    MemTotal: 33_651_146_752,
    DockerRootDir: "/var/lib/docker",
    HttpProxy: "",
    HttpsProxy: "",
    NoProxy: "",
    Name: ctx.kernel.initNs.uts.hostname,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: ENGINE.version,
    Runtimes: { "io.containerd.runc.v2": { path: "runc" }, runc: { path: "runc" } },
    DefaultRuntime: "runc",
    Swarm: { NodeID: "", NodeAddr: "", LocalNodeState: "inactive", ControlAvailable: false, Error: "", RemoteManagers: null },
    LiveRestoreEnabled: false,
    Isolation: "",
    InitBinary: "docker-init",
    ContainerdCommit: { ID: ENGINE.containerd.gitCommit },
    RuncCommit: { ID: ENGINE.runc.gitCommit },
    InitCommit: { ID: ENGINE.dockerInit.gitCommit },
    SecurityOptions: ["name=seccomp,profile=builtin", "name=cgroupns"],
    Warnings: null,
  };
}

/** GET /system/df: what `docker system df` tallies. */
function diskUsage(ctx: DaemonContext) {
  const containers = ctx.containers.all();
  return {
    LayersSize: ctx.images.store.all().reduce((sum, image) => sum + imageSize(image), 0),
    Images: ctx.images.list(false).map((image) => ({ ...image, SharedSize: 0 })),
    Containers: containers.map((c) => ({
      Id: c.id,
      Names: [`/${c.name}`],
      Image: c.config.Image,
      ImageID: c.imageId,
      Command: [c.path, ...c.args].join(" "),
      Created: Math.floor(Date.parse(c.created) / 1000),
      State: c.status,
      Status: c.status,
      SizeRw: c.upper.size(),
      SizeRootFs: c.upper.size() + imageSize(ctx.images.store.get(c.imageId)),
      Labels: c.config.Labels,
      Mounts: c.mounts,
    })),
    Volumes: ctx.volumes.list().map((v) => ({
      ...ctx.volumes.inspect(v),
      UsageData: { Size: ctx.volumes.size(v.name), RefCount: ctx.containers.usersOf(v.name).length },
    })),
    BuildCache: buildCacheRecords(ctx),
  };
}

/** The registry a login names: Docker Hub for its index URL or docker.io, else host[:port] without a scheme or path. */
function registryDomain(server: string): string {
  const host = server.replace(/^https?:\/\//, "").split("/")[0] ?? "";
  return host === "" || host === "docker.io" || host === "index.docker.io" || host === "registry-1.docker.io" ? "docker.io" : host;
}

export function systemRoutes(daemonId: string): Route[] {
  return [
    { method: "GET", path: "/_ping", handler: (_ctx, _req, res) => res.json(200, "OK") },
    { method: "GET", path: "/version", handler: (ctx, _req, res) => res.json(200, version(ctx)) },
    { method: "GET", path: "/info", handler: (ctx, _req, res) => res.json(200, info(ctx, daemonId)) },
    {
      method: "GET",
      path: "/system/df",
      // ?type=build-cache (API 1.42): only the kinds asked for, as `docker buildx du` asks.
      handler: (ctx, req, res) => {
        const types = req.query.getAll("type");
        if (types.length === 0) return res.json(200, diskUsage(ctx));
        const du = diskUsage(ctx);
        res.json(200, {
          ...(types.includes("image") ? { LayersSize: du.LayersSize, Images: du.Images } : {}),
          ...(types.includes("container") ? { Containers: du.Containers } : {}),
          ...(types.includes("volume") ? { Volumes: du.Volumes } : {}),
          ...(types.includes("build-cache") ? { BuildCache: du.BuildCache } : {}),
        });
      },
    },
    {
      method: "POST",
      path: "/auth",
      // The offline Docker Hub accepts every username and password (as Play-With-Docker's labs assume).
      // Another registry (localhost:5000) is pinged first: a login fails as a pull would when nothing answers there.
      handler: async (ctx, req, res) => {
        const body = (req.body ?? {}) as { username?: string; password?: string; serveraddress?: string };
        if (!body.username) {
          res.json(400, { message: 'Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password' });
          return;
        }
        const domain = registryDomain(body.serveraddress ?? "");
        if (domain !== "docker.io") {
          try {
            await registryFor(ctx, domain).ping();
          } catch (err) {
            if (!(err instanceof RegistryError)) throw err;
            res.json(500, { message: err.message });
            return;
          }
        }
        res.json(200, { Status: "Login Succeeded", IdentityToken: "" });
      },
    },
    {
      method: "GET",
      path: "/events",
      handler: (ctx, req, res) => {
        const since = req.query.get("since");
        const until = req.query.get("until");
        const filters = parseFilters(req.query.get("filters"));
        const keep = (e: { Type: string; Action: string; Actor: { ID: string; Attributes: Record<string, string> } }) => {
          for (const [key, values] of filters) {
            if (key === "type" && !values.includes(e.Type)) return false;
            if (key === "event" && !values.includes(e.Action)) return false;
            if (
              key === "container" &&
              !(e.Type === "container" && values.some((v) => e.Actor.ID.startsWith(v) || e.Actor.Attributes.name === v))
            )
              return false;
            if (key === "image" && !values.some((v) => e.Actor.Attributes.image === v || e.Actor.ID === v)) return false;
          }
          return true;
        };
        const stream = res.stream(200, "application/json");
        const nowSec = Math.floor(ctx.clock.now() / 1000);
        const untilSec = until ? Number(until) : undefined;
        if (since) for (const e of ctx.events.since(Number(since), untilSec ?? nowSec)) if (keep(e)) stream.write(`${JSON.stringify(e)}\n`);
        if (untilSec !== undefined && untilSec <= nowSec) {
          stream.end();
          return;
        }
        const unsubscribe = ctx.events.subscribe((e) => {
          if (keep(e)) stream.write(`${JSON.stringify(e)}\n`);
        });
        stream.onClose(unsubscribe);
        if (untilSec !== undefined) {
          ctx.clock.setTimer(untilSec * 1000 - ctx.clock.now(), () => {
            unsubscribe();
            stream.end();
          });
        }
      },
    },
  ];
}
