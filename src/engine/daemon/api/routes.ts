import { archiveRoutes } from "./archive";
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
