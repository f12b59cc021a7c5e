/**
 * What a build stage has made so far (moby's dispatchState): the run config that ENV,
 * WORKDIR, CMD and the like change, the layers that FROM, RUN, COPY and ADD stack up, the
 * history the image will carry, and the cache key of the filesystem so far.
 */
import { digest } from "../../fs/digest";
import type { Layer } from "../../fs/layer";
import type { ImageConfig } from "../api/types";
import { configDocument, type HistoryEntry, type Image } from "../image/image";

export interface BuildState {
  config: ImageConfig;
  layers: Layer[];
  diffIds: string[];
  layerSizes: number[];
  history: HistoryEntry[];
  /** The digest of the base image and every filesystem step since, in order. */
  cacheKey: string;
  /** The image the classic builder last committed (its next image's parent). */
  imageId: string;
  /** ARGs declared in this stage, with their values. */
  args: Map<string, string>;
  maintainer: string;
  /** Whether this Dockerfile set CMD (ENTRYPOINT then keeps it). */
  cmdSet?: boolean;
  /** The stage's platform (`linux/arm64`) when it is not the engine's own. */
  platform?: string;
}

/** A layer step's outcome as the cache keeps it. */
export interface LayerStep {
  layer: Layer | null;
  history: HistoryEntry;
}

export function stateFromImage(image: Image): BuildState {
  return {
    config: JSON.parse(JSON.stringify(image.config)),
    layers: [...image.layers],
    diffIds: [...image.diffIds],
    layerSizes: [...image.layerSizes],
    history: [...image.history],
    cacheKey: image.id,
    imageId: image.id,
    args: new Map(),
    maintainer: image.author,
  };
}

/** A stage built on another stage: its own copy of that stage's state, with no ARGs yet. */
export function cloneState(state: BuildState): BuildState {
  return {
    ...state,
    config: JSON.parse(JSON.stringify(state.config)),
    layers: [...state.layers],
    diffIds: [...state.diffIds],
    layerSizes: [...state.layerSizes],
    history: [...state.history],
    args: new Map(),
  };
}

/** The scratch image: no layers, no config. */
export function scratchState(): BuildState {
  return {
    config: {},
    layers: [],
    diffIds: [],
    layerSizes: [],
    history: [],
    cacheKey: "scratch",
    imageId: "",
    args: new Map(),
    maintainer: "",
  };
}

export function applyStep(state: BuildState, step: LayerStep, key: string): void {
  if (step.layer) {
    state.layers.push(step.layer);
    state.diffIds.push(step.layer.diffId());
    state.layerSizes.push(step.layer.size());
  }
  state.history.push(step.history);
  state.cacheKey = key;
}

/** The cache key of a step: the key so far, the instruction, and what else it depends on. */
export function stepKey(state: BuildState, ...parts: string[]): string {
  return digest([state.cacheKey, ...parts].join("\n"));
}

/** The image the state amounts to, as the exporter (or the classic commit) writes it. */
export function imageOf(state: BuildState, created: string, parent: string): Image {
  const config = Object.fromEntries(
    Object.entries(state.config)
      .filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, MAPS.has(k) ? sortedKeys(v as Record<string, unknown>) : v]),
  ) as ImageConfig;
  const base = {
    config,
    layers: [...state.layers],
    diffIds: [...state.diffIds],
    layerSizes: [...state.layerSizes],
    created,
    history: [...state.history],
    parent,
    author: state.maintainer,
    comment: "",
    dockerVersion: parent ? "28.5.1" : "",
    architecture: state.platform ? state.platform.split("/")[1] : "amd64",
    os: "linux",
  };
  return { ...base, id: digest(configDocument(base)), repoDigests: [], lastTagTime: "0001-01-01T00:00:00Z" };
}

/** Config fields that are Go maps: encoding/json writes their keys sorted. */
const MAPS = new Set(["Labels", "ExposedPorts", "Volumes"]);

function sortedKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
