/**
 * Where the daemon is: DOCKER_HOST or -H, parsed as docker/cli's opts.ParseHost does
 * (unix:///var/run/docker.sock by default, tcp://host:2375 when no port is given).
 */

export const DEFAULT_UNIX_SOCKET = "/var/run/docker.sock";
export const DEFAULT_HOST = `unix://${DEFAULT_UNIX_SOCKET}`;
/** Docker's unencrypted TCP port (opts.DefaultHTTPPort). */
const DEFAULT_HTTP_PORT = 2375;

export type DaemonHost = { proto: "unix"; path: string; url: string } | { proto: "tcp"; host: string; port: number; url: string };

/** Parses a -H / DOCKER_HOST value; throws with docker's message when it is invalid. */
export function parseDaemonHost(value: string | undefined): DaemonHost {
  const raw = (value ?? "").trim();
  if (raw === "") return { proto: "unix", path: DEFAULT_UNIX_SOCKET, url: DEFAULT_HOST };
  const m = /^([a-z]+):\/\/(.*)$/.exec(raw);
  const proto = m ? m[1] : "tcp";
  const rest = m ? m[2] : raw;
  if (proto === "unix") {
    const path = rest === "" ? DEFAULT_UNIX_SOCKET : rest;
    return { proto: "unix", path, url: `unix://${path}` };
  }
  if (proto !== "tcp") throw new Error(`Invalid bind address format: ${raw}`);
  const hostPort = rest.replace(/\/.*$/, "");
  const colon = hostPort.lastIndexOf(":");
  const host = colon >= 0 ? hostPort.slice(0, colon) : hostPort;
  const portText = colon >= 0 ? hostPort.slice(colon + 1) : "";
  const port = portText === "" ? DEFAULT_HTTP_PORT : Number(portText);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`invalid bind address (${raw}): invalid port`);
  const name = host === "" ? "localhost" : host;
  return { proto: "tcp", host: name, port, url: `tcp://${name}:${port}` };
}
