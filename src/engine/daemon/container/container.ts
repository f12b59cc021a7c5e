import type { Layer } from "../../fs/layer";
import type { OverlayFileSystem } from "../../fs/overlay";
import type { OpenFile } from "../../kernel/fd";
import type { NetNamespace } from "../../kernel/namespace";
import type { Task } from "../../kernel/task";
import type { Tty } from "../../kernel/tty";
import type { ContainerConfig, ContainerStateName, HostConfig, MountPoint } from "../api/types";
import type { LogBuffer } from "./logs";
import type { Sandbox } from "./runtime";

/** The container's attachment to a network: what `NetworkSettings.Networks[name]` shows. */
export interface Endpoint {
  network: string;
  networkId: string;
  endpointId: string;
  ip: string;
  prefixLength: number;
  gateway: string;
  mac: string;
  aliases: string[];
}

/** What is running while the container is: its init process and its stdio. */
export interface RunningState {
  shim: Task;
  init: Task;
  tty: Tty | null;
  /** The daemon's end of the container's stdin (a pipe), when it is open. */
  stdin: OpenFile | null;
  netns: NetNamespace;
  sandbox: Sandbox;
  unpublish: Array<() => void>;
}

/**
 * A container as dockerd keeps it (moby's container.Container): configuration, state,
 * its writable layer and its logs. The daemon's verbs move it through the state machine
 * created -> running <-> paused -> exited (-> restarting -> running), or dead.
 */
export class Container {
  status: ContainerStateName = "created";
  pid = 0;
  exitCode = 0;
  error = "";
  startedAt = "0001-01-01T00:00:00Z";
  finishedAt = "0001-01-01T00:00:00Z";
  restartCount = 0;
  /** Set by `docker stop` and `kill`, so that no restart policy brings it back (but "always" after a daemon restart). */
  manuallyStopped = false;
  oomKilled = false;
  running: RunningState | null = null;
  endpoints: Endpoint[] = [];
  /** Host ports forwarded to the container while it runs (docker port, ps PORTS). */
  publishedPorts: Array<{ hostIp: string; hostPort: number; port: number; proto: string }> = [];
  execIds = new Set<string>();
  /** Exit waiters for POST /containers/{id}/wait. */
  readonly exitWaiters: Array<(code: number) => void> = [];
  /** Called when the container's stdout/stderr carry data, for attached clients. */
  readonly outputListeners = new Set<(stream: "stdout" | "stderr", data: string) => void>();
  /** Called when the container stops, for attached clients (end of stream). */
  readonly stopListeners = new Set<() => void>();

  constructor(
    readonly id: string,
    public name: string,
    readonly created: string,
    readonly imageId: string,
    readonly config: ContainerConfig,
    readonly hostConfig: HostConfig,
    readonly path: string,
    readonly args: string[],
    readonly upper: Layer,
    readonly rootfs: OverlayFileSystem,
    public mounts: MountPoint[],
    readonly logs: LogBuffer,
  ) {}

  get isRunning(): boolean {
    return this.status === "running" || this.status === "paused";
  }

  get shortId(): string {
    return this.id.slice(0, 12);
  }
}
