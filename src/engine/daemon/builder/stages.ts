/**
 * The parsed Dockerfile as build stages (BuildKit's instructions.Parse): the ARGs before
 * the first FROM (meta args), then one stage per FROM with its name (`AS build`), and the
 * stages a target needs (BuildKit builds only those; the classic builder builds every
 * stage up to the target).
 */
import { type Dockerfile, DockerfileParseError, flagValue, type Instruction } from "./parser";

export interface Stage {
  index: number;
  /** `AS name`, lower-cased; "" when unnamed. */
  name: string;
  /** The FROM argument before expansion. */
  base: string;
  platform?: string;
  from: Instruction;
  commands: Instruction[];
}

export interface StagePlan {
  metaArgs: Instruction[];
  stages: Stage[];
}

export function planStages(file: Dockerfile): StagePlan {
  const metaArgs: Instruction[] = [];
  const stages: Stage[] = [];
  for (const inst of file.instructions) {
    if (inst.keyword === "from") {
      const words = inst.rest.split(/\s+/);
      let name = "";
      if (words.length === 3 && words[1].toLowerCase() === "as") name = words[2].toLowerCase();
      else if (words.length !== 1) throw new DockerfileParseError(inst.startLine, "FROM requires either one or three arguments");
      if (name && !/^[a-z][a-z0-9-_.]*$/.test(name)) {
        throw new DockerfileParseError(
          inst.startLine,
          `invalid name for build stage: "${name}", name can't start with a number or contain symbols`,
        );
      }
      stages.push({ index: stages.length, name, base: words[0], platform: flagValue(inst, "platform"), from: inst, commands: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) {
      if (inst.keyword !== "arg") throw new Error("no build stage in current context");
      metaArgs.push(inst);
      continue;
    }
    stage.commands.push(inst);
  }
  if (stages.length === 0) throw new Error("the Dockerfile (Dockerfile) cannot be empty");
  return { metaArgs, stages };
}

/** The stage `--target` names (the last one by default). */
export function targetStage(plan: StagePlan, target: string): Stage {
  if (!target) return plan.stages[plan.stages.length - 1];
  const stage = plan.stages.find((s) => s.name === target.toLowerCase());
  if (!stage) throw new Error(`target stage "${target}" could not be found`);
  return stage;
}

/** A stage a name refers to: `AS` name or index; undefined for an image. */
export function stageByName(plan: StagePlan, name: string, before: number): Stage | undefined {
  const lower = name.toLowerCase();
  const named = plan.stages.find((s) => s.index < before && s.name === lower);
  if (named) return named;
  if (/^\d+$/.test(name) && Number(name) < before) return plan.stages[Number(name)];
  return undefined;
}

/** The stages `target` depends on, through FROM and COPY --from, in order. */
export function neededStages(plan: StagePlan, target: Stage): Stage[] {
  const needed = new Set<number>();
  const visit = (stage: Stage) => {
    if (needed.has(stage.index)) return;
    needed.add(stage.index);
    const fromStage = stageByName(plan, stage.base, stage.index);
    if (fromStage) visit(fromStage);
    for (const inst of stage.commands) {
      const from = inst.keyword === "copy" ? flagValue(inst, "from") : undefined;
      const dep = from ? stageByName(plan, from, stage.index) : undefined;
      if (dep) visit(dep);
    }
  };
  visit(target);
  return plan.stages.filter((s) => needed.has(s.index));
}

/** BuildKit's step names: `[2/3] RUN ...`, or `[build 2/4] RUN ...` when there are several stages. */
export function layerSteps(stage: Stage): Instruction[] {
  return [stage.from, ...stage.commands.filter((c) => ["run", "copy", "add", "workdir"].includes(c.keyword))];
}
