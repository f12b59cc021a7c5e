import { Layer } from "../../fs/layer";
import { binaryContent } from "../../kernel/exec";
import { sharedLayer } from "../image";

/**
 * Helpers for the layers images add over a base: the Dockerfile steps that install a
 * program, add a user, or rewrite a file of the layer below (which then shadows it, as
 * a copy-up would).
 */

/** A layer filled in by `fill`, built once on first pull. */
export function layerOf(mtimeMs: number, fill: (layer: Layer) => Layer): () => Layer {
  return sharedLayer(() => fill(new Layer({ mtimeMs })));
}

/** The text of a file of a layer ("" when absent or binary). */
export function textOf(layer: Layer, path: string): string {
  const entry = layer.get(path);
  return entry?.type === "file" && typeof entry.data === "string" ? entry.data : "";
}

/** A base file with lines appended, as useradd/groupadd leave /etc/passwd and /etc/group. */
export function appended(base: () => Layer, path: string, lines: string): string {
  return textOf(base(), path) + lines;
}

/** Executables pointing at program models, by absolute path. */
export function programFiles(layer: Layer, entries: Record<string, string>): Layer {
  for (const [path, program] of Object.entries(entries)) layer.file(path, binaryContent(program), 0o755);
  return layer;
}
