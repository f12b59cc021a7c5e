import type { Clock } from "../../kernel/clock";
import type { RegistryClient } from "../../registry/client";
import { registryClient } from "../../registry/endpoint";
import { blobDigest, imageUpload } from "../../registry/manifest";
import type { JsonMessage } from "../api/types";
import type { DaemonContext } from "../context";
import { ApiError, notFound } from "../errors";
import { configDocument, type Image } from "./image";
import { DEFAULT_DOMAIN, familiarName, familiarString, parseReference, type Reference } from "./reference";

/** Upload speed of the virtual Internet, bytes per virtual second. */
const UPLOAD_RATE = 50_000_000;
/** As for pulls: the simulator hands the terminal on after 2 virtual seconds of a running command. */
const MAX_PUSH_MS = 1500;

/** The credentials a push carries (X-Registry-Auth, decoded). */
export interface PushAuth {
  username?: string;
  password?: string;
}

/** The registry client dockerd uses for `domain`, from this host's network namespace. */
export function registryFor(ctx: DaemonContext, domain: string): RegistryClient {
  const network = ctx.kernel.network;
  return registryClient(domain, {
    runtime: ctx.kernel.runtime,
    hostFs: ctx.hostFs,
    ns: ctx.kernel.initNs.net,
    connect: (ns, address, port) => network.connect(ns, address, port),
  });
}

/**
 * `docker push` (moby distribution/push_v2.go): the layers, newest first, each Preparing,
 * then Pushed or Layer already exists; then the config blob and the manifest, whose digest
 * and size end the stream (`latest: digest: sha256:... size: 1234`, and the aux message).
 */
export async function pushImage(
  ref: Reference & { tag: string },
  image: Image,
  client: RegistryClient,
  auth: PushAuth,
  clock: Clock,
  emit: (message: JsonMessage) => void,
): Promise<string> {
  return pushLayers(ref, image, client, auth, clock, emit);
}

async function pushLayers(
  ref: Reference & { tag: string },
  image: Image,
  client: RegistryClient,
  auth: PushAuth,
  clock: Clock,
  emit: (message: JsonMessage) => void,
): Promise<string> {
  emit({ status: `The push refers to repository [${ref.domain}/${ref.path}]` });
  await client.ping();
  const order = image.layers.map((_, i) => i).reverse();
  const ids = image.diffIds.map((d) => d.slice(7, 19));
  for (const i of order) emit({ status: "Preparing", progressDetail: {}, id: ids[i] });
  if (ref.domain === DEFAULT_DOMAIN && !mayPushTo(ref.path, auth)) {
    throw new ApiError(403, "denied: requested access to the resource is denied");
  }
  const upload = imageUpload({ configText: configDocument(image), layers: image.layers, layerSizes: image.layerSizes });
  const present = new Set<number>();
  for (const i of order) if (await client.hasBlob(ref.path, blobDigest(image.layers[i]))) present.add(i);
  const work = order.reduce((sum, i) => (present.has(i) ? sum : sum + image.layerSizes[i] / UPLOAD_RATE), 0);
  const pace = Math.min(1, MAX_PUSH_MS / 1000 / Math.max(work, 1e-9));
  for (const i of order) {
    if (present.has(i)) {
      emit({ status: "Layer already exists", progressDetail: {}, id: ids[i] });
      continue;
    }
    const total = Math.max(1, image.layerSizes[i]);
    emit({ status: "Pushing", progressDetail: { current: 0, total }, id: ids[i] });
    await client.putBlob(ref.path, upload.layers[i].digest, upload.layers[i].blob);
    await delay(clock, (total / UPLOAD_RATE) * 1000 * pace);
    emit({ status: "Pushing", progressDetail: { current: total, total }, id: ids[i] });
    emit({ status: "Pushed", progressDetail: {}, id: ids[i] });
  }
  if (!(await client.hasBlob(ref.path, upload.config.digest))) {
    await client.putBlob(ref.path, upload.config.digest, () => upload.config.text);
  }
  const manifestDigest = (await client.putManifest(ref.path, ref.tag, upload.manifest)) || upload.digest;
  emit({ status: `${ref.tag}: digest: ${manifestDigest} size: ${upload.size}` });
  emit({ progressDetail: {}, aux: { Tag: ref.tag, Digest: manifestDigest, Size: upload.size } });
  const repoDigest = `${familiarName(ref)}@${manifestDigest}`;
  if (!image.repoDigests.includes(repoDigest)) image.repoDigests.push(repoDigest);
  return manifestDigest;
}

/**
 * Docker Hub's rule: a user pushes only to their own namespace (student/app for student),
 * never to official images (library/...), and only when logged in.
 */
function mayPushTo(path: string, auth: PushAuth): boolean {
  if (!auth.username) return false;
  const namespace = path.split("/")[0];
  return namespace === auth.username.toLowerCase();
}

function delay(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimer(Math.round(ms), resolve));
}

/** X-Registry-Auth: base64url of the AuthConfig JSON (registry.DecodeAuthConfig); empty when absent or unreadable. */
export function decodeAuthHeader(header: string | null | undefined): PushAuth {
  if (!header) return {};
  try {
    const bin = atob(header.replace(/-/g, "+").replace(/_/g, "/"));
    const text = new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
    const auth = JSON.parse(text) as PushAuth;
    return { username: auth.username, password: auth.password };
  } catch {
    return {};
  }
}

/**
 * POST /images/{name}/push: the tag given, or every tag of the repository (--all-tags),
 * after the line naming the repository, as moby's distribution.Push writes it first.
 */
export async function pushRepository(
  ctx: DaemonContext,
  name: string,
  tag: string,
  auth: PushAuth,
  emit: (message: JsonMessage) => void,
): Promise<void> {
  const named = parseReference(name);
  const repo = familiarName(named);
  const tags = tag ? [tag] : ctx.images.store.all().flatMap((image) => tagsOf(ctx, image, repo));
  if (tags.length === 0 || !ctx.images.store.find(`${repo}:${tags[0]}`)) {
    emit({ status: `The push refers to repository [${named.domain}/${named.path}]` });
    throw notFound(`An image does not exist locally with the tag: ${repo}`);
  }
  const client = registryFor(ctx, named.domain);
  for (const t of tags.sort()) {
    const ref = { ...named, tag: t, digest: undefined };
    const image = ctx.images.store.get(`${repo}:${t}`);
    await pushImage(ref, image, client, auth, ctx.clock, emit);
    ctx.events.emit("image", "push", familiarString(ref), { name: familiarString(ref) });
  }
}

function tagsOf(ctx: DaemonContext, image: Image, repo: string): string[] {
  return ctx.images.store
    .repoTags(image.id)
    .filter((t) => t.slice(0, t.lastIndexOf(":")) === repo)
    .map((t) => t.slice(t.lastIndexOf(":") + 1));
}
