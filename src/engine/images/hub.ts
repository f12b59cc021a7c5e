import type { HubImage } from "./image";
import { alpine } from "./library/alpine";
import { busybox } from "./library/busybox";
import { centos } from "./library/centos";
import { community } from "./library/community";
import { debian } from "./library/debian";
import { helloWorld } from "./library/hello-world";
import { httpd } from "./library/httpd";
import { mongo } from "./library/mongo";
import { mysql } from "./library/mysql";
import { nginx } from "./library/nginx";
import { node } from "./library/node";
import { postgres } from "./library/postgres";
import { python } from "./library/python";
import { redis } from "./library/redis";
import { registry } from "./library/registry";
import { ubuntu } from "./library/ubuntu";

export type { HubImage, HubLayer, ImageConfig } from "./image";

/**
 * The offline Docker Hub: every image the playground can pull without a network.
 * Entries are data; their layers are built on first pull and shared between images.
 */
const CATALOGUE: HubImage[] = [
  ...helloWorld,
  ...alpine,
  ...busybox,
  ...ubuntu,
  ...debian,
  ...centos,
  ...nginx,
  ...httpd,
  ...redis,
  ...mongo,
  ...mysql,
  ...postgres,
  ...python,
  ...node,
  ...registry,
  ...community,
];

export function hubImages(): HubImage[] {
  return CATALOGUE;
}

/**
 * The image `repository:tag` names on Docker Hub. Official images live under
 * "library/": "ubuntu" and "library/ubuntu" name the same repository, as the
 * registry client normalises them (docker.io/library/ubuntu).
 */
export function findHubImage(repository: string, tag: string): HubImage | undefined {
  const path = normaliseRepository(repository);
  return CATALOGUE.find((image) => image.repository === path && image.tags.includes(tag));
}

/** Whether Docker Hub has the repository at all, whatever tag is asked for. */
export function hubHasRepository(repository: string): boolean {
  const path = normaliseRepository(repository);
  return CATALOGUE.some((image) => image.repository === path);
}

function normaliseRepository(repository: string): string {
  const path = repository.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, "");
  return path.includes("/") ? path : `library/${path}`;
}
