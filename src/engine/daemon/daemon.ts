import type { FileSystem } from "../fs/filesystem";
import type { Kernel } from "../kernel/kernel";
import type { Task } from "../kernel/task";
import { ExecService } from "./container/exec";
import { ContainerService } from "./container/service";
import type { DaemonContext, Lan } from "./context";
import { Events } from "./events";
import { ImageService } from "./image/service";
import { NetworkController } from "./network/controller";
import { VolumeStore } from "./volume/store";

/**
 * dockerd on one host: the container, image, volume and network services over the host's
 * kernel and filesystem. The outside world reaches it only through the Engine API
 * (api/router.ts), served on /var/run/docker.sock and tcp 2375.
 */
export class Daemon {
  readonly ctx: DaemonContext;
  readonly id: string;
  readonly startedAt: string;

  constructor(kernel: Kernel, hostFs: FileSystem, lan: Lan, containerd: Task) {
    const clock = kernel.clock;
    const isoNow = () => isoNano(clock.now());
    const ctx = { kernel, hostFs, clock, random: kernel.runtime.random, lan, containerd, isoNow } as DaemonContext;
    ctx.events = new Events(clock);
    ctx.volumes = new VolumeStore(hostFs, isoNow);
    ctx.images = new ImageService(ctx);
    ctx.containers = new ContainerService(ctx);
    ctx.execs = new ExecService(ctx);
    ctx.network = new NetworkController(ctx);
    this.ctx = ctx;
    this.id = daemonId(kernel.runtime.random.hex(32));
    this.startedAt = isoNow();
    hostFs.mkdir("/var/lib/docker/containers", { recursive: true });
    hostFs.mkdir("/var/lib/docker/volumes", { recursive: true });
    hostFs.mkdir("/var/lib/docker/overlay2", { recursive: true });
  }
}

/** Docker prints times as RFC 3339 with nanoseconds: 2026-01-01T00:00:05.123456789Z. */
export function isoNano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}000000Z`;
}

/** The daemon ID `docker info` shows: twelve base32-ish groups, as libtrust key IDs read. */
function daemonId(hex: string): string {
  return hex.slice(0, 36).toUpperCase().match(/.{4}/g)?.join(":") ?? hex;
}
