import { ANONYMOUS_LABEL } from "../volume/store";
import { parseFilters, validateFilters } from "./filters";
import type { Route } from "./router";
import type { VolumeListResponse } from "./types";

export const volumeRoutes: Route[] = [
  {
    method: "GET",
    path: "/volumes",
    handler: (ctx, req, res) => {
      const filters = parseFilters(req.query.get("filters"));
      validateFilters(filters, ["dangling", "driver", "label", "name"]);
      const volumes = ctx.volumes.list().filter((v) => {
        const dangling = filters.get("dangling")?.[0];
        if (dangling !== undefined && (dangling === "true" || dangling === "1") !== (ctx.containers.usersOf(v.name).length === 0))
          return false;
        const names = filters.get("name");
        if (names && !names.some((n) => v.name.includes(n))) return false;
        const labels = filters.get("label");
        if (labels && !labels.some((l) => (l.includes("=") ? v.labels[l.split("=")[0]] === l.slice(l.indexOf("=") + 1) : l in v.labels)))
          return false;
        return true;
      });
      const body: VolumeListResponse = { Volumes: volumes.map((v) => ctx.volumes.inspect(v)), Warnings: null };
      res.json(200, body);
    },
  },
  {
    method: "POST",
    path: "/volumes/create",
    handler: (ctx, req, res) => {
      const body = (req.body ?? {}) as { Name?: string; Labels?: Record<string, string>; DriverOpts?: Record<string, string> };
      const name = body.Name || ctx.random.hex(32);
      const volume = ctx.volumes.create(name, body.Labels ?? (body.Name ? {} : { [ANONYMOUS_LABEL]: "" }), body.DriverOpts ?? {});
      ctx.events.emit("volume", "create", volume.name, { driver: "local" });
      res.json(201, ctx.volumes.inspect(volume));
    },
  },
  {
    method: "GET",
    path: "/volumes/{name}",
    handler: (ctx, _req, res, [name]) => res.json(200, ctx.volumes.inspect(ctx.volumes.get(name))),
  },
  {
    method: "DELETE",
    path: "/volumes/{name}",
    handler: (ctx, req, res, [name]) => {
      const force = ["1", "true"].includes(req.query.get("force") ?? "");
      const users = ctx.containers.usersOf(name);
      ctx.volumes.remove(name, force ? [] : users);
      ctx.events.emit("volume", "destroy", name, { driver: "local" });
      res.empty(204);
    },
  },
  {
    method: "POST",
    path: "/volumes/prune",
    handler: (ctx, req, res) => {
      const filters = parseFilters(req.query.get("filters"));
      const all = ["true", "1"].includes(filters.get("all")?.[0] ?? "");
      const deleted: string[] = [];
      let reclaimed = 0;
      for (const volume of ctx.volumes.list()) {
        if (ctx.containers.usersOf(volume.name).length > 0) continue;
        // Since API 1.42 prune removes only anonymous volumes unless all=true.
        if (!all && !(ANONYMOUS_LABEL in volume.labels)) continue;
        reclaimed += ctx.volumes.size(volume.name);
        ctx.volumes.remove(volume.name, []);
        deleted.push(volume.name);
      }
      res.json(200, { VolumesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed });
    },
  },
];
