import { API_VERSION, MIN_API_VERSION } from "./api/types";

/**
 * The Docker Engine release the playground's daemons report: Docker 29.1 was current on
 * the playground's date (2026-01-01). One place, so `docker version`, `docker info`
 * and the API's headers agree.
 */
export const ENGINE = {
  version: "29.1.3",
  gitCommit: "fbf3ed2",
  goVersion: "go1.25.5",
  apiVersion: API_VERSION,
  minApiVersion: MIN_API_VERSION,
  buildTime: "2025-12-12T14:48:38.000000000+00:00",
  containerd: { version: "v2.2.1", gitCommit: "dea7da592f5d1d2b7755e3a161be07f43fad8f75" },
  runc: { version: "1.3.4", gitCommit: "v1.3.4-0-gd6d73eb8" },
  dockerInit: { version: "0.19.0", gitCommit: "de40ad0" },
} as const;
