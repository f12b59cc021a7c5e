import { useState } from "react";
import type { CheckResult, Slide } from "../../../../lesson/types";
import type { CheckRunner } from "../checks";
import type { Terminals } from "../terminalInput";
import { CodeBlockView } from "./CodeBlockView";
import { Markdown } from "./Markdown";

interface StepPanelProps {
  slide: Slide;
  checks: CheckRunner;
  terminals: Terminals;
  /** Whether this step passed before (kept in the learner's progress). */
  done: boolean;
  onPassed(): void;
}

type CheckState = { kind: "idle" } | { kind: "running" } | { kind: "done"; result: CheckResult };

/**
 * The end of a step slide: the Check button and what it found, hints one at a time, and
 * the solution behind a toggle. The parent gives each slide its own instance (key), so
 * a new slide starts with no result and no hint shown.
 */
export function StepPanel({ slide, checks, terminals, done, onPassed }: StepPanelProps) {
  const [state, setState] = useState<CheckState>({ kind: "idle" });
  const [hintsShown, setHintsShown] = useState(0);
  const [solution, setSolution] = useState(false);
  const check = slide.check;
  if (!check) return null;

  const run = async () => {
    setState({ kind: "running" });
    const result = await checks.run(check);
    setState({ kind: "done", result });
    if (result.passed) onPassed();
  };

  return (
    <section className="step" aria-label="Step">
      <div className="step-bar">
        <button type="button" className="step-check" onClick={() => void run()} disabled={state.kind === "running"}>
          {state.kind === "running" ? "Checking…" : "Check"}
        </button>
        {done && state.kind !== "done" && <span className="step-done">✓ Done before</span>}
      </div>
      <div className="step-result" aria-live="polite">
        {state.kind === "done" && <CheckResultView result={state.result} />}
      </div>
      {slide.hints.length > 0 && (
        <div className="step-hints">
          {slide.hints.slice(0, hintsShown).map((hint, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: hints never reorder; their position is their identity
            <Markdown key={i} className="step-hint markdown" text={hint} />
          ))}
          {hintsShown < slide.hints.length && (
            <button type="button" className="step-hint-next" onClick={() => setHintsShown((n) => n + 1)}>
              {hintsShown === 0 ? "Show a hint" : "Show another hint"} ({hintsShown}/{slide.hints.length})
            </button>
          )}
        </div>
      )}
      {slide.solution.length > 0 && (
        <div className="step-solution">
          <button type="button" className="step-solution-toggle" aria-expanded={solution} onClick={() => setSolution((s) => !s)}>
            {solution ? "Hide solution" : "Show solution"}
          </button>
          {solution &&
            slide.solution.map((block, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a slide's blocks never reorder
              <CodeBlockView key={i} block={block} terminals={terminals} />
            ))}
        </div>
      )}
    </section>
  );
}

function CheckResultView({ result }: { result: CheckResult }) {
  return (
    <div className={result.passed ? "check-result passed" : "check-result failed"} data-passed={result.passed ? "true" : "false"}>
      <p className="check-summary">{result.passed ? "✓ Step complete" : "✗ Not yet"}</p>
      <ul className="check-items">
        {result.items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the items are the check's lines, in order
          <li key={i} className={item.passed ? "check-item passed" : "check-item failed"}>
            <span className="check-mark" aria-hidden="true">
              {item.passed ? "✓" : "✗"}
            </span>
            <code>{item.text}</code>
            <span className="sr-only">{item.passed ? " passed" : " failed"}</span>
            {!item.passed && item.detail && <span className="check-detail">{item.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
