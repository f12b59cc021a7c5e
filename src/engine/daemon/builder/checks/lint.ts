/**
 * Runs BuildKit's build checks over a parsed Dockerfile (the rules of ./rules.ts, applied where
 * BuildKit applies them: instructions.Parse for MAINTAINER and FROM ... AS, validateStageNames
 * and validateCommandCasing over every stage, and the dispatchers for the rest). One pass,
 * no execution: `docker build` reports the result at the end of the build, `docker build
 * --check` instead of building, and the editor as markers.
 */
import { Lexer, nameValuePairs, splitKeepingQuotes } from "../lex";
import type { Dockerfile, Instruction } from "../parser";
import { RULES, type RuleName } from "./rules";

export interface CheckWarning {
  rule: RuleName;
  description: string;
  url: string;
  /** The rule's message for this case (BuildKit's Detail). */
  message: string;
  /** The lines of the instruction the warning is about, 1-based. */
  startLine: number;
  endLine: number;
}

export interface CheckOptions {
  /**
   * The environment variable names of a base image (its Config.Env), when known. Unknown
   * images are assumed to define PATH, which every image in the catalogue sets.
   */
  imageEnv?(name: string): string[] | undefined;
}

/** `# check=skip=Rule1,Rule2;error=true` (linter.ParseLintOptions). */
export interface CheckConfig {
  skipAll: boolean;
  skip: Set<string>;
  error: boolean;
}

export function checkConfig(directive: string | undefined): CheckConfig {
  const config: CheckConfig = { skipAll: false, skip: new Set(), error: false };
  for (const part of (directive ?? "").trim().split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "skip") {
      if (value === "all") config.skipAll = true;
      else for (const rule of value.split(",")) config.skip.add(rule.trim());
    } else if (key === "error") config.error = ["1", "t", "T", "true", "TRUE", "True"].includes(value);
  }
  return config;
}

/** linter.LintFormatShort: `JSONArgsRecommended: JSON arguments ... (line 4)`. */
export function shortMessage(warning: CheckWarning): string {
  return `${warning.rule}: ${warning.message}${warning.startLine > 0 ? ` (line ${warning.startLine})` : ""}`;
}

/** BuildKit's reserved stage names (dockerfile2llb reservedStageNames). */
const RESERVED_STAGE_NAMES = new Set(["context", "scratch"]);

/** Instructions whose words BuildKit expands, and so checks for undefined variables. */
const EXPANDED = new Set(["add", "copy", "env", "expose", "label", "stopsignal", "user", "volume", "workdir"]);

/** Instructions that only take effect once per stage (validateUsedOnce). */
const USED_ONCE = new Set(["cmd", "entrypoint", "healthcheck"]);

interface StageScan {
  name: string;
  /** Variables an expansion can see: the base image's, ENV's and ARG's. */
  defined: Set<string>;
  shell: boolean;
  workdirSet: boolean;
  last: Map<string, Instruction>;
}

export function runChecks(file: Dockerfile, options: CheckOptions = {}): CheckWarning[] {
  const config = checkConfig(file.directives.check);
  const lexer = new Lexer(file.directives.escape);
  const warnings: CheckWarning[] = [];
  const warn = (rule: RuleName, message: string, at: Instruction) => {
    if (config.skipAll || config.skip.has(rule)) return;
    const { description, url } = RULES[rule];
    warnings.push({ rule, description, url, message, startLine: at.startLine, endLine: at.endLine });
  };

  const metaArgs = new Map<string, string>();
  const stages: StageScan[] = [];
  const stageNames = new Set<string>();
  let stage: StageScan | undefined;
  // validateCommandCasing counts the FROMs and every command of a stage, not the meta ARGs.
  const casings: Array<[string, Instruction]> = [];

  for (const inst of file.instructions) {
    const word = keywordAsWritten(inst);
    if (inst.keyword === "maintainer") warn("MaintainerDeprecated", RULES.MaintainerDeprecated.format(), inst);
    if (inst.keyword === "from") {
      casings.push([word, inst]);
      const args = inst.rest.split(/\s+/);
      const name = args.length === 3 ? args[2] : "";
      if (name && name !== name.toLowerCase()) warn("StageNameCasing", RULES.StageNameCasing.format(name), inst);
      if (name && isSelfConsistent(word)) {
        const as = args[1];
        const lower = word === word.toLowerCase();
        if (as !== (lower ? as.toLowerCase() : as.toUpperCase())) warn("FromAsCasing", RULES.FromAsCasing.format(word, as), inst);
      }
      const stageName = name.toLowerCase();
      if (stageName) {
        if (RESERVED_STAGE_NAMES.has(stageName)) warn("ReservedStageName", RULES.ReservedStageName.format(stageName), inst);
        if (stageNames.has(stageName)) warn("DuplicateStageName", RULES.DuplicateStageName.format(stageName), inst);
        stageNames.add(stageName);
      }
      stage = startStage(args[0], stageName, stages, metaArgs, lexer, options);
      stages.push(stage);
      continue;
    }
    if (!stage) {
      if (inst.keyword === "arg") for (const [k, v] of argPairs(inst, lexer, metaArgs)) metaArgs.set(k, v ?? metaArgs.get(k) ?? "");
      continue;
    }
    casings.push([word, inst]);
    checkInstruction(inst, word, stage, lexer, file.directives.escape, warn);
  }

  let lower = 0;
  let upper = 0;
  for (const [word] of casings) {
    if (!isSelfConsistent(word)) continue;
    if (word === word.toLowerCase()) lower++;
    else upper++;
  }
  const majorityLower = lower > upper;
  for (const [word, inst] of casings) {
    const casing =
      majorityLower && word !== word.toLowerCase() ? "lowercase" : !majorityLower && word !== word.toUpperCase() ? "uppercase" : "";
    if (casing) warn("ConsistentInstructionCasing", RULES.ConsistentInstructionCasing.format(word, casing), inst);
  }

  // buildx sorts `--check`'s warnings by line; the order of one line's warnings is kept.
  return warnings
    .map((w, i) => [w, i] as const)
    .sort(([a, i], [b, j]) => a.startLine - b.startLine || i - j)
    .map(([w]) => w);
}

function startStage(
  base: string,
  name: string,
  stages: StageScan[],
  metaArgs: Map<string, string>,
  lexer: Lexer,
  options: CheckOptions,
): StageScan {
  let image = base;
  try {
    image = lexer.word(base, metaArgs);
  } catch {
    // an unexpandable name: the build reports it; the checks go on with the text
  }
  const parent =
    stages.find((s) => s.name !== "" && s.name === image.toLowerCase()) ?? (/^\d+$/.test(image) ? stages[Number(image)] : undefined);
  let defined: Iterable<string>;
  if (parent) defined = parent.defined;
  else if (image === "scratch") defined = [];
  else defined = options.imageEnv?.(image) ?? ["PATH"];
  return { name, defined: new Set(defined), shell: parent?.shell ?? false, workdirSet: false, last: new Map() };
}

function checkInstruction(
  inst: Instruction,
  word: string,
  stage: StageScan,
  lexer: Lexer,
  escapeChar: string,
  warn: (rule: RuleName, message: string, at: Instruction) => void,
): void {
  const { keyword } = inst;
  if (EXPANDED.has(keyword)) {
    const text = [...inst.flags, inst.rest].join(" ");
    const reported = new Set<string>();
    for (const name of variableReferences(text, escapeChar)) {
      if (stage.defined.has(name) || reported.has(name)) continue;
      reported.add(name);
      warn("UndefinedVar", RULES.UndefinedVar.format(name, suggestion(name, stage.defined)), inst);
    }
  }
  if (USED_ONCE.has(keyword)) {
    const previous = stage.last.get(keyword);
    // The earlier one is reported: it is the one that has no effect.
    if (previous) warn("MultipleInstructionsDisallowed", RULES.MultipleInstructionsDisallowed.format(word), previous);
    stage.last.set(keyword, inst);
  }
  switch (keyword) {
    case "cmd":
    case "entrypoint":
      if (inst.json === null && !stage.shell) warn("JSONArgsRecommended", RULES.JSONArgsRecommended.format(word), inst);
      break;
    case "shell":
      stage.shell = true;
      break;
    case "workdir":
      if (!stage.workdirSet && !inst.rest.startsWith("/") && !inst.rest.startsWith("$")) {
        warn("WorkdirRelativePath", RULES.WorkdirRelativePath.format(inst.rest), inst);
      }
      stage.workdirSet = true;
      break;
    case "env":
    case "label": {
      const words = splitKeepingQuotes(inst.rest);
      if (words.length > 0 && !words[0].includes("=")) warn("LegacyKeyValueFormat", RULES.LegacyKeyValueFormat.format(word), inst);
      if (keyword === "env") {
        try {
          for (const [k] of nameValuePairs(inst.rest, lexer, new Map())) stage.defined.add(k);
        } catch {
          // a malformed ENV fails the build with its own error
        }
      }
      break;
    }
    case "arg":
      for (const [k] of argPairs(inst, lexer, new Map())) stage.defined.add(k);
      break;
    case "expose":
      for (const port of inst.rest.split(/\s+/)) {
        const proto = port.split("/")[1];
        if (proto && proto !== proto.toLowerCase()) warn("ExposeProtoCasing", RULES.ExposeProtoCasing.format(port), inst);
      }
      break;
  }
}

/** ARG's `name[=default]` words; the value is undefined without a default. */
function argPairs(inst: Instruction, lexer: Lexer, env: Map<string, string>): Array<[string, string | undefined]> {
  try {
    return lexer.words(inst.rest, env).map((w) => {
      const eq = w.indexOf("=");
      return eq < 0 ? [w, undefined] : [w.slice(0, eq), w.slice(eq + 1)];
    });
  } catch {
    return [];
  }
}

/** The instruction's keyword with the casing it was written in. */
function keywordAsWritten(inst: Instruction): string {
  return /^\S+/.exec(inst.original)?.[0] ?? inst.keyword;
}

function isSelfConsistent(word: string): boolean {
  return word === word.toLowerCase() || word === word.toUpperCase();
}

/** The names `$NAME` and `${NAME...}` refer to, outside single quotes and escapes (shell/lex.go). */
export function variableReferences(text: string, escapeChar: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === escapeChar) {
      i++;
    } else if (ch === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) break;
      i = end;
    } else if (ch === "$") {
      const m = /^\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i + 1));
      if (m) {
        names.push(m[1]);
        i += m[0].length;
      }
    }
  }
  return names;
}

/** suggest.Search: the closest name within an edit distance of 2, case-sensitive. */
function suggestion(name: string, options: Iterable<string>): string {
  let best = "";
  let min = 3;
  for (const option of options) {
    const d = levenshtein(name, option);
    if (d < min) {
      min = d;
      best = option;
    }
  }
  return best;
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
}
