import { dockerHub } from "../../registry/hub";
import { searchHub } from "../../registry/search";
import type { DaemonContext } from "../context";
import { invalidParameter } from "../errors";
import { decodeAuthHeader, pushRepository } from "../image/push";
import { parseReference } from "../image/reference";
import { parseFilters, validateFilters } from "./filters";
import type { Route } from "./router";
import type { ImageSummary } from "./types";

function matchesReference(repoTags: string[], pattern: string): boolean {
  const glob = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^/]*")
      .replace(/\?/g, ".")}$`,
  );
  return repoTags.some((tag) => glob.test(tag) || glob.test(tag.slice(0, tag.lastIndexOf(":"))));
}

function filterImages(ctx: DaemonContext, list: ImageSummary[], filters: Map<string, string[]>): ImageSummary[] {
  validateFilters(filters, ["before", "dangling", "label", "reference", "since", "until"]);
  return list.filter((image) => {
    for (const [key, values] of filters) {
      switch (key) {
        case "dangling": {
          const want = values[0] === "true" || values[0] === "1";
          if (want !== (image.RepoTags.length === 0)) return false;
          break;
        }
        case "reference":
          if (!values.some((v) => matchesReference(image.RepoTags, v))) return false;
          break;
        case "label":
          if (
            !values.some((v) =>
              v.includes("=") ? image.Labels?.[v.split("=")[0]] === v.slice(v.indexOf("=") + 1) : v in (image.Labels ?? {}),
            )
          )
            return false;
          break;
        case "before":
        case "since": {
          const ref = ctx.images.store.get(values[0]);
          const created = Math.floor(Date.parse(ref.created) / 1000);
          if (key === "before" ? image.Created >= created : image.Created <= created) return false;
          break;
        }
      }
    }
    return true;
  });
}

export const imageRoutes: Route[] = [
  {
    method: "GET",
    path: "/images/json",
    handler: (ctx, req, res) => {
      const all = ["1", "true"].includes(req.query.get("all") ?? "");
      res.json(200, filterImages(ctx, ctx.images.list(all), parseFilters(req.query.get("filters"))));
    },
  },
  {
    method: "POST",
    path: "/images/create",
    handler: async (ctx, req, res) => {
      const from = req.query.get("fromImage") ?? "";
      const tag = req.query.get("tag") ?? "";
      if (!from) throw invalidParameter("fromImage is required");
      const name = tag ? (tag.startsWith("sha256:") ? `${from}@${tag}` : `${from}:${tag}`) : from;
      // Reference errors and unknown repositories fail before the progress stream starts.
      parseReference(name);
      const messages: string[] = [];
      let stream: ReturnType<typeof res.stream> | null = null;
      const emit = (m: object) => {
        const line = `${JSON.stringify(m)}\r\n`;
        if (stream) stream.write(line);
        else messages.push(line);
      };
      const pulling = ctx.images.pull(name, (m) => {
        if (!stream) {
          stream = res.stream(200, "application/json");
          for (const line of messages.splice(0)) stream.write(line);
        }
        emit(m);
      });
      try {
        await pulling;
      } catch (err) {
        if (!stream) throw err;
        const message = err instanceof Error ? err.message : String(err);
        (stream as ReturnType<typeof res.stream>).write(`${JSON.stringify({ errorDetail: { message }, error: message })}\r\n`);
      }
      (stream as ReturnType<typeof res.stream> | null)?.end();
    },
  },
  {
    method: "POST",
    path: "/images/{name}/push",
    // Always a progress stream: the first line is written before any check, so errors follow it in the stream.
    handler: async (ctx, req, res, [name]) => {
      const auth = decodeAuthHeader(req.header?.("X-Registry-Auth"));
      const stream = res.stream(200, "application/json");
      const emit = (m: object) => stream.write(`${JSON.stringify(m)}\r\n`);
      try {
        await pushRepository(ctx, name, req.query.get("tag") ?? "", auth, emit);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        emit({ errorDetail: { message }, error: message });
      }
      stream.end();
    },
  },
  {
    method: "GET",
    path: "/images/{name}/json",
    handler: (ctx, _req, res, [name]) => res.json(200, ctx.images.inspect(ctx.images.store.get(name))),
  },
  {
    method: "GET",
    path: "/images/{name}/history",
    handler: (ctx, _req, res, [name]) => res.json(200, ctx.images.history(ctx.images.store.get(name))),
  },
  {
    method: "POST",
    path: "/images/{name}/tag",
    handler: (ctx, req, res, [name]) => {
      const repo = req.query.get("repo") ?? "";
      if (!repo) throw invalidParameter("repo is required");
      ctx.images.tag(name, repo, req.query.get("tag") ?? "");
      res.empty(201);
    },
  },
  {
    method: "DELETE",
    path: "/images/{name}",
    handler: (ctx, req, res, [name]) => {
      const force = ["1", "true"].includes(req.query.get("force") ?? "");
      res.json(200, ctx.images.remove(name, force));
    },
  },
  {
    method: "POST",
    path: "/images/prune",
    handler: (ctx, req, res) => {
      const filters = parseFilters(req.query.get("filters"));
      const all = filters.get("dangling")?.[0] === "false";
      const { deleted, reclaimed } = ctx.images.prune(all);
      res.json(200, { ImagesDeleted: deleted.length ? deleted : null, SpaceReclaimed: reclaimed });
    },
  },
  {
    method: "POST",
    path: "/commit",
    handler: (ctx, req, res) => {
      const container = ctx.containers.get(req.query.get("container") ?? "");
      const changes = (req.body ?? {}) as Record<string, unknown>;
      const image = ctx.images.commit(
        container,
        req.query.get("repo") ?? "",
        req.query.get("tag") ?? "",
        req.query.get("comment") ?? "",
        req.query.get("author") ?? "",
        changes,
      );
      res.json(201, { Id: image.id });
    },
  },
  {
    method: "GET",
    path: "/images/search",
    handler: (ctx, req, res) => {
      const term = req.query.get("term") ?? "";
      const limit = Number(req.query.get("limit") ?? "") || undefined;
      const filters = parseFilters(req.query.get("filters"));
      validateFilters(filters, ["is-automated", "is-official", "stars"]);
      const official = filters.get("is-official")?.[0];
      const stars = Number(filters.get("stars")?.[0] ?? 0);
      const results = searchHub(term, dockerHub(ctx.kernel.runtime)).filter(
        (r) => (official === undefined || r.is_official === (official === "true" || official === "1")) && r.star_count >= stars,
      );
      res.json(200, results.slice(0, limit ?? 25));
    },
  },
];
