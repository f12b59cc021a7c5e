/**
 * The expectations of shared/SIM.md (`~ regex`, `= text`, `! regex`, `? N`) and how one is
 * judged against output and an exit status: one matcher for `.lab` runs and lesson checks.
 */
export type Expectation =
  | { kind: "match"; regex: RegExp; line: number }
  | { kind: "exact"; text: string; line: number }
  | { kind: "absent"; regex: RegExp; line: number }
  | { kind: "status"; code: number; line: number };

/** Why `output` (and `exit`) does not meet the expectation, or null when it does. */
export function unmetExpectation(e: Expectation, output: string, exit: number | null): string | null {
  const lines = output.split("\n");
  if (lines.at(-1) === "") lines.pop();
  switch (e.kind) {
    case "match":
      return lines.some((l) => e.regex.test(l)) ? null : `no line matches /${e.regex.source}/`;
    case "exact":
      return lines.some((l) => l.trimEnd() === e.text) ? null : `no line is exactly '${e.text}'`;
    case "absent":
      return lines.some((l) => e.regex.test(l)) ? `a line matches /${e.regex.source}/` : null;
    case "status":
      return exit === e.code ? null : `exit status is ${exit}, expected ${e.code}`;
  }
}
