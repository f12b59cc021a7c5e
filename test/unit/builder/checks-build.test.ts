// docker build's report of the build checks. Formats: buildx commands/build.go printWarnings
// ("\n " + yellow "1 warning found (use docker --debug to expand):\n" + " - <short>\n"), the
// plain progress's "#1 WARN: <short>" (buildkit util/progress/progressui printer.go), and
// --check's printResult "lint" ("Check complete, 1 warning has been found!", then
// lint.Warning.PrintTo: "\nWARNING: <rule> - <url>\n<detail>\n" and the source excerpt).
import { beforeAll, describe, expect, it } from "vitest";
import { BuildProgress } from "../../../src/cli/command/image/build/progress";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("docker build and the build checks", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string) => sim.entries.find((e) => e.input === input);
  const BUILD = "docker build --progress=plain -t checked .";

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          "mkdir app && cd app",
          `printf 'FROM alpine\\nWORKDIR /app\\nCOPY . .\\nCMD python app.py\\n' > Dockerfile`,
          BUILD,
          "docker build --check .",
          `printf 'FROM alpine\\nCMD ["sh"]\\n' > Dockerfile.ok`,
          "docker build --check -f Dockerfile.ok .",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("prints each warning under the definition, then the summary at the end", () => {
    const build = out(BUILD);
    expect(build?.exit).toBe(0);
    const short = "JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 4)";
    expect(build?.output).toContain(`#1 transferring dockerfile: 52B done\n#1 WARN: ${short}\n#1 DONE 0.0s\n`);
    // The terminal's text, colours aside (the summary's count is yellow).
    const text = build?.output.replace(/\x1b\[[0-9;]*m/g, "") ?? "";
    expect(text.endsWith(`#8 DONE 0.0s\n\n\n 1 warning found (use docker --debug to expand):\n - ${short}\n`)).toBe(true);
  });

  it("colours the count as aec does, even off a terminal", () => {
    const progress = new BuildProgress("plain", () => {});
    progress.update({ warnings: [{ Vertex: "d", Level: 1, Short: "R: m (line 1)", Detail: ["x"], URL: "" }] });
    expect(progress.warningSummary()).toBe("\n \x1b[33m1 warning found (use docker --debug to expand):\n\x1b[0m - R: m (line 1)\n");
    expect(new BuildProgress("quiet", () => {}).warningSummary()).toBe("");
  });

  it("reports the checks with --check, without building", () => {
    const check = out("docker build --check .");
    expect(check?.exit).toBe(0);
    expect(check?.output).not.toContain("exporting to image");
    expect(check?.output).toContain(
      [
        "Check complete, 1 warning has been found!",
        "",
        "WARNING: JSONArgsRecommended - https://docs.docker.com/go/dockerfile/rule/json-args-recommended/",
        "JSON arguments recommended for CMD to prevent unintended behavior related to OS signals",
        "Dockerfile:4",
        "--------------------",
        "   2 |     WORKDIR /app",
        "   3 |     COPY . .",
        "   4 | >>> CMD python app.py",
        "   5 |",
        "--------------------",
        "",
      ].join("\n"),
    );
    expect(out("docker build --check -f Dockerfile.ok .")?.output).toContain("Check complete, no warnings found.\n");
  });
});
