// BuildKit's build checks. Rule texts from moby/buildkit frontend/dockerfile/linter/ruleset.go;
// where they fire from dockerfile2llb (convert.go dispatchCmd/dispatchWorkdir/dispatchEnv,
// validations.go validateCommandCasing/validateStageNames/validateUsedOnce) and
// instructions/parse.go (MAINTAINER, FROM ... AS). The short form is linter.LintFormatShort.
import { describe, expect, it } from "vitest";
import { dockerfileDiagnostics } from "../../../src/engine/daemon/builder/checks/diagnostics";
import { checkConfig, runChecks, shortMessage } from "../../../src/engine/daemon/builder/checks/lint";
import { parseDockerfile } from "../../../src/engine/daemon/builder/parser";

const lint = (text: string, imageEnv?: (name: string) => string[] | undefined) =>
  runChecks(parseDockerfile(text), { imageEnv }).map(shortMessage);

describe("build checks", () => {
  it("recommends JSON arguments for CMD and ENTRYPOINT, unless a SHELL is set", () => {
    expect(lint("FROM alpine\nCMD python app.py\n")).toEqual([
      "JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 2)",
    ]);
    expect(lint('FROM alpine\nENTRYPOINT ["python"]\nCMD ["app.py"]\n')).toEqual([]);
    expect(lint('FROM alpine\nSHELL ["/bin/bash", "-c"]\nCMD python app.py\n')).toEqual([]);
  });

  it("reports the earlier of two CMDs, which has no effect", () => {
    const warnings = runChecks(parseDockerfile('FROM alpine\nCMD ["a"]\nCMD ["b"]\n'));
    expect(warnings.map((w) => [w.rule, w.startLine])).toEqual([["MultipleInstructionsDisallowed", 2]]);
    expect(warnings[0].message).toBe(
      "Multiple CMD instructions should not be used in the same stage because only the last one will be used",
    );
    // One per stage: a second stage starts over.
    expect(lint('FROM alpine AS a\nCMD ["a"]\nFROM alpine\nCMD ["b"]\n')).toEqual([]);
  });

  it("flags MAINTAINER, stage names and keyword casing", () => {
    expect(lint('FROM alpine\nMAINTAINER me\nCMD ["x"]\n')).toEqual([
      "MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)",
    ]);
    expect(lint("FROM alpine AS Build\nFROM alpine as final\n")).toEqual([
      "StageNameCasing: Stage name 'Build' should be lowercase (line 1)",
      "FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 2)",
    ]);
    expect(lint("FROM alpine AS one\nFROM alpine AS one\n")).toEqual([
      'DuplicateStageName: Duplicate stage name "one", stage names should be unique (line 2)',
    ]);
    expect(lint('FROM alpine\nrun echo hi\nRUN echo there\nCmd ["x"]\n')).toEqual([
      "ConsistentInstructionCasing: Command 'run' should match the case of the command majority (uppercase) (line 2)",
      "ConsistentInstructionCasing: Command 'Cmd' should match the case of the command majority (uppercase) (line 4)",
    ]);
  });

  it("checks WORKDIR, ENV/LABEL forms and undefined variables", () => {
    expect(lint("FROM alpine\nWORKDIR app\nWORKDIR sub\n")).toEqual([
      'WorkdirRelativePath: Relative workdir "app" can have unexpected results if the base image changes (line 2)',
    ]);
    expect(lint("FROM alpine\nENV A 1\nLABEL b=2\n")).toEqual([
      'LegacyKeyValueFormat: "ENV key=value" should be used instead of legacy "ENV key value" format (line 2)',
    ]);
    expect(lint("FROM alpine\nENV APP_HOME=/app\nCOPY . $APP_HOM\nENV PATH=$PATH:/x\n")).toEqual([
      "UndefinedVar: Usage of undefined variable '$APP_HOM' (did you mean $APP_HOME?) (line 3)",
    ]);
    // The base image's own ENV counts when it is known; ARGs declared in the stage too.
    expect(lint("FROM python\nARG V\nENV X=$PYTHON_VERSION$V\n", () => ["PATH", "PYTHON_VERSION"])).toEqual([]);
    expect(lint("FROM python\nENV X=$PYTHON_VERSION\n")).toHaveLength(1);
  });

  it("honours the check directive", () => {
    expect(lint("# check=skip=JSONArgsRecommended\nFROM alpine\nCMD python app.py\n")).toEqual([]);
    expect(checkConfig("skip=all;error=true")).toMatchObject({ skipAll: true, error: true });
  });
});

describe("editor diagnostics", () => {
  it("reports the parse error docker build prints, with its line", () => {
    expect(dockerfileDiagnostics("FROM alpine\nRUNN echo\n")).toEqual([
      { line: 2, severity: "error", code: "parse", message: "dockerfile parse error on line 2: unknown instruction: RUNN" },
    ]);
  });

  it("adds best-practice advice to the build checks", () => {
    const text = [
      "FROM python:latest",
      "RUN apt-get update && apt-get install curl",
      "ADD app.py /app/",
      "CMD python app.py",
      "CMD python app.py",
      "FROM ubuntu",
      "RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
      "ADD https://example.com/x.tar.gz /tmp/",
      "",
    ].join("\n");
    const found = dockerfileDiagnostics(text).map((d) => `${d.line} ${d.severity} ${d.code}`);
    expect(found).toEqual([
      "1 warning DL3007",
      "2 warning DL3014",
      "2 info DL3009",
      "3 warning DL3020",
      "4 warning JSONArgsRecommended",
      "4 warning MultipleInstructionsDisallowed",
      "4 warning DL4003",
      "5 warning JSONArgsRecommended",
      "6 warning DL3006",
    ]);
    const latest = dockerfileDiagnostics(text)[0];
    expect([latest.column, latest.endColumn]).toEqual([6, 19]);
  });
});
