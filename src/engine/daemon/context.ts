import type { FileSystem } from "../fs/filesystem";
import type { Clock } from "../kernel/clock";
import type { Kernel } from "../kernel/kernel";
import type { NetNamespace } from "../kernel/namespace";
import type { Random } from "../kernel/random";
import type { Task } from "../kernel/task";
import type { ExecService } from "./container/exec";
import type { ContainerService } from "./container/service";
import type { Events } from "./events";
import type { ImageService } from "./image/service";
import type { NetworkController } from "./network/controller";
import type { VolumeStore } from "./volume/store";

/** The part of the playground's LAN the daemon uses: port publishing and the embedded DNS. */
export interface Lan {
  publish(hostNs: NetNamespace, hostIp: string, hostPort: number, target: { ns: NetNamespace; address: string; port: number }): () => void;
  register?(ns: NetNamespace): void;
  unregister?(ns: NetNamespace): void;
  setResolver?(ns: NetNamespace, resolve: ((name: string) => string | null) | null): void;
  /** The container's default route through the host (MASQUERADE for what leaves it). */
  setGateway?(ns: NetNamespace, via: NetNamespace | null): void;
}

/** What every part of dockerd shares: the host it runs on and the daemon's services. */
export interface DaemonContext {
  kernel: Kernel;
  hostFs: FileSystem;
  clock: Clock;
  random: Random;
  lan: Lan;
  /** The containerd process container shims are started from. */
  containerd: Task;
  events: Events;
  images: ImageService;
  containers: ContainerService;
  execs: ExecService;
  volumes: VolumeStore;
  network: NetworkController;
  /** Now as RFC 3339 with nanoseconds, as Docker prints timestamps. */
  isoNow(): string;
}
