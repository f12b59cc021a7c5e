/**
 * The build: parse the Dockerfile, then dispatch its instructions stage by stage (moby's
 * evaluator.go documents this parse-then-dispatch shape). One evaluator serves both
 * frontends: BuildKit's (the default: a trace of vertices, `# buildkit` history) and the
 * classic builder's (DOCKER_BUILDKIT=0: `Step n/m`, one committed image per step).
 */
import { untar } from "../../fs/archive";
import { digest } from "../../fs/digest";
import type { FileSystem } from "../../fs/filesystem";
import { Layer } from "../../fs/layer";
import { commitLayer, OverlayFileSystem } from "../../fs/overlay";
import type { DaemonContext } from "../context";
import { truncateId } from "../ids";
import type { Image } from "../image/image";
import { familiarName, familiarString, fullString, parseReference } from "../image/reference";
import { buildCache } from "./cache";
import { type CheckWarning, checkConfig, runChecks, shortMessage } from "./checks/lint";
import { CopySourceError, copyIntoLayer, resolveChown, resolveSources, sourceChecksum } from "./copy";
import { dispatchMetadata, historyText, isMetadata } from "./dispatchers";
import { Lexer } from "./lex";
import { type Dockerfile, DockerfileParseError, flagValue, type Instruction, parseDockerfile } from "./parser";
import { defaultArgs, formatPlatform, HOST_PLATFORM, indexPlatforms, type Platform, parsePlatform } from "./platform";
import { type BuildOutput, Vertex } from "./progress";
import { parseRemote, remoteFailure } from "./remote";
import { runInContainer } from "./run";
import { layerSteps, neededStages, planStages, type Stage, type StagePlan, stageByName, targetStage } from "./stages";
import { applyStep, type BuildState, imageOf, type LayerStep, scratchState, stateFromImage, stepKey } from "./state";

export interface BuildOptions {
  tags: string[];
  /** The Dockerfile's path in the context. */
  dockerfile: string;
  buildArgs: Record<string, string>;
  noCache: boolean;
  pull: boolean;
  target: string;
  labels: Record<string, string>;
  /** DOCKER_BUILDKIT=0: the classic builder's output, history and cache. */
  classic: boolean;
  /** `docker build --check`: run the build checks and report them (`moby.buildkit.lint`) instead of building. */
  check?: boolean;
  /** `--platform`: the target platform (`linux/arm64`); the engine's own when empty. */
  platform?: string;
  /** A git or HTTP(S) URL to fetch the context from, instead of the request's body. */
  remote?: string;
}

/** A failed build: `message` is what follows "failed to solve: " (or the classic text). */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly code = 1,
    readonly step?: { name: string; file: string; lines: [number, number] },
  ) {
    super(message);
  }
}

/** ARGs every build knows without declaring them (BuildKit's predefined args). */
const PREDEFINED_ARGS = [
  "HTTP_PROXY",
  "http_proxy",
  "HTTPS_PROXY",
  "https_proxy",
  "FTP_PROXY",
  "ftp_proxy",
  "NO_PROXY",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
];

/** The built image; undefined for `--check`, which only reports the checks. */
export async function build(ctx: DaemonContext, contextTar: string, options: BuildOptions, out: BuildOutput): Promise<Image | undefined> {
  return new Builder(ctx, contextTar, options, out).run();
}

class Builder {
  private readonly now = () => this.ctx.clock.now();
  private readonly context: FileSystem;
  private lexer = new Lexer();
  private vertexCount = 0;
  private stepIndex = 1;
  private stepTotal = 0;
  private readonly results = new Map<number, BuildState>();
  private readonly cache;
  private file!: Dockerfile;
  private plan!: StagePlan;
  private metaEnv = new Map<string, string>();
  private contextLoaded = false;
  private warnings: CheckWarning[] = [];
  private platform: Platform = HOST_PLATFORM;

  constructor(
    private readonly ctx: DaemonContext,
    contextTar: string,
    private readonly options: BuildOptions,
    private readonly out: BuildOutput,
  ) {
    this.context = new OverlayFileSystem([], new Layer(), this.now);
    if (contextTar !== "") untar(this.context, contextTar, "/", { noLchown: false });
    this.cache = buildCache(ctx, options.classic);
  }

  private vertex(name: string): Vertex {
    const sink = this.options.classic ? { ...this.out, trace: () => {} } : this.out;
    return new Vertex(sink, this.now, digest(`${++this.vertexCount} ${name}`), name);
  }

  private say(line: string): void {
    if (this.options.classic) this.out.stream(`${line}\n`);
  }

  async run(): Promise<Image | undefined> {
    // The API refuses a platform it cannot parse before the build starts (moby postBuild).
    if (this.options.platform) this.platform = parsePlatform(this.options.platform);
    if (this.options.remote) this.loadRemote(this.options.remote);
    this.loadDefinition();
    if (this.options.check) {
      await this.loadMetadata(this.plan.stages);
      this.loadDockerignore();
      this.out.aux("moby.buildkit.lint", { warnings: this.warnings });
      return undefined;
    }
    const target = targetStage(this.plan, this.options.target);
    const stages = this.options.classic ? this.plan.stages.slice(0, target.index + 1) : neededStages(this.plan, target);
    this.stepTotal = this.plan.metaArgs.length + stages.reduce((n, s) => n + 1 + s.commands.length, 0);
    for (const arg of this.plan.metaArgs) {
      this.say(`Step ${this.stepIndex++}/${this.stepTotal} : ${arg.original}`);
    }
    if (!this.options.classic) await this.loadMetadata(stages);
    if (!this.options.classic) this.loadDockerignore();
    let state = scratchState();
    for (const stage of stages) {
      state = await this.buildStage(stage, this.plan.stages.length > 1);
      this.results.set(stage.index, state);
    }
    return this.export(state);
  }

  /** A remote context: fetched by the daemon's BuildKit, which cannot reach the internet here. */
  private loadRemote(url: string): never {
    const remote = parseRemote(url);
    if (!remote) throw new BuildError(`unable to prepare context: path ${JSON.stringify(url)} not found`);
    const failure = remoteFailure(this.ctx, remote);
    this.vertex(failure.vertex).start().fail(failure.vertexError);
    throw new BuildError(failure.message);
  }

  private loadDefinition(): void {
    const name = this.options.dockerfile || "Dockerfile";
    const v = this.vertex(`[internal] load build definition from ${name.split("/").pop()}`).start();
    const path = `/${name.replace(/^\.?\//, "")}`;
    let text: string;
    try {
      text = this.context.readText(path);
    } catch {
      const message = this.options.classic
        ? `Cannot locate specified Dockerfile: ${name}`
        : `failed to read dockerfile: open ${name}: no such file or directory`;
      // The transfer itself succeeds, with nothing in it; reading the file then fails.
      v.status("transferring dockerfile: 2B");
      v.done();
      throw new BuildError(message);
    }
    v.status(`transferring dockerfile: ${byteSize(text)}`);
    let parseError: unknown;
    try {
      this.file = parseDockerfile(text);
      this.lexer = new Lexer(this.file.directives.escape);
      this.plan = planStages(this.file);
      if (!this.options.classic) this.check(v);
    } catch (err) {
      parseError = err;
    }
    v.done();
    if (parseError !== undefined) {
      const err = parseError;
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof DockerfileParseError && this.options.classic) throw new BuildError(message.replace(" on line ", " line "));
      throw new BuildError(message);
    }
    // `# check=error=true`: a warning fails the build (linter.Error), once the definition is loaded.
    if (!this.options.check && this.warnings.length > 0 && checkConfig(this.file.directives.check).error) {
      throw new BuildError(`lint violation found for rules: ${[...new Set(this.warnings.map((w) => w.rule))].join(", ")}`);
    }
    for (const name of PREDEFINED_ARGS) if (name in this.options.buildArgs) this.metaEnv.set(name, this.options.buildArgs[name]);
    if (!this.options.classic) {
      for (const [name, value] of defaultArgs(this.platform, this.options.target, this.options.buildArgs)) this.metaEnv.set(name, value);
    }
    for (const arg of this.plan.metaArgs) this.declareArgs(arg, this.metaEnv, this.metaEnv);
  }

  /**
   * BuildKit's build checks, reported as warnings of the build definition's vertex; the
   * client lists them again when the build ends. Base images already here lend their ENV.
   */
  private check(v: Vertex): void {
    this.warnings = runChecks(this.file, {
      imageEnv: (name) => this.ctx.images.store.find(name)?.config.Env?.map((e) => e.split("=")[0]),
    });
    for (const w of this.warnings) v.warn(shortMessage(w), w.description, w.url, [w.startLine, w.endLine]);
  }

  /** ARG name[=default]...: the --build-arg value wins over the default. */
  private declareArgs(inst: Instruction, into: Map<string, string>, env: Map<string, string>): void {
    for (const word of this.lexer.words(inst.rest, env)) {
      const eq = word.indexOf("=");
      const name = eq < 0 ? word : word.slice(0, eq);
      const value = this.options.buildArgs[name] ?? (eq < 0 ? this.metaEnv.get(name) : word.slice(eq + 1));
      if (value !== undefined) into.set(name, value);
    }
  }

  private baseName(stage: Stage): string {
    return this.lexer.word(stage.base, this.metaEnv);
  }

  /** FROM --platform (expanded with the global ARGs), else the build's target platform. */
  private stagePlatform(stage: Stage): Platform {
    if (!stage.platform) return this.platform;
    const value = this.lexer.word(stage.platform, this.metaEnv);
    try {
      return parsePlatform(value);
    } catch (err) {
      throw new BuildError(`failed to parse platform ${value}: ${errorText(err)}`);
    }
  }

  /** A pulled base must have the stage's platform in its index (containerd's platform match). */
  private checkIndex(base: string, platform: Platform): void {
    const wanted = formatPlatform(platform);
    if (wanted === formatPlatform(HOST_PLATFORM)) return;
    if (indexPlatforms(familiarName(parseReference(base))).includes(wanted)) return;
    // The classic builder pulls the image itself (moby distribution pull_v2.go).
    if (this.options.classic) throw new BuildError(`no matching manifest for ${wanted} in the manifest list entries`);
    throw new BuildError(`${base}: failed to resolve source metadata for ${fullName(base)}: no match for platform in manifest: not found`);
  }

  /** BuildKit resolves every base image first (`[internal] load metadata for ...`). */
  private async loadMetadata(stages: Stage[]): Promise<void> {
    const seen = new Set<string>();
    for (const stage of stages) {
      const base = this.baseName(stage);
      if (base === "scratch" || stageByName(this.plan, base, stage.index) || seen.has(base)) continue;
      seen.add(base);
      const v = this.vertex(`[internal] load metadata for ${fullName(base)}`).start();
      try {
        this.checkIndex(base, this.stagePlatform(stage));
        await this.ensureImage(base, v);
      } catch (err) {
        v.fail(errorText(err));
        throw new BuildError(errorText(err));
      }
      v.done();
    }
  }

  private loadDockerignore(): void {
    const v = this.vertex("[internal] load .dockerignore").start();
    let size = 2;
    try {
      size = byteLength(this.context.readText("/.dockerignore"));
    } catch {
      // no .dockerignore: BuildKit transfers an empty list, "2B"
    }
    v.status(`transferring context: ${size}B`);
    v.done();
  }

  /**
   * The image a FROM or COPY --from names, pulled when missing (or with --pull). BuildKit
   * shows each layer as a status of the step that pulls it; the classic builder forwards
   * the pull's own progress messages.
   */
  private async ensureImage(name: string, v?: Vertex): Promise<Image> {
    const local = this.ctx.images.store.find(name);
    if (local && !this.options.pull) return local;
    const layers = new Map<string, () => void>();
    return this.ctx.images.pull(name, (m) => {
      if (this.options.classic) this.out.aux("", m);
      if (!v || !m.id || !/^[0-9a-f]{12}$/.test(m.id)) return;
      // Every message is passed on: the client's progress moves with each layer's.
      if (!layers.has(m.id)) layers.set(m.id, v.status(`sha256:${m.id}`, false));
      if (m.status === "Pull complete" || m.status === "Already exists") layers.get(m.id)?.();
      else v.progress(`sha256:${m.id}`, m.progressDetail?.current, m.progressDetail?.total);
    });
  }

  private async buildStage(stage: Stage, multi: boolean): Promise<BuildState> {
    const steps = layerSteps(stage);
    const label = (inst: Instruction) => {
      // dockerfile2llb prefixCommand: the stage's name once the Dockerfile has several,
      // and the step number padded to the width of the total (`[ 2/12]`).
      const n = String(steps.indexOf(inst) + 1).padStart(String(steps.length).length, " ");
      const prefix = multi ? `${stage.name || `stage-${stage.index}`} ` : "";
      return `[${prefix}${n}/${steps.length}] `;
    };
    this.say(`Step ${this.stepIndex++}/${this.stepTotal} : ${stage.from.original}`);
    const base = this.baseName(stage);
    let state: BuildState;
    const fromStage = stageByName(this.plan, base, stage.index);
    if (fromStage) {
      state = cloneState(this.results.get(fromStage.index) as BuildState);
    } else if (base === "scratch") {
      state = scratchState();
    } else {
      const platform = this.stagePlatform(stage);
      this.checkIndex(base, platform);
      const image = await this.ensureImage(base);
      const v = this.vertex(
        `${label(stage.from)}FROM ${fullName(base)}${image.repoDigests[0] ? `@${image.repoDigests[0].split("@")[1]}` : ""}`,
      ).start();
      v.done();
      state = stateFromImage(image);
      if (formatPlatform(platform) !== formatPlatform(HOST_PLATFORM)) {
        // The index's image for that platform: another image than the engine's own.
        state.platform = formatPlatform(platform);
        state.cacheKey = digest(`${state.cacheKey} ${state.platform}`);
      }
    }
    state.args = new Map();
    if (this.options.classic) this.say(` ---> ${truncateId(state.imageId)}`);
    await this.onBuildTriggers(stage, state, label(stage.from));
    for (const inst of stage.commands) {
      this.say(`Step ${this.stepIndex++}/${this.stepTotal} : ${inst.original}`);
      await this.dispatch(stage, state, inst, label(inst));
      if (this.options.classic) this.say(` ---> ${truncateId(state.imageId)}`);
    }
    return state;
  }

  /**
   * ONBUILD: the base image's triggers run right after FROM, as if written there, and are
   * not inherited further (moby dispatchers.go dispatchTriggeredOnBuild).
   */
  private async onBuildTriggers(stage: Stage, state: BuildState, label: string): Promise<void> {
    const triggers = state.config.OnBuild ?? [];
    state.config.OnBuild = null;
    if (triggers.length === 0) return;
    this.say(`# Executing ${triggers.length} build ${triggers.length === 1 ? "trigger" : "triggers"}`);
    for (const trigger of triggers) {
      for (const inst of parseDockerfile(trigger).instructions) await this.dispatch(stage, state, inst, label);
    }
  }

  private env(state: BuildState): Map<string, string> {
    const env = new Map(state.args);
    for (const entry of state.config.Env ?? []) {
      const eq = entry.indexOf("=");
      env.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return env;
  }

  private async dispatch(stage: Stage, state: BuildState, inst: Instruction, label: string): Promise<void> {
    if (inst.keyword === "arg") {
      this.declareArgs(inst, state.args, this.env(state));
    }
    if (isMetadata(inst.keyword)) {
      const env = this.env(state);
      try {
        dispatchMetadata(state, inst, this.lexer, env);
      } catch (err) {
        throw new BuildError(`dockerfile parse error on line ${inst.startLine}: ${errorText(err)}`);
      }
      const key = stepKey(state, "meta", inst.original, JSON.stringify(state.config));
      const cached = this.options.noCache ? undefined : this.cache.get(key);
      const history = cached?.history ?? {
        created: this.ctx.isoNow(),
        createdBy: historyText(inst, state, this.options.classic),
        emptyLayer: true,
        ...this.comment(),
      };
      if (!cached) this.cache.set(key, { layer: null, history });
      state.history.push(history);
      if (this.options.classic) this.classicCommit(state, key, cached !== undefined, true);
      return;
    }
    switch (inst.keyword) {
      case "run":
        return this.runStep(state, inst, label);
      case "copy":
      case "add":
        return this.copyStep(stage, state, inst, label);
      case "workdir":
        return this.workdirStep(state, inst, label);
    }
  }

  private comment(): { comment?: string } {
    return this.options.classic ? {} : { comment: "buildkit.dockerfile.v0" };
  }

  /**
   * The classic builder's cache lookup and commit after a step: ` ---> Using cache`, or a
   * build container (` ---> Running in`) committed as an intermediate image.
   */
  private classicCommit(state: BuildState, key: string, hit: boolean, container: boolean): void {
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
    if (this.options.classic && !this.ctx.images.store.find(this.cache.image(key) ?? "")) return undefined;
    return step;
  }

  private fromCache(state: BuildState, key: string, v: Vertex): boolean {
    const step = this.cachedStep(key);
    if (!step) return false;
    this.cache.use(key);
    applyStep(state, step, key);
    if (this.options.classic) this.classicCommit(state, key, true, false);
    else v.cached();
    return true;
  }

  private async runStep(state: BuildState, inst: Instruction, label: string): Promise<void> {
    const shell = state.config.Shell?.length ? state.config.Shell : ["/bin/sh", "-c"];
    const heredoc = inst.heredocs[0];
    const script = heredoc && /^<<-?["']?\w+["']?$/.test(inst.rest) ? heredoc.content : inst.rest;
    const argv = inst.json ?? [...shell, script];
    const env = [...state.args].map(([k, v]) => `${k}=${v}`);
    const key = stepKey(state, "run", JSON.stringify(argv), JSON.stringify(env), JSON.stringify(state.config.Env ?? []));
    const v = this.vertex(`${label}${inst.original}`);
    if (this.fromCache(state, key, v)) return;
    v.start();
    let containerId = "";
    const result = await runInContainer(this.ctx, state, argv, env, {
      created: (id) => {
        containerId = id;
        this.say(` ---> Running in ${truncateId(id)}`);
      },
      output: (stream, data) => {
        if (this.options.classic) this.out.stream(data);
        else v.log(stream, data);
      },
    });
    if (result.exitCode !== 0) {
      const command = argv.join(" ");
      const message = this.options.classic
        ? `The command '${command}' returned a non-zero code: ${result.exitCode}`
        : `process "${command}" did not complete successfully: exit code: ${result.exitCode}`;
      v.fail(message);
      throw new BuildError(message, result.exitCode, {
        name: `${label}${inst.original}`,
        file: this.options.dockerfile || "Dockerfile",
        lines: [inst.startLine, inst.endLine],
      });
    }
    v.done();
    if (this.options.classic) this.say(` ---> Removed intermediate container ${truncateId(containerId)}`);
    // Build args in scope are part of the command's record: `RUN |1 VERSION=2 /bin/sh -c ...`.
    const withArgs = env.length > 0 ? `|${env.length} ${env.join(" ")} ${argv.join(" ")}` : argv.join(" ");
    const createdBy = this.options.classic ? withArgs : `RUN ${withArgs} # buildkit`;
    const step = { layer: result.layer, history: { created: this.ctx.isoNow(), createdBy, emptyLayer: false, ...this.comment() } };
    this.cache.set(key, step, { description: `${label}${inst.original}`, parent: state.cacheKey });
    applyStep(state, step, key);
    if (this.options.classic) this.classicCommit(state, key, false, false);
  }

  private async copyStep(stage: Stage, state: BuildState, inst: Instruction, label: string): Promise<void> {
    const env = this.env(state);
    const words = inst.json ?? this.lexer.words(inst.rest, env);
    if (words.length < 2)
      throw new BuildError(
        `dockerfile parse error on line ${inst.startLine}: ${inst.keyword.toUpperCase()} requires at least two arguments, but only one was provided. Destination could not be determined`,
      );
    const dest = words[words.length - 1];
    let sources = words.slice(0, -1);
    let from = this.context;
    const fromFlag = flagValue(inst, "from");
    if (fromFlag) {
      const name = this.lexer.word(fromFlag, env);
      const src = stageByName(this.plan, name, stage.index);
      const layers = src ? (this.results.get(src.index)?.layers ?? []) : (await this.ensureImage(name)).layers;
      from = new OverlayFileSystem(layers, new Layer(), this.now);
    } else if (inst.heredocs.length > 0) {
      from = new OverlayFileSystem([], new Layer(), this.now);
      for (const hd of inst.heredocs) from.writeFile(`/${hd.name}`, hd.expand ? this.lexer.word(hd.content, env) : hd.content);
      sources = sources.map((s) => s.replace(/^<<-?["']?(\w+)["']?$/, "$1"));
    } else this.loadContext();
    const chownSpec = flagValue(inst, "chown");
    const rootfs = new OverlayFileSystem(state.layers, new Layer(), this.now);
    const v = this.vertex(`${label}${inst.original}`);
    let checksum: string;
    try {
      checksum = sourceChecksum(from, resolveSources(from, sources));
    } catch (err) {
      if (!(err instanceof CopySourceError)) throw err;
      v.start().fail(err.message);
      throw new BuildError(err.message, 1, {
        name: `${label}${inst.original}`,
        file: this.options.dockerfile || "Dockerfile",
        lines: [inst.startLine, inst.endLine],
      });
    }
    const key = stepKey(state, inst.keyword, inst.original, checksum, state.config.WorkingDir ?? "");
    if (this.fromCache(state, key, v)) return;
    v.start();
    const chmod = flagValue(inst, "chmod");
    const layer = copyIntoLayer(
      from,
      state.layers,
      {
        sources,
        dest,
        workdir: state.config.WorkingDir ?? "/",
        chown: chownSpec ? resolveChown(rootfs, this.lexer.word(chownSpec, env)) : undefined,
        chmod: chmod ? Number.parseInt(chmod, 8) : undefined,
        extract: inst.keyword === "add",
      },
      this.now,
    );
    v.done();
    const createdBy = this.options.classic
      ? `/bin/sh -c #(nop) ${inst.keyword.toUpperCase()} ${checksum.replace("sha256:", "file:")} in ${dest} `
      : `${inst.original} # buildkit`;
    const step = { layer, history: { created: this.ctx.isoNow(), createdBy, emptyLayer: false, ...this.comment() } };
    this.cache.set(key, step, { description: `${label}${inst.original}`, parent: state.cacheKey });
    applyStep(state, step, key);
    if (this.options.classic) this.classicCommit(state, key, false, false);
  }

  /** BuildKit's `[internal] load build context`, once, before the first copy from it. */
  private loadContext(): void {
    if (this.contextLoaded) return;
    this.contextLoaded = true;
    const v = this.vertex("[internal] load build context").start();
    v.status(`transferring context: ${byteSize(contextBytes(this.context, "/"))}`);
    v.done();
  }

  private async workdirStep(state: BuildState, inst: Instruction, label: string): Promise<void> {
    const path = this.lexer.word(inst.rest, this.env(state));
    const dir = path.startsWith("/") ? path : `${(state.config.WorkingDir || "/").replace(/\/$/, "")}/${path}`;
    state.config.WorkingDir = dir;
    const key = stepKey(state, "workdir", dir);
    const v = this.vertex(`${label}${inst.original}`);
    if (this.fromCache(state, key, v)) return;
    v.start();
    const upper = new Layer();
    const rootfs = new OverlayFileSystem(state.layers, upper, this.now);
    const exists = rootfs.exists(dir);
    if (!exists) rootfs.mkdir(dir, { recursive: true, mode: 0o755 });
    v.done();
    const createdBy = this.options.classic ? `/bin/sh -c #(nop) WORKDIR ${dir}` : `WORKDIR ${dir}`;
    const step = {
      layer: exists ? null : commitLayer(upper),
      history: { created: this.ctx.isoNow(), createdBy, emptyLayer: exists, ...this.comment() },
    };
    this.cache.set(key, step, { description: `${label}${inst.original}`, parent: state.cacheKey });
    applyStep(state, step, key);
    if (this.options.classic) this.classicCommit(state, key, false, true);
  }

  private export(state: BuildState): Image {
    if (this.options.labels) {
      const labels = Object.entries(this.options.labels);
      if (labels.length > 0) state.config.Labels = { ...(state.config.Labels ?? {}), ...this.options.labels };
    }
    if (this.options.classic) {
      const image = this.ctx.images.store.get(state.imageId);
      this.out.aux("moby.image.id", { ID: image.id });
      this.say(`Successfully built ${truncateId(image.id)}`);
      for (const tag of this.options.tags) {
        this.tag(image, tag);
        this.say(`Successfully tagged ${familiar(tag)}`);
      }
      return image;
    }
    const v = this.vertex("exporting to image").start();
    const lastCreated = state.history[state.history.length - 1]?.created ?? this.ctx.isoNow();
    const image = this.ctx.images.store.add(imageOf(state, lastCreated, ""));
    v.status("exporting layers");
    v.status(`writing image ${image.id}`);
    for (const tag of this.options.tags) {
      this.tag(image, tag);
      v.status(`naming to ${fullName(tag)}`);
    }
    v.done();
    this.out.aux("moby.image.id", { ID: image.id });
    return image;
  }

  private tag(image: Image, name: string): void {
    const ref = parseReference(name);
    this.ctx.images.tag(image.id, familiarName(ref), ref.tag ?? "latest");
  }
}

function cloneState(state: BuildState): BuildState {
  return {
    ...state,
    config: JSON.parse(JSON.stringify(state.config)),
    layers: [...state.layers],
    diffIds: [...state.diffIds],
    layerSizes: [...state.layerSizes],
    history: [...state.history],
    args: new Map(),
  };
}

/** `docker.io/library/python:3.6.1-alpine`, as BuildKit names images. */
function fullName(name: string): string {
  try {
    return fullString(parseReference(name));
  } catch {
    return name;
  }
}

/** The classic builder's `Successfully tagged python-hello-world:latest`. */
function familiar(name: string): string {
  const ref = parseReference(name);
  return familiarString({ ...ref, tag: ref.tag ?? "latest" });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** go-units' HumanSize as BuildKit's progress shows transfer sizes: `140B`, `2.05kB`. */
function byteSize(text: string | number): string {
  const n = typeof text === "number" ? text : byteLength(text);
  if (n < 1000) return `${n}B`;
  const units = ["kB", "MB", "GB"];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(3))}${units[unit]}`;
}

/** The size of the files of the context (what the client transfers). */
function contextBytes(fs: FileSystem, path: string): number {
  const stats = fs.lstat(path);
  if (stats.type !== "dir") return stats.size;
  let total = 0;
  for (const child of fs.readdir(path)) total += contextBytes(fs, path === "/" ? `/${child}` : `${path}/${child}`);
  return total;
}
