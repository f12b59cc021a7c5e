/**
 * The build: parse the Dockerfile, then dispatch its instructions stage by stage (moby's
 * evaluator.go documents this parse-then-dispatch shape). One evaluator serves both
 * frontends: BuildKit's (the default: a trace of vertices, `# buildkit` history) and the
 * classic builder's (DOCKER_BUILDKIT=0: `Step n/m`, one committed image per step).
 * Each instruction that touches the filesystem has its own dispatcher (dispatch-*.ts);
 * what the steps share lives in the build's session.
 */
import { untar } from "../../fs/archive";
import { digest } from "../../fs/digest";
import { Layer } from "../../fs/layer";
import { OverlayFileSystem } from "../../fs/overlay";
import type { DaemonContext } from "../context";
import { truncateId } from "../ids";
import type { Image } from "../image/image";
import { familiarName, parseReference } from "../image/reference";
import { type CheckWarning, checkConfig, runChecks, shortMessage } from "./checks/lint";
import { dispatchCopy } from "./dispatch-copy";
import { dispatchRun } from "./dispatch-run";
import { dispatchWorkdir } from "./dispatch-workdir";
import { dispatchMetadata, historyText, isMetadata } from "./dispatchers";
import { BuildError, errorText } from "./errors";
import { exportImage } from "./export";
import { Lexer } from "./lex";
import { fullName } from "./names";
import { type BuildOptions, PREDEFINED_ARGS } from "./options";
import { type Dockerfile, DockerfileParseError, type Instruction, parseDockerfile } from "./parser";
import { defaultArgs, formatPlatform, HOST_PLATFORM, indexPlatforms, type Platform, parsePlatform } from "./platform";
import type { BuildOutput, Vertex } from "./progress";
import { parseRemote, remoteFailure } from "./remote";
import { BuildSession } from "./session";
import { layerSteps, neededStages, planStages, type Stage, stageByName, targetStage } from "./stages";
import { type BuildState, cloneState, scratchState, stateFromImage, stepKey } from "./state";
import { byteLength, byteSize } from "./transfer";

export { BuildError } from "./errors";
export type { BuildOptions } from "./options";

/** The built image; undefined for `--check`, which only reports the checks. */
export async function build(ctx: DaemonContext, contextTar: string, options: BuildOptions, out: BuildOutput): Promise<Image | undefined> {
  const context = new OverlayFileSystem([], new Layer(), () => ctx.clock.now());
  if (contextTar !== "") untar(context, contextTar, "/", { noLchown: false });
  return new Builder(new BuildSession(ctx, context, options, out)).run();
}

class Builder {
  private stepIndex = 1;
  private stepTotal = 0;
  private file!: Dockerfile;
  private metaEnv = new Map<string, string>();
  private warnings: CheckWarning[] = [];
  private platform: Platform = HOST_PLATFORM;

  constructor(private readonly s: BuildSession) {}

  private get options(): BuildOptions {
    return this.s.options;
  }

  async run(): Promise<Image | undefined> {
    const s = this.s;
    // The API refuses a platform it cannot parse before the build starts (moby postBuild).
    if (this.options.platform) this.platform = parsePlatform(this.options.platform);
    if (this.options.remote) this.loadRemote(this.options.remote);
    this.loadDefinition();
    if (this.options.check) {
      await this.loadMetadata(s.plan.stages);
      this.loadDockerignore();
      s.out.aux("moby.buildkit.lint", { warnings: this.warnings });
      return undefined;
    }
    const target = targetStage(s.plan, this.options.target);
    const stages = s.classic ? s.plan.stages.slice(0, target.index + 1) : neededStages(s.plan, target);
    this.stepTotal = s.plan.metaArgs.length + stages.reduce((n, st) => n + 1 + st.commands.length, 0);
    for (const arg of s.plan.metaArgs) {
      s.say(`Step ${this.stepIndex++}/${this.stepTotal} : ${arg.original}`);
    }
    if (!s.classic) await this.loadMetadata(stages);
    if (!s.classic) this.loadDockerignore();
    let state = scratchState();
    for (const stage of stages) {
      state = await this.buildStage(stage, s.plan.stages.length > 1);
      s.results.set(stage.index, state);
    }
    return exportImage(s, state);
  }

  /** A remote context: fetched by the daemon's BuildKit, which cannot reach the internet here. */
  private loadRemote(url: string): never {
    const remote = parseRemote(url);
    if (!remote) throw new BuildError(`unable to prepare context: path ${JSON.stringify(url)} not found`);
    const failure = remoteFailure(this.s.ctx, remote);
    this.s.vertex(failure.vertex).start().fail(failure.vertexError);
    throw new BuildError(failure.message);
  }

  private loadDefinition(): void {
    const s = this.s;
    const name = this.options.dockerfile || "Dockerfile";
    const v = s.vertex(`[internal] load build definition from ${name.split("/").pop()}`).start();
    const path = `/${name.replace(/^\.?\//, "")}`;
    let text: string;
    try {
      text = s.context.readText(path);
    } catch {
      const message = s.classic
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
      s.lexer = new Lexer(this.file.directives.escape);
      s.plan = planStages(this.file);
      if (!s.classic) this.check(v);
    } catch (err) {
      parseError = err;
    }
    v.done();
    if (parseError !== undefined) {
      const err = parseError;
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof DockerfileParseError && s.classic) throw new BuildError(message.replace(" on line ", " line "));
      throw new BuildError(message);
    }
    // `# check=error=true`: a warning fails the build (linter.Error), once the definition is loaded.
    if (!this.options.check && this.warnings.length > 0 && checkConfig(this.file.directives.check).error) {
      throw new BuildError(`lint violation found for rules: ${[...new Set(this.warnings.map((w) => w.rule))].join(", ")}`);
    }
    for (const name of PREDEFINED_ARGS) if (name in this.options.buildArgs) this.metaEnv.set(name, this.options.buildArgs[name]);
    if (!s.classic) {
      for (const [name, value] of defaultArgs(this.platform, this.options.target, this.options.buildArgs)) this.metaEnv.set(name, value);
    }
    for (const arg of s.plan.metaArgs) this.declareArgs(arg, this.metaEnv, this.metaEnv);
  }

  /**
   * BuildKit's build checks, reported as warnings of the build definition's vertex; the
   * client lists them again when the build ends. Base images already here lend their ENV.
   */
  private check(v: Vertex): void {
    this.warnings = runChecks(this.file, {
      imageEnv: (name) => this.s.ctx.images.store.find(name)?.config.Env?.map((e) => e.split("=")[0]),
    });
    for (const w of this.warnings) v.warn(shortMessage(w), w.description, w.url, [w.startLine, w.endLine]);
  }

  /** ARG name[=default]...: the --build-arg value wins over the default. */
  private declareArgs(inst: Instruction, into: Map<string, string>, env: Map<string, string>): void {
    for (const word of this.s.lexer.words(inst.rest, env)) {
      const eq = word.indexOf("=");
      const name = eq < 0 ? word : word.slice(0, eq);
      const value = this.options.buildArgs[name] ?? (eq < 0 ? this.metaEnv.get(name) : word.slice(eq + 1));
      if (value !== undefined) into.set(name, value);
    }
  }

  private baseName(stage: Stage): string {
    return this.s.lexer.word(stage.base, this.metaEnv);
  }

  /** FROM --platform (expanded with the global ARGs), else the build's target platform. */
  private stagePlatform(stage: Stage): Platform {
    if (!stage.platform) return this.platform;
    const value = this.s.lexer.word(stage.platform, this.metaEnv);
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
    if (this.s.classic) throw new BuildError(`no matching manifest for ${wanted} in the manifest list entries`);
    throw new BuildError(`${base}: failed to resolve source metadata for ${fullName(base)}: no match for platform in manifest: not found`);
  }

  /** BuildKit resolves every base image first (`[internal] load metadata for ...`). */
  private async loadMetadata(stages: Stage[]): Promise<void> {
    const seen = new Set<string>();
    for (const stage of stages) {
      const base = this.baseName(stage);
      if (base === "scratch" || stageByName(this.s.plan, base, stage.index) || seen.has(base)) continue;
      seen.add(base);
      const v = this.s.vertex(`[internal] load metadata for ${fullName(base)}`).start();
      try {
        this.checkIndex(base, this.stagePlatform(stage));
        await this.s.ensureImage(base, v);
      } catch (err) {
        v.fail(errorText(err));
        throw new BuildError(errorText(err));
      }
      v.done();
    }
  }

  private loadDockerignore(): void {
    const v = this.s.vertex("[internal] load .dockerignore").start();
    let size = 2;
    try {
      size = byteLength(this.s.context.readText("/.dockerignore"));
    } catch {
      // no .dockerignore: BuildKit transfers an empty list, "2B"
    }
    v.status(`transferring context: ${size}B`);
    v.done();
  }

  private async buildStage(stage: Stage, multi: boolean): Promise<BuildState> {
    const s = this.s;
    const steps = layerSteps(stage);
    const label = (inst: Instruction) => {
      // dockerfile2llb prefixCommand: the stage's name once the Dockerfile has several,
      // and the step number padded to the width of the total (`[ 2/12]`).
      const n = String(steps.indexOf(inst) + 1).padStart(String(steps.length).length, " ");
      const prefix = multi ? `${stage.name || `stage-${stage.index}`} ` : "";
      return `[${prefix}${n}/${steps.length}] `;
    };
    s.say(`Step ${this.stepIndex++}/${this.stepTotal} : ${stage.from.original}`);
    const base = this.baseName(stage);
    let state: BuildState;
    const fromStage = stageByName(s.plan, base, stage.index);
    if (fromStage) {
      state = cloneState(s.results.get(fromStage.index) as BuildState);
    } else if (base === "scratch") {
      state = scratchState();
    } else {
      const platform = this.stagePlatform(stage);
      this.checkIndex(base, platform);
      const image = await s.ensureImage(base);
      const v = s
        .vertex(`${label(stage.from)}FROM ${fullName(base)}${image.repoDigests[0] ? `@${image.repoDigests[0].split("@")[1]}` : ""}`)
        .start();
      v.done();
      state = stateFromImage(image);
      if (formatPlatform(platform) !== formatPlatform(HOST_PLATFORM)) {
        // The index's image for that platform: another image than the engine's own.
        state.platform = formatPlatform(platform);
        state.cacheKey = digest(`${state.cacheKey} ${state.platform}`);
      }
    }
    state.args = new Map();
    if (s.classic) s.say(` ---> ${truncateId(state.imageId)}`);
    await this.onBuildTriggers(stage, state, label(stage.from));
    for (const inst of stage.commands) {
      s.say(`Step ${this.stepIndex++}/${this.stepTotal} : ${inst.original}`);
      await this.dispatch(stage, state, inst, label(inst));
      if (s.classic) s.say(` ---> ${truncateId(state.imageId)}`);
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
    this.s.say(`# Executing ${triggers.length} build ${triggers.length === 1 ? "trigger" : "triggers"}`);
    for (const trigger of triggers) {
      for (const inst of parseDockerfile(trigger).instructions) await this.dispatch(stage, state, inst, label);
    }
  }

  private async dispatch(stage: Stage, state: BuildState, inst: Instruction, label: string): Promise<void> {
    const s = this.s;
    if (inst.keyword === "arg") {
      this.declareArgs(inst, state.args, s.env(state));
    }
    if (isMetadata(inst.keyword)) {
      const env = s.env(state);
      try {
        dispatchMetadata(state, inst, s.lexer, env);
      } catch (err) {
        throw new BuildError(`dockerfile parse error on line ${inst.startLine}: ${errorText(err)}`);
      }
      const key = stepKey(state, "meta", inst.original, JSON.stringify(state.config));
      const cached = this.options.noCache ? undefined : s.cache.get(key);
      const history = cached?.history ?? {
        created: s.ctx.isoNow(),
        createdBy: historyText(inst, state, s.classic),
        emptyLayer: true,
        ...s.comment(),
      };
      if (!cached) s.cache.set(key, { layer: null, history });
      state.history.push(history);
      if (s.classic) s.classicCommit(state, key, cached !== undefined, true);
      return;
    }
    switch (inst.keyword) {
      case "run":
        return dispatchRun(s, state, inst, label);
      case "copy":
      case "add":
        return dispatchCopy(s, stage, state, inst, label);
      case "workdir":
        return dispatchWorkdir(s, state, inst, label);
    }
  }
}
