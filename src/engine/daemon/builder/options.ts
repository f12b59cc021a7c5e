/**
 * What a build is asked for (POST /build's query, as the API route reads it), and the
 * ARGs every build knows without declaring them.
 */

export interface BuildOptions {
  tags: string[];
  /** The Dockerfile's path in the context. */
  dockerfile: string;
  buildArgs: Record<string, string>;
  noCache: boolean;
  pull: boolean;
  target: string;
  labels: Record<string, string>;
  /** DOCKER_BUILDKIT=0: the classic builder's output, history and cache. */
  classic: boolean;
  /** `docker build --check`: run the build checks and report them (`moby.buildkit.lint`) instead of building. */
  check?: boolean;
  /** `--platform`: the target platform (`linux/arm64`); the engine's own when empty. */
  platform?: string;
  /** A git or HTTP(S) URL to fetch the context from, instead of the request's body. */
  remote?: string;
}

/** ARGs every build knows without declaring them (BuildKit's predefined args). */
export const PREDEFINED_ARGS = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
];
