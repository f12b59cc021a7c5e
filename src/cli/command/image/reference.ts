/**
 * Image references as github.com/distribution/reference parses them: the grammar of
 * reference/regexp.go, the normalisation of normalize.go (docker.io and library/ are
 * implied) and the "familiar" form the CLI prints (`ubuntu:latest`, `student/app`).
 */

export interface NamedReference {
  /** Registry host, `docker.io` for Docker Hub. */
  domain: string;
  /** Repository path inside the registry, `library/ubuntu` for official images. */
  path: string;
  tag?: string;
  digest?: string;
}

export const DEFAULT_DOMAIN = "docker.io";
export const DEFAULT_TAG = "latest";
const LEGACY_DEFAULT_DOMAIN = "index.docker.io";
const OFFICIAL_REPO_PREFIX = "library/";
const NAME_TOTAL_LENGTH_MAX = 255;

// reference/regexp.go, written out.
const PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";
const NAME = `(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const REFERENCE_RE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_IDENTIFIER_RE = /^[a-f0-9]{64}$/;

export class InvalidReferenceError extends Error {}

/** ParseNormalizedNamed: `ubuntu` => docker.io/library/ubuntu. */
export function parseNormalizedNamed(s: string): NamedReference {
  if (ANCHORED_IDENTIFIER_RE.test(s)) {
    throw new InvalidReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  }
  const { domain, remainder } = splitDockerDomain(s);
  const nameEnd = remainder.search(/[:@]/);
  const remoteName = nameEnd === -1 ? remainder : remainder.slice(0, nameEnd);
  if (remoteName.toLowerCase() !== remoteName) {
    throw new InvalidReferenceError(`invalid reference format: repository name (${remoteName}) must be lowercase`);
  }
  return parse(`${domain}/${remainder}`);
}

function parse(s: string): NamedReference {
  const m = REFERENCE_RE.exec(s);
  if (!m) {
    if (s === "") throw new InvalidReferenceError("repository name must have at least one component");
    throw new InvalidReferenceError("invalid reference format");
  }
  if (m[1].length > NAME_TOTAL_LENGTH_MAX) {
    throw new InvalidReferenceError(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  }
  const slash = m[1].indexOf("/");
  return { domain: m[1].slice(0, slash), path: m[1].slice(slash + 1), tag: m[2], digest: m[3] };
}

function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const i = name.indexOf("/");
  let domain: string;
  let remainder: string;
  const first = name.slice(0, i);
  if (i === -1 || (!/[.:]/.test(first) && first !== "localhost" && first.toLowerCase() === first)) {
    domain = DEFAULT_DOMAIN;
    remainder = name;
  } else {
    domain = first;
    remainder = name.slice(i + 1);
  }
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  if (domain === DEFAULT_DOMAIN && !remainder.includes("/")) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/** IsNameOnly: neither a tag nor a digest was given. */
export function isNameOnly(ref: NamedReference): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}

/** TagNameOnly: adds `:latest` to a reference that names only a repository. */
export function tagNameOnly(ref: NamedReference): NamedReference {
  return isNameOnly(ref) ? { ...ref, tag: DEFAULT_TAG } : ref;
}

/** The full name: `docker.io/library/ubuntu`. */
export function referenceName(ref: NamedReference): string {
  return `${ref.domain}/${ref.path}`;
}

/** String(): `docker.io/library/ubuntu:latest`. */
export function referenceString(ref: NamedReference): string {
  return referenceName(ref) + suffix(ref);
}

/** FamiliarName: `ubuntu`, `student/app`, `localhost:5000/app`. */
export function familiarName(ref: NamedReference): string {
  if (ref.domain !== DEFAULT_DOMAIN) return referenceName(ref);
  const rest = ref.path.slice(OFFICIAL_REPO_PREFIX.length);
  if (ref.path.startsWith(OFFICIAL_REPO_PREFIX) && !rest.includes("/")) return rest;
  return ref.path;
}

/** FamiliarString: `ubuntu:latest`. */
export function familiarString(ref: NamedReference): string {
  return familiarName(ref) + suffix(ref);
}

function suffix(ref: NamedReference): string {
  return (ref.tag !== undefined ? `:${ref.tag}` : "") + (ref.digest !== undefined ? `@${ref.digest}` : "");
}
