import type { FileSystem } from "../fs/filesystem";
import type { Kernel } from "../kernel/kernel";
import type { Process } from "../kernel/process";
import type { Task } from "../kernel/task";
import { Router } from "./api/router";
import { engineRoutes } from "./api/routes";
import { serveEngineApi } from "./api/server";
import { Daemon } from "./daemon";

/** The socket the docker CLI talks to, and the TCP port Play-With-Docker exposes. */
export const DOCKER_SOCKET = "/var/run/docker.sock";
export const DOCKER_TCP_PORT = 2375;

/**
 * The inode of /var/run/docker.sock. go-connections' sockets.NewUnixSocket binds it, then
 * hands it to root and the `docker` group (dockerd's -G default) with mode 0660: root's
 * gid when the host has no such group (daemon/listeners/listeners_linux.go).
 */
function bindSocketFile(hostFs: FileSystem): void {
  if (!hostFs.mksocket) return;
  let gid = 0;
  try {
    const entry = hostFs
      .readText("/etc/group")
      .split("\n")
      .find((line) => line.startsWith("docker:"));
    if (entry) gid = Number(entry.split(":")[2]);
  } catch {
    // no /etc/group: the socket stays root's
  }
  hostFs.mksocket(DOCKER_SOCKET, 0o660);
  hostFs.chown(DOCKER_SOCKET, 0, gid);
  hostFs.chmod(DOCKER_SOCKET, 0o660);
}

/** dockerd and containerd as processes: they wait for signals; the daemon's work is event-driven. */
async function idle(proc: Process): Promise<number> {
  proc.setMemory(1_905_000, 78_000);
  for (;;) await proc.pause();
}

/**
 * Boots Docker on a host as its init system would: containerd, then dockerd, which serves
 * the Engine API on /var/run/docker.sock and on tcp://0.0.0.0:2375.
 */
export function startDockerd(kernel: Kernel, hostFs: FileSystem, init: Task): Daemon {
  const containerd = kernel.spawn(init, { argv: ["containerd"], program: idle, cwd: "/", pgid: 0 });
  kernel.spawn(init, {
    argv: ["dockerd", "-H", "unix:///var/run/docker.sock", "-H", "tcp://0.0.0.0:2375", "--tls=false"],
    program: idle,
    cwd: "/",
    pgid: 0,
  });
  const network = kernel.network;
  const daemon = new Daemon(kernel, hostFs, network, containerd);
  const router = new Router(engineRoutes(daemon.id));
  serveEngineApi(network.listenUnix(kernel, DOCKER_SOCKET), router, daemon.ctx);
  bindSocketFile(hostFs);
  serveEngineApi(network.listen(kernel.initNs.net, "0.0.0.0", DOCKER_TCP_PORT), router, daemon.ctx);
  return daemon;
}
