/**
 * Remote build contexts (POST /build?remote=...): a git repository, which BuildKit's git
 * source lists with `git ls-remote` before anything else, or an HTTP(S) URL, which its
 * HTTP source downloads (moby/buildkit frontend/dockerui context.go DetectGitContext and
 * DetectHTTPContext). The playground has no route to the internet, so the daemon's
 * resolver knows no public name, and both fail the way they fail on a host whose DNS
 * does not answer for the name: git's curl says `Could not resolve host`, Go's resolver
 * `no such host`.
 */

import { lookupHosts } from "../../net/hosts";
import { isIPv4 } from "../../net/ipv4";
import { goNameserver } from "../../net/resolvconf";
import type { DaemonContext } from "../context";

export interface RemoteContext {
  kind: "git" | "http";
  /** As given: the vertex names it (`[internal] load git source https://...#main`). */
  url: string;
  /** The repository or download URL, without the `#ref:subdir` fragment. */
  remote: string;
  /** The fragment's ref; "" for the default branch. */
  ref: string;
  scheme: "https" | "http" | "git" | "ssh";
  host: string;
  port: number;
}

/** How a remote context fails: the vertex BuildKit shows, its error, and the solve error. */
export interface RemoteFailure {
  vertex: string;
  vertexError: string;
  message: string;
}

const DEFAULT_PORTS = { https: 443, http: 80, git: 9418, ssh: 22 };

/**
 * dfgitutil.ParseGitRef: git://, git@host:path, github.com/..., or an http(s) URL whose
 * path ends in .git; any other http(s) URL is a download.
 */
export function parseRemote(url: string): RemoteContext | undefined {
  const [base, fragment = ""] = url.split("#", 2);
  const ref = fragment.split(":")[0] ?? "";
  const scp = /^([\w.-]+@)([^:/]+):(.+)$/.exec(base ?? "");
  if (scp && !base?.includes("://")) {
    return { kind: "git", url, remote: base ?? "", ref, scheme: "ssh", host: scp[2] ?? "", port: DEFAULT_PORTS.ssh };
  }
  const withScheme = base?.startsWith("github.com/") ? `https://${base}` : (base ?? "");
  const m = /^(https?|git|ssh):\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:?#]*)(?::(\d+))?([^?#]*)/.exec(withScheme);
  if (!m) return undefined;
  const scheme = m[1] as RemoteContext["scheme"];
  const host = m[2] ?? "";
  const port = m[3] ? Number(m[3]) : DEFAULT_PORTS[scheme];
  const path = m[4] ?? "";
  const git = scheme === "git" || scheme === "ssh" || path.endsWith(".git") || base?.startsWith("github.com/");
  if (git) return { kind: "git", url, remote: withScheme, ref, scheme, host, port };
  return { kind: "http", url, remote: url, ref: "", scheme, host, port };
}

/** Whether the daemon's host resolves the name: a literal, its /etc/hosts, the LAN's names. */
function resolves(ctx: DaemonContext, host: string): boolean {
  if (isIPv4(host) || host.toLowerCase() === "localhost") return true;
  let hosts = "";
  try {
    hosts = ctx.hostFs.readText("/etc/hosts");
  } catch {
    // no /etc/hosts: DNS alone answers
  }
  return lookupHosts(hosts, host) !== null || ctx.kernel.network.resolve(ctx.kernel.initNs.net, host) !== null;
}

/** What git prints when the remote's host does not resolve (curl, git-daemon and ssh transports). */
function gitStderr(r: RemoteContext): string {
  switch (r.scheme) {
    case "git":
      return `fatal: unable to look up ${r.host} (port ${r.port}) (Name or service not known)\n`;
    case "ssh":
      return `ssh: Could not resolve hostname ${r.host}: Name or service not known\r\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n`;
    default:
      return `fatal: unable to access '${r.remote.replace(/\/?$/, "/")}': Could not resolve host: ${r.host}\n`;
  }
}

/**
 * The failure of fetching a remote context from this offline playground. Git: the default
 * branch lookup (`ls-remote --symref`) or, with a ref, `ls-remote` itself (source/git
 * source.go); HTTP: the GET (source/http source.go). The solver wraps the source's error
 * in "failed to load cache key", the frontend in what it was resolving.
 */
export function remoteFailure(ctx: DaemonContext, r: RemoteContext): RemoteFailure {
  if (resolves(ctx, r.host)) {
    throw new Error(`remote build contexts are fetched from the internet, which this playground cannot reach: ${r.url}`);
  }
  if (r.kind === "git") {
    const what = r.ref ? `failed to fetch remote ${r.remote}` : `error fetching default branch for repository ${r.remote}`;
    const error = `${what}: git stderr:\n${gitStderr(r)}: exit status 128`;
    return {
      vertex: `[internal] load git source ${r.url}`,
      vertexError: error,
      message: `failed to resolve dockerfile: failed to load cache key: ${error}`,
    };
  }
  const error = `Get ${JSON.stringify(r.remote)}: dial tcp: lookup ${r.host} on ${goNameserver(ctx.hostFs)}: no such host`;
  return {
    vertex: "[internal] load remote build context",
    vertexError: error,
    message: `failed to resolve httpcontext: failed to load cache key: ${error}`,
  };
}
