import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runLab } from "./lab";

/**
 * Every .lab in test/scenarios must pass. Labs from the seed courses are copied here
 * (with corrections and evidence in their comments) as the features they need land.
 */
const dir = join(import.meta.dirname, "labs");
const labs = readdirSync(dir)
  .filter((f) => f.endsWith(".lab"))
  .sort();

describe("labs", () => {
  it("has labs to run", () => {
    expect(labs.length).toBeGreaterThan(0);
  });
  for (const file of labs) {
    it(file, async () => {
      const { failures, transcript } = await runLab(readFileSync(join(dir, file), "utf8"));
      const report = failures.map((f) => `${file}:${f.line}: ${f.message}`).join("\n");
      expect(report, `${report}\n--- transcript ---\n${transcript}`).toBe("");
    });
  }
});
