import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLessonFile } from "./lesson";

/**
 * Every lesson of the course runs in the simulator (issue 5): each runnable block is
 * typed into a fresh playground with the lesson's hosts and seed 1, and every step's
 * check passes, with its solution typed when the learner's own work is needed.
 */
const dir = join(import.meta.dirname, "../../lessons");
const lessons = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /^\d+-.+\.md$/.test(f))
      .sort()
  : [];

describe("lessons", () => {
  it("has a lessons directory", () => {
    expect(existsSync(dir)).toBe(true);
  });
  for (const file of lessons) {
    it(file, async () => {
      const { failures, transcript } = await runLessonFile(file.replace(/\.md$/, ""), readFileSync(join(dir, file), "utf8"));
      const report = failures.map((f) => `lessons/${file}:${f.line}: ${f.message}`).join("\n");
      expect(report, `${report}\n--- transcript ---\n${transcript}`).toBe("");
    }, 600_000);
  }
});
