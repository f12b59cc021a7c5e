import { invalidParameter } from "../errors";

/**
 * Image references as distribution/reference parses them: `ubuntu` is
 * docker.io/library/ubuntu:latest, `jpetazzo/clock` is docker.io/jpetazzo/clock:latest,
 * `localhost:5000/app:1.0` names another registry.
 */
export interface Reference {
  domain: string;
  /** Repository path within the registry: library/ubuntu, jpetazzo/clock. */
  path: string;
  tag?: string;
  digest?: string;
}

export const DEFAULT_DOMAIN = "docker.io";
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

export function parseReference(input: string): Reference {
  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw invalidParameter("invalid reference format");
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw invalidParameter("invalid reference format");
  }
  if (rest === "") throw invalidParameter("invalid reference format");
  let domain = DEFAULT_DOMAIN;
  let path = rest;
  const slash = rest.indexOf("/");
  const first = slash >= 0 ? rest.slice(0, slash) : "";
  if (slash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    domain = first;
    path = rest.slice(slash + 1);
  }
  if (domain === "index.docker.io") domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !path.includes("/")) path = `library/${path}`;
  if (path !== path.toLowerCase()) {
    throw invalidParameter(`invalid reference format: repository name (${path}) must be lowercase`);
  }
  if (!path.split("/").every((part) => PATH_COMPONENT.test(part))) throw invalidParameter("invalid reference format");
  if (!tag && !digest) tag = "latest";
  return { domain, path, tag, digest };
}

/** The repository as the CLI shows it: ubuntu, jpetazzo/clock, localhost:5000/app. */
export function familiarName(ref: Pick<Reference, "domain" | "path">): string {
  if (ref.domain !== DEFAULT_DOMAIN) return `${ref.domain}/${ref.path}`;
  return ref.path.startsWith("library/") ? ref.path.slice("library/".length) : ref.path;
}

/** `ubuntu:latest`, or `ubuntu@sha256:...` for a digest reference. */
export function familiarString(ref: Reference): string {
  const name = familiarName(ref);
  if (ref.digest) return `${name}@${ref.digest}`;
  return `${name}:${ref.tag}`;
}

/** The fully qualified form the daemon logs and BuildKit prints: docker.io/library/ubuntu:latest. */
export function fullString(ref: Reference): string {
  return `${ref.domain}/${ref.path}${ref.digest ? `@${ref.digest}` : `:${ref.tag}`}`;
}
