/**
 * The offline Docker Hub's push store: what learners push to docker.io, kept for the
 * session and seen by every host of the playground (the catalogue in src/engine/images
 * holds the official and community images beside it). One per playground runtime.
 */
import { MemFileSystem } from "../fs/memfs";
import type { Clock } from "../kernel/clock";
import type { Random } from "../kernel/random";
import { RegistryApi } from "./api";
import { RegistryStorage } from "./storage";

export interface HubRuntime {
  clock: Clock;
  random: Random;
}

const hubs = new WeakMap<HubRuntime, RegistryApi>();

/** The Hub of the playground whose runtime (clock and random source) `runtime` is. */
export function dockerHub(runtime: HubRuntime): RegistryApi {
  let hub = hubs.get(runtime);
  if (!hub) {
    const fs = new MemFileSystem(() => runtime.clock.now());
    hub = new RegistryApi(new RegistryStorage(fs, "/"), () => uuid(runtime.random));
    hubs.set(runtime, hub);
  }
  return hub;
}

/** A random (version 4) UUID, the form distribution names uploads with. */
export function uuid(random: Random): string {
  const hex = random.hex(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
