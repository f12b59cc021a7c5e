import { digest } from "../../fs/digest";
import { findHubImage, type HubImage, hubHasRepository } from "../../images/hub";
import type { Clock } from "../../kernel/clock";
import { type RegistryClient, RegistryError } from "../../registry/client";
import type { JsonMessage } from "../api/types";
import { notFound } from "../errors";
import { configDocument, type HistoryEntry, type Image } from "./image";
import { pullFromRegistry } from "./pull-registry";
import { DEFAULT_DOMAIN, familiarName, familiarString, type Reference } from "./reference";
import type { ImageStore } from "./store";

/** Download and extraction speeds of the virtual Internet, bytes per virtual second. */
const DOWNLOAD_RATE = 100_000_000;
const EXTRACT_RATE = 400_000_000;
/**
 * The longest a pull takes, in virtual ms: the simulator hands the terminal on after 2
 * virtual seconds of a running command, and a pull must read as one that finished.
 */
const MAX_PULL_MS = 1000;
const DOCKER_VERSION = "";

/**
 * `docker pull` from the offline Docker Hub: resolves the reference in the bundled
 * catalogue and reports progress as dockerd's JSON message stream does, paced on the
 * virtual clock: Pulling from, Pulling fs layer, Downloading, Download complete,
 * Extracting, Pull complete (or Already exists for a layer the daemon has), Digest, Status.
 */
export async function pullImage(
  ref: Reference,
  store: ImageStore,
  clock: Clock,
  emit: (message: JsonMessage) => void,
  registry?: (domain: string) => RegistryClient,
): Promise<Image> {
  const hub = ref.domain === DEFAULT_DOMAIN ? findHubImage(ref.path, ref.tag ?? "latest") : undefined;
  const repo = familiarName(ref);
  if (!hub) {
    // What was pushed: to the playground's Docker Hub, or to a registry such as localhost:5000.
    const pushed = registry ? await pullPushed(ref, registry(ref.domain), store, clock, emit) : undefined;
    if (pushed) return pushed;
    if (ref.domain !== DEFAULT_DOMAIN) throw notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
    const pushedRepository = registry !== undefined && (await registry(ref.domain).tags(ref.path)) !== undefined;
    if (!hubHasRepository(ref.path) && !pushedRepository) {
      throw notFound(
        `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      );
    }
    throw notFound(`manifest for ${familiarString(ref)} not found: manifest unknown: manifest unknown`);
  }
  const image = hubToImage(hub, repo);
  const manifestDigest = manifestDigestOf(image);
  const present = store.find(image.id);
  emit({ status: `Pulling from ${ref.path}`, id: ref.tag ?? "latest" });
  if (present) {
    emit({ status: `Digest: ${manifestDigest}` });
    emit({ status: `Status: Image is up to date for ${familiarString(ref)}` });
    store.tag(ref, present.id);
    return present;
  }
  const known = new Set(store.all().flatMap((i) => i.diffIds));
  const ids = image.diffIds.map((d) => blobId(d));
  const work = image.layerSizes.reduce(
    (sum, size, i) => (known.has(image.diffIds[i]) ? sum : sum + (size * 0.4) / DOWNLOAD_RATE + size / EXTRACT_RATE),
    0,
  );
  const pace = Math.min(1, MAX_PULL_MS / 1000 / Math.max(work, 1e-9));
  for (let i = 0; i < ids.length; i++) {
    if (known.has(image.diffIds[i])) emit({ status: "Already exists", progressDetail: {}, id: ids[i] });
    else emit({ status: "Pulling fs layer", progressDetail: {}, id: ids[i] });
  }
  for (let i = 0; i < ids.length; i++) {
    if (known.has(image.diffIds[i])) continue;
    const total = Math.max(1, Math.round(image.layerSizes[i] * 0.4));
    await delay(clock, (total / DOWNLOAD_RATE) * 1000 * pace);
    emit({ status: "Downloading", progressDetail: { current: total, total }, id: ids[i] });
    emit({ status: "Verifying Checksum", progressDetail: {}, id: ids[i] });
    emit({ status: "Download complete", progressDetail: {}, id: ids[i] });
  }
  for (let i = 0; i < ids.length; i++) {
    if (known.has(image.diffIds[i])) continue;
    await delay(clock, (image.layerSizes[i] / EXTRACT_RATE) * 1000 * pace);
    emit({ status: "Extracting", progressDetail: { current: image.layerSizes[i], total: image.layerSizes[i] }, id: ids[i] });
    emit({ status: "Pull complete", progressDetail: {}, id: ids[i] });
  }
  image.repoDigests = [`${repo}@${manifestDigest}`];
  const stored = store.add(image);
  store.tag(ref, stored.id);
  emit({ status: `Digest: ${manifestDigest}` });
  emit({ status: `Status: Downloaded newer image for ${familiarString(ref)}` });
  return stored;
}

const images = new Map<HubImage, Image>();

/** The image a catalogue entry describes; built once, so its layers are shared. */
export function hubToImage(hub: HubImage, _repo: string): Image {
  const cached = images.get(hub);
  if (cached) return { ...cached, repoDigests: [...cached.repoDigests] };
  const layers = hub.layers.map((l) => l.build());
  // Each layer's step, then the metadata-only steps (ENV, CMD, ...) that followed it, in
  // the order the image's history lists them.
  const history: HistoryEntry[] = [];
  const entry = (createdBy: string, emptyLayer: boolean): HistoryEntry => ({
    created: hub.created,
    createdBy,
    emptyLayer,
    // Steps BuildKit made are written as the Dockerfile instruction (`CMD ["/bin/sh"]`,
    // `RUN /bin/sh -c ...`) and carry its comment; the classic builder's start with
    // `/bin/sh -c #(nop)`, and a rootfs tool's with its own words.
    ...(/^[A-Z]+ /.test(createdBy) ? { comment: "buildkit.dockerfile.v0" } : {}),
  });
  const empty = (index: number) => (hub.emptyHistory ?? []).filter((e) => e.index === index).map((e) => entry(e.createdBy, true));
  history.push(...empty(-1));
  for (const [i, l] of hub.layers.entries()) history.push(entry(l.createdBy, false), ...empty(i));
  const base = {
    config: hub.config,
    layers,
    diffIds: layers.map((l) => l.diffId()),
    layerSizes: hub.layers.map((l) => l.size),
    created: hub.created,
    history,
    parent: "",
    author: hub.author ?? "",
    comment: hub.comment ?? "",
    dockerVersion: DOCKER_VERSION,
    architecture: "amd64",
    os: "linux",
  };
  const image: Image = { ...base, id: digest(configDocument(base)), repoDigests: [], lastTagTime: "0001-01-01T00:00:00Z" };
  images.set(hub, image);
  return { ...image };
}

/** The short ID pull prints for a layer: its compressed blob's digest. */
export function blobId(diffId: string): string {
  return digest(`${diffId}+gzip`).slice(7, 19);
}

/** The registry manifest's digest, derived from the config and layers it lists. */
export function manifestDigestOf(image: Pick<Image, "id" | "diffIds">): string {
  return digest(JSON.stringify({ config: image.id, layers: image.diffIds.map((d) => `${d}+gzip`) }));
}

async function pullPushed(
  ref: Reference,
  client: RegistryClient,
  store: ImageStore,
  clock: Clock,
  emit: (message: JsonMessage) => void,
): Promise<Image | undefined> {
  try {
    return await pullFromRegistry(ref, client, store, clock, emit);
  } catch (err) {
    if (err instanceof RegistryError) throw notFound(err.message);
    throw err;
  }
}

function delay(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(Math.round(ms), resolve));
}
