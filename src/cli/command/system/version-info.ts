/**
 * What this docker CLI says about itself: the build of docker/cli it models (v29.1.3,
 * current on the playground's date, speaking the daemon's API version), and the
 * `docker version` text built from cli/command/system/version.go's default template.
 */
import { API_VERSION, type SystemVersion } from "../../../engine/daemon/api/types";

/** cli/version: Version, GitCommit (the short hash of the v29.1.3 tag) and BuildTime. */
export const CLIENT_VERSION = "29.1.3";
export const CLIENT_GIT_COMMIT = "f52814d";
export const CLIENT_BUILD_TIME = "Fri Dec 12 14:49:02 2025";
/** The Go toolchain docker/cli v29.1.3 was built with (its Dockerfile's GO_VERSION). */
export const CLIENT_GO_VERSION = "go1.25.5";
export const CLIENT_PLATFORM_NAME = "Docker Engine - Community";

export interface ClientVersion {
  Platform?: { Name: string };
  Version: string;
  ApiVersion: string;
  DefaultAPIVersion: string;
  GitCommit: string;
  GoVersion: string;
  Os: string;
  Arch: string;
  BuildTime: string;
  Context: string;
}

/** The root command's Version: `docker --version` prints "Docker version " and this. */
export const ROOT_VERSION = `${CLIENT_VERSION}, build ${CLIENT_GIT_COMMIT}`;

/** `docker --version`: cmd/docker's version template, "Docker version 28.5.2, build ecc6942". */
export function versionString(): string {
  return `Docker version ${CLIENT_VERSION}, build ${CLIENT_GIT_COMMIT}`;
}

/** newClientVersion: the client half of `docker version` and of `docker info`. */
export function clientVersion(context: string, apiVersion = API_VERSION): ClientVersion {
  return {
    Platform: { Name: CLIENT_PLATFORM_NAME },
    Version: CLIENT_VERSION,
    ApiVersion: apiVersion,
    DefaultAPIVersion: API_VERSION,
    GitCommit: CLIENT_GIT_COMMIT,
    GoVersion: CLIENT_GO_VERSION,
    Os: "linux",
    Arch: "amd64",
    BuildTime: CLIENT_BUILD_TIME,
    Context: context,
  };
}

/** time.ANSIC of an RFC 3339 build time (reformatDate); other strings pass through. */
export function reformatDate(buildTime: string): string {
  const t = new Date(buildTime);
  if (!/^\d{4}-\d\d-\d\dT/.test(buildTime) || Number.isNaN(t.getTime())) return buildTime;
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}`;
  const day = String(t.getUTCDate()).padStart(2, " ");
  return `${days[t.getUTCDay()]} ${months[t.getUTCMonth()]} ${day} ${time} ${t.getUTCFullYear()}`;
}

/**
 * The default template's output before the tabwriter aligns it: label TAB value.
 * Components other than the Engine list their details in sorted key order (getDetailsOrder).
 */
export function versionLines(client: ClientVersion, server: SystemVersion | null): string {
  let s = `Client:${client.Platform?.Name ? ` ${client.Platform.Name}` : ""}\n`;
  s += ` Version:\t${client.Version}\n`;
  const downgraded = client.ApiVersion !== client.DefaultAPIVersion ? ` (downgraded from ${client.DefaultAPIVersion})` : "";
  s += ` API version:\t${client.ApiVersion}${downgraded}\n`;
  s += ` Go version:\t${client.GoVersion}\n`;
  s += ` Git commit:\t${client.GitCommit}\n`;
  s += ` Built:\t${client.BuildTime}\n`;
  s += ` OS/Arch:\t${client.Os}/${client.Arch}\n`;
  s += ` Context:\t${client.Context}`;
  if (!server) return `${s}\n`;
  s += `\n\nServer:${server.Platform?.Name ? ` ${server.Platform.Name}` : ""}`;
  for (const c of serverComponents(server)) {
    s += `\n ${c.Name}:`;
    const d = c.Details ?? {};
    if (c.Name === "Engine") {
      s += `\n  Version:\t${c.Version}`;
      s += `\n  API version:\t${d.ApiVersion ?? ""} (minimum version ${d.MinAPIVersion ?? ""})`;
      s += `\n  Go version:\t${d.GoVersion ?? ""}`;
      s += `\n  Git commit:\t${d.GitCommit ?? ""}`;
      s += `\n  Built:\t${reformatDate(d.BuildTime ?? "")}`;
      s += `\n  OS/Arch:\t${d.Os ?? ""}/${d.Arch ?? ""}`;
      s += `\n  Experimental:\t${d.Experimental ?? ""}`;
    } else {
      s += `\n  Version:\t${c.Version}`;
      for (const key of Object.keys(d).sort()) s += `\n  ${key}:\t${d[key]}`;
    }
  }
  return `${s}\n`;
}

/** newServerVersion: a daemon that reports no Engine component still gets one. */
function serverComponents(sv: SystemVersion): SystemVersion["Components"] {
  const components = sv.Components ?? [];
  if (components.some((c) => c.Name === "Engine")) return components;
  return [
    ...components,
    {
      Name: "Engine",
      Version: sv.Version,
      Details: { ApiVersion: sv.ApiVersion, MinAPIVersion: sv.MinAPIVersion, Os: sv.Os, Arch: sv.Arch },
    },
  ];
}
