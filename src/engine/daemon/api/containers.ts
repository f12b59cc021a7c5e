import type { Container } from "../container/container";
import { inspect, summarize } from "../container/inspect";
import { verifyResources } from "../container/resources";
import type { DaemonContext } from "../context";
import { invalidParameter } from "../errors";
import { truncateId } from "../ids";
import { imageSize } from "../image/image";
import { parseFilters, validateFilters } from "./filters";
import type { Route } from "./router";
import type { ContainerCreateRequest, ContainerSummary, PruneReport } from "./types";

const STATUSES = ["created", "restarting", "running", "removing", "paused", "exited", "dead"];

/** The name a container's image is shown by in `docker ps`: its reference, or a short ID once untagged. */
function imageRef(ctx: DaemonContext, container: Container): string {
  const image = ctx.images.store.find(container.config.Image);
  if (image && image.id === container.imageId) return container.config.Image;
  return ctx.images.store.repoTags(container.imageId)[0] ?? truncateId(container.imageId);
}

function matches(ctx: DaemonContext, c: Container, summary: ContainerSummary, filters: Map<string, string[]>): boolean {
  for (const [key, values] of filters) {
    const any = (test: (v: string) => boolean) => values.some(test);
    switch (key) {
      case "status":
        for (const v of values) if (!STATUSES.includes(v)) throw invalidParameter(`invalid filter 'status=${v}'`);
        if (!any((v) => v === c.status)) return false;
        break;
      case "name":
        if (!any((v) => new RegExp(v).test(`/${c.name}`))) return false;
        break;
      case "id":
        if (!any((v) => c.id.startsWith(v))) return false;
        break;
      case "label":
        if (!any((v) => (v.includes("=") ? c.config.Labels[v.split("=")[0]] === v.slice(v.indexOf("=") + 1) : v in c.config.Labels)))
          return false;
        break;
      case "ancestor":
        if (!any((v) => ctx.images.store.find(v)?.id === c.imageId || summary.Image === v)) return false;
        break;
      case "exited":
        if (c.status !== "exited" || !any((v) => Number(v) === c.exitCode)) return false;
        break;
      case "before":
      case "since": {
        const ref = ctx.containers.get(values[0]);
        if (key === "before" ? c.created >= ref.created : c.created <= ref.created) return false;
        break;
      }
      case "volume":
        if (!any((v) => c.mounts.some((m) => m.Name === v || m.Destination === v))) return false;
        break;
      case "network":
        if (!any((v) => c.endpoints.some((e) => e.network === v || e.networkId.startsWith(v)))) return false;
        break;
      case "publish":
      case "expose":
        if (!any((v) => c.publishedPorts.some((p) => `${key === "publish" ? p.hostPort : p.port}/${p.proto}`.startsWith(v)))) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

export const containerRoutes: Route[] = [
  {
    method: "GET",
    path: "/containers/json",
    handler: (ctx, req, res) => {
      const all = ["1", "true"].includes(req.query.get("all") ?? "");
      const filters = parseFilters(req.query.get("filters"));
      validateFilters(filters, [
        "ancestor",
        "before",
        "expose",
        "exited",
        "health",
        "id",
        "isolation",
        "is-task",
        "label",
        "name",
        "network",
        "publish",
        "since",
        "status",
        "volume",
      ]);
      let list = ctx.containers.all();
      if (!all && !filters.has("status") && !filters.has("exited")) list = list.filter((c) => c.isRunning || c.status === "restarting");
      const now = ctx.clock.now();
      let out = list.map((c) => ({ c, s: summarize(c, imageRef(ctx, c), now) })).filter(({ c, s }) => matches(ctx, c, s, filters));
      const limit = Number(req.query.get("limit") ?? "-1");
      if (limit > 0) out = out.slice(0, limit);
      res.json(
        200,
        out.map(({ s }) => s),
      );
    },
  },
  {
    method: "POST",
    path: "/containers/create",
    handler: (ctx, req, res) => {
      const body = (req.body ?? {}) as ContainerCreateRequest;
      if (!body.Image) throw invalidParameter("config cannot be empty in order to create a container");
      // verifyContainerSettings comes first (moby daemon/create.go): limits the host cannot enforce become warnings.
      const warnings = body.HostConfig ? verifyResources(body.HostConfig, false) : [];
      const container = ctx.containers.create(body, req.query.get("name") ?? undefined);
      // --network-alias and --ip: the endpoint settings libnetwork applies at start.
      ctx.network.configure(container, body.NetworkingConfig?.EndpointsConfig);
      res.json(201, { Id: container.id, Warnings: warnings });
    },
  },
  {
    method: "GET",
    path: "/containers/{id}/json",
    handler: (ctx, req, res, [id]) => {
      const c = ctx.containers.get(id);
      // moby daemon/inspect.go: the sizes cost a walk of the layers, so only on ?size=1.
      const sizes = ["1", "true"].includes(req.query.get("size") ?? "")
        ? { SizeRw: c.upper.size(), SizeRootFs: c.upper.size() + imageSize(ctx.images.store.get(c.imageId)) }
        : undefined;
      res.json(200, inspect(c, sizes));
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/start",
    handler: (ctx, _req, res, [id]) => {
      ctx.containers.start(ctx.containers.get(id));
      res.empty(204);
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/stop",
    handler: async (ctx, req, res, [id]) => {
      const t = req.query.get("t");
      await ctx.containers.stop(ctx.containers.get(id), t === null ? undefined : Number(t), req.query.get("signal") ?? undefined);
      res.empty(204);
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/restart",
    handler: async (ctx, req, res, [id]) => {
      const t = req.query.get("t");
      await ctx.containers.restart(ctx.containers.get(id), t === null ? undefined : Number(t));
      res.empty(204);
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/kill",
    handler: (ctx, req, res, [id]) => {
      ctx.containers.kill(ctx.containers.get(id), req.query.get("signal") || "SIGKILL");
      res.empty(204);
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/pause",
    handler: (ctx, _req, res, [id]) => {
      ctx.containers.pause(ctx.containers.get(id));
      res.empty(204);
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/unpause",
    handler: (ctx, _req, res, [id]) => {
      ctx.containers.unpause(ctx.containers.get(id));
      res.empty(204);
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/wait",
    handler: async (ctx, req, res, [id]) => {
      const container = ctx.containers.get(id);
      const condition = req.query.get("condition") ?? "not-running";
      const stream = res.stream(200, "application/json");
      // `docker run` waits before it starts the container: next-exit, or removed with --rm,
      // which for a container yet to run comes after its first exit.
      const next = condition === "next-exit" || (condition === "removed" && container.status === "created");
      const code = await ctx.containers.waitExit(container, next);
      stream.write(`${JSON.stringify({ StatusCode: code, Error: null })}\n`);
      stream.end();
    },
  },
  {
    method: "POST",
    path: "/containers/{id}/rename",
    handler: (ctx, req, res, [id]) => {
      ctx.containers.rename(ctx.containers.get(id), req.query.get("name") ?? "");
      res.empty(204);
    },
  },
  {
    method: "GET",
    path: "/containers/{id}/changes",
    handler: (ctx, _req, res, [id]) => {
      const changes = ctx.containers.get(id).rootfs.changes();
      res.json(200, changes.length ? changes.map((c) => ({ Kind: c.kind === "C" ? 0 : c.kind === "A" ? 1 : 2, Path: c.path })) : null);
    },
  },
  {
    method: "DELETE",
    path: "/containers/{id}",
    handler: (ctx, req, res, [id]) => {
      const flag = (name: string) => ["1", "true"].includes(req.query.get(name) ?? "");
      ctx.containers.remove(ctx.containers.get(id), flag("force"), flag("v"));
      res.empty(204);
    },
  },
  {
    method: "POST",
    path: "/containers/prune",
    handler: (ctx, _req, res) => {
      const report: PruneReport = { ContainersDeleted: [], SpaceReclaimed: 0 };
      for (const c of ctx.containers.all()) {
        if (c.isRunning || c.status === "restarting") continue;
        report.SpaceReclaimed = (report.SpaceReclaimed ?? 0) + c.upper.size();
        ctx.containers.remove(c, false, false);
        report.ContainersDeleted?.push(c.id);
      }
      if (report.ContainersDeleted?.length === 0) report.ContainersDeleted = null;
      res.json(200, report);
    },
  },
];
