/**
 * RUN: the command runs in a build container, created from the stage's image so far
 * through the same container service as `docker run` (so `apk add`, `pip install` change
 * files for real); the container's writable layer becomes the step's layer, and the
 * container is removed (moby builder/dockerfile containerbackend.go Run + RemoveAll).
 */

import { Layer } from "../../fs/layer";
import { commitLayer, OverlayFileSystem } from "../../fs/overlay";
import type { DaemonContext } from "../context";
import { parsePlatform, runsNatively } from "./platform";
import { type BuildState, imageOf } from "./state";

export interface RunResult {
  exitCode: number;
  layer: Layer;
  containerId: string;
}

export interface RunHooks {
  /** The container exists (the classic builder prints ` ---> Running in <id>`). */
  created(containerId: string): void;
  output(stream: "stdout" | "stderr", data: string): void;
}

export async function runInContainer(
  ctx: DaemonContext,
  state: BuildState,
  argv: string[],
  env: string[],
  hooks: RunHooks,
): Promise<RunResult> {
  if (state.platform && !runsNatively(parsePlatform(state.platform))) return execFormatError(ctx, state, argv, hooks);
  // The container needs an image: the state so far, stored for the container's lifetime.
  const image = imageOf(state, ctx.isoNow(), "");
  const temporary = !ctx.images.store.find(image.id);
  if (temporary) ctx.images.store.add(image);
  try {
    const container = ctx.containers.create(
      {
        Image: image.id,
        Cmd: argv,
        Entrypoint: [],
        Env: env,
        WorkingDir: state.config.WorkingDir ?? "",
        User: state.config.User ?? "",
        Labels: {},
      },
      undefined,
    );
    hooks.created(container.id);
    container.outputListeners.add((stream, data) => hooks.output(stream, data));
    const exited = ctx.containers.waitExit(container, true);
    ctx.containers.start(container);
    const exitCode = await exited;
    const layer = commitLayer(container.upper);
    ctx.containers.remove(container, true, true);
    return { exitCode, layer, containerId: container.id };
  } finally {
    if (temporary && !ctx.containers.all().some((c) => c.imageId === image.id)) ctx.images.store.delete(image.id);
  }
}

/**
 * A stage of another architecture on this amd64 engine without QEMU: runc's init cannot
 * exec the binary, prints `exec /bin/sh: exec format error` and exits 255 (runc
 * libcontainer Init: the error goes to stderr once the parent has stopped listening).
 */
function execFormatError(ctx: DaemonContext, state: BuildState, argv: string[], hooks: RunHooks): RunResult {
  const containerId = ctx.random.hex(32);
  hooks.created(containerId);
  hooks.output("stderr", `exec ${lookPath(state, argv[0] ?? "")}: exec format error\n`);
  return { exitCode: 255, layer: commitLayer(new Layer()), containerId };
}

/** exec.LookPath in the stage's filesystem and PATH, as runc resolves the command. */
function lookPath(state: BuildState, name: string): string {
  if (name.includes("/")) return name;
  const rootfs = new OverlayFileSystem(state.layers, new Layer(), () => 0);
  const path =
    (state.config.Env ?? []).find((e) => e.startsWith("PATH="))?.slice(5) ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  for (const dir of path.split(":")) {
    const candidate = `${dir.replace(/\/$/, "")}/${name}`;
    if (rootfs.exists(candidate)) return candidate;
  }
  return name;
}
