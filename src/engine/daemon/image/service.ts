import { digest } from "../../fs/digest";
import { commitLayer } from "../../fs/overlay";
import type { ImageDeleteItem, ImageHistoryItem, ImageInspect, ImageSummary, JsonMessage } from "../api/types";
import type { Container } from "../container/container";
import type { DaemonContext } from "../context";
import { conflict, invalidParameter } from "../errors";
import { truncateId } from "../ids";
import { configDocument, type Image, imageSize } from "./image";
import { pullImage } from "./pull";
import { registryFor } from "./push";
import { familiarString, parseReference } from "./reference";
import { ImageStore } from "./store";

/** dockerd's image verbs (moby daemon/images): pull, list, inspect, history, tag, remove, prune, commit. */
export class ImageService {
  readonly store = new ImageStore();

  constructor(private readonly ctx: DaemonContext) {}

  async pull(name: string, emit: (message: JsonMessage) => void): Promise<Image> {
    const ref = parseReference(name);
    const image = await pullImage(ref, this.store, this.ctx.clock, emit, (domain) => registryFor(this.ctx, domain));
    this.ctx.events.emit("image", "pull", familiarString(ref), { name: familiarString(ref) });
    return image;
  }

  list(all: boolean): ImageSummary[] {
    const used = this.containerCounts();
    return this.store
      .all()
      .filter((image) => all || this.store.repoTags(image.id).length > 0 || !this.isIntermediate(image))
      .map((image) => ({
        Id: image.id,
        ParentId: image.parent,
        RepoTags: this.store.repoTags(image.id),
        RepoDigests: image.repoDigests,
        Created: Math.floor(Date.parse(image.created) / 1000),
        Size: imageSize(image),
        SharedSize: -1,
        Labels: image.config.Labels ?? null,
        Containers: used.get(image.id) ?? 0,
      }))
      .sort((a, b) => b.Created - a.Created);
  }

  private isIntermediate(image: Image): boolean {
    return this.store.all().some((other) => other.parent === image.id);
  }

  private containerCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of this.ctx.containers.all()) counts.set(c.imageId, (counts.get(c.imageId) ?? 0) + 1);
    return counts;
  }

  inspect(image: Image): ImageInspect {
    return {
      Id: image.id,
      RepoTags: this.store.repoTags(image.id),
      RepoDigests: image.repoDigests,
      // API v1.52 leaves these out when they are empty.
      ...(image.parent ? { Parent: image.parent } : {}),
      ...(image.comment ? { Comment: image.comment } : {}),
      Created: image.created,
      ...(image.dockerVersion ? { DockerVersion: image.dockerVersion } : {}),
      ...(image.author ? { Author: image.author } : {}),
      // Unset Config fields are omitted too (OCI image-spec config), not null.
      Config: Object.fromEntries(Object.entries(image.config).filter(([, v]) => v !== undefined && v !== null)) as ImageInspect["Config"],
      Architecture: image.architecture,
      Os: image.os,
      Size: imageSize(image),
      GraphDriver: {
        Data: {
          MergedDir: `/var/lib/docker/overlay2/${truncateId(image.id)}/merged`,
          UpperDir: `/var/lib/docker/overlay2/${truncateId(image.id)}/diff`,
          WorkDir: `/var/lib/docker/overlay2/${truncateId(image.id)}/work`,
        },
        Name: "overlay2",
      },
      RootFS: { Type: "layers", Layers: image.diffIds },
      Metadata: { LastTagTime: image.lastTagTime },
    };
  }

  history(image: Image): ImageHistoryItem[] {
    const out: ImageHistoryItem[] = [];
    let layer = 0;
    for (const entry of image.history) {
      const size = entry.emptyLayer ? 0 : (image.layerSizes[layer++] ?? 0);
      out.push({
        Id: "<missing>",
        Created: Math.floor(Date.parse(entry.created) / 1000),
        CreatedBy: entry.createdBy,
        Tags: null,
        Size: size,
        Comment: entry.comment ?? "",
      });
    }
    out.reverse();
    // The newest entry carries the image's own ID; older ones are known only for local builds.
    if (out.length > 0) {
      out[0].Id = image.id;
      out[0].Tags = this.store.repoTags(image.id);
    }
    let parent = image.parent ? this.store.find(image.parent) : undefined;
    let idx = 1 + (image.history.length - (parent?.history.length ?? image.history.length) - 1);
    while (parent && idx < out.length) {
      out[idx].Id = parent.id;
      out[idx].Tags = this.store.repoTags(parent.id);
      parent = parent.parent ? this.store.find(parent.parent) : undefined;
      idx = out.length - (parent?.history.length ?? 0);
    }
    return out;
  }

  tag(source: string, repo: string, tag: string): void {
    const image = this.store.get(source);
    const ref = parseReference(tag ? `${repo}:${tag}` : repo);
    if (ref.digest) throw invalidParameter("refusing to create a tag with a digest reference");
    this.store.tag(ref, image.id);
    image.lastTagTime = this.ctx.isoNow();
    this.ctx.events.emit("image", "tag", image.id, { name: familiarString(ref) });
  }

  /** DELETE /images/{name}: untags, and deletes the image once no tag is left. */
  remove(name: string, force: boolean): ImageDeleteItem[] {
    const image = this.store.get(name);
    const tags = this.store.repoTags(image.id);
    const users = this.ctx.containers.all().filter((c: Container) => c.imageId === image.id);
    const byTag = tags.find((t) => t === familiarStringSafe(name));
    const out: ImageDeleteItem[] = [];
    if (byTag && tags.length > 1) {
      this.store.untag(byTag);
      this.ctx.events.emit("image", "untag", image.id, { name: byTag });
      return [{ Untagged: byTag }];
    }
    if (users.length > 0 && !force) {
      const running = users.find((c) => c.isRunning);
      const user = running ?? users[0];
      if (byTag && !running) {
        // A tag of an image a stopped container uses can go, the image stays.
      }
      throw conflict(
        `conflict: unable to ${byTag ? `remove repository reference "${name}"` : `delete ${truncateId(image.id)}`} (${running ? "cannot be forced" : "must be forced"}) - ${running ? "image is being used by running" : "image is being used by stopped"} container ${user.shortId}`,
      );
    }
    if (!byTag && tags.length > 1 && !force) {
      throw conflict(`conflict: unable to delete ${truncateId(image.id)} (must be forced) - image is referenced in multiple repositories`);
    }
    for (const t of tags) {
      this.store.untag(t);
      out.push({ Untagged: t });
      this.ctx.events.emit("image", "untag", image.id, { name: t });
    }
    for (const digest of image.repoDigests) out.push({ Untagged: digest });
    if (users.length > 0) return out;
    this.store.delete(image.id);
    out.push({ Deleted: image.id });
    this.ctx.events.emit("image", "delete", image.id, { name: image.id });
    return out;
  }

  /** POST /commit: the container's writable layer becomes a new image layer. */
  commit(container: Container, repo: string, tag: string, comment: string, author: string, changes: Partial<Image["config"]>): Image {
    const parent = this.store.get(container.imageId);
    const layer = commitLayer(container.upper);
    const created = this.ctx.isoNow();
    const config = { ...parent.config, ...pickRuntime(container), ...changes };
    const base = {
      config,
      layers: [...parent.layers, layer],
      diffIds: [...parent.diffIds, layer.diffId()],
      layerSizes: [...parent.layerSizes, layer.size()],
      created,
      history: [...parent.history, { created, createdBy: [container.path, ...container.args].join(" "), emptyLayer: false, comment }],
      parent: parent.id,
      author,
      comment,
      dockerVersion: "28.5.1",
      architecture: "amd64",
      os: "linux",
    };
    const image: Image = { ...base, id: digest(configDocument(base)), repoDigests: [], lastTagTime: "0001-01-01T00:00:00Z" };
    const stored = this.store.add(image);
    if (repo) this.tag(stored.id, repo, tag);
    this.ctx.events.emit("container", "commit", container.id, { comment, imageID: stored.id, imageRef: stored.id, name: container.name });
    return stored;
  }

  /** Images with no tag that no other image builds on (`dangling=true`). */
  dangling(): Image[] {
    return this.store.all().filter((image) => this.store.repoTags(image.id).length === 0 && !this.isIntermediate(image));
  }

  prune(all: boolean): { deleted: ImageDeleteItem[]; reclaimed: number } {
    const used = new Set(this.ctx.containers.all().map((c) => c.imageId));
    const candidates = all ? this.store.all() : this.dangling();
    const deleted: ImageDeleteItem[] = [];
    let reclaimed = 0;
    for (const image of candidates) {
      if (used.has(image.id)) continue;
      for (const t of this.store.repoTags(image.id)) deleted.push({ Untagged: t });
      this.store.delete(image.id);
      deleted.push({ Deleted: image.id });
      reclaimed += imageSize(image);
    }
    return { deleted, reclaimed };
  }
}

function familiarStringSafe(name: string): string {
  try {
    return familiarString(parseReference(name));
  } catch {
    return "";
  }
}

function pickRuntime(container: Container): Partial<Image["config"]> {
  const c = container.config;
  return {
    Cmd: c.Cmd,
    Entrypoint: c.Entrypoint,
    Env: c.Env,
    WorkingDir: c.WorkingDir,
    User: c.User,
    ExposedPorts: c.ExposedPorts,
    Labels: c.Labels,
  };
}
