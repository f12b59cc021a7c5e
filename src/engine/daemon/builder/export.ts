/**
 * The end of a build: BuildKit's image exporter (`exporting to image`, `writing image`,
 * `naming to`) or the classic builder's last committed image (`Successfully built`,
 * `Successfully tagged`), then the tags and the `moby.image.id` message.
 */
import { truncateId } from "../ids";
import type { Image } from "../image/image";
import { familiarName, parseReference } from "../image/reference";
import { familiar, fullName } from "./names";
import type { BuildSession } from "./session";
import { type BuildState, imageOf } from "./state";

export function exportImage(s: BuildSession, state: BuildState): Image {
  if (s.options.labels) {
    const labels = Object.entries(s.options.labels);
    if (labels.length > 0) state.config.Labels = { ...(state.config.Labels ?? {}), ...s.options.labels };
  }
  if (s.classic) {
    const image = s.ctx.images.store.get(state.imageId);
    s.out.aux("moby.image.id", { ID: image.id });
    s.say(`Successfully built ${truncateId(image.id)}`);
    for (const tag of s.options.tags) {
      tagImage(s, image, tag);
      s.say(`Successfully tagged ${familiar(tag)}`);
    }
    return image;
  }
  const v = s.vertex("exporting to image").start();
  const lastCreated = state.history[state.history.length - 1]?.created ?? s.ctx.isoNow();
  const image = s.ctx.images.store.add(imageOf(state, lastCreated, ""));
  v.status("exporting layers");
  v.status(`writing image ${image.id}`);
  for (const tag of s.options.tags) {
    tagImage(s, image, tag);
    v.status(`naming to ${fullName(tag)}`);
  }
  v.done();
  s.out.aux("moby.image.id", { ID: image.id });
  return image;
}

function tagImage(s: BuildSession, image: Image, name: string): void {
  const ref = parseReference(name);
  s.ctx.images.tag(image.id, familiarName(ref), ref.tag ?? "latest");
}
