import type { Layer } from "../../fs/layer";
import type { ImageConfig } from "../api/types";

/** One step of an image's history, as the image config records it. */
export interface HistoryEntry {
  created: string;
  createdBy: string;
  emptyLayer: boolean;
  comment?: string;
}

/**
 * An image as the image store keeps it: a config (whose digest is the image ID) over an
 * ordered stack of read-only layers. Layers are shared objects: two images built on the
 * same base hold the very same Layer instances.
 */
export interface Image {
  /** sha256:<hex> of the config document. */
  id: string;
  config: ImageConfig;
  layers: Layer[];
  diffIds: string[];
  /** Bytes each layer adds, as `docker history` shows. */
  layerSizes: number[];
  created: string;
  history: HistoryEntry[];
  /** Parent image ID for images built or committed here; "" for pulled ones. */
  parent: string;
  author: string;
  comment: string;
  dockerVersion: string;
  architecture: string;
  os: string;
  /** repo@sha256:... for images that came from (or went to) a registry. */
  repoDigests: string[];
  lastTagTime: string;
}

export function imageSize(image: Image): number {
  return image.layerSizes.reduce((sum, size) => sum + size, 0);
}

/** The config document whose digest names the image (the OCI image config). */
export function configDocument(image: Omit<Image, "id" | "repoDigests" | "lastTagTime">): string {
  return JSON.stringify({
    architecture: image.architecture,
    author: image.author || undefined,
    config: image.config,
    created: image.created,
    history: image.history.map((h) => ({
      created: h.created,
      created_by: h.createdBy,
      comment: h.comment,
      empty_layer: h.emptyLayer || undefined,
    })),
    os: image.os,
    rootfs: { type: "layers", diff_ids: image.diffIds },
  });
}
