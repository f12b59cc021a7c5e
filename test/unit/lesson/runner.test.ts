import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLessonFile } from "../../scenarios/lesson";

const fixture = (name: string) => runLessonFile(name, readFileSync(join(import.meta.dirname, "fixtures", `${name}.md`), "utf8"));

describe("the lesson runner", () => {
  it("types every runnable block and passes checks that hold", async () => {
    const run = await fixture("passes");
    expect(run.failures, run.transcript).toEqual([]);
    expect(run.notes).toEqual([]);
    expect(run.transcript).toContain("cat > app/notes.txt <<'EOF1'");
    expect(run.transcript).toContain("interrupted");
  }, 60_000);

  it("types the solution when a check fails, and notes it", async () => {
    const run = await fixture("needs-solution");
    expect(run.failures, run.transcript).toEqual([]);
    expect(run.notes).toEqual(["slide 1 (Make a volume): the check passed only after the solution was typed"]);
  }, 60_000);

  it("reports what still fails after the solution, with the check's lines", async () => {
    const run = await fixture("fails");
    expect(run.failures).toEqual([
      {
        line: 14,
        message:
          "slide 1 (Nothing runs a container here): 'container web is running' failed even after its solution: no container named web",
      },
      {
        line: 16,
        message: "slide 1 (Nothing runs a container here): '? 1' failed even after its solution: the command exited with status 0, not 1",
      },
    ]);
  }, 60_000);

  it("fails a block the simulator cannot run, naming its line, and a block for a host the lesson lacks", async () => {
    const FENCE = "```";
    const run = await runLessonFile(
      "x",
      `---\ntitle: t\n---\n# One\n\n${FENCE}sh\nnosuchcommand --flag\n${FENCE}\n\n${FENCE}sh node3\nls\n${FENCE}\n`,
    );
    expect(run.failures).toEqual([
      { line: 6, message: "the block did not run (status 127): bash: nosuchcommand: command not found" },
      { line: 10, message: "the block is for node3, but the lesson has 1 host(s)" },
    ]);
  }, 60_000);
});
