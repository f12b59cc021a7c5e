import type { FileSystem } from "../../fs/filesystem";
import { removeTree } from "../../fs/remove";
import type { Volume } from "../api/types";
import { conflict, invalidParameter, notFound } from "../errors";

/** Docker marks volumes it creates for a container's unnamed mounts with this label (23.0+). */
export const ANONYMOUS_LABEL = "com.docker.volume.anonymous";
const VOLUMES_ROOT = "/var/lib/docker/volumes";
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export interface VolumeRecord {
  name: string;
  createdAt: string;
  labels: Record<string, string>;
  options: Record<string, string>;
}

/**
 * The local volume driver: each volume is a directory under /var/lib/docker/volumes on
 * the host, so its data outlives every container that mounts it.
 */
export class VolumeStore {
  private readonly volumes = new Map<string, VolumeRecord>();

  constructor(
    private readonly hostFs: FileSystem,
    private readonly now: () => string,
  ) {}

  list(): VolumeRecord[] {
    return [...this.volumes.values()];
  }

  find(name: string): VolumeRecord | undefined {
    return this.volumes.get(name);
  }

  get(name: string): VolumeRecord {
    const volume = this.volumes.get(name);
    if (!volume) throw notFound(`get ${name}: no such volume`);
    return volume;
  }

  /** Creates the volume, or returns the existing one of that name (as `docker volume create` does). */
  create(name: string, labels: Record<string, string> = {}, options: Record<string, string> = {}): VolumeRecord {
    const existing = this.volumes.get(name);
    if (existing) return existing;
    if (!NAME.test(name)) {
      throw invalidParameter(
        `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`,
      );
    }
    const volume: VolumeRecord = { name, createdAt: this.now(), labels, options };
    this.hostFs.mkdir(this.dataPath(name), { recursive: true });
    this.volumes.set(name, volume);
    return volume;
  }

  remove(name: string, inUseBy: string[]): void {
    this.get(name);
    if (inUseBy.length > 0) {
      throw conflict(`remove ${name}: volume is in use - [${inUseBy.join(", ")}]`);
    }
    removeTree(this.hostFs, `${VOLUMES_ROOT}/${name}`);
    this.volumes.delete(name);
  }

  /** The host directory holding the volume's files. */
  dataPath(name: string): string {
    return `${VOLUMES_ROOT}/${name}/_data`;
  }

  /** Bytes the volume's files take, for `docker system df -v` and prune reports. */
  size(name: string): number {
    return this.treeSize(this.dataPath(name));
  }

  inspect(volume: VolumeRecord): Volume {
    return {
      CreatedAt: rfc3339(volume.createdAt),
      Driver: "local",
      Labels: Object.keys(volume.labels).length > 0 ? volume.labels : null,
      Mountpoint: this.dataPath(volume.name),
      Name: volume.name,
      Options: Object.keys(volume.options).length > 0 ? volume.options : null,
      Scope: "local",
    };
  }

  private treeSize(path: string): number {
    const stats = this.hostFs.lstat(path);
    if (stats.type !== "dir") return stats.size;
    return this.hostFs.readdir(path).reduce((sum, name) => sum + this.treeSize(`${path}/${name}`), 0);
  }
}

/**
 * Go's time.RFC3339 layout, whole seconds: moby's volumeToAPIType formats CreatedAt with it
 * (daemon/volume/service/convert.go), unlike containers' and images' RFC3339Nano times.
 */
function rfc3339(iso: string): string {
  return iso.replace(/\.\d+(?=Z|[+-]\d\d:\d\d$)/, "");
}
