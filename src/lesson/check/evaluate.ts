/**
 * Evaluates a step's check against the playground: each line in order, `@nodeN` moving
 * to another host, `$` lines run in a shell of their own, expectations judged by the same
 * matcher as `.lab` runs (src/sim/expect.ts), state queries through the Engine API.
 */
import type { Host } from "../../engine/playground/host";
import { type Expectation, unmetExpectation } from "../../sim/expect";
import { describeCheckLine } from "../check-line";
import type { Check, CheckItem, CheckLine, CheckResult } from "../types";
import { runCommand } from "./host-process";
import { queryState } from "./state";

export interface CheckContext {
  host(name: string): Host | undefined;
  /** What a host's terminal showed since the step was opened, escape sequences removed. */
  terminalText(host: string): string;
  /** The host a check is about until an `@` line: the terminal in view. */
  host0: string;
}

/** Output and status the next expectations are about. */
interface Subject {
  /** What was shown, as a message names it: "the output of `docker ps` on node1", "node1's terminal". */
  shown: string;
  output: string;
  exit: number | null;
}

export async function evaluateCheck(check: Check, context: CheckContext): Promise<CheckResult> {
  const items: CheckItem[] = [];
  let node = context.host0;
  let subject: Subject | null = null;
  for (const line of check.lines) {
    const text = describeCheckLine(line);
    const item = (detail: string | null) => items.push(detail === null ? { text, passed: true } : { text, passed: false, detail });
    const host = context.host(node);
    if (line.kind === "node") {
      node = line.host;
      subject = null;
      item(context.host(node) ? null : `there is no host ${node} in this lesson`);
      continue;
    }
    if (!host) {
      item(`there is no host ${node} in this lesson`);
      continue;
    }
    if (line.kind === "command") {
      const result = await runCommand(host, line.command);
      subject = { shown: `the output of \`${line.command}\` on ${node}`, output: result.output, exit: result.exit };
      item(result.timedOut ? `\`${line.command}\` did not finish` : null);
    } else if (line.kind === "state") {
      item(await queryState(host, line.query).catch((err: Error) => `could not ask ${node}: ${err.message}`));
    } else {
      const about = subject ?? { shown: `${node}'s terminal`, output: context.terminalText(node), exit: null };
      if (line.kind === "status" && !subject) item(`an exit status needs a \`$\` line before it`);
      else item(explain(expectation(line), about));
    }
  }
  return { passed: items.every((i) => i.passed), items };
}

function expectation(line: Exclude<CheckLine, { kind: "node" | "command" | "state" }>): Expectation {
  switch (line.kind) {
    case "match":
    case "absent":
      return { kind: line.kind, regex: new RegExp(line.pattern), line: line.line };
    case "exact":
      return { kind: "exact", text: line.text, line: line.line };
    case "status":
      return { kind: "status", code: line.code, line: line.line };
  }
}

/** The matcher's reason, said about what was checked. */
function explain(e: Expectation, about: Subject): string | null {
  const why = unmetExpectation(e, about.output, about.exit);
  if (why === null) return null;
  switch (e.kind) {
    case "match":
      return `nothing in ${about.shown} matches ${e.regex.source}`;
    case "exact":
      return `no line of ${about.shown} is '${e.text}'`;
    case "absent":
      return `${about.shown} still shows ${e.regex.source}`;
    case "status":
      return `the command exited with status ${about.exit}, not ${e.code}`;
  }
}
