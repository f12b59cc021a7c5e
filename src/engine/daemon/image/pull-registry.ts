import { digest } from "../../fs/digest";
import type { Layer } from "../../fs/layer";
import type { Clock } from "../../kernel/clock";
import type { RegistryClient } from "../../registry/client";
import { layerFromBlob } from "../../registry/layer-blob";
import { parseConfig, parseManifest } from "../../registry/manifest";
import type { JsonMessage } from "../api/types";
import type { Image } from "./image";
import { familiarName, familiarString, type Reference } from "./reference";
import type { ImageStore } from "./store";

const DOWNLOAD_RATE = 100_000_000;
const EXTRACT_RATE = 400_000_000;
/** As for catalogue pulls: a pull must read as finished within the simulator's 2 virtual seconds. */
const MAX_PULL_MS = 1500;

/**
 * `docker pull` from a registry's API (moby distribution/pull_v2.go): the manifest by tag
 * or digest, the config blob, then every layer the daemon lacks, downloaded and extracted
 * with the same progress messages as any pull. Undefined when the registry has no such
 * manifest, for the caller to word the error.
 */
export async function pullFromRegistry(
  ref: Reference,
  client: RegistryClient,
  store: ImageStore,
  clock: Clock,
  emit: (message: JsonMessage) => void,
): Promise<Image | undefined> {
  return pullLayers(ref, client, store, clock, emit);
}

async function pullLayers(
  ref: Reference,
  client: RegistryClient,
  store: ImageStore,
  clock: Clock,
  emit: (message: JsonMessage) => void,
): Promise<Image | undefined> {
  await client.ping();
  const found = await client.manifest(ref.path, ref.digest ?? ref.tag ?? "latest");
  if (!found) return undefined;
  const manifest = parseManifest(found.text);
  const configText = await client.blob(ref.path, manifest.config.digest);
  const config = parseConfig(configText);
  const id = digest(configText);
  const repoDigest = `${familiarName(ref)}@${found.digest}`;
  emit({ status: `Pulling from ${ref.path}`, id: ref.digest ?? ref.tag ?? "latest" });
  const present = store.find(id);
  if (present) {
    // moby's writeStatus: "Downloaded newer image" whenever the tag moved, even with every layer at hand.
    const tagUpdated = !ref.digest && store.find(familiarString(ref))?.id !== present.id;
    if (tagUpdated) for (const l of manifest.layers) emit({ status: "Already exists", progressDetail: {}, id: l.digest.slice(7, 19) });
    if (!present.repoDigests.includes(repoDigest)) present.repoDigests.push(repoDigest);
    if (!ref.digest) store.tag(ref, present.id);
    emit({ status: `Digest: ${found.digest}` });
    emit({ status: `Status: ${tagUpdated ? "Downloaded newer image" : "Image is up to date"} for ${familiarString(ref)}` });
    return present;
  }
  const diffIds = config.rootfs.diff_ids;
  const known = new Map<string, Layer>();
  for (const image of store.all()) for (let i = 0; i < image.diffIds.length; i++) known.set(image.diffIds[i], image.layers[i]);
  const ids = manifest.layers.map((l) => l.digest.slice(7, 19));
  const sizes = manifest.layers.map((l) => l.size);
  const missing = diffIds.map((d) => !known.has(d));
  const work = sizes.reduce((sum, size, i) => (missing[i] ? sum + (size * 0.4) / DOWNLOAD_RATE + size / EXTRACT_RATE : sum), 0);
  const pace = Math.min(1, MAX_PULL_MS / 1000 / Math.max(work, 1e-9));
  for (let i = 0; i < ids.length; i++) emit({ status: missing[i] ? "Pulling fs layer" : "Already exists", progressDetail: {}, id: ids[i] });
  const blobs: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (!missing[i]) continue;
    const total = Math.max(1, Math.round(sizes[i] * 0.4));
    blobs[i] = await client.blob(ref.path, manifest.layers[i].digest);
    await delay(clock, (total / DOWNLOAD_RATE) * 1000 * pace);
    emit({ status: "Downloading", progressDetail: { current: total, total }, id: ids[i] });
    emit({ status: "Verifying Checksum", progressDetail: {}, id: ids[i] });
    emit({ status: "Download complete", progressDetail: {}, id: ids[i] });
  }
  const layers: Layer[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (!missing[i]) {
      layers.push(known.get(diffIds[i]) as Layer);
      continue;
    }
    await delay(clock, (sizes[i] / EXTRACT_RATE) * 1000 * pace);
    const layer = layerFromBlob(blobs[i]);
    layers.push(layer);
    emit({ status: "Extracting", progressDetail: { current: sizes[i], total: sizes[i] }, id: ids[i] });
    emit({ status: "Pull complete", progressDetail: {}, id: ids[i] });
  }
  const image: Image = {
    id,
    config: config.config,
    layers,
    diffIds,
    layerSizes: sizes,
    created: config.created,
    history: (config.history ?? []).map((h) => ({
      created: h.created,
      createdBy: h.created_by,
      emptyLayer: h.empty_layer === true,
      comment: h.comment,
    })),
    parent: "",
    author: config.author ?? "",
    comment: "",
    dockerVersion: "",
    architecture: config.architecture,
    os: config.os,
    repoDigests: [repoDigest],
    lastTagTime: "0001-01-01T00:00:00Z",
  };
  const stored = store.add(image);
  if (!ref.digest) store.tag(ref, stored.id);
  emit({ status: `Digest: ${found.digest}` });
  emit({ status: `Status: Downloaded newer image for ${familiarString(ref)}` });
  return stored;
}

function delay(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(Math.round(ms), resolve));
}
