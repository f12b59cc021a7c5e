/** A URL as curl splits it (lib/urlapi.c, reduced to what HTTP needs). */
export interface CurlUrl {
  scheme: string;
  host: string;
  port: number;
  /** Whether the port was written in the URL (Host: carries it only then, or when not the default). */
  explicitPort: boolean;
  /** Path and query, as the request target: "/" at least. */
  target: string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

export class UrlError extends Error {}

/**
 * Parses `text`, guessing http:// when no scheme is given (curl's "guess scheme").
 * Throws UrlError for what curl rejects with exit code 3.
 */
export function parseUrl(text: string): CurlUrl {
  const schemed = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(text);
  const scheme = schemed ? schemed[1].toLowerCase() : "http";
  let rest = schemed ? text.slice(schemed[0].length) : text;
  const hash = rest.indexOf("#");
  if (hash >= 0) rest = rest.slice(0, hash);
  const slash = rest.search(/[/?]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  let target = slash < 0 ? "/" : rest.slice(slash);
  if (target.startsWith("?")) target = `/${target}`;
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
  if (!m || m[1] === "") throw new UrlError("URL using bad/illegal format or missing URL");
  const port = m[2] ? Number(m[2]) : (DEFAULT_PORTS[scheme] ?? 0);
  if (port > 65535) throw new UrlError("URL using bad/illegal format or missing URL");
  return { scheme, host: m[1].toLowerCase(), port, explicitPort: Boolean(m[2]), target: target.replace(/ /g, "%20") };
}

/** The URL as curl shows it back (url_effective, the redirect message). */
export function formatUrl(url: CurlUrl): string {
  const defaultPort = DEFAULT_PORTS[url.scheme] === url.port;
  return `${url.scheme}://${url.host}${defaultPort ? "" : `:${url.port}`}${url.target}`;
}

/** Resolves a Location header against the URL it came from (RFC 3986 §5.2, the common cases). */
export function resolveLocation(base: CurlUrl, location: string): CurlUrl {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return parseUrl(location);
  if (location.startsWith("//")) return parseUrl(`${base.scheme}:${location}`);
  const origin = formatUrl({ ...base, target: "" });
  if (location.startsWith("/")) return parseUrl(origin + location);
  const path = base.target.split("?")[0];
  const dir = path.slice(0, path.lastIndexOf("/") + 1);
  return parseUrl(origin + normalise(dir + location));
}

function normalise(path: string): string {
  const [p, query] = path.split(/\?(.*)/s);
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "..") {
      if (out.length > 1) out.pop();
    } else if (seg !== ".") out.push(seg);
  }
  return out.join("/") + (query !== undefined ? `?${query}` : "");
}
