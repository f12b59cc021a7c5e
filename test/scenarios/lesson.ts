/**
 * The lesson test (issue 5): types, slide by slide, every runnable block of a lesson into
 * a fresh playground with the lesson's hosts and seed 1, as a learner clicking along
 * would, then runs the slide's check. A failed check gets the step's solution typed and
 * is checked again: the step must pass then. Each check also runs once before its slide's
 * blocks, and must fail there: a check that already passes cannot tell whether the learner
 * did the step.
 */
import { evaluateCheck } from "../../src/lesson/check/evaluate";
import { TerminalLog } from "../../src/lesson/check/terminal-log";
import { parseLesson } from "../../src/lesson/parse";
import { pastedText } from "../../src/lesson/typed-text";
import type { Check, CheckResult, CodeBlock, Lesson } from "../../src/lesson/types";
import { TerminalRecorder } from "../../src/sim/recorder";
import { renderScreen } from "../../src/sim/screen";
import { Simulation } from "../../src/sim/simulation";

/** How long a typed block may take to give the prompt back before the next one is typed. */
const PROMPT_WAIT_MS = 30_000;
/** How long a check's processes may take (each `$` line is bounded by its own timeout too). */
const CHECK_WAIT_MS = 120_000;
const STEP_MS = 250;
/** Statuses that say the simulator could not run a command at all (command not found, not executable). */
const CANNOT_RUN = new Set([126, 127]);

export interface LessonFailure {
  line: number;
  message: string;
}

export interface LessonRun {
  failures: LessonFailure[];
  /** Steps whose check passed only after their solution was typed: fine, but worth knowing. */
  notes: string[];
  transcript: string;
}

export async function runLessonFile(id: string, text: string): Promise<LessonRun> {
  return runLesson(parseLesson(id, text));
}

export async function runLesson(lesson: Lesson): Promise<LessonRun> {
  const run = new LessonRunner(lesson);
  await run.start();
  for (const slide of lesson.slides) {
    run.log.mark();
    if (slide.check && (await run.check(slide.check)).passed) {
      const line = slide.check.lines[0]?.line ?? 0;
      run.failures.push({ line, message: `slide ${slide.index + 1} (${slide.title}): the check passes before the step's blocks run` });
    }
    run.log.mark();
    for (const part of slide.parts) if (part.kind === "code" && part.block.mode === "run") await run.type(part.block);
    if (!slide.check) continue;
    const first = await run.check(slide.check);
    if (first.passed) continue;
    const runnable = slide.solution.filter((b) => b.mode === "run");
    for (const block of runnable) await run.type(block);
    const second = runnable.length ? await run.check(slide.check) : first;
    const where = `slide ${slide.index + 1} (${slide.title})`;
    if (second.passed) {
      run.notes.push(`${where}: the check passed only after the solution was typed`);
      continue;
    }
    second.items.forEach((item, i) => {
      if (item.passed) return;
      const line = slide.check?.lines[i]?.line ?? 0;
      const after = runnable.length ? "even after its solution" : "and the step has no solution";
      run.failures.push({ line, message: `${where}: '${item.text}' failed ${after}: ${item.detail ?? ""}` });
    });
  }
  return { failures: run.failures, notes: run.notes, transcript: run.sim.transcriptText() };
}

class LessonRunner {
  readonly sim: Simulation;
  readonly log = new TerminalLog();
  readonly failures: LessonFailure[] = [];
  readonly notes: string[] = [];
  /** Whether each host's shell shows its prompt, and the statuses it reported. */
  private readonly recorders = new Map<string, TerminalRecorder>();
  /** The terminal in view: the last host a block named. */
  private current = "node1";

  constructor(private readonly lesson: Lesson) {
    this.sim = new Simulation({ nodes: lesson.hosts, seed: 1 });
    for (const host of this.sim.playground.hosts) {
      const recorder = new TerminalRecorder();
      this.recorders.set(host.name, recorder);
      host.terminal.onOutput((data) => {
        recorder.receive(data);
        this.log.receive(host.name, data);
      });
    }
  }

  async start(): Promise<void> {
    await this.sim.start();
  }

  async type(block: CodeBlock): Promise<void> {
    const name = block.host ?? this.current;
    const recorder = this.recorders.get(name);
    if (!recorder) {
      this.failures.push({
        line: block.line ?? 0,
        message: `the block is for ${name}, but the lesson has ${this.lesson.hosts} host(s)`,
      });
      return;
    }
    this.current = name;
    await this.sim.step({ kind: "node", name });
    if (block.interrupt) {
      await this.sim.step({ kind: "key", keys: ["ctrl-c"] });
      await this.untilPrompt(recorder);
    }
    recorder.takeEntry();
    await this.sim.step({ kind: "type", text: pastedText(block) });
    await this.untilPrompt(recorder);
    const status = recorder.statuses.find((s) => CANNOT_RUN.has(s));
    if (status !== undefined) {
      const output = renderScreen(recorder.peekEntry()).trim().split("\n").slice(-3).join(" | ");
      this.failures.push({ line: block.line ?? 0, message: `the block did not run (status ${status}): ${output}` });
    }
  }

  /** Runs the check while virtual time goes on, as the worker does in real time. */
  async check(check: Check): Promise<CheckResult> {
    const context = {
      host: (name: string) => this.sim.playground.host(name),
      terminalText: (name: string) => this.log.text(name),
      host0: this.current,
    };
    let result: CheckResult | null = null;
    const pending = evaluateCheck(check, context).then((r) => {
      result = r;
    });
    for (let waited = 0; result === null && waited < CHECK_WAIT_MS; waited += STEP_MS) await this.sim.step({ kind: "wait", ms: STEP_MS });
    if (result === null) {
      void pending;
      return { passed: false, items: [{ text: check.source, passed: false, detail: "the check did not finish" }] };
    }
    return result;
  }

  /** Lets virtual time pass until the shell shows its prompt again, within a bound. */
  private async untilPrompt(recorder: TerminalRecorder): Promise<void> {
    for (let waited = 0; !recorder.atPrompt && waited < PROMPT_WAIT_MS; waited += STEP_MS) {
      await this.sim.step({ kind: "wait", ms: STEP_MS });
    }
  }
}
