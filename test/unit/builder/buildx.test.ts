// Platforms, remote contexts and the build cache records, end to end in the simulator.
// Expected texts: runc (libcontainer Init prints "exec /bin/sh: exec format error" and
// exits 255 when the exec fails after start), BuildKit's process error ("did not complete
// successfully: exit code: 255"), containerd's "no match for platform in manifest: not
// found", BuildKit's git source ("error fetching default branch for repository ...: git
// stderr:\n...: exit status 128", git/curl's "Could not resolve host") and HTTP source
// (Go's "dial tcp: lookup example.com on 8.8.8.8:53: no such host"), wrapped by the solver
// ("failed to load cache key") and dockerui ("failed to resolve dockerfile", "failed to
// resolve httpcontext"); docker/cli context.go for the classic builder's remote contexts.
import { beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("docker build across platforms, remotes and the cache", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string, nth = 0) => sim.entries.filter((e) => e.input === input)[nth];
  const ARGS = "docker build --progress=plain --platform linux/amd64 -t args .";
  const ARM = "docker build --progress=plain --platform linux/arm64 .";
  const ARM_COPY = "docker build -q -t armcopy -f Dockerfile.copy .";
  const CLOCK = "docker build --progress=plain -f Dockerfile.clock .";
  const GIT = "docker build --progress=plain https://github.com/docker/welcome-to-docker.git";
  const HTTP = "docker build --progress=plain https://example.com/app.tar.gz";

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          "mkdir app && cd app",
          "echo one > a.txt",
          `printf 'FROM alpine\\nARG TARGETPLATFORM\\nARG BUILDARCH\\nRUN echo "for $TARGETPLATFORM on $BUILDARCH" > /p\\nWORKDIR /app\\nCOPY a.txt .\\n' > Dockerfile`,
          "printf 'FROM --platform=linux/arm64 alpine\\nCOPY a.txt /\\n' > Dockerfile.copy",
          "printf 'FROM --platform=linux/arm64 jpetazzo/clock\\nRUN date\\n' > Dockerfile.clock",
          "docker buildx du",
          ARGS,
          "docker run --rm args cat /p",
          "#! wait 2m",
          ARGS,
          "docker buildx du",
          "docker buildx du --verbose",
          "docker system df",
          ARM,
          ARM_COPY,
          "docker image inspect -f '{{.Architecture}}' armcopy",
          CLOCK,
          "docker build --platform linux/amd64,linux/arm64 .",
          "docker build --platform foo .",
          GIT,
          HTTP,
          "DOCKER_BUILDKIT=0 docker build https://github.com/x/y.git",
          "DOCKER_BUILDKIT=0 docker build https://example.com/app.tar.gz",
          "docker builder prune -f",
          "docker system df",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("predefines the platform ARGs", () => {
    expect(out(ARGS).exit).toBe(0);
    expect(out("docker run --rm args cat /p").output).toBe("for linux/amd64 on amd64\n");
  });

  it("fails a RUN for another architecture as runc does without QEMU", () => {
    const arm = out(ARM);
    expect(arm.exit).toBe(1);
    expect(arm.output).toMatch(
      /^#(\d+) \[2\/4\] RUN echo .*\n#\1 \d\.\d{3} exec \/bin\/sh: exec format error\n#\1 ERROR: process .* exit code: 255$/m,
    );
    expect(arm.output).toMatch(
      /ERROR: failed to build: failed to solve: process "\/bin\/sh -c echo .*" did not complete successfully: exit code: 255\n$/,
    );
    expect(out(ARM_COPY).exit).toBe(0);
    expect(out("docker image inspect -f '{{.Architecture}}' armcopy").output).toBe("arm64\n");
  });

  it("fails a base image whose index lacks the platform", () => {
    expect(out(CLOCK).output).toContain(
      "ERROR: failed to build: failed to solve: jpetazzo/clock: failed to resolve source metadata for docker.io/jpetazzo/clock:latest: no match for platform in manifest: not found\n",
    );
    expect(out("docker build --platform foo .").output).toBe(
      'ERROR: failed to build: "foo": unknown operating system or architecture: invalid argument\n',
    );
    expect(out("docker build --platform linux/amd64,linux/arm64 .").output).toMatch(
      /^ERROR: failed to build: Multi-platform build is not supported for the docker driver\.\n/,
    );
  });

  it("fails remote contexts as an offline host does", () => {
    expect(out(GIT).output).toContain(`#1 [internal] load git source https://github.com/docker/welcome-to-docker.git
#1 ERROR: error fetching default branch for repository https://github.com/docker/welcome-to-docker.git: git stderr:
fatal: unable to access 'https://github.com/docker/welcome-to-docker.git/': Could not resolve host: github.com
: exit status 128
`);
    expect(out(GIT).output).toContain(
      "ERROR: failed to build: failed to solve: failed to resolve dockerfile: failed to load cache key: error fetching default branch for repository",
    );
    expect(out(HTTP).output).toContain(
      'ERROR: failed to build: failed to solve: failed to resolve httpcontext: failed to load cache key: Get "https://example.com/app.tar.gz": dial tcp: lookup example.com on 8.8.8.8:53: no such host\n',
    );
    expect(out("DOCKER_BUILDKIT=0 docker build https://github.com/x/y.git").output).toContain(
      `unable to prepare context: unable to find 'git': exec: "git": executable file not found in $PATH\n`,
    );
    expect(out("DOCKER_BUILDKIT=0 docker build https://example.com/app.tar.gz").output).toContain(
      'unable to download remote context https://example.com/app.tar.gz: Get "https://example.com/app.tar.gz": dial tcp: lookup example.com on 8.8.8.8:53: no such host\n',
    );
  });

  it("lists the build cache records and agrees with system df", () => {
    // The terminal expands the summary's tabs.
    expect(out("docker buildx du").output).toBe(
      "ID        RECLAIMABLE   SIZE      LAST ACCESSED\nReclaimable:    0B\nTotal:          0B\n",
    );
    const du = out("docker buildx du", 1).output.split("\n");
    expect(du[0]).toMatch(/^ID {26}RECLAIMABLE {3}SIZE {6}LAST ACCESSED$/);
    expect(du.slice(1, 4).every((l) => /^[0-9a-z]{25} {3}true {10}\d+B +Less than a second ago$/.test(l))).toBe(true);
    expect(du[4]).toMatch(/^Reclaimable: {4}\d+B$/);
    const verbose = out("docker buildx du --verbose").output;
    expect(verbose).toContain('Description:  [2/4] RUN echo "for $TARGETPLATFORM on $BUILDARCH" > /p\nUsage count:  2\n');
    expect(verbose).toContain("Description:  [4/4] COPY a.txt .\n");
    expect(out("docker system df").output).toMatch(/^Build Cache {5}3 {9}0 {9}\d+B {6,}\d+B\n$/m);
  });

  it("prunes every record", () => {
    const prune = out("docker builder prune -f").output;
    expect(prune).toMatch(/^ID {46}RECLAIMABLE {5}SIZE {12}LAST ACCESSED\n/);
    expect(prune).toMatch(/\nTotal: {2}\d+B\n$/);
    expect(out("docker system df", 1).output).toMatch(/^Build Cache {5}0 {9}0 {9}0B {8}0B\n$/m);
  });
});
