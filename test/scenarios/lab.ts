/**
 * `.lab` files (shared/SIM.md): a script with expectations on the output and exit status
 * of the last typed line, run on a fresh 5-host playground with seed 1.
 */

import { type Expectation, unmetExpectation } from "../../src/sim/expect";
import { parseDirective, type Step } from "../../src/sim/script";
import { type Entry, Simulation } from "../../src/sim/simulation";

export type { Expectation };

export interface LabStep {
  step: Step;
  line: number;
  expectations: Expectation[];
}

export function parseLab(text: string): LabStep[] {
  const steps: LabStep[] = [];
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const no = i + 1;
    const expect = (e: Expectation) => {
      // A `#! wait` types nothing: expectations after it are still about the last typed
      // line, whose output goes on until the next input (a `docker stop` that takes 10 s).
      const last = steps.findLast((s) => s.step.kind !== "wait");
      if (!last || (last.step.kind !== "type" && last.step.kind !== "key")) throw new Error(`line ${no}: expectation before any input`);
      last.expectations.push(e);
    };
    if (line.trim() === "") return;
    if (line.startsWith("#!")) steps.push({ step: parseDirective(line, no), line: no, expectations: [] });
    else if (line.startsWith("#")) return;
    else if (line.startsWith("@")) steps.push({ step: { kind: "node", name: line.slice(1).trim() }, line: no, expectations: [] });
    else if (line.startsWith("$ ") || line === "$") steps.push({ step: { kind: "type", text: line.slice(2) }, line: no, expectations: [] });
    else if (line.startsWith("~ ")) expect({ kind: "match", regex: new RegExp(line.slice(2)), line: no });
    else if (line.startsWith("= ")) expect({ kind: "exact", text: line.slice(2).trimEnd(), line: no });
    else if (line.startsWith("! ")) expect({ kind: "absent", regex: new RegExp(line.slice(2)), line: no });
    else if (line.startsWith("? ")) expect({ kind: "status", code: Number(line.slice(2)), line: no });
    else throw new Error(`line ${no}: cannot parse '${line}'`);
  });
  return steps;
}

export interface LabFailure {
  line: number;
  message: string;
}

/** Runs a lab; returns every expectation that failed, with the output it was checked against. */
export async function runLab(text: string): Promise<{ failures: LabFailure[]; transcript: string }> {
  const steps = parseLab(text);
  const sim = new Simulation({ nodes: 5, seed: 1 });
  await sim.start();
  const failures: LabFailure[] = [];
  const checks: Array<{ entry: Entry; expectations: Expectation[] }> = [];
  for (const { step, expectations } of steps) {
    const before = sim.entries.length;
    await sim.step(step);
    if (sim.entries.length > before) checks.push({ entry: sim.entries[sim.entries.length - 1], expectations });
  }
  await sim.run([]);
  for (const { entry, expectations } of checks) {
    for (const e of expectations) {
      const why = unmetExpectation(e, entry.output, entry.exit);
      if (why === null) continue;
      failures.push({
        line: e.line,
        message: `${why}\n  after: ${entry.input}\n  output:\n${indent(entry.output)}  exit: ${entry.exit}`,
      });
    }
  }
  return { failures, transcript: sim.transcriptText() };
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    | ${l}`)
    .join("\n");
}
