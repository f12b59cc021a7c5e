/**
 * COPY / ADD [--from=<stage|image>] [--chown=...] [--chmod=...] <src>... <dest> (moby
 * dispatchers.go dispatchCopy, dispatchAdd): the sources from the context, another stage,
 * an image or here-documents; their checksums are part of the cache key, so editing a
 * copied file invalidates this step and what follows.
 */
import { Layer } from "../../fs/layer";
import { OverlayFileSystem } from "../../fs/overlay";
import { CopySourceError, copyIntoLayer, resolveChown, resolveSources, sourceChecksum } from "./copy";
import { BuildError } from "./errors";
import { flagValue, type Instruction } from "./parser";
import type { BuildSession } from "./session";
import { type Stage, stageByName } from "./stages";
import { applyStep, type BuildState, stepKey } from "./state";

export async function dispatchCopy(s: BuildSession, stage: Stage, state: BuildState, inst: Instruction, label: string): Promise<void> {
  const env = s.env(state);
  const words = inst.json ?? s.lexer.words(inst.rest, env);
  if (words.length < 2)
    throw new BuildError(
      `dockerfile parse error on line ${inst.startLine}: ${inst.keyword.toUpperCase()} requires at least two arguments, but only one was provided. Destination could not be determined`,
    );
  const dest = words[words.length - 1];
  let sources = words.slice(0, -1);
  let from = s.context;
  const fromFlag = flagValue(inst, "from");
  if (fromFlag) {
    const name = s.lexer.word(fromFlag, env);
    const src = stageByName(s.plan, name, stage.index);
    const layers = src ? (s.results.get(src.index)?.layers ?? []) : (await s.ensureImage(name)).layers;
    from = new OverlayFileSystem(layers, new Layer(), s.now);
  } else if (inst.heredocs.length > 0) {
    from = new OverlayFileSystem([], new Layer(), s.now);
    for (const hd of inst.heredocs) from.writeFile(`/${hd.name}`, hd.expand ? s.lexer.word(hd.content, env) : hd.content);
    sources = sources.map((src) => src.replace(/^<<-?["']?(\w+)["']?$/, "$1"));
  } else s.loadContext();
  const chownSpec = flagValue(inst, "chown");
  const rootfs = new OverlayFileSystem(state.layers, new Layer(), s.now);
  const v = s.vertex(`${label}${inst.original}`);
  let checksum: string;
  try {
    checksum = sourceChecksum(from, resolveSources(from, sources));
  } catch (err) {
    if (!(err instanceof CopySourceError)) throw err;
    v.start().fail(err.message);
    throw new BuildError(err.message, 1, {
      name: `${label}${inst.original}`,
      file: s.options.dockerfile || "Dockerfile",
      lines: [inst.startLine, inst.endLine],
    });
  }
  const key = stepKey(state, inst.keyword, inst.original, checksum, state.config.WorkingDir ?? "");
  if (s.fromCache(state, key, v)) return;
  v.start();
  const chmod = flagValue(inst, "chmod");
  const layer = copyIntoLayer(
    from,
    state.layers,
    {
      sources,
      dest,
      workdir: state.config.WorkingDir ?? "/",
      chown: chownSpec ? resolveChown(rootfs, s.lexer.word(chownSpec, env)) : undefined,
      chmod: chmod ? Number.parseInt(chmod, 8) : undefined,
      extract: inst.keyword === "add",
    },
    s.now,
  );
  v.done();
  const createdBy = s.classic
    ? `/bin/sh -c #(nop) ${inst.keyword.toUpperCase()} ${checksum.replace("sha256:", "file:")} in ${dest} `
    : `${inst.original} # buildkit`;
  const step = { layer, history: { created: s.ctx.isoNow(), createdBy, emptyLayer: false, ...s.comment() } };
  s.cache.set(key, step, { description: `${label}${inst.original}`, parent: state.cacheKey });
  applyStep(state, step, key);
  if (s.classic) s.classicCommit(state, key, false, false);
}
