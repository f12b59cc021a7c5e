import type { Layer } from "../fs/layer";

/**
 * The shapes of the offline Docker Hub's catalogue: one entry per image (a manifest
 * and its config), naming every tag that points at it. The daemon turns an entry into
 * an image when it is pulled; nothing is built before then.
 */

/** One filesystem layer of a catalogue image. */
export interface HubLayer {
  /** Builds the frozen layer; memoised, so images sharing a base share the same Layer. */
  build: () => Layer;
  /** Uncompressed bytes, as `docker history` and `docker image ls` count them. */
  size: number;
  /** The history line that made it: `/bin/sh -c #(nop) ADD file:... in / ` or BuildKit's `RUN /bin/sh -c ...`. */
  createdBy: string;
}

/** The parts of an image config (the OCI `config` object) that Docker Hub's images set. */
export interface ImageConfig {
  Cmd?: string[];
  Entrypoint?: string[];
  Env?: string[];
  ExposedPorts?: Record<string, Record<string, never>>;
  WorkingDir?: string;
  Volumes?: Record<string, Record<string, never>>;
  Labels?: Record<string, string>;
  User?: string;
  StopSignal?: string;
  Shell?: string[];
  Healthcheck?: unknown;
  OnBuild?: string[] | null;
}

export interface HubImage {
  /** Full repository path on Docker Hub: "library/ubuntu", "jpetazzo/clock". */
  repository: string;
  /** Every tag naming this very image: ["latest", "24.04", "noble"]. */
  tags: string[];
  /** RFC 3339 creation time of the real image, where known. */
  created: string;
  /** Bottom first, as RootFS.Layers lists them. */
  layers: HubLayer[];
  /** Metadata-only steps (ENV, CMD, ...) of the history, each placed after layer `index`. */
  emptyHistory?: Array<{ index: number; createdBy: string }>;
  config: ImageConfig;
  author?: string;
  comment?: string;
}

/**
 * A layer built on first use and then kept: the catalogue's way of sharing one base
 * layer object (and so one diffID) between every image built on it, as a registry
 * shares blobs between repositories.
 */
export function sharedLayer(build: () => Layer): () => Layer {
  let layer: Layer | undefined;
  return () => {
    layer ??= build().freeze();
    return layer;
  };
}

/** `{ "80/tcp": {} }` from a list of ports, the shape of ExposedPorts and Volumes. */
export function keySet(keys: string[]): Record<string, Record<string, never>> {
  const set: Record<string, Record<string, never>> = {};
  for (const key of keys) set[key] = {};
  return set;
}

/** The PATH every official Linux image sets. */
export const DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
