// Multi-stage builds, --target, ARG/--build-arg, WORKDIR, heredocs, ONBUILD, .dockerignore
// and `docker build -`, as the Dockerfile reference describes them
// (docs.docker.com/reference/dockerfile, docs.docker.com/build/building/context).
import { beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

const DOCKERFILE = [
  "ARG BASE=alpine",
  "FROM $BASE AS build",
  "ARG VERSION=1",
  "WORKDIR /src",
  "RUN <<EOF",
  "echo v$VERSION > out.txt",
  "EOF",
  "FROM busybox",
  "WORKDIR /app",
  "COPY --from=build /src/out.txt .",
  "COPY . ctx/",
  'CMD ["sh", "-c", "cat /app/out.txt; ls /app/ctx"]',
].join("\n");

describe("multi-stage builds", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string) => sim.entries.filter((e) => e.input === input)[0];

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          "mkdir ms && cd ms",
          `cat > Dockerfile <<'END'\n${DOCKERFILE}\nEND`,
          "echo keep > keep.txt",
          "echo secret > secret.txt",
          "printf 'secret.txt\\n' > .dockerignore",
          "docker build -q --build-arg VERSION=7 -t ms .",
          "docker run --rm ms",
          "docker build --progress=plain --target build -t ms-build .",
          "docker history --no-trunc --format '{{.CreatedBy}}' ms-build",
          "printf 'FROM alpine\\nONBUILD RUN echo triggered > /t\\n' > Dockerfile",
          "docker build -q -t base-onbuild .",
          "printf 'FROM base-onbuild\\nCMD cat /t\\n' | docker build -q -t child -",
          "docker run --rm child",
          "docker build -t Bad .",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("copies from an earlier stage into the WORKDIR, with build args and .dockerignore", () => {
    expect(out("docker build -q --build-arg VERSION=7 -t ms .").output).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(out("docker run --rm ms").output).toBe("v7\nDockerfile\nkeep.txt\n");
  });

  it("builds only the stages --target needs", () => {
    const output = out("docker build --progress=plain --target build -t ms-build .").output;
    expect(output).toContain("[build 1/3] FROM docker.io/library/alpine:latest");
    expect(output).toContain("[build 3/3] RUN <<EOF");
    expect(output).not.toContain("busybox");
    expect(out("docker history --no-trunc --format '{{.CreatedBy}}' ms-build").output).toMatch(
      /^RUN \|1 VERSION=1 \/bin\/sh -c echo v\$VERSION > out\.txt[\s\S]*?# buildkit\nWORKDIR \/src\nARG VERSION=1\n/,
    );
  });

  it("runs the base image's ONBUILD triggers and reads a Dockerfile from stdin", () => {
    expect(out("printf 'FROM base-onbuild\\nCMD cat /t\\n' | docker build -q -t child -").exit).toBe(0);
    expect(out("docker run --rm child").output).toBe("triggered\n");
  });

  it("refuses an invalid tag before building", () => {
    expect(out("docker build -t Bad .").output).toBe(
      'ERROR: failed to build: invalid tag "Bad": invalid reference format: repository name (library/Bad) must be lowercase\n',
    );
  });
});
