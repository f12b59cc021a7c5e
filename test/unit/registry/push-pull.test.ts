/**
 * docker login, push and pull as a learner sees them, typed into the simulator.
 * Output shapes from docker/cli cli/command/registry/login.go (the unencrypted-credentials
 * warning, "Login Succeeded"), moby distribution/push_v2.go ("The push refers to
 * repository [...]", layer IDs from the truncated diff ID, "Pushed", "Layer already
 * exists", "<tag>: digest: sha256:... size: N"), moby distribution/errors.go for
 * "denied: requested access to the resource is denied", and Go's net/http dial errors
 * for a registry that is not listening (`dial tcp [::1]:5000: connect: connection refused`).
 */
import { describe, expect, it } from "vitest";
import { parseScript } from "../../../src/sim/script";
import { Simulation } from "../../../src/sim/simulation";

async function session(script: string, nodes = 1): Promise<Array<{ input: string; output: string; exit: number | null }>> {
  const sim = new Simulation({ nodes });
  await sim.start();
  await sim.run(parseScript(`${script.trim()}\n`));
  return sim.entries as Array<{ input: string; output: string; exit: number | null }>;
}

function entry(entries: Awaited<ReturnType<typeof session>>, input: string, nth = 0) {
  const found = entries.filter((e) => e.input === input)[nth];
  if (!found) throw new Error(`no entry for ${input}`);
  return found;
}

describe("Docker Hub push and pull", () => {
  it("denies a push before login, pushes after it, and serves the image to another host", async () => {
    const entries = await session(
      `
docker pull busybox
docker tag busybox student/box
docker push student/box
docker login -u student --password-stdin < /dev/null
echo s3cret | docker login -u student --password-stdin
docker push student/box
docker push student/box
#! node node2
docker pull student/box
docker run --rm student/box echo hi
docker pull student/box:v2
docker pull student/nothing
docker search student
`,
      2,
    );
    const denied = entry(entries, "docker push student/box");
    expect(denied.output).toMatch(
      /^Using default tag: latest\nThe push refers to repository \[docker\.io\/student\/box\]\n[0-9a-f]{12}: Preparing\ndenied: requested access to the resource is denied\n$/,
    );
    expect(denied.exit).toBe(1);
    const login = entry(entries, "echo s3cret | docker login -u student --password-stdin");
    expect(login.output).toContain("WARNING! Your credentials are stored unencrypted in '/root/.docker/config.json'.");
    expect(login.output.endsWith("Login Succeeded\n")).toBe(true);
    const pushed = entry(entries, "docker push student/box", 1);
    expect(pushed.output).toMatch(/\n[0-9a-f]{12}: Pushed\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    const again = entry(entries, "docker push student/box", 2);
    expect(again.output).toMatch(/\n[0-9a-f]{12}: Layer already exists\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/);
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(pushed.output)?.[1];
    const pulled = entry(entries, "docker pull student/box");
    expect(pulled.output).toBe(
      `Using default tag: latest\nlatest: Pulling from student/box\n${/([0-9a-f]{12}): Pull complete/.exec(pulled.output)?.[1]}: Pull complete\nDigest: ${digest}\nStatus: Downloaded newer image for student/box:latest\ndocker.io/student/box:latest\n`,
    );
    expect(entry(entries, "docker run --rm student/box echo hi").output).toBe("hi\n");
    expect(entry(entries, "docker pull student/box:v2").output).toBe(
      "Error response from daemon: manifest for student/box:v2 not found: manifest unknown: manifest unknown\n",
    );
    expect(entry(entries, "docker pull student/nothing").output).toBe(
      "Using default tag: latest\nError response from daemon: pull access denied for student/nothing, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    );
    // Docker Hub's search finds what was pushed (docker/cli cli/command/registry/search.go's table).
    expect(entry(entries, "docker search student").output).toMatch(/^NAME +DESCRIPTION +STARS +OFFICIAL\nstudent\/box +0 *\n$/);
  });

  it("only lets a user push to their own namespace", async () => {
    const entries = await session(`
docker pull busybox
docker tag busybox someoneelse/box
echo pw | docker login -u student --password-stdin
docker push someoneelse/box
`);
    expect(entry(entries, "docker push someoneelse/box").output).toContain("denied: requested access to the resource is denied\n");
  });
});

describe("a registry container on port 5000", () => {
  it("refuses connections before it runs, then stores pushes and serves pulls", async () => {
    const entries = await session(`
docker pull busybox
docker tag busybox localhost:5000/box
docker push localhost:5000/box
docker run -d -p 5000:5000 --name registry registry
docker push localhost:5000/box
curl -s localhost:5000/v2/_catalog
curl -s localhost:5000/v2/box/tags/list
docker image rm localhost:5000/box
docker pull localhost:5000/box
docker pull localhost:5000/nothing
docker tag busybox 192.168.0.18:5000/box
docker push 192.168.0.18:5000/box
`);
    const refused = entry(entries, "docker push localhost:5000/box");
    expect(refused.output).toBe(
      'Using default tag: latest\nThe push refers to repository [localhost:5000/box]\nGet "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused\n',
    );
    expect(refused.exit).toBe(1);
    expect(entry(entries, "docker push localhost:5000/box", 1).output).toMatch(
      /\n[0-9a-f]{12}: Pushed\nlatest: digest: sha256:[0-9a-f]{64} size: \d+\n$/,
    );
    expect(entry(entries, "curl -s localhost:5000/v2/_catalog").output).toBe('{"repositories":["box"]}\n');
    expect(entry(entries, "curl -s localhost:5000/v2/box/tags/list").output).toBe('{"name":"box","tags":["latest"]}\n');
    const pulled = entry(entries, "docker pull localhost:5000/box").output;
    expect(pulled).toContain("latest: Pulling from box\n");
    expect(pulled).toContain("Status: Downloaded newer image for localhost:5000/box:latest\nlocalhost:5000/box:latest\n");
    expect(entry(entries, "docker pull localhost:5000/nothing").output).toBe(
      "Using default tag: latest\nError response from daemon: manifest for localhost:5000/nothing:latest not found: manifest unknown: manifest unknown\n",
    );
    // Only loopback registries are insecure by default (InsecureRegistryCIDRs 127.0.0.0/8).
    expect(entry(entries, "docker push 192.168.0.18:5000/box").output).toContain(
      'Get "https://192.168.0.18:5000/v2/": http: server gave HTTP response to HTTPS client\n',
    );
  });
});
