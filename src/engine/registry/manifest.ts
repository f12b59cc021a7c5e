/**
 * Image manifests as dockerd pushes them (Docker Image Manifest V2, Schema 2): the config
 * blob (the image config, whose digest is the image ID) and the layer blobs, each named
 * by a descriptor; and the image a pull puts together from them again.
 */
import { digest } from "../fs/digest";
import type { Layer } from "../fs/layer";
import type { ImageConfig } from "../images/image";
import { byteLength } from "../net/http/octets";
import { layerToBlob } from "./layer-blob";

export const MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";
export const CONFIG_V1 = "application/vnd.docker.container.image.v1+json";
export const LAYER_TAR_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

export interface Descriptor {
  mediaType: string;
  size: number;
  digest: string;
}

export interface ManifestDocument {
  schemaVersion: 2;
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
}

/** The parts of an image a push needs: its config document and its layers, bottom first. */
export interface PushableImage {
  /** The exact config JSON whose digest is the image ID. */
  configText: string;
  layers: Layer[];
  layerSizes: number[];
}

/** What a push uploads: the manifest's text and digest, the config blob and the layer blobs. */
export interface ImageUpload {
  manifest: string;
  digest: string;
  size: number;
  config: { digest: string; text: string };
  layers: Array<{ digest: string; blob: () => string }>;
}

/** The manifest of `image`, its blobs made on demand (a layer already in the registry is never tarred). */
export function imageUpload(image: PushableImage): ImageUpload {
  const layers = image.layers.map((layer) => ({ digest: blobDigest(layer), blob: () => layerBlob(layer) }));
  const doc: ManifestDocument = {
    schemaVersion: 2,
    mediaType: MANIFEST_V2,
    config: { mediaType: CONFIG_V1, size: byteLength(image.configText), digest: digest(image.configText) },
    // The descriptor's size is the layer's size as `docker image ls` counts it.
    layers: layers.map((l, i) => ({ mediaType: LAYER_TAR_GZIP, size: image.layerSizes[i], digest: l.digest })),
  };
  const manifest = JSON.stringify(doc, null, 3);
  return {
    manifest,
    digest: digest(manifest),
    size: byteLength(manifest),
    config: { digest: doc.config.digest, text: image.configText },
    layers,
  };
}

/**
 * Blobs of frozen layers, kept as dockerd's distribution metadata keeps the diff ID to
 * blob digest mapping: a layer is tarred once however often it is pushed.
 */
const blobs = new WeakMap<Layer, { text: string; digest: string }>();

function blob(layer: Layer): { text: string; digest: string } {
  const known = blobs.get(layer);
  if (known) return known;
  const text = layerToBlob(layer);
  const made = { text, digest: digest(text) };
  if (layer.frozen) blobs.set(layer, made);
  return made;
}

export function layerBlob(layer: Layer): string {
  return blob(layer).text;
}

/** The digest of a layer's blob, the name a registry stores it under. */
export function blobDigest(layer: Layer): string {
  return blob(layer).digest;
}

export function parseManifest(text: string): ManifestDocument {
  const doc = JSON.parse(text) as ManifestDocument;
  if (doc.schemaVersion !== 2 || !doc.config || !Array.isArray(doc.layers)) throw new Error("unsupported manifest format");
  return doc;
}

/** The image config document (OCI image-spec config.md) as configDocument writes it. */
export interface ConfigDocument {
  architecture: string;
  author?: string;
  config: ImageConfig;
  created: string;
  history?: Array<{ created: string; created_by: string; comment?: string; empty_layer?: boolean }>;
  os: string;
  rootfs: { type: string; diff_ids: string[] };
}

export function parseConfig(text: string): ConfigDocument {
  return JSON.parse(text) as ConfigDocument;
}
