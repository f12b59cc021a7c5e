/**
 * What the editor marks in a Dockerfile: the parse error `docker build` would stop on (from
 * the builder's own parser, so the text and the line are the same), BuildKit's build checks
 * as `docker build` reports them, and the best-practice advice.
 */
import { DockerfileParseError, parseDockerfile } from "../parser";
import { planStages } from "../stages";
import { type CheckOptions, runChecks } from "./lint";
import { bestPractices } from "./practices";

/** One marker in the editor's Dockerfile: lines and columns 1-based; a whole line when columns are absent. */
export interface DockerfileDiagnostic {
  line: number;
  column?: number;
  endColumn?: number;
  severity: "error" | "warning" | "info";
  /** A build check's name (JSONArgsRecommended), a hadolint-style code (DL3009), or "parse". */
  code: string;
  message: string;
}

export function dockerfileDiagnostics(text: string, options: CheckOptions = {}): DockerfileDiagnostic[] {
  let file: ReturnType<typeof parseDockerfile>;
  try {
    file = parseDockerfile(text);
    planStages(file);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = err instanceof DockerfileParseError ? err.line : firstInstructionLine(text);
    return [{ line, severity: "error", code: "parse", message }];
  }
  const checks: DockerfileDiagnostic[] = runChecks(file, options).map((w) => ({
    line: w.startLine,
    severity: "warning",
    code: w.rule,
    message: w.message,
  }));
  const advice: DockerfileDiagnostic[] = bestPractices(file).map((a) => ({ ...a }));
  return [...checks, ...advice].sort((a, b) => a.line - b.line);
}

/** Errors without a line (an empty Dockerfile, an instruction before FROM) go on the first instruction. */
function firstInstructionLine(text: string): number {
  const lines = text.split("\n");
  const index = lines.findIndex((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  return index < 0 ? 1 : index + 1;
}
