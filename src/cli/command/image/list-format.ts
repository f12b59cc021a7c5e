/**
 * The rows of `docker images`, as cli/command/formatter/image.go builds them: one row per
 * repository:tag, digests shown only when asked for, dangling images as <none> <none>.
 */
import type { ImageSummary } from "../../../engine/daemon/api/types";
import { humanDuration } from "../../../go-units/duration";
import { humanSize, humanSizeWithPrecision } from "../../formatter/units/size";
import { goUnixString, truncateID } from "../system/displayutils";
import { subContext } from "../system/dockercli";
import { familiarName, parseNormalizedNamed } from "./reference";

export const DEFAULT_IMAGE_TABLE_FORMAT =
  "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
export const DEFAULT_IMAGE_TABLE_FORMAT_WITH_DIGEST =
  "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";

export const IMAGE_HEADERS: Record<string, string> = {
  ID: "IMAGE ID",
  Repository: "REPOSITORY",
  Tag: "TAG",
  Digest: "DIGEST",
  CreatedSince: "CREATED",
  CreatedAt: "CREATED AT",
  Size: "SIZE",
  Containers: "CONTAINERS",
  SharedSize: "SHARED SIZE",
  UniqueSize: "UNIQUE SIZE",
};

/** NewImageFormat: the template for `table`, `raw` or a custom --format. */
export function newImageFormat(source: string, quiet: boolean, digest: boolean): string {
  if (source === "table") {
    if (quiet) return "{{.ID}}";
    return digest ? DEFAULT_IMAGE_TABLE_FORMAT_WITH_DIGEST : DEFAULT_IMAGE_TABLE_FORMAT;
  }
  if (source === "raw") {
    if (quiet) return "image_id: {{.ID}}";
    if (digest) {
      return "repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n";
    }
    return "repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\ncreated_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n";
  }
  if (source.startsWith("table") && digest && !source.includes("{{.Digest}}")) return `${source}\t{{.Digest}}`;
  return source;
}

/** One row: the image and the name it is shown under. */
export interface ImageRow {
  image: ImageSummary;
  repo: string;
  tag: string;
  digest: string;
}

/** isDangling (formatter/image.go): no tags and no digests, or the legacy <none> markers. */
export function isDangling(img: ImageSummary): boolean {
  const tags = img.RepoTags ?? [];
  const digests = img.RepoDigests ?? [];
  if (tags.length === 0 && digests.length === 0) return true;
  return tags.length === 1 && tags[0] === "<none>:<none>" && digests.length === 1 && digests[0] === "<none>@<none>";
}

/** imageFormat: the rows for a list of images. */
export function imageRows(images: ImageSummary[], showDigest: boolean, formatHasDigest: boolean): ImageRow[] {
  const rows: ImageRow[] = [];
  for (const image of images) {
    if (isDangling(image)) {
      rows.push({ image, repo: "<none>", tag: "<none>", digest: "<none>" });
    } else {
      rows.push(...taggedAndDigestRows(image, showDigest, showDigest || formatHasDigest));
    }
  }
  return rows;
}

function taggedAndDigestRows(image: ImageSummary, showDigest: boolean, needDigest: boolean): ImageRow[] {
  const repoTags = new Map<string, string[]>();
  const repoDigests = new Map<string, string[]>();
  for (const s of image.RepoTags ?? []) {
    const ref = tryParse(s);
    if (!ref || ref.tag === undefined) continue;
    const name = familiarName(ref);
    repoTags.set(name, [...(repoTags.get(name) ?? []), ref.tag]);
  }
  for (const s of image.RepoDigests ?? []) {
    const ref = tryParse(s);
    if (!ref || ref.digest === undefined) continue;
    const name = familiarName(ref);
    repoDigests.set(name, [...(repoDigests.get(name) ?? []), ref.digest]);
  }
  const rows: ImageRow[] = [];
  const add = (repo: string, tag: string, digest: string) => rows.push({ image, repo, tag, digest });
  for (const [repo, tags] of repoTags) {
    // Digests are not rows of their own when the repository also has tags.
    const digests = needDigest ? (repoDigests.get(repo) ?? []) : [];
    repoDigests.delete(repo);
    for (const tag of tags) {
      if (digests.length === 0) {
        add(repo, tag, "<none>");
        continue;
      }
      for (const d of digests) add(repo, tag, d);
    }
  }
  for (const [repo, digests] of repoDigests) {
    if (showDigest) for (const d of digests) add(repo, "<none>", d);
    else add(repo, "<none>", "");
  }
  return rows;
}

function tryParse(s: string) {
  try {
    return parseNormalizedNamed(s);
  } catch {
    return undefined;
  }
}

/** time.Time{}.Unix(): an image without a creation time shows N/A. */
const GO_ZERO_TIME = -62135596800;

/** imageContext's fields for one row; `nowMs` is the client's clock. */
export function imageRow(row: ImageRow, trunc: boolean, nowMs: number): Record<string, string> {
  const i = row.image;
  return subContext("*formatter.imageContext", {
    Containers: i.Containers === -1 ? "N/A" : String(i.Containers),
    CreatedAt: goUnixString(i.Created),
    CreatedSince: i.Created === GO_ZERO_TIME ? "" : `${humanDuration(nowMs - i.Created * 1000)} ago`,
    Digest: row.digest,
    ID: trunc ? truncateID(i.Id) : i.Id,
    Repository: row.repo,
    SharedSize: i.SharedSize === -1 ? "N/A" : humanSize(i.SharedSize),
    Size: humanSizeWithPrecision(i.Size, 3),
    Tag: row.tag,
    UniqueSize: i.Size === -1 || i.SharedSize === -1 ? "N/A" : humanSize(i.Size - i.SharedSize),
  });
}
