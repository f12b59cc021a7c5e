/**
 * POST /build (moby api/server/router/build): the context arrives as a tar body, the
 * options in the query; the answer is a stream of JSON messages: `{"stream": ...}` text
 * from the classic builder (version=1), or `moby.buildkit.trace` aux messages that the
 * client renders as BuildKit progress (version=2), then `moby.image.id`, or an error.
 */
import { BuildError, type BuildOptions, build } from "../builder/builder";
import { pruneBuildCache } from "../builder/cache";
import type { SolveStatus } from "../builder/progress";
import { invalidParameter } from "../errors";
import type { ApiStream, Query, Route } from "./router";

function flag(query: Query, name: string): boolean {
  return ["1", "true", "True"].includes(query.get(name) ?? "");
}

function jsonRecord(text: string | null): Record<string, string> {
  if (!text) return {};
  const value = JSON.parse(text) as Record<string, string | null>;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => e[1] !== null));
}

function buildOptions(query: Query): BuildOptions {
  return {
    tags: query.getAll("t"),
    dockerfile: query.get("dockerfile") ?? "Dockerfile",
    buildArgs: jsonRecord(query.get("buildargs")),
    noCache: flag(query, "nocache"),
    pull: flag(query, "pull"),
    target: query.get("target") ?? "",
    labels: jsonRecord(query.get("labels")),
    classic: query.get("version") !== "2",
    check: flag(query, "check"),
    platform: query.get("platform") ?? "",
    remote: query.get("remote") ?? "",
  };
}

export const buildRoutes: Route[] = [
  {
    method: "POST",
    path: "/build",
    handler: async (ctx, req, res) => {
      const options = buildOptions(req.query);
      const quiet = flag(req.query, "q");
      // The answer starts with the first message: an error before any (a Dockerfile the
      // classic builder cannot parse) is an ordinary error response, as moby's postBuild
      // answers when nothing was flushed yet.
      let stream: ApiStream | null = null;
      const send = (message: object) => {
        stream ??= res.stream(200, "application/json");
        stream.write(`${JSON.stringify(message)}\r\n`);
      };
      const out = {
        stream: (text: string) => {
          if (!quiet) send({ stream: text });
        },
        trace: (status: SolveStatus) => send({ id: "moby.buildkit.trace", aux: status }),
        aux: (id: string, value: unknown) => {
          // Pull progress of a FROM image, forwarded as the classic builder does.
          if (id === "") {
            if (!quiet) send(value as object);
          } else send({ id, aux: value });
        },
      };
      try {
        await build(ctx, typeof req.body === "string" ? req.body : "", options, out);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const code = err instanceof BuildError ? err.code : 1;
        const step = err instanceof BuildError ? err.step : undefined;
        if (!stream) throw invalidParameter(message);
        send({ errorDetail: { code, message, ...(step ? { step } : {}) }, error: message });
      }
      (stream as ApiStream | null)?.end();
    },
  },
  {
    method: "POST",
    path: "/build/prune",
    handler: (ctx, _req, res) => {
      const { ids, reclaimed } = pruneBuildCache(ctx);
      res.json(200, { CachesDeleted: ids.length > 0 ? ids : null, SpaceReclaimed: reclaimed });
    },
  },
];
