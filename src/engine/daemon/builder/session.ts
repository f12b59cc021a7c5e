/**
 * What every step of one build shares: the daemon, the request's options and output, the
 * context's files, the cache, the stages built so far, and the helpers both builders use
 * around a step (a progress vertex, the classic builder's `Step` lines and commits, a
 * cache hit, pulling a base image).
 */
import { digest } from "../../fs/digest";
import type { FileSystem } from "../../fs/filesystem";
import type { DaemonContext } from "../context";
import { truncateId } from "../ids";
import type { Image } from "../image/image";
import { type BuildCache, buildCache } from "./cache";
import { Lexer } from "./lex";
import type { BuildOptions } from "./options";
import { type BuildOutput, Vertex } from "./progress";
import type { StagePlan } from "./stages";
import { applyStep, type BuildState, imageOf, type LayerStep } from "./state";
import { byteSize, contextBytes } from "./transfer";

export class BuildSession {
  readonly now = () => this.ctx.clock.now();
  readonly cache: BuildCache;
  /** Each built stage's final state, by stage index (FROM <stage>, COPY --from=<stage>). */
  readonly results = new Map<number, BuildState>();
  lexer = new Lexer();
  plan!: StagePlan;
  private vertexCount = 0;
  private contextLoaded = false;

  constructor(
    readonly ctx: DaemonContext,
    /** The build context's files, as the request's tar unpacked them. */
    readonly context: FileSystem,
    readonly options: BuildOptions,
    readonly out: BuildOutput,
  ) {
    this.cache = buildCache(ctx, options.classic);
  }

  get classic(): boolean {
    return this.options.classic;
  }

  /** A BuildKit progress vertex; the classic builder shows none. */
  vertex(name: string): Vertex {
    const sink = this.classic ? { ...this.out, trace: () => {} } : this.out;
    return new Vertex(sink, this.now, digest(`${++this.vertexCount} ${name}`), name);
  }

  /** A line of the classic builder's text output. */
  say(line: string): void {
    if (this.classic) this.out.stream(`${line}\n`);
  }

  /** BuildKit marks the history entries it writes. */
  comment(): { comment?: string } {
    return this.classic ? {} : { comment: "buildkit.dockerfile.v0" };
  }

  /** The variables a step expands: the stage's ARGs, then its ENV over them. */
  env(state: BuildState): Map<string, string> {
    const env = new Map(state.args);
    for (const entry of state.config.Env ?? []) {
      const eq = entry.indexOf("=");
      env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return env;
  }

  /**
   * The classic builder's cache lookup and commit after a step: ` ---> Using cache`, or a
   * build container (` ---> Running in`) committed as an intermediate image.
   */
  classicCommit(state: BuildState, key: string, hit: boolean, container: boolean): void {
    const cachedId = hit ? this.cache.image(key) : undefined;
    const cachedImage = cachedId ? this.ctx.images.store.find(cachedId) : undefined;
    if (cachedImage) {
      this.say(" ---> Using cache");
      state.imageId = cachedImage.id;
      return;
    }
    if (container) {
      const id = this.ctx.random.hex(32);
      this.say(` ---> Running in ${truncateId(id)}`);
      this.say(` ---> Removed intermediate container ${truncateId(id)}`);
    }
    const image = this.ctx.images.store.add(imageOf(state, this.ctx.isoNow(), state.imageId));
    this.cache.setImage(key, image.id);
    state.imageId = image.id;
  }

  private cachedStep(key: string): LayerStep | undefined {
    if (this.options.noCache) return undefined;
    const step = this.cache.get(key);
    if (!step) return undefined;
    if (this.classic && !this.ctx.images.store.find(this.cache.image(key) ?? "")) return undefined;
    return step;
  }

  /** A cache hit: the step's recorded outcome applied (`#5 CACHED`, ` ---> Using cache`). */
  fromCache(state: BuildState, key: string, v: Vertex): boolean {
    const step = this.cachedStep(key);
    if (!step) return false;
    this.cache.use(key);
    applyStep(state, step, key);
    if (this.classic) this.classicCommit(state, key, true, false);
    else v.cached();
    return true;
  }

  /** BuildKit's `[internal] load build context`, once, before the first copy from it. */
  loadContext(): void {
    if (this.contextLoaded) return;
    this.contextLoaded = true;
    const v = this.vertex("[internal] load build context").start();
    v.status(`transferring context: ${byteSize(contextBytes(this.context, "/"))}`);
    v.done();
  }

  /**
   * The image a FROM or COPY --from names, pulled when missing (or with --pull). BuildKit
   * shows each layer as a status of the step that pulls it; the classic builder forwards
   * the pull's own progress messages.
   */
  async ensureImage(name: string, v?: Vertex): Promise<Image> {
    const local = this.ctx.images.store.find(name);
    if (local && !this.options.pull) return local;
    const layers = new Map<string, () => void>();
    return this.ctx.images.pull(name, (m) => {
      if (this.classic) this.out.aux("", m);
      if (!v || !m.id || !/^[0-9a-f]{12}$/.test(m.id)) return;
      // Every message is passed on: the client's progress moves with each layer's.
      if (!layers.has(m.id)) layers.set(m.id, v.status(`sha256:${m.id}`, false));
      if (m.status === "Pull complete" || m.status === "Already exists") layers.get(m.id)?.();
      else v.progress(`sha256:${m.id}`, m.progressDetail?.current, m.progressDetail?.total);
    });
  }
}
