/**
 * WORKDIR /path (moby dispatchers.go dispatchWorkdir): relative paths join the current
 * one; a directory that does not exist yet is created, which makes a layer.
 */
import { Layer } from "../../fs/layer";
import { commitLayer, OverlayFileSystem } from "../../fs/overlay";
import type { Instruction } from "./parser";
import type { BuildSession } from "./session";
import { applyStep, type BuildState, stepKey } from "./state";

export async function dispatchWorkdir(s: BuildSession, state: BuildState, inst: Instruction, label: string): Promise<void> {
  const path = s.lexer.word(inst.rest, s.env(state));
  const dir = path.startsWith("/") ? path : `${(state.config.WorkingDir || "/").replace(/\/$/, "")}/${path}`;
  state.config.WorkingDir = dir;
  const key = stepKey(state, "workdir", dir);
  const v = s.vertex(`${label}${inst.original}`);
  if (s.fromCache(state, key, v)) return;
  v.start();
  const upper = new Layer();
  const rootfs = new OverlayFileSystem(state.layers, upper, s.now);
  const exists = rootfs.exists(dir);
  if (!exists) rootfs.mkdir(dir, { recursive: true, mode: 0o755 });
  v.done();
  const createdBy = s.classic ? `/bin/sh -c #(nop) WORKDIR ${dir}` : `WORKDIR ${dir}`;
  const step = {
    layer: exists ? null : commitLayer(upper),
    history: { created: s.ctx.isoNow(), createdBy, emptyLayer: exists, ...s.comment() },
  };
  s.cache.set(key, step, { description: `${label}${inst.original}`, parent: state.cacheKey });
  applyStep(state, step, key);
  if (s.classic) s.classicCommit(state, key, false, true);
}
