import { archiveRoutes } from "./archive";
import { buildRoutes } from "./build";
import { containerRoutes } from "./containers";
import { imageRoutes } from "./images";
import { networkRoutes } from "./networks";
import { opsRoutes } from "./ops";
import type { Route } from "./router";
import { streamRoutes } from "./streams";
import { systemRoutes } from "./system";
import { volumeRoutes } from "./volumes";

/** Every Engine API route dockerd serves, in one place. */
export function engineRoutes(daemonId: string): Route[] {
  return [
    // First: POST /build/prune here answers with the builder's real cache.
    ...buildRoutes,
    ...systemRoutes(daemonId),
    ...containerRoutes,
    ...archiveRoutes,
    ...streamRoutes,
    ...opsRoutes,
    ...imageRoutes,
    ...volumeRoutes,
    ...networkRoutes,
  ];
}
