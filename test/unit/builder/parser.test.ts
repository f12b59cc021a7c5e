// The Dockerfile parser on the edge cases of the Dockerfile reference
// (docs.docker.com/reference/dockerfile: parser directives, line continuations, comments,
// here-documents, exec and shell forms) and BuildKit's error text
// ("dockerfile parse error on line 2: unknown instruction: FOO", frontend/dockerfile/parser).
import { describe, expect, it } from "vitest";
import { DockerfileParseError, flagValue, parseDockerfile } from "../../../src/engine/daemon/builder/parser";
import { layerSteps, neededStages, planStages, targetStage } from "../../../src/engine/daemon/builder/stages";

describe("Dockerfile parser", () => {
  it("reads instructions with their line numbers, exec and shell forms", () => {
    const file = parseDockerfile('FROM python:3.6.1-alpine\nRUN pip install flask\nCMD ["python","app.py"]\nCOPY app.py /app.py\n');
    expect(file.instructions.map((i) => [i.keyword, i.startLine])).toEqual([
      ["from", 1],
      ["run", 2],
      ["cmd", 3],
      ["copy", 4],
    ]);
    expect(file.instructions[1].json).toBeNull();
    expect(file.instructions[2].json).toEqual(["python", "app.py"]);
    expect(file.instructions[2].original).toBe('CMD ["python","app.py"]');
  });

  it("joins continuation lines, skipping comments and blank lines inside them", () => {
    const file = parseDockerfile("FROM alpine\nRUN apk add \\\n# a comment\n    curl \\\n\n    git\nCMD sh\n");
    expect(file.instructions[1].rest).toBe("apk add     curl     git");
    expect(file.instructions[1].startLine).toBe(2);
    expect(file.instructions[2].startLine).toBe(7);
  });

  it("honours the escape directive and records the syntax directive", () => {
    const file = parseDockerfile("# syntax=docker/dockerfile:1\n# escape=`\nFROM alpine\nRUN echo a `\n  b\n");
    expect(file.directives).toEqual({ syntax: "docker/dockerfile:1", escape: "`" });
    expect(file.instructions[1].rest).toBe("echo a   b");
  });

  it("a directive after the first instruction is a comment", () => {
    const file = parseDockerfile("FROM alpine\n# escape=`\nRUN echo a \\\n b\n");
    expect(file.directives.escape).toBe("\\");
    expect(file.instructions[1].rest).toBe("echo a  b");
  });

  it("reads here-documents, <<- stripping leading tabs", () => {
    const file = parseDockerfile("FROM alpine\nRUN <<EOF\necho one\necho two\nEOF\nCOPY <<-EOT /greeting\n\thello\n\tEOT\nCMD sh\n");
    expect(file.instructions[1].heredocs).toEqual([{ name: "EOF", content: "echo one\necho two\n", expand: true, chomp: false }]);
    expect(file.instructions[2].heredocs[0]).toMatchObject({ name: "EOT", content: "hello\n", chomp: true });
    expect(file.instructions[3].startLine).toBe(9);
  });

  it("separates flags from arguments", () => {
    const inst = parseDockerfile("COPY --from=build --chown=1000:1000 /out /app\n").instructions[0];
    expect(inst.flags).toEqual(["--from=build", "--chown=1000:1000"]);
    expect(flagValue(inst, "chown")).toBe("1000:1000");
    expect(flagValue(inst, "from")).toBe("build");
    expect(inst.rest).toBe("/out /app");
  });

  it("reports an unknown instruction with its line number", () => {
    expect(() => parseDockerfile("FROM alpine\nFOO bar\n")).toThrow(new DockerfileParseError(2, "unknown instruction: FOO"));
    expect(() => parseDockerfile("FROM alpine\nFOO bar\n")).toThrow("dockerfile parse error on line 2: unknown instruction: FOO");
  });

  it("keywords are case-insensitive", () => {
    expect(parseDockerfile("from alpine\nrun echo hi\n").instructions.map((i) => i.keyword)).toEqual(["from", "run"]);
  });
});

describe("build stages", () => {
  const file = parseDockerfile(
    "ARG BASE=alpine\nFROM $BASE AS build\nRUN make\nFROM busybox AS unused\nRUN true\nFROM busybox\nWORKDIR /app\nCOPY --from=build /out .\nCMD app\n",
  );
  const plan = planStages(file);

  it("splits meta args and stages", () => {
    expect(plan.metaArgs.map((a) => a.rest)).toEqual(["BASE=alpine"]);
    expect(plan.stages.map((s) => [s.name, s.base])).toEqual([
      ["build", "$BASE"],
      ["unused", "busybox"],
      ["", "busybox"],
    ]);
  });

  it("builds only the stages the target needs", () => {
    expect(neededStages(plan, targetStage(plan, "")).map((s) => s.index)).toEqual([0, 2]);
    expect(targetStage(plan, "build").index).toBe(0);
    expect(() => targetStage(plan, "nope")).toThrow('target stage "nope" could not be found');
  });

  it("numbers the steps that make layers, as BuildKit's [n/m]", () => {
    expect(layerSteps(plan.stages[2]).map((i) => i.keyword)).toEqual(["from", "workdir", "copy"]);
  });
});
