// docker build end to end in the simulator. Expected texts: BuildKit's plain progress
// (moby/buildkit util/progress/progressui printer.go: "#5 [2/3] RUN ...", "#5 CACHED",
// "#5 DONE 0.0s", "naming to docker.io/library/x:latest done"), buildx's error summary
// ("ERROR: failed to build: failed to solve: process \"/bin/sh -c exit 3\" did not complete
// successfully: exit code: 3"), the classic builder's text (moby daemon/builder/dockerfile
// builder.go "Step %d/%d : %v", internals.go " ---> Using cache", " ---> Running in %s",
// containerbackend.go " ---> Removed intermediate container %s"; docker/cli build.go
// "Successfully built", "Successfully tagged"), and BuildKit's history ("RUN /bin/sh -c ...
// # buildkit", comment buildkit.dockerfile.v0).
import { beforeAll, describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

describe("docker build", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string, nth = 0) => sim.entries.filter((e) => e.input === input)[nth];
  const BUILD = "docker build --progress=plain -t hello .";
  const CLASSIC = "DOCKER_BUILDKIT=0 docker build -t classic .";

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          "mkdir app && cd app",
          "echo one > a.txt",
          `printf 'FROM alpine\\nRUN echo built > /built && echo building\\nENV GREETING=hi\\nCMD ["cat", "/a.txt"]\\nCOPY a.txt /a.txt\\n' > Dockerfile`,
          BUILD,
          "docker run --rm hello",
          BUILD,
          "echo two > a.txt",
          BUILD,
          "docker run --rm hello",
          "docker history hello",
          "docker image inspect -f '{{json .Config.Env}} {{json .Config.Cmd}} {{len .RootFS.Layers}}' hello",
          CLASSIC,
          CLASSIC,
          "printf 'FROM alpine\\nRUN echo out && exit 3\\n' > Dockerfile",
          "docker build --progress=plain .",
          "DOCKER_BUILDKIT=0 docker build .",
          "docker build",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("shows BuildKit's plain progress and runs the built image", () => {
    const first = out(BUILD);
    expect(first.exit).toBe(0);
    expect(first.output).toContain("#1 [internal] load build definition from Dockerfile\n");
    expect(first.output).toMatch(/^#\d+ \[1\/3\] FROM docker\.io\/library\/alpine:latest/m);
    expect(first.output).toMatch(/^#(\d+) \[2\/3\] RUN echo built > \/built && echo building\n#\1 0\.\d{3} building\n#\1 DONE \d+\.\ds$/m);
    expect(first.output).toMatch(/^#\d+ naming to docker\.io\/library\/hello:latest done$/m);
    expect(out("docker run --rm hello").output).toBe("one\n");
  });

  it("uses the cache until a copied file changes", () => {
    const again = out(BUILD, 1).output;
    expect(again).toMatch(/^#(\d+) \[2\/3\] RUN .*\n#\1 CACHED$/m);
    expect(again).toMatch(/^#(\d+) \[3\/3\] COPY a\.txt \/a\.txt\n#\1 CACHED$/m);
    const edited = out(BUILD, 2).output;
    expect(edited).toMatch(/^#(\d+) \[2\/3\] RUN .*\n#\1 CACHED$/m);
    expect(edited).toMatch(/^#(\d+) \[3\/3\] COPY a\.txt \/a\.txt\n#\1 DONE/m);
    expect(out("docker run --rm hello", 1).output).toBe("two\n");
  });

  it("writes the history and config BuildKit writes", () => {
    const history = out("docker history hello").output.split("\n");
    expect(history[1]).toMatch(/^[0-9a-f]{12}\s+.*\sCOPY a\.txt \/a\.txt # buildkit\s+4B\s+buildkit\.dockerfile\.v0$/);
    expect(history[2]).toMatch(/^<missing>\s+.*\sCMD \["cat" "\/a\.txt"\]\s+0B\s+buildkit\.dockerfile\.v0$/);
    expect(history[3]).toMatch(/^<missing>\s+.*\sENV GREETING=hi\s+0B\s+buildkit\.dockerfile\.v0$/);
    expect(history[4]).toMatch(/^<missing>\s+.*\sRUN \/bin\/sh -c echo built > \/built && echo b…\s+6B\s+buildkit\.dockerfile\.v0$/);
    expect(out("docker image inspect -f '{{json .Config.Env}} {{json .Config.Cmd}} {{len .RootFS.Layers}}' hello").output).toBe(
      '["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","GREETING=hi"] ["cat","/a.txt"] 3\n',
    );
  });

  it("prints the classic builder's steps, then its cache", () => {
    const first = out(CLASSIC).output;
    expect(first).toMatch(/^Sending build context to Docker daemon {2}[\d.]+kB$/m);
    expect(first).toMatch(
      /^Step 2\/5 : RUN echo built > \/built && echo building\n ---> Running in ([0-9a-f]{12})\nbuilding\n ---> Removed intermediate container \1\n ---> [0-9a-f]{12}$/m,
    );
    expect(first).toMatch(
      /^Step 5\/5 : COPY a\.txt \/a\.txt\n ---> [0-9a-f]{12}\nSuccessfully built [0-9a-f]{12}\nSuccessfully tagged classic:latest\n$/m,
    );
    const second = out(CLASSIC, 1).output;
    expect(second).toMatch(/^Step 2\/5 : RUN echo built > \/built && echo building\n ---> Using cache\n ---> [0-9a-f]{12}$/m);
    expect(second).not.toContain("Running in");
  });

  it("reports a failing RUN as BuildKit and the classic builder do", () => {
    const failed = out("docker build --progress=plain .");
    expect(failed.exit).toBe(1);
    expect(failed.output).toContain("------\n > [2/2] RUN echo out && exit 3:\n0.000 out\n------\n");
    expect(failed.output).toContain(
      "Dockerfile:2\n--------------------\n   1 |     FROM alpine\n   2 | >>> RUN echo out && exit 3\n   3 |\n--------------------\n",
    );
    expect(failed.output).toMatch(
      /ERROR: failed to build: failed to solve: process "\/bin\/sh -c echo out && exit 3" did not complete successfully: exit code: 3\n$/,
    );
    const classic = out("DOCKER_BUILDKIT=0 docker build .");
    expect(classic.exit).toBe(1);
    expect(classic.output).toMatch(/The command '\/bin\/sh -c echo out && exit 3' returned a non-zero code: 3\n$/);
  });

  it("asks for the context argument as buildx does", () => {
    expect(out("docker build").output).toContain('ERROR: "docker buildx build" requires exactly 1 argument.\n');
    expect(out("docker build").exit).toBe(1);
  });
});

describe("docker build of the linux_tweet_app", () => {
  const sim = new Simulation({ nodes: 1 });
  const out = (input: string) => sim.entries.filter((e) => e.input === input)[0];

  beforeAll(async () => {
    await sim.start();
    await sim.run(
      parseScript(
        [
          "echo '<h1>Linux Tweet App</h1>' > index.html",
          "touch linux.png",
          `printf 'FROM nginx:latest\\nCOPY index.html /usr/share/nginx/html\\nCOPY linux.png /usr/share/nginx/html\\nEXPOSE 80 443\\nCMD ["nginx", "-g", "daemon off;"]\\n' > Dockerfile`,
          "docker image build --progress=plain --tag learner/linux_tweet_app:1.0 .",
          "docker run -d -p 80:80 --name tweet learner/linux_tweet_app:1.0",
          "#! wait 2s",
          "curl -s localhost",
          "docker image inspect -f '{{json .Config.ExposedPorts}}' learner/linux_tweet_app:1.0",
        ].join("\n"),
      ),
    );
  }, 120_000);

  it("builds, runs and serves the copied page", () => {
    const build = out("docker image build --progress=plain --tag learner/linux_tweet_app:1.0 .");
    expect(build.exit).toBe(0);
    expect(build.output).toMatch(/\[2\/3\] COPY index\.html \/usr\/share\/nginx\/html/);
    expect(build.output).toMatch(/naming to docker\.io\/learner\/linux_tweet_app:1\.0 done/);
    expect(out("curl -s localhost").output).toBe("<h1>Linux Tweet App</h1>\n");
    expect(out("docker image inspect -f '{{json .Config.ExposedPorts}}' learner/linux_tweet_app:1.0").output).toBe(
      '{"443/tcp":{},"80/tcp":{}}\n',
    );
  });
});
